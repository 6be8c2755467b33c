-- transport_outliers: trips above the upper Tukey fence (Q3 + 1.5 IQR) in route km, time to arrival or minutes per km.
-- params: $year, $scope ('' = national, or a province or city adcode; the sending hospital's location), $centre ('' = every centre, or the receiving centre's hospital_id), $limit (most rows returned)
WITH picked AS (
    SELECT t.transfer_id, t.dispatched_at, t.from_hospital_id, t.from_name,
           t.to_hospital_id, t.patient, t.critical, t.distance_km, t.duration_min,
           t.duration_min / greatest(t.distance_km, 0.1) AS minutes_per_km, t.outcome
    FROM transfers_in_scope($year, $scope, $centre) AS t
),
fences AS (
    SELECT tukey_upper_fence(quantile_cont(distance_km, 0.25), quantile_cont(distance_km, 0.75)) AS km_fence,
           tukey_upper_fence(quantile_cont(duration_min, 0.25), quantile_cont(duration_min, 0.75)) AS minutes_fence,
           tukey_upper_fence(quantile_cont(minutes_per_km, 0.25), quantile_cont(minutes_per_km, 0.75)) AS pace_fence
    FROM picked
)
SELECT p.transfer_id, p.dispatched_at, p.from_hospital_id, p.from_name, p.to_hospital_id, c.name AS to_name,
       p.patient, p.critical, p.distance_km, p.duration_min, p.minutes_per_km, p.outcome,
       p.distance_km > f.km_fence AS long_route,
       p.duration_min > f.minutes_fence AS long_time,
       p.minutes_per_km > f.pace_fence AS slow_pace,
       count(*) OVER () AS outliers
FROM picked AS p
CROSS JOIN fences AS f
JOIN hospitals AS c ON c.hospital_id = p.to_hospital_id
WHERE p.distance_km > f.km_fence OR p.duration_min > f.minutes_fence OR p.minutes_per_km > f.pace_fence
ORDER BY p.minutes_per_km DESC, p.transfer_id
LIMIT $limit
