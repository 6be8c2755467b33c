-- alliance_activity: per alliance, one year's referrals sent by its members, up/down referrals sent or received by its members, and transports received by its core.
-- params: $year
-- A referral counts for an alliance while the hospital is an active member on the referral date.
-- "Sent or received" = sent + received - both ends members (no per-row UNION: fast at 10M rows).
WITH year_referrals AS (
    SELECT referred_on, from_hospital_id, to_hospital_id, direction
    FROM referrals
    WHERE referred_on BETWEEN make_date($year, 1, 1) AND make_date($year, 12, 31)
),
sent AS (
    SELECT m.alliance_id, r.direction, count(*) AS n
    FROM year_referrals AS r
    JOIN alliance_members AS m ON m.hospital_id = r.from_hospital_id
    WHERE member_on(m.joined_on, m.left_on, r.referred_on)
    GROUP BY m.alliance_id, r.direction
),
received AS (
    SELECT m.alliance_id, r.direction, count(*) AS n
    FROM year_referrals AS r
    JOIN alliance_members AS m ON m.hospital_id = r.to_hospital_id
    WHERE member_on(m.joined_on, m.left_on, r.referred_on)
    GROUP BY m.alliance_id, r.direction
),
both_ends AS (
    SELECT f.alliance_id, r.direction, count(*) AS n
    FROM year_referrals AS r
    JOIN alliance_members AS f ON f.hospital_id = r.from_hospital_id
    JOIN alliance_members AS t ON t.hospital_id = r.to_hospital_id AND t.alliance_id = f.alliance_id
    WHERE member_on(f.joined_on, f.left_on, r.referred_on)
      AND member_on(t.joined_on, t.left_on, r.referred_on)
    GROUP BY f.alliance_id, r.direction
),
touched AS (
    SELECT alliance_id, direction, sum(n) AS n
    FROM (
        SELECT alliance_id, direction, n FROM sent
        UNION ALL
        SELECT alliance_id, direction, n FROM received
        UNION ALL
        SELECT alliance_id, direction, -n FROM both_ends
    ) AS parts
    GROUP BY alliance_id, direction
),
referral_counts AS (
    SELECT alliance_id,
           sum(n) FILTER (WHERE part = 'sent') AS referrals_sent,
           sum(n) FILTER (WHERE part = 'touched' AND direction = 'up') AS up,
           sum(n) FILTER (WHERE part = 'touched' AND direction = 'down') AS down
    FROM (
        SELECT 'sent' AS part, * FROM sent
        UNION ALL
        SELECT 'touched' AS part, * FROM touched
    ) AS counts
    GROUP BY alliance_id
),
transports AS (
    SELECT a.alliance_id, count(*) AS transports, sum(t.distance_km) AS transport_km
    FROM transfers AS t
    JOIN alliances AS a ON a.core_hospital_id = t.to_hospital_id
    WHERE t.dispatched_at >= make_date($year, 1, 1)
      AND t.dispatched_at < make_date($year + 1, 1, 1)
    GROUP BY a.alliance_id
)
SELECT a.alliance_id,
       coalesce(c.referrals_sent, 0)::BIGINT AS referrals_sent,
       coalesce(c.up, 0)::BIGINT AS up,
       coalesce(c.down, 0)::BIGINT AS down,
       coalesce(t.transports, 0) AS transports,
       coalesce(t.transport_km, 0) AS transport_km
FROM alliances AS a
LEFT JOIN referral_counts AS c ON c.alliance_id = a.alliance_id
LEFT JOIN transports AS t ON t.alliance_id = a.alliance_id
ORDER BY a.alliance_id
