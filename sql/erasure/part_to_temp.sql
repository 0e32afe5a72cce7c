-- One Parquet part of the raw store's records as a TEMP table, every record with its cells (sql/raw/part_records.sql
-- over the part, put in by erasure._redact_stored_records), to redact its cells with the statements every table gets
-- (assets/validate/erasure.py; then written as a new part, each record with its cells).
CREATE OR REPLACE TEMP TABLE _erasing_part AS __part_records__
