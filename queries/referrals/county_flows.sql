-- referral_county_flows: upward referrals of one year from each origin county to each receiving county, nationwide.
-- params: $year
-- Input of the plurality-rule service areas (pedatlas/metrics/service_areas.py): the origin is the
-- sending hospital's county, the destination the receiving hospital's county and its prefecture unit.
-- Read from the yearly rollup (pedatlas/build/derived.py): the same counts, 45 k rows instead of
-- ten million referrals.
SELECT origin_county, dest_county, dest_city, referrals
FROM derived_county_flows
WHERE year = $year
ORDER BY origin_county, dest_county
