-- transport_counties: counties of a scope with their representative point and children (0-14), for the distance bands.
-- params: $scope ('' = national, or a province or city adcode)
SELECT c.adcode, c.name, p.name AS city_name, c.province_adcode, c.lon, c.lat,
       coalesce(c.pop_0_14, 0) AS children
FROM regions AS c
JOIN regions AS p ON p.adcode = c.city_adcode
WHERE c.level = 'county' AND ($scope = '' OR c.province_adcode = $scope OR c.city_adcode = $scope)
ORDER BY c.adcode
