-- referral_monthly: referrals per month and direction for a scope, alliance and hospital in one year.
-- params: $year, $scope ('' = national, or a province or city adcode), $alliance ('' = any), $hospital ('' = any)
-- A referral belongs to the scope of the patient's home side: the sending hospital's county for
-- up and lateral referrals, the receiving hospital's county for down referrals. With $alliance,
-- either hospital is an active member on the referral date; with $hospital, either end is it.
WITH counted AS (
    SELECT from_hospital_id, to_hospital_id, direction, month(referred_on) AS month, count(*) AS referrals
    FROM referrals_picked($year, $alliance, $hospital)
    WHERE $alliance <> '' OR $hospital <> ''
    GROUP BY ALL
)
-- Without alliance and hospital filters the monthly rollup (pedatlas/build/derived.py) has the
-- counts per patient home county already.
SELECT m.month, m.direction, sum(m.referrals)::BIGINT AS referrals
FROM derived_referral_months AS m
JOIN regions AS r ON r.adcode = m.home_county
WHERE $alliance = '' AND $hospital = '' AND m.year = $year
  AND ($scope = '' OR r.province_adcode = $scope OR r.city_adcode = $scope)
GROUP BY m.month, m.direction
UNION ALL
SELECT c.month, c.direction, sum(c.referrals)::BIGINT AS referrals
FROM counted AS c
JOIN hospital_places($scope) AS f ON f.hospital_id = c.from_hospital_id
JOIN hospital_places($scope) AS t ON t.hospital_id = c.to_hospital_id
WHERE on_patient_side(c.direction, f.in_scope, t.in_scope)
GROUP BY c.month, c.direction
ORDER BY month, direction
