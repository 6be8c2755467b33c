-- referral_shares: per direction, referrals and how many stay inside a common alliance, the county and the province.
-- params: $year, $scope ('' = national, or a province or city adcode), $alliance ('' = any), $hospital ('' = any)
-- Scope, alliance and hospital filters as in referral_monthly. Inside an alliance: both hospitals
-- are active members of a common alliance on the referral date (queries/rules.sql).
SELECT c.direction,
       sum(c.referrals)::BIGINT AS referrals,
       sum(c.same_alliance)::BIGINT AS same_alliance,
       coalesce(sum(c.referrals) FILTER (WHERE f.county_adcode = t.county_adcode), 0)::BIGINT AS same_county,
       coalesce(sum(c.referrals) FILTER (WHERE left(f.county_adcode, 2) = left(t.county_adcode, 2)), 0)::BIGINT AS same_province
FROM referral_pair_counts($year, $alliance, $hospital) AS c
JOIN hospital_places($scope) AS f ON f.hospital_id = c.from_hospital_id
JOIN hospital_places($scope) AS t ON t.hospital_id = c.to_hospital_id
WHERE on_patient_side(c.direction, f.in_scope, t.in_scope)
GROUP BY c.direction
ORDER BY c.direction
