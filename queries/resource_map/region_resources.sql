-- region_resources: children, pediatric resources and alliance reach per region of one level within a scope, for one year.
-- params: $year, $level (province / city / county), $scope ('' = national, or a province or city adcode)
WITH counties AS (
    SELECT r.*,
           CASE $level WHEN 'province' THEN r.province_adcode WHEN 'city' THEN r.city_adcode ELSE r.adcode END AS unit
    FROM regions AS r
    WHERE r.level = 'county'
      AND ($scope = '' OR r.province_adcode = $scope OR r.city_adcode = $scope)
),
resources AS (
    SELECT h.county_adcode,
           count(*) AS hospitals,
           sum(x.ped_physicians) AS physicians,
           sum(x.ped_beds) AS beds,
           sum(x.nicu_beds + x.picu_beds) AS icu_beds
    FROM hospitals AS h
    JOIN hospital_resources AS x ON x.hospital_id = h.hospital_id AND x.year = $year
    GROUP BY h.county_adcode
),
members AS (
    SELECT h.county_adcode, count(DISTINCT m.hospital_id) AS member_hospitals
    FROM members_at_year_end($year) AS m
    JOIN hospitals AS h ON h.hospital_id = m.hospital_id
    GROUP BY h.county_adcode
)
SELECT c.unit AS adcode,
       u.name,
       any_value(CASE $level WHEN 'county' THEN c.city_adcode WHEN 'city' THEN c.province_adcode END) AS parent_adcode,
       count(*) AS counties,
       sum(c.pop_0_14) AS children,
       coalesce(sum(s.hospitals), 0) AS hospitals,
       coalesce(sum(s.physicians), 0) AS physicians,
       coalesce(sum(s.beds), 0) AS beds,
       coalesce(sum(s.icu_beds), 0) AS icu_beds,
       coalesce(sum(m.member_hospitals), 0) AS member_hospitals,
       count(*) FILTER (WHERE m.member_hospitals > 0) AS counties_with_member,
       coalesce(sum(c.pop_0_14) FILTER (WHERE m.member_hospitals > 0), 0) AS children_covered
FROM counties AS c
JOIN regions AS u ON u.adcode = c.unit
LEFT JOIN resources AS s ON s.county_adcode = c.adcode
LEFT JOIN members AS m ON m.county_adcode = c.adcode
GROUP BY c.unit, u.name
ORDER BY c.unit
