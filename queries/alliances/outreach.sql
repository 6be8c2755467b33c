-- alliance_outreach: one alliance's outreach by year and activity (expert clinic visits, lectures, trainees, techniques, remote consultations).
-- params: $alliance
SELECT year(happened_on)::INTEGER AS year,
       activity,
       sum(count)::BIGINT AS events
FROM outreach
WHERE alliance_id = $alliance
GROUP BY ALL
ORDER BY year, activity
