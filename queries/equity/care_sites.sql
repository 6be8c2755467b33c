-- equity/care_sites: every hospital with its pediatric resources in every year (the care sites of the stored national hot spots).
-- params: (none)
SELECT x.year, h.hospital_id, h.lon, h.lat,
       x.ped_physicians AS physicians, x.ped_beds AS beds, x.nicu_beds, x.picu_beds
FROM hospitals AS h
JOIN hospital_resources AS x ON x.hospital_id = h.hospital_id
ORDER BY x.year, h.hospital_id
