-- transport_centres: receiving centres with trips from a scope in one year, busiest first (the page's centre picker).
-- params: $year, $scope ('' = national, or a province or city adcode; the sending hospital's location)
SELECT t.to_hospital_id AS hospital_id, c.name, count(*) AS trips
FROM transfers AS t
JOIN hospitals AS h ON h.hospital_id = t.from_hospital_id
JOIN regions AS r ON r.adcode = h.county_adcode
JOIN hospitals AS c ON c.hospital_id = t.to_hospital_id
WHERE t.dispatched_at >= make_date($year, 1, 1) AND t.dispatched_at < make_date($year + 1, 1, 1)
  AND ($scope = '' OR r.province_adcode = $scope OR r.city_adcode = $scope)
GROUP BY ALL
ORDER BY trips DESC, hospital_id
