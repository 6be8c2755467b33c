-- referral_hospital: one hospital by id (to check a hospital given in a link).
-- params: $hospital
SELECT hospital_id, name, tier, kind, county_adcode
FROM hospitals
WHERE hospital_id = $hospital
