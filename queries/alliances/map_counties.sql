-- alliance_map_counties: counties on one alliance's map (its home region; for cross-province alliances every province reached) with children, density and active members at the end of one year.
-- params: $alliance, $year
WITH alliance AS (
    SELECT home_adcode, scope FROM alliances WHERE alliance_id = $alliance
),
active AS (
    SELECT h.county_adcode
    FROM members_at_year_end($year) AS m
    JOIN hospitals AS h ON h.hospital_id = m.hospital_id
    WHERE m.alliance_id = $alliance
),
member_counts AS (
    SELECT county_adcode, count(*) AS members FROM active GROUP BY county_adcode
),
reached_provinces AS (
    SELECT DISTINCT r.province_adcode
    FROM member_counts AS k
    JOIN regions AS r ON r.adcode = k.county_adcode
)
SELECT r.adcode,
       r.name,
       r.province_adcode,
       r.city_adcode,
       ci.name AS city_name,
       r.pop_0_14 AS children,
       r.area_km2,
       r.pop_0_14 / nullif(r.area_km2, 0) AS children_per_km2,
       coalesce(k.members, 0) AS members,
       (r.province_adcode = a.home_adcode OR r.city_adcode = a.home_adcode) AS in_home
FROM regions AS r
CROSS JOIN alliance AS a
LEFT JOIN regions AS ci ON ci.adcode = r.city_adcode
LEFT JOIN member_counts AS k ON k.county_adcode = r.adcode
WHERE r.level = 'county'
  AND (r.province_adcode = a.home_adcode
       OR r.city_adcode = a.home_adcode
       OR k.members IS NOT NULL
       OR (a.scope = '跨省' AND r.province_adcode IN (SELECT province_adcode FROM reached_provinces)))
ORDER BY r.adcode
