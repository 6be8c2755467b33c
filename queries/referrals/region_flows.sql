-- referral_region_flows: per province or city, referrals sent out to other units, received from other units, and kept inside.
-- params: $year, $scope ('' = national, or a province or city adcode), $alliance ('' = any), $hospital ('' = any),
--         $level (province / city)
-- Scope, alliance and hospital filters as in referral_monthly. Net flow = received - sent.
WITH pairs AS (
    SELECT from_unit, to_unit, referrals
    FROM unit_pair_counts($year, $scope, $alliance, $hospital, $level)
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
