ALTER TABLE raw_files RENAME TO raw_file_rows
-- The raw layer before the store: the table raw_files becomes raw_file_rows (assets/core/rawstore.py, migrate_layout).
