-- The record ids of raw_records_not_clean.sql (the period's raw card and person records that did not
-- become a clean card or person), found on the narrow columns only: assets/validate/redaction.py then
-- reads the values of just these records from the raw store's Parquet parts (Polars' reader decodes the
-- `cells` of the matching rows only; DuckDB's decodes every record's, ~0.6 s of CPU at 1,000,000 cards).
WITH clean AS (
    SELECT record_id FROM cards WHERE period = $period AND record_id IS NOT NULL
    UNION ALL
    SELECT record_id FROM persons WHERE period = $period AND record_id IS NOT NULL
)
SELECT r.record_id
FROM raw_records AS r
WHERE r.period = $period
  AND r.kind IN ('person', 'card')
  AND r.record_id NOT IN (SELECT record_id FROM clean)
