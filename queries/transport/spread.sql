-- transport_spread: quartiles and upper Tukey fence (Q3 + 1.5 IQR) of route km, time to arrival and minutes per km.
-- params: $year, $scope ('' = national, or a province or city adcode; the sending hospital's location), $centre ('' = every centre, or the receiving centre's hospital_id)
WITH picked AS (
    SELECT t.distance_km AS km, t.duration_min::DOUBLE AS minutes,
           t.duration_min / greatest(t.distance_km, 0.1) AS minutes_per_km
    FROM transfers AS t
    JOIN hospitals AS h ON h.hospital_id = t.from_hospital_id
    JOIN regions AS r ON r.adcode = h.county_adcode
    WHERE t.dispatched_at >= make_date($year, 1, 1) AND t.dispatched_at < make_date($year + 1, 1, 1)
      AND ($scope = '' OR r.province_adcode = $scope OR r.city_adcode = $scope)
      AND ($centre = '' OR t.to_hospital_id = $centre)
),
values AS (
    UNPIVOT picked ON km, minutes, minutes_per_km INTO NAME measure VALUE value
),
quartiles AS (
    SELECT measure, count(*) AS trips, min(value) AS minimum,
           quantile_cont(value, 0.25) AS q1, quantile_cont(value, 0.5) AS median,
           quantile_cont(value, 0.75) AS q3, max(value) AS maximum
    FROM values
    GROUP BY measure
)
SELECT measure, trips, minimum, q1, median, q3, maximum, q3 + 1.5 * (q3 - q1) AS upper_fence
FROM quartiles
ORDER BY measure
