-- transport_routes: trips per route (sending hospital -> receiving centre) with both points, km and time.
-- params: $year, $scope ('' = national, or a province or city adcode; the sending hospital's location), $centre ('' = every centre, or the receiving centre's hospital_id)
SELECT t.from_hospital_id, h.name AS from_name, h.lon AS from_lon, h.lat AS from_lat,
       t.to_hospital_id, c.name AS to_name, c.lon AS to_lon, c.lat AS to_lat,
       count(*) AS trips, sum(t.distance_km) AS km, avg(t.duration_min) AS mean_duration
FROM transfers AS t
JOIN hospitals AS h ON h.hospital_id = t.from_hospital_id
JOIN regions AS r ON r.adcode = h.county_adcode
JOIN hospitals AS c ON c.hospital_id = t.to_hospital_id
WHERE t.dispatched_at >= make_date($year, 1, 1) AND t.dispatched_at < make_date($year + 1, 1, 1)
  AND ($scope = '' OR r.province_adcode = $scope OR r.city_adcode = $scope)
  AND ($centre = '' OR t.to_hospital_id = $centre)
GROUP BY ALL
ORDER BY trips DESC, t.from_hospital_id, t.to_hospital_id
