-- The columns of raw_records in the database in use (assets/core/raw_migration.py: is it the old format?).
SELECT column_name FROM information_schema.columns
WHERE table_name = 'raw_records' AND table_catalog = current_database() AND table_schema = current_schema()
