-- The periods whose raw files the warehouse holds (their private names: assets/validate/redaction.py).
SELECT DISTINCT period FROM raw_files ORDER BY period
