-- equity/transfer_routes: recorded transfer routes with both hospitals' points and the sending province, for fitting the road detour factor.
-- params: (none)
SELECT f.lon AS from_lon, f.lat AS from_lat, t.lon AS to_lon, t.lat AS to_lat, x.distance_km,
       left(f.county_adcode, 2) || '0000' AS province_adcode
FROM transfers AS x
JOIN hospitals AS f ON f.hospital_id = x.from_hospital_id
JOIN hospitals AS t ON t.hospital_id = x.to_hospital_id
WHERE x.distance_km > 0
