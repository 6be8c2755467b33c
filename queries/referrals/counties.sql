-- referral_counties: counties of a scope with their prefecture, representative point and children, for the service-area maps.
-- params: $scope ('' = national, or a province or city adcode)
SELECT c.adcode, c.name, c.city_adcode, p.name AS city_name, c.province_adcode, c.lon, c.lat,
       coalesce(c.pop_0_14, 0) AS children
FROM regions AS c
JOIN regions AS p ON p.adcode = c.city_adcode
WHERE c.level = 'county' AND ($scope = '' OR c.province_adcode = $scope OR c.city_adcode = $scope)
ORDER BY c.adcode
