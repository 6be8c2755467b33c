-- transport_routes: trips per route (sending hospital -> receiving centre) with both points, km and time.
-- params: $year, $scope ('' = national, or a province or city adcode; the sending hospital's location), $centre ('' = every centre, or the receiving centre's hospital_id)
SELECT t.from_hospital_id, t.from_name, t.from_lon, t.from_lat,
       t.to_hospital_id, c.name AS to_name, c.lon AS to_lon, c.lat AS to_lat,
       count(*) AS trips, sum(t.distance_km) AS km, avg(t.duration_min) AS mean_duration
FROM transfers_in_scope($year, $scope, $centre) AS t
JOIN hospitals AS c ON c.hospital_id = t.to_hospital_id
GROUP BY ALL
ORDER BY trips DESC, t.from_hospital_id, t.to_hospital_id
