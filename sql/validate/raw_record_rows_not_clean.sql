-- The values of the records kept inside the database (raw_record_rows) whose ids are in the registered
-- frame `_not_clean_ids` (record_id): raw_records_not_clean.sql's rows for that part of the raw layer.
SELECT kind, header_id, cells FROM raw_record_rows
WHERE period = $period AND record_id IN (SELECT record_id FROM _not_clean_ids)
