-- transport_monthly: trips per month by patient type (newborn / child) and criticality, with their route km.
-- params: $year, $scope ('' = national, or a province or city adcode; the sending hospital's location), $centre ('' = every centre, or the receiving centre's hospital_id)
SELECT month(t.dispatched_at) AS month, t.patient, t.critical, count(*) AS trips, sum(t.distance_km) AS km
FROM transfers AS t
JOIN hospitals AS h ON h.hospital_id = t.from_hospital_id
JOIN regions AS r ON r.adcode = h.county_adcode
WHERE t.dispatched_at >= make_date($year, 1, 1) AND t.dispatched_at < make_date($year + 1, 1, 1)
  AND ($scope = '' OR r.province_adcode = $scope OR r.city_adcode = $scope)
  AND ($centre = '' OR t.to_hospital_id = $centre)
GROUP BY ALL
ORDER BY month, t.patient, t.critical
