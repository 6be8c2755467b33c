-- alliance_list: every alliance with its core hospital, home region and listed members; reported ones first, largest first.
-- params: none
SELECT a.alliance_id,
       a.name,
       a.name_en,
       a.core_hospital_id,
       h.name AS core_name,
       a.founded_on,
       a.scope,
       a.kind,
       a.home_adcode,
       r.name AS home_name,
       r.level AS home_level,
       a.published_members,
       a.source,
       a.is_synthetic,
       count(m.hospital_id) FILTER (WHERE m.role <> 'core' AND m.left_on IS NULL) AS members_listed
FROM alliances AS a
LEFT JOIN hospitals AS h ON h.hospital_id = a.core_hospital_id
LEFT JOIN regions AS r ON r.adcode = a.home_adcode
LEFT JOIN alliance_members AS m ON m.alliance_id = a.alliance_id
GROUP BY ALL
ORDER BY a.is_synthetic, members_listed DESC, a.alliance_id
