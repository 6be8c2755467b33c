-- alliance_reach: per alliance, members active at the end of one year and the provinces, cities, counties and children they reach.
-- params: $year
WITH active AS (
    SELECT m.alliance_id, m.hospital_id, m.role, m.is_named, h.county_adcode
    FROM members_at_year_end($year) AS m
    JOIN hospitals AS h ON h.hospital_id = m.hospital_id
),
membership AS (
    SELECT alliance_id,
           count(*) FILTER (WHERE role <> 'core') AS members,
           count(*) FILTER (WHERE role <> 'core' AND is_named) AS named_members
    FROM active
    GROUP BY alliance_id
),
footprint AS (
    SELECT k.alliance_id,
           count(DISTINCT r.province_adcode) AS provinces,
           count(DISTINCT r.city_adcode) AS cities,
           count(*) AS counties,
           coalesce(sum(r.pop_0_14), 0)::BIGINT AS children
    FROM (SELECT DISTINCT alliance_id, county_adcode FROM active) AS k
    JOIN regions AS r ON r.adcode = k.county_adcode
    GROUP BY k.alliance_id
)
SELECT a.alliance_id,
       coalesce(s.members, 0) AS members,
       coalesce(s.named_members, 0) AS named_members,
       coalesce(f.provinces, 0) AS provinces,
       coalesce(f.cities, 0) AS cities,
       coalesce(f.counties, 0) AS counties,
       coalesce(f.children, 0) AS children
FROM alliances AS a
LEFT JOIN membership AS s ON s.alliance_id = a.alliance_id
LEFT JOIN footprint AS f ON f.alliance_id = a.alliance_id
ORDER BY a.alliance_id
