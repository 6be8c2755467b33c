-- referral_monthly: referrals per month and direction for a scope, alliance and hospital in one year.
-- params: $year, $scope ('' = national, or a province or city adcode), $alliance ('' = any), $hospital ('' = any)
-- A referral belongs to the scope of the patient's home side: the sending hospital's county for
-- up and lateral referrals, the receiving hospital's county for down referrals. With $alliance,
-- either hospital is an active member on the referral date; with $hospital, either end is it.
WITH
-- Referrals of the year that pass the alliance and hospital filters, counted per hospital pair
-- first (the joins below then run on pairs, not on millions of referral rows).
counted AS (
    SELECT r.from_hospital_id, r.to_hospital_id, r.direction, month(r.referred_on) AS month, count(*) AS referrals
    FROM referrals_picked($year, $alliance, $hospital) AS r
    GROUP BY ALL
)
SELECT c.month, c.direction, sum(c.referrals)::BIGINT AS referrals
FROM counted AS c
JOIN hospital_places($scope) AS f ON f.hospital_id = c.from_hospital_id
JOIN hospital_places($scope) AS t ON t.hospital_id = c.to_hospital_id
WHERE on_patient_side(c.direction, f.in_scope, t.in_scope)
GROUP BY c.month, c.direction
ORDER BY c.month, c.direction
