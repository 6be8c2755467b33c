-- map_hospitals: hospitals to draw on the map within a scope, with their resources for one year and their alliances.
-- params: $year, $scope ('' = national, or a province or city adcode), $min_tier ('三级', '二级' or '' for all)
SELECT h.hospital_id, h.name, h.kind, h.tier, h.lon, h.lat, h.county_adcode,
       x.ped_physicians, x.ped_beds, x.nicu_beds, x.picu_beds,
       coalesce(string_agg(DISTINCT a.name, '、' ORDER BY a.name), '') AS alliances
FROM hospitals AS h
JOIN regions AS r ON r.adcode = h.county_adcode
JOIN hospital_resources AS x ON x.hospital_id = h.hospital_id AND x.year = $year
LEFT JOIN members_at_year_end($year) AS m ON m.hospital_id = h.hospital_id
LEFT JOIN alliances AS a ON a.alliance_id = m.alliance_id
WHERE ($scope = '' OR r.province_adcode = $scope OR r.city_adcode = $scope)
  AND ($min_tier = '' OR h.tier = '三级' OR ($min_tier = '二级' AND h.tier = '二级'))
GROUP BY ALL
ORDER BY h.hospital_id
