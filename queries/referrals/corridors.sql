-- referral_corridors: the busiest corridors between two different units (provinces, cities or hospitals), with their points.
-- params: $year, $scope ('' = national, or a province or city adcode), $alliance ('' = any), $hospital ('' = any),
--         $level (province / city / hospital), $min_referrals (smallest volume kept), $top (most corridors returned)
-- Scope, alliance and hospital filters as in referral_monthly; a corridor joins the sending unit to
-- the receiving unit whatever the direction.
WITH picked AS (
    SELECT hospital_id, joined_on, coalesce(left_on, DATE '9999-12-31') AS until
    FROM alliance_members
    WHERE alliance_id = $alliance
),
-- Referrals of the year that pass the alliance and hospital filters, counted per hospital pair
-- first (the joins below then run on pairs, not on millions of referral rows). Without an alliance
-- filter the yearly pair rollup (pedatlas/build/derived.py) has these counts already; membership
-- windows are dates, so the alliance filter reads the referrals themselves.
counted AS (
    SELECT p.from_hospital_id, p.to_hospital_id, p.direction, p.referrals
    FROM derived_referral_pairs AS p
    WHERE $alliance = '' AND p.year = $year
      AND ($hospital = '' OR p.from_hospital_id = $hospital OR p.to_hospital_id = $hospital)
    UNION ALL
    SELECT r.from_hospital_id, r.to_hospital_id, r.direction, count(*) AS referrals
    FROM referrals AS r
    LEFT JOIN picked AS mf ON mf.hospital_id = r.from_hospital_id
    LEFT JOIN picked AS mt ON mt.hospital_id = r.to_hospital_id
    WHERE $alliance <> ''
      AND r.referred_on >= make_date($year, 1, 1) AND r.referred_on < make_date($year + 1, 1, 1)
      AND ($hospital = '' OR r.from_hospital_id = $hospital OR r.to_hospital_id = $hospital)
      AND ((r.referred_on >= mf.joined_on AND r.referred_on < mf.until)
           OR (r.referred_on >= mt.joined_on AND r.referred_on < mt.until))
    GROUP BY ALL
),
places AS (
    SELECT h.hospital_id,
           ($scope = '' OR r.province_adcode = $scope OR r.city_adcode = $scope) AS in_scope,
           CASE $level WHEN 'province' THEN r.province_adcode WHEN 'city' THEN r.city_adcode
                ELSE h.hospital_id END AS unit
    FROM hospitals AS h
    JOIN regions AS r ON r.adcode = h.county_adcode
),
-- Whether a pair crosses units is an aggregate (bool_or) so that the optimizer cannot push the
-- comparison into the joins, where it becomes an inequality join of every hospital with every other.
unit_pairs AS (
    SELECT f.unit AS from_unit, t.unit AS to_unit, bool_or(f.unit <> t.unit) AS crossing,
           sum(c.referrals)::BIGINT AS referrals,
           coalesce(sum(c.referrals) FILTER (WHERE c.direction = 'up'), 0)::BIGINT AS up,
           coalesce(sum(c.referrals) FILTER (WHERE c.direction = 'down'), 0)::BIGINT AS down
    FROM counted AS c
    JOIN places AS f ON f.hospital_id = c.from_hospital_id
    JOIN places AS t ON t.hospital_id = c.to_hospital_id
    WHERE CASE WHEN c.direction = 'down' THEN t.in_scope ELSE f.in_scope END
    GROUP BY f.unit, t.unit
),
corridors AS (
    SELECT from_unit, to_unit, referrals, up, down
    FROM unit_pairs
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
