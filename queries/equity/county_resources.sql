-- equity_county_resources: every county of a scope for every resource year: children, population, location and pediatric resources.
-- params: $scope ('' = national, or a province or city adcode)
WITH counties AS (
    SELECT adcode, name, province_adcode, city_adcode, lon, lat, pop_total, pop_0_14, urban_pop
    FROM regions
    WHERE level = 'county' AND ($scope = '' OR province_adcode = $scope OR city_adcode = $scope)
),
years AS (
    SELECT DISTINCT year FROM hospital_resources
),
resources AS (
    SELECT h.county_adcode, x.year,
           sum(x.ped_physicians) AS physicians,
           sum(x.ped_beds) AS beds,
           sum(x.nicu_beds) AS nicu_beds,
           sum(x.picu_beds) AS picu_beds
    FROM hospitals AS h
    JOIN hospital_resources AS x ON x.hospital_id = h.hospital_id
    WHERE h.county_adcode IN (SELECT adcode FROM counties)
    GROUP BY h.county_adcode, x.year
)
SELECT y.year, c.adcode, c.name, c.province_adcode, c.city_adcode, c.lon, c.lat,
       c.pop_total, c.pop_0_14 AS children, c.urban_pop,
       coalesce(r.physicians, 0)::BIGINT AS physicians,
       coalesce(r.beds, 0)::BIGINT AS beds,
       coalesce(r.nicu_beds, 0)::BIGINT AS nicu_beds,
       coalesce(r.picu_beds, 0)::BIGINT AS picu_beds
FROM counties AS c
CROSS JOIN years AS y
LEFT JOIN resources AS r ON r.county_adcode = c.adcode AND r.year = y.year
ORDER BY y.year, c.adcode
