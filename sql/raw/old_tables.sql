-- raw_files / raw_records in the database in use, and whether each is a BASE TABLE (the layout before the store) or a VIEW.
SELECT table_name, table_type FROM information_schema.tables
WHERE table_catalog = current_database() AND table_schema = current_schema() AND table_name IN ('raw_files', 'raw_records')
