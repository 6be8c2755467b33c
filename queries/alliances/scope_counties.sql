-- alliances/scope_counties: the counties of a scope with their children, the ground of the growth playback.
-- params: $scope ('' = national, or a province or city adcode)
SELECT adcode, name, coalesce(pop_0_14, 0) AS children
FROM regions
WHERE level = 'county' AND ($scope = '' OR province_adcode = $scope OR city_adcode = $scope)
ORDER BY adcode
