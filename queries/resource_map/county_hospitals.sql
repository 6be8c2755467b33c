-- county_hospitals: every hospital of one county with its pediatric resources for one year.
-- params: $year, $county (adcode)
SELECT h.hospital_id, h.name, h.kind, h.tier, x.ped_physicians, x.ped_nurses, x.ped_beds,
       x.nicu_beds, x.picu_beds, h.is_synthetic
FROM hospitals AS h
JOIN hospital_resources AS x ON x.hospital_id = h.hospital_id AND x.year = $year
WHERE h.county_adcode = $county
ORDER BY x.ped_physicians DESC, h.hospital_id
