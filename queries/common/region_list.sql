-- region_list: every province and prefecture unit, for scope pickers and link validation.
-- params: none
SELECT adcode, name, level, parent_adcode, province_adcode, lon, lat
FROM regions
WHERE level IN ('province', 'city')
   OR (level = 'county' AND city_adcode = adcode)
ORDER BY adcode
