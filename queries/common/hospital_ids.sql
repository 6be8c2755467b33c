-- hospital_ids: every hospital id (the hospitals a link may name).
-- params: none
SELECT hospital_id
FROM hospitals
ORDER BY hospital_id
