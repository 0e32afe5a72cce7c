-- The period's raw card and person records that did not become a clean card or person (quarantined
-- ones, refused or prevented events): redaction.private_names reads their names from the raw JSON;
-- the names of clean ones it reads from the cards and persons tables.
SELECT r.kind, r.data
FROM raw_records AS r
WHERE r.period = $period
  AND r.kind IN ('person', 'card')
  AND NOT EXISTS (SELECT 1 FROM cards AS c WHERE c.period = $period AND c.record_id = r.record_id)
  AND NOT EXISTS (SELECT 1 FROM persons AS p WHERE p.period = $period AND p.record_id = r.record_id)
