-- The period's raw card and person records that did not become a clean card or person (quarantined
-- ones, refused or prevented events): redaction.private_names reads their names from the raw JSON;
-- the names of clean ones it reads from the cards and persons tables.
-- The ids are found first, on the narrow columns, and only their records' JSON is read: joining the
-- wide `data` column of every record into the anti-joins took twice the time at 1,000,000 cards.
WITH not_clean AS (
    SELECT r.record_id
    FROM raw_records AS r
    WHERE r.period = $period
      AND r.kind IN ('person', 'card')
      AND NOT EXISTS (SELECT 1 FROM cards AS c WHERE c.period = $period AND c.record_id = r.record_id)
      AND NOT EXISTS (SELECT 1 FROM persons AS p WHERE p.period = $period AND p.record_id = r.record_id)
)
SELECT r.kind, r.data
FROM raw_records AS r
WHERE r.period = $period
  AND r.record_id IN (SELECT record_id FROM not_clean)
