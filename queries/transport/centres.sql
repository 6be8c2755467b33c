-- transport_centres: receiving centres with trips from a scope in one year, busiest first (the page's centre picker).
-- params: $year, $scope ('' = national, or a province or city adcode; the sending hospital's location)
SELECT t.to_hospital_id AS hospital_id, c.name, count(*) AS trips
FROM transfers_in_scope($year, $scope, '') AS t
JOIN hospitals AS c ON c.hospital_id = t.to_hospital_id
GROUP BY ALL
ORDER BY trips DESC, hospital_id
