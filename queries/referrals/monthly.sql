-- referral_monthly: referrals per month and direction for a scope, alliance and hospital in one year.
-- params: $year, $scope ('' = national, or a province or city adcode), $alliance ('' = any), $hospital ('' = any)
-- A referral belongs to the scope of the patient's home side: the sending hospital's county for
-- up and lateral referrals, the receiving hospital's county for down referrals. With $alliance,
-- either hospital is an active member on the referral date; with $hospital, either end is it.
WITH picked AS (
    SELECT hospital_id, joined_on, coalesce(left_on, DATE '9999-12-31') AS until
    FROM alliance_members
    WHERE alliance_id = $alliance
),
-- Referrals of the year that pass the alliance and hospital filters, counted per hospital pair
-- first (the joins below then run on pairs, not on millions of referral rows).
counted AS (
    SELECT r.from_hospital_id, r.to_hospital_id, r.direction, month(r.referred_on) AS month, count(*) AS referrals
    FROM referrals AS r
    LEFT JOIN picked AS mf ON mf.hospital_id = r.from_hospital_id
    LEFT JOIN picked AS mt ON mt.hospital_id = r.to_hospital_id
    WHERE ($alliance <> '' OR $hospital <> '')
      AND r.referred_on >= make_date($year, 1, 1) AND r.referred_on < make_date($year + 1, 1, 1)
      AND ($hospital = '' OR r.from_hospital_id = $hospital OR r.to_hospital_id = $hospital)
      AND ($alliance = ''
           OR (r.referred_on >= mf.joined_on AND r.referred_on < mf.until)
           OR (r.referred_on >= mt.joined_on AND r.referred_on < mt.until))
    GROUP BY ALL
),
places AS (
    SELECT h.hospital_id,
           ($scope = '' OR r.province_adcode = $scope OR r.city_adcode = $scope) AS in_scope
    FROM hospitals AS h
    JOIN regions AS r ON r.adcode = h.county_adcode
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
JOIN places AS f ON f.hospital_id = c.from_hospital_id
JOIN places AS t ON t.hospital_id = c.to_hospital_id
WHERE CASE WHEN c.direction = 'down' THEN t.in_scope ELSE f.in_scope END
GROUP BY c.month, c.direction
ORDER BY month, direction
