-- planning_candidates: hospitals of a scope that could become a new site in one year: secondary general and MCH hospitals that are not yet alliance members ($add = 'members') or have no NICU beds ($add = 'nicu').
-- params: $year, $scope (a province or city adcode; '' = national), $add ('members' or 'nicu')
SELECT h.hospital_id, h.name, h.kind, h.tier, h.county_adcode, r.name AS county_name,
       c.name AS city_name, h.lon, h.lat,
       x.ped_physicians AS physicians, x.ped_beds AS beds, x.nicu_beds
FROM hospitals AS h
JOIN regions AS r ON r.adcode = h.county_adcode
LEFT JOIN regions AS c ON c.adcode = r.city_adcode
JOIN hospital_resources AS x ON x.hospital_id = h.hospital_id AND x.year = $year
WHERE ($scope = '' OR r.province_adcode = $scope OR r.city_adcode = $scope)
  AND h.kind IN ('综合医院', '妇幼保健院')
  AND h.tier = '二级'
  AND CASE $add
          WHEN 'members' THEN h.hospital_id NOT IN (
              SELECT m.hospital_id
              FROM members_at_year_end($year) AS m
          )
          WHEN 'nicu' THEN x.nicu_beds = 0
          ELSE false
      END
ORDER BY h.hospital_id
