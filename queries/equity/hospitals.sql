-- equity_hospitals: hospitals that supply pediatric care or count as sites in one year (nationwide), with location, resources and site flags.
-- params: $year
SELECT h.hospital_id, h.name, h.kind, h.tier, h.county_adcode, h.lon, h.lat,
       x.ped_physicians AS physicians, x.ped_beds AS beds, x.nicu_beds, x.picu_beds,
       (h.tier = '三级' AND h.kind = '儿童医院') OR h.national_centre AS tertiary_centre,
       h.hospital_id IN (
           SELECT m.hospital_id
           FROM members_at_year_end($year) AS m
       ) AS member
FROM hospitals AS h
JOIN hospital_resources AS x ON x.hospital_id = h.hospital_id AND x.year = $year
ORDER BY h.hospital_id
