-- transport_monthly: trips per month by patient type (newborn / child) and criticality, with their route km.
-- params: $year, $scope ('' = national, or a province or city adcode; the sending hospital's location), $centre ('' = every centre, or the receiving centre's hospital_id)
SELECT month(t.dispatched_at) AS month, t.patient, t.critical, count(*) AS trips, sum(t.distance_km) AS km
FROM transfers_in_scope($year, $scope, $centre) AS t
GROUP BY ALL
ORDER BY month, t.patient, t.critical
