-- shapes: polygons of one boundary layer within a scope.
-- params: $layer (province / city / county / county_fine / context / sea_line), $scope ('' = national, or a province or city adcode)
SELECT s.adcode, s.name, s.geom_wkb
FROM region_shapes AS s
LEFT JOIN regions AS r ON r.adcode = s.adcode
WHERE s.layer = $layer
  AND ($scope = '' OR s.province_adcode = $scope OR r.city_adcode = $scope)
ORDER BY s.adcode
