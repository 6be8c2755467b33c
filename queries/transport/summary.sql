-- transport_summary: headline figures of critical-care transports from a scope (to one centre or all) in one year (one row).
-- params: $year, $scope ('' = national, or a province or city adcode; the sending hospital's location), $centre ('' = every centre, or the receiving centre's hospital_id)
SELECT count(*) AS trips,
       count(*) FILTER (WHERE t.patient = 'newborn') AS newborns,
       count(*) FILTER (WHERE t.critical) AS critical,
       count(*) FILTER (WHERE t.patient = 'newborn' AND t.critical) AS critical_newborns,
       coalesce(sum(t.distance_km), 0) AS total_km,
       avg(t.distance_km) AS km_per_trip,
       count(DISTINCT t.from_hospital_id) AS origins,
       count(DISTINCT t.to_hospital_id) AS centres,
       quantile_cont(t.duration_min, 0.5) AS duration_median,
       quantile_cont(t.duration_min, 0.9) AS duration_p90,
       count(*) FILTER (WHERE t.outcome = 'died_en_route') AS died_en_route
FROM transfers_in_scope($year, $scope, $centre) AS t
