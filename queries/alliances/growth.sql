-- alliance_growth: members of one alliance (core excluded) joining, leaving and active at year end, each year from its founding to the last data year.
-- params: $alliance
WITH alliance AS (
    SELECT founded_on FROM alliances WHERE alliance_id = $alliance
),
members AS (
    SELECT joined_on, left_on
    FROM alliance_members
    WHERE alliance_id = $alliance AND role <> 'core'
),
last_year AS (
    SELECT greatest(
        (SELECT max(year) FROM hospital_resources),
        (SELECT max(year(joined_on)) FROM members),
        (SELECT max(year(left_on)) FROM members)
    ) AS year
),
years AS (
    SELECT unnest(range(year(a.founded_on), greatest(l.year, year(a.founded_on)) + 1)) AS year
    FROM alliance AS a, last_year AS l
)
SELECT y.year::INTEGER AS year,
       count(m.joined_on) FILTER (WHERE year(m.joined_on) = y.year) AS joined,
       count(m.left_on) FILTER (WHERE year(m.left_on) = y.year) AS departed,
       count(m.joined_on) FILTER (
           WHERE member_on(m.joined_on, m.left_on, make_date(y.year::INTEGER, 12, 31))
       ) AS members
FROM years AS y
LEFT JOIN members AS m ON true
GROUP BY y.year
ORDER BY y.year
