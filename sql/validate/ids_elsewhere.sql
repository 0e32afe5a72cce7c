-- Card ids held by other periods (assemblies held and events not held alike): assets/validate/validate.py.
SELECT card_id, period FROM (
    SELECT card_id, period, record_id FROM cards
    UNION ALL SELECT card_id, period, record_id FROM events_not_held)
WHERE period <> $period
