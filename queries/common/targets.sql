-- targets: national policy targets (editable data), one row per indicator and year.
-- params: none
SELECT indicator, year, value, unit, label_zh, label_en, source
FROM targets
ORDER BY indicator, year
