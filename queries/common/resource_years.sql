-- resource_years: the years that have hospital resource figures, newest first.
-- params: none
SELECT DISTINCT year FROM hospital_resources ORDER BY year DESC
