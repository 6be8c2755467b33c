-- referral_tiers: referrals between care levels (primary / county / city / provincial / national) for the Sankey.
-- params: $year, $scope ('' = national, or a province or city adcode), $alliance ('' = any), $hospital ('' = any)
-- Scope, alliance and hospital filters as in referral_monthly. Care level of a hospital:
-- national_centre -> national; 三级 儿童医院/妇幼保健院 named after its province (no prefecture in
-- the rest of the name) -> provincial; other 三级 -> city; 二级 -> county; the rest (社区卫生服务中心,
-- 乡镇卫生院, 一级 and unrated hospitals) -> primary.
WITH places AS (
    SELECT h.hospital_id, s.in_scope,
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
    JOIN hospital_places($scope) AS s ON s.hospital_id = h.hospital_id
    JOIN regions AS p ON p.adcode = s.province_adcode
)
SELECT f.care_level AS from_level, t.care_level AS to_level, c.direction, sum(c.referrals)::BIGINT AS referrals
FROM referral_pair_counts($year, $alliance, $hospital) AS c
JOIN places AS f ON f.hospital_id = c.from_hospital_id
JOIN places AS t ON t.hospital_id = c.to_hospital_id
WHERE on_patient_side(c.direction, f.in_scope, t.in_scope)
GROUP BY ALL
ORDER BY from_level, to_level, c.direction
