-- referral_alliance_list: every alliance with its core hospital, for the referral page's picker and link check.
-- params: none
SELECT a.alliance_id, a.name, coalesce(a.name_en, a.name) AS name_en, a.core_hospital_id, a.home_adcode
FROM alliances AS a
ORDER BY a.alliance_id
