-- transport_histogram: trips per bin of route length ($km_bin km wide) and of time to arrival ($minutes_bin min wide).
-- params: $year, $scope ('' = national, or a province or city adcode; the sending hospital's location), $centre ('' = every centre, or the receiving centre's hospital_id), $km_bin, $minutes_bin
WITH picked AS (
    SELECT t.distance_km, t.duration_min
    FROM transfers_in_scope($year, $scope, $centre) AS t
)
SELECT 'km' AS measure, floor(distance_km / $km_bin) * $km_bin AS bin_start, count(*) AS trips
FROM picked GROUP BY 2
UNION ALL
SELECT 'minutes', floor(duration_min / $minutes_bin) * $minutes_bin, count(*)
FROM picked GROUP BY 2
ORDER BY measure, bin_start
