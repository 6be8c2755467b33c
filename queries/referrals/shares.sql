-- referral_shares: per direction, referrals and how many stay inside a common alliance, the county and the province.
-- params: $year, $scope ('' = national, or a province or city adcode), $alliance ('' = any), $hospital ('' = any)
-- Scope, alliance and hospital filters as in referral_monthly. Inside an alliance: both hospitals
-- are active members of a common alliance on the referral date.
WITH
-- One row per hospital pair sharing an alliance: the window in which both are members. A pair in
-- two alliances gets the hull of both windows (exact unless the two windows leave a gap).
shared AS (
    SELECT a.hospital_id AS from_id, b.hospital_id AS to_id,
           min(greatest(a.joined_on, b.joined_on)) AS since,
           max(least(coalesce(a.left_on, DATE '9999-12-31'), coalesce(b.left_on, DATE '9999-12-31'))) AS until
    FROM alliance_members AS a
    JOIN alliance_members AS b ON b.alliance_id = a.alliance_id AND b.hospital_id <> a.hospital_id
    GROUP BY a.hospital_id, b.hospital_id
),
-- Referrals of the year that pass the alliance and hospital filters, counted per hospital pair
-- first (the joins below then run on pairs, not on millions of referral rows). Without an alliance
-- filter the yearly pair rollup (pedatlas/build/derived.py) has these counts, same-alliance ones
-- included; membership windows are dates, so the alliance filter reads the referrals themselves.
counted AS (
    SELECT p.from_hospital_id, p.to_hospital_id, p.direction, p.referrals, p.same_alliance
    FROM derived_referral_pairs AS p
    WHERE $alliance = '' AND p.year = $year
      AND ($hospital = '' OR p.from_hospital_id = $hospital OR p.to_hospital_id = $hospital)
    UNION ALL
    SELECT r.from_hospital_id, r.to_hospital_id, r.direction, count(*) AS referrals,
           count(*) FILTER (WHERE r.referred_on >= s.since AND r.referred_on < s.until) AS same_alliance
    FROM referrals_picked($year, $alliance, $hospital) AS r
    LEFT JOIN shared AS s ON s.from_id = r.from_hospital_id AND s.to_id = r.to_hospital_id
    WHERE $alliance <> ''
    GROUP BY ALL
)
SELECT c.direction,
       sum(c.referrals)::BIGINT AS referrals,
       sum(c.same_alliance)::BIGINT AS same_alliance,
       coalesce(sum(c.referrals) FILTER (WHERE f.county_adcode = t.county_adcode), 0)::BIGINT AS same_county,
       coalesce(sum(c.referrals) FILTER (WHERE left(f.county_adcode, 2) = left(t.county_adcode, 2)), 0)::BIGINT AS same_province
FROM counted AS c
JOIN hospital_places($scope) AS f ON f.hospital_id = c.from_hospital_id
JOIN hospital_places($scope) AS t ON t.hospital_id = c.to_hospital_id
WHERE on_patient_side(c.direction, f.in_scope, t.in_scope)
GROUP BY c.direction
ORDER BY c.direction
