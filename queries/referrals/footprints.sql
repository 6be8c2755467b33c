-- referral_footprints: per county, the alliance with the most active members there at the end of the year (ties: lower alliance id).
-- params: $year, $scope ('' = national, or a province or city adcode)
WITH counts AS (
    SELECT h.county_adcode, m.alliance_id, count(*) AS members
    FROM members_at_year_end($year) AS m
    JOIN hospitals AS h ON h.hospital_id = m.hospital_id
    JOIN regions AS r ON r.adcode = h.county_adcode
    WHERE ($scope = '' OR r.province_adcode = $scope OR r.city_adcode = $scope)
    GROUP BY h.county_adcode, m.alliance_id
)
SELECT c.county_adcode, c.alliance_id, a.name AS alliance_name, coalesce(a.name_en, a.name) AS alliance_name_en,
       c.members
FROM counts AS c
JOIN alliances AS a ON a.alliance_id = c.alliance_id
QUALIFY row_number() OVER (PARTITION BY c.county_adcode ORDER BY c.members DESC, c.alliance_id) = 1
ORDER BY c.county_adcode
