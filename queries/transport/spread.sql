-- transport_spread: quartiles and Tukey fences (Q1 - 1.5 IQR, Q3 + 1.5 IQR) of route km, time to arrival and minutes per km.
-- params: $year, $scope ('' = national, or a province or city adcode; the sending hospital's location), $centre ('' = every centre, or the receiving centre's hospital_id)
WITH picked AS (
    SELECT t.distance_km AS km, t.duration_min::DOUBLE AS minutes,
           t.duration_min / greatest(t.distance_km, 0.1) AS minutes_per_km
    FROM transfers_in_scope($year, $scope, $centre) AS t
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
SELECT measure, trips, minimum, q1, median, q3, maximum,
       tukey_lower_fence(q1, q3) AS lower_fence, tukey_upper_fence(q1, q3) AS upper_fence
FROM quartiles
ORDER BY measure
