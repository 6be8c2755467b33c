-- referral_corridors: the busiest corridors between two different units (provinces, cities or hospitals), with their points.
-- params: $year, $scope ('' = national, or a province or city adcode), $alliance ('' = any), $hospital ('' = any),
--         $level (province / city / hospital), $min_referrals (smallest volume kept), $top (most corridors returned)
-- Scope, alliance and hospital filters as in referral_monthly; a corridor joins the sending unit to
-- the receiving unit whatever the direction.
WITH corridors AS (
    SELECT from_unit, to_unit, referrals, up, down
    FROM unit_pair_counts($year, $scope, $alliance, $hospital, $level)
    WHERE crossing AND referrals >= $min_referrals
    ORDER BY referrals DESC, from_unit, to_unit
    LIMIT $top
),
points AS (
    SELECT adcode AS unit, name, lon, lat, province_adcode FROM regions WHERE $level <> 'hospital'
    UNION ALL
    SELECT h.hospital_id, h.name, h.lon, h.lat, left(h.county_adcode, 2) || '0000'
    FROM hospitals AS h
    WHERE $level = 'hospital'
)
SELECT c.from_unit, a.name AS from_name, a.lon AS from_lon, a.lat AS from_lat, a.province_adcode AS from_province,
       c.to_unit, b.name AS to_name, b.lon AS to_lon, b.lat AS to_lat, b.province_adcode AS to_province,
       c.referrals, c.up, c.down
FROM corridors AS c
JOIN points AS a ON a.unit = c.from_unit
JOIN points AS b ON b.unit = c.to_unit
ORDER BY c.referrals DESC, c.from_unit, c.to_unit
