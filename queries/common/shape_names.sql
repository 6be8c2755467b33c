-- common/shape_names: the units of one boundary layer within a scope, without their polygons (a figure that draws the layer by URL needs only ids and names).
-- params: $layer (province / city / county / county_fine), $scope ('' = national, or a province or city adcode)
SELECT s.adcode, s.name
FROM region_shapes AS s
LEFT JOIN regions AS r ON r.adcode = s.adcode
WHERE s.layer = $layer
  AND ($scope = '' OR s.province_adcode = $scope OR r.city_adcode = $scope)
ORDER BY s.adcode
