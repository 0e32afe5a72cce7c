-- The period's raw card and person records that did not become a clean card or person (quarantined
-- ones, refused or prevented events): redaction.private_names reads their names from the raw JSON;
-- the names of clean ones it reads from the cards and persons tables. Each with its header (raw.py).
-- The ids are found first, on the narrow columns, and only their records' values are read: joining the
-- wide `cells` column of every record into the anti-joins took twice the time at 1,000,000 cards.
-- One anti-join against the clean ids of both tables (NOT IN over non-null ids) is half the CPU of two
-- NOT EXISTS (1.0 -> 0.5 s at 1,000,000 cards).
WITH clean AS (
    SELECT record_id FROM cards WHERE period = $period AND record_id IS NOT NULL
    UNION ALL
    SELECT record_id FROM persons WHERE period = $period AND record_id IS NOT NULL
),
not_clean AS (
    SELECT r.record_id
    FROM raw_records AS r
    WHERE r.period = $period
      AND r.kind IN ('person', 'card')
      AND r.record_id NOT IN (SELECT record_id FROM clean)
)
SELECT r.kind, h.header, r.cells
FROM raw_records AS r
JOIN raw_headers AS h ON h.period = r.period AND h.header_id = r.header_id
WHERE r.period = $period
  AND r.record_id IN (SELECT record_id FROM not_clean)
