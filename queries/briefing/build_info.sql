-- build_info: how the database was built (seed, scale), for the briefing's note on synthetic data.
-- params: none
SELECT key, value FROM build_info ORDER BY key
