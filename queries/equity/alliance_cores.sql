-- equity/alliance_cores: every alliance with its core hospital's prefecture unit (the area its patients form is named after it).
-- params: (none)
SELECT a.alliance_id, a.name, coalesce(a.name_en, a.name) AS name_en, r.city_adcode AS core_city
FROM alliances AS a
JOIN hospitals AS h ON h.hospital_id = a.core_hospital_id
JOIN regions AS r ON r.adcode = h.county_adcode
ORDER BY a.alliance_id
