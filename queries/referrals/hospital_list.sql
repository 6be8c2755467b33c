-- referral_hospital_list: hospitals to pick on the referral page: secondary and tertiary hospitals in the scope (or the alliance's members), plus national centres.
-- params: $scope ('' = national, or a province or city adcode), $alliance ('' = any)
SELECT h.hospital_id, h.name, h.tier, h.kind
FROM hospitals AS h
JOIN regions AS r ON r.adcode = h.county_adcode
WHERE h.national_centre
   OR ((h.tier IN ('三级', '二级') OR $alliance <> '')
       AND ($scope = '' OR r.province_adcode = $scope OR r.city_adcode = $scope)
       AND ($alliance = '' OR h.hospital_id IN (SELECT hospital_id FROM alliance_members WHERE alliance_id = $alliance)))
ORDER BY h.national_centre DESC, h.tier = '三级' DESC, h.name, h.hospital_id
