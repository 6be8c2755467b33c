-- scope_summary: headline figures of a scope for one year (one row).
-- params: $year, $scope ('' = national, or a province or city adcode)
WITH counties AS (
    SELECT adcode, pop_0_14
    FROM regions
    WHERE level = 'county' AND ($scope = '' OR province_adcode = $scope OR city_adcode = $scope)
),
local_hospitals AS (
    SELECT h.hospital_id, h.county_adcode
    FROM hospitals AS h
    WHERE h.county_adcode IN (SELECT adcode FROM counties)
),
resources AS (
    SELECT sum(x.ped_physicians) AS physicians, sum(x.ped_beds) AS beds,
           sum(x.nicu_beds) AS nicu_beds, sum(x.picu_beds) AS picu_beds
    FROM hospital_resources AS x
    WHERE x.year = $year AND x.hospital_id IN (SELECT hospital_id FROM local_hospitals)
),
active_members AS (
    SELECT m.alliance_id, m.hospital_id, l.county_adcode
    FROM members_at_year_end($year) AS m
    JOIN local_hospitals AS l ON l.hospital_id = m.hospital_id
),
-- Referrals count on the patient's home side: up and lateral by the sender, down by the receiver.
-- The monthly rollups (pedatlas/build/derived.py) hold both counts per home county already:
-- scanning the ten million referrals of the national build cost ~1 s per year shown.
referral_counts AS (
    SELECT coalesce(sum(referrals) FILTER (WHERE direction = 'up'), 0)::BIGINT AS referrals_up,
           coalesce(sum(referrals) FILTER (WHERE direction = 'down'), 0)::BIGINT AS referrals_down,
           coalesce(sum(referrals) FILTER (WHERE direction = 'lateral'), 0)::BIGINT AS referrals_lateral
    FROM derived_referral_months
    WHERE year = $year AND home_county IN (SELECT adcode FROM counties)
),
transfer_counts AS (
    SELECT coalesce(sum(trips), 0)::BIGINT AS transfers, coalesce(sum(km), 0) AS transfer_km
    FROM derived_transfer_months
    WHERE year = $year AND from_county IN (SELECT adcode FROM counties)
)
SELECT (SELECT sum(pop_0_14) FROM counties) AS children,
       (SELECT count(*) FROM counties) AS counties,
       r.physicians, r.beds, r.nicu_beds, r.picu_beds,
       (SELECT count(DISTINCT alliance_id) FROM active_members) AS alliances,
       (SELECT count(DISTINCT hospital_id) FROM active_members) AS member_hospitals,
       (SELECT count(DISTINCT county_adcode) FROM active_members) AS counties_with_member,
       (SELECT coalesce(sum(pop_0_14), 0) FROM counties WHERE adcode IN (SELECT county_adcode FROM active_members)) AS children_covered,
       f.referrals_up, f.referrals_down, f.referrals_lateral,
       t.transfers, t.transfer_km
FROM resources AS r, referral_counts AS f, transfer_counts AS t
