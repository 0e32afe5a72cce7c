-- One Parquet part of the raw store's records (__part__: its path, quoted) as a TEMP table, to redact its
-- cells with the statements every table gets (assets/validate/erasure.py; then written as a new part).
CREATE OR REPLACE TEMP TABLE _erasing_part AS SELECT * FROM read_parquet(__part__)
