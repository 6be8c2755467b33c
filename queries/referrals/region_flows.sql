-- referral_region_flows: per province or city, referrals sent out to other units, received from other units, and kept inside.
-- params: $year, $scope ('' = national, or a province or city adcode), $alliance ('' = any), $hospital ('' = any),
--         $level (province / city)
-- Scope, alliance and hospital filters as in referral_monthly. Net flow = received - sent.
WITH picked AS (
    SELECT hospital_id, joined_on, coalesce(left_on, DATE '9999-12-31') AS until
    FROM alliance_members
    WHERE alliance_id = $alliance
),
-- Referrals of the year that pass the alliance and hospital filters, counted per hospital pair
-- first (the joins below then run on pairs, not on millions of referral rows). Without an alliance
-- filter the yearly pair rollup (pedatlas/build/derived.py) has these counts already; membership
-- windows are dates, so the alliance filter reads the referrals themselves.
counted AS (
    SELECT p.from_hospital_id, p.to_hospital_id, p.direction, p.referrals
    FROM derived_referral_pairs AS p
    WHERE $alliance = '' AND p.year = $year
      AND ($hospital = '' OR p.from_hospital_id = $hospital OR p.to_hospital_id = $hospital)
    UNION ALL
    SELECT r.from_hospital_id, r.to_hospital_id, r.direction, count(*) AS referrals
    FROM referrals AS r
    LEFT JOIN picked AS mf ON mf.hospital_id = r.from_hospital_id
    LEFT JOIN picked AS mt ON mt.hospital_id = r.to_hospital_id
    WHERE $alliance <> ''
      AND r.referred_on >= make_date($year, 1, 1) AND r.referred_on < make_date($year + 1, 1, 1)
      AND ($hospital = '' OR r.from_hospital_id = $hospital OR r.to_hospital_id = $hospital)
      AND ((r.referred_on >= mf.joined_on AND r.referred_on < mf.until)
           OR (r.referred_on >= mt.joined_on AND r.referred_on < mt.until))
    GROUP BY ALL
),
places AS (
    SELECT h.hospital_id,
           ($scope = '' OR r.province_adcode = $scope OR r.city_adcode = $scope) AS in_scope,
           CASE $level WHEN 'province' THEN r.province_adcode ELSE r.city_adcode END AS unit
    FROM hospitals AS h
    JOIN regions AS r ON r.adcode = h.county_adcode
),
pairs AS (
    SELECT f.unit AS from_unit, t.unit AS to_unit, sum(c.referrals) AS referrals
    FROM counted AS c
    JOIN places AS f ON f.hospital_id = c.from_hospital_id
    JOIN places AS t ON t.hospital_id = c.to_hospital_id
    WHERE CASE WHEN c.direction = 'down' THEN t.in_scope ELSE f.in_scope END
    GROUP BY f.unit, t.unit
),
sides AS (
    SELECT from_unit AS unit, referrals AS sent, 0 AS received, 0 AS internal
    FROM pairs WHERE from_unit <> to_unit
    UNION ALL
    SELECT to_unit, 0, referrals, 0 FROM pairs WHERE from_unit <> to_unit
    UNION ALL
    SELECT from_unit, 0, 0, referrals FROM pairs WHERE from_unit = to_unit
)
SELECT s.unit AS adcode, g.name, g.province_adcode,
       sum(s.sent)::BIGINT AS sent, sum(s.received)::BIGINT AS received, sum(s.internal)::BIGINT AS internal,
       (sum(s.received) - sum(s.sent))::BIGINT AS net
FROM sides AS s
JOIN regions AS g ON g.adcode = s.unit
GROUP BY s.unit, g.name, g.province_adcode
ORDER BY s.unit
