-- alliance_member_list: the hospitals of one alliance active at the end of one year (core first), with their place.
-- params: $alliance, $year
SELECT m.hospital_id,
       h.name,
       h.kind,
       h.tier,
       m.role,
       m.cooperation,
       m.joined_on,
       m.is_named,
       h.county_adcode,
       c.name AS county_name,
       ci.name AS city_name,
       p.name AS province_name,
       h.lon,
       h.lat
FROM members_at_year_end($year) AS m
JOIN hospitals AS h ON h.hospital_id = m.hospital_id
JOIN regions AS c ON c.adcode = h.county_adcode
LEFT JOIN regions AS ci ON ci.adcode = c.city_adcode
LEFT JOIN regions AS p ON p.adcode = c.province_adcode
WHERE m.alliance_id = $alliance
ORDER BY m.role <> 'core', m.joined_on, m.hospital_id
