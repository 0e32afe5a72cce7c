-- Which record held each card id of this period before this run (it keeps the id): assets/validate/validate.py.
SELECT card_id, record_id FROM (
    SELECT card_id, period, record_id FROM cards
    UNION ALL SELECT card_id, period, record_id FROM events_not_held)
WHERE period = $period
