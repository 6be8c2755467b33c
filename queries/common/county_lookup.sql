-- county_lookup: a county's name and the prefecture and province it belongs to.
-- params: $county (adcode)
SELECT adcode, name, city_adcode, province_adcode, pop_0_14, pop_source
FROM regions
WHERE adcode = $county AND level = 'county'
