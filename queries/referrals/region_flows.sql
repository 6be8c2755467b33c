-- referral_region_flows: per province or city, referrals sent out to other units, received from other units, and kept inside.
-- params: $year, $scope ('' = national, or a province or city adcode), $alliance ('' = any), $hospital ('' = any),
--         $level (province / city)
-- Scope, alliance and hospital filters as in referral_monthly. Net flow = received - sent.
WITH places AS (
    SELECT hospital_id, in_scope,
           CASE $level WHEN 'province' THEN province_adcode ELSE city_adcode END AS unit
    FROM hospital_places($scope)
),
pairs AS (
    SELECT f.unit AS from_unit, t.unit AS to_unit, sum(c.referrals) AS referrals
    FROM referral_pair_counts($year, $alliance, $hospital) AS c
    JOIN places AS f ON f.hospital_id = c.from_hospital_id
    JOIN places AS t ON t.hospital_id = c.to_hospital_id
    WHERE on_patient_side(c.direction, f.in_scope, t.in_scope)
    GROUP BY f.unit, t.unit
),
sides AS (
    SELECT from_unit AS unit, referrals AS sent, 0 AS received, 0 AS internal
    FROM pairs WHERE from_unit <> to_unit
    UNION ALL
    SELECT to_unit, 0, referrals, 0 FROM pairs WHERE from_unit <> to_unit
    UNION ALL
    SELECT from_unit, 0, 0, referrals FROM pairs WHERE from_unit = to_unit
)
SELECT s.unit AS adcode, g.name, g.province_adcode,
       sum(s.sent)::BIGINT AS sent, sum(s.received)::BIGINT AS received, sum(s.internal)::BIGINT AS internal,
       (sum(s.received) - sum(s.sent))::BIGINT AS net
FROM sides AS s
JOIN regions AS g ON g.adcode = s.unit
GROUP BY s.unit, g.name, g.province_adcode
ORDER BY s.unit
