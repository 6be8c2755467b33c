-- referral_tiers: referrals between care levels (primary / county / city / provincial / national) for the Sankey.
-- params: $year, $scope ('' = national, or a province or city adcode), $alliance ('' = any), $hospital ('' = any)
-- Scope, alliance and hospital filters as in referral_monthly. Care level of a hospital:
-- national_centre -> national; 三级 儿童医院/妇幼保健院 named after its province (no prefecture in
-- the rest of the name) -> provincial; other 三级 -> city; 二级 -> county; the rest (社区卫生服务中心,
-- 乡镇卫生院, 一级 and unrated hospitals) -> primary.
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
           CASE
               WHEN h.national_centre THEN 'national'
               WHEN h.tier = '三级' AND h.kind IN ('儿童医院', '妇幼保健院')
                    AND starts_with(h.name, p.name)
                    AND NOT regexp_matches(substr(h.name, length(p.name) + 1), '市|州|地区|盟')
                   THEN 'provincial'
               WHEN h.tier = '三级' THEN 'city'
               WHEN h.tier = '二级' THEN 'county'
               ELSE 'primary'
           END AS care_level
    FROM hospitals AS h
    JOIN regions AS r ON r.adcode = h.county_adcode
    JOIN regions AS p ON p.adcode = r.province_adcode
)
SELECT f.care_level AS from_level, t.care_level AS to_level, c.direction, sum(c.referrals)::BIGINT AS referrals
FROM counted AS c
JOIN places AS f ON f.hospital_id = c.from_hospital_id
JOIN places AS t ON t.hospital_id = c.to_hospital_id
WHERE CASE WHEN c.direction = 'down' THEN t.in_scope ELSE f.in_scope END
GROUP BY ALL
ORDER BY from_level, to_level, c.direction
