-- transport_histogram: trips per bin of route length ($km_bin km wide) and of time to arrival ($minutes_bin min wide).
-- params: $year, $scope ('' = national, or a province or city adcode; the sending hospital's location), $centre ('' = every centre, or the receiving centre's hospital_id), $km_bin, $minutes_bin
WITH picked AS (
    SELECT t.distance_km, t.duration_min
    FROM transfers AS t
    JOIN hospitals AS h ON h.hospital_id = t.from_hospital_id
    JOIN regions AS r ON r.adcode = h.county_adcode
    WHERE t.dispatched_at >= make_date($year, 1, 1) AND t.dispatched_at < make_date($year + 1, 1, 1)
  AND ($scope = '' OR r.province_adcode = $scope OR r.city_adcode = $scope)
  AND ($centre = '' OR t.to_hospital_id = $centre)
)
SELECT 'km' AS measure, floor(distance_km / $km_bin) * $km_bin AS bin_start, count(*) AS trips
FROM picked GROUP BY 2
UNION ALL
SELECT 'minutes', floor(duration_min / $minutes_bin) * $minutes_bin, count(*)
FROM picked GROUP BY 2
ORDER BY measure, bin_start
