-- transport_centre_points: every transport centre (is_transport_centre) with its point, province and city.
-- params: none
SELECT h.hospital_id, h.name, h.lon, h.lat, h.county_adcode, r.city_adcode, r.province_adcode
FROM hospitals AS h
JOIN regions AS r ON r.adcode = h.county_adcode
WHERE h.is_transport_centre
ORDER BY h.hospital_id
