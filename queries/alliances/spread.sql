-- alliance_spread: every membership (core included) of hospitals in a scope, with the hospital's county and point, for the growth playback.
-- params: $scope ('' = national, or a province or city adcode), $alliance ('' = every alliance)
SELECT m.alliance_id, m.hospital_id, h.county_adcode, h.lon, h.lat, m.joined_on, m.left_on
FROM alliance_members AS m
JOIN hospitals AS h ON h.hospital_id = m.hospital_id
JOIN regions AS r ON r.adcode = h.county_adcode
WHERE ($scope = '' OR r.province_adcode = $scope OR r.city_adcode = $scope)
  AND ($alliance = '' OR m.alliance_id = $alliance)
ORDER BY m.joined_on, m.alliance_id, m.hospital_id
