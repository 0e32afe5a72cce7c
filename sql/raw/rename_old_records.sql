ALTER TABLE raw_records RENAME TO raw_record_rows
-- The raw layer before the store: the table raw_records becomes raw_record_rows (assets/core/rawstore.py, migrate_layout).
