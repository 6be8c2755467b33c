-- referral_county_flows: upward referrals of one year from each origin county to each receiving county, nationwide.
-- params: $year
-- Input of the plurality-rule service areas (pedatlas/metrics/service_areas.py): the origin is the
-- sending hospital's county, the destination the receiving hospital's county and its prefecture unit.
SELECT f.county_adcode AS origin_county, t.county_adcode AS dest_county, d.city_adcode AS dest_city,
       count(*) AS referrals
FROM referrals AS r
JOIN hospitals AS f ON f.hospital_id = r.from_hospital_id
JOIN hospitals AS t ON t.hospital_id = r.to_hospital_id
JOIN regions AS d ON d.adcode = t.county_adcode
WHERE r.referred_on >= make_date($year, 1, 1) AND r.referred_on < make_date($year + 1, 1, 1)
  AND r.direction = 'up'
GROUP BY ALL
ORDER BY origin_county, dest_county
