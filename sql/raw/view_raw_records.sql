-- The view raw_records (assets/core/rawstore.py, define_views): the records kept inside, and the store's
-- Parquet parts the manifest references (__parts__: read_parquet([...]) of them, or an empty relation).
CREATE OR REPLACE VIEW raw_records AS
SELECT period, record_id, source_file, sheet, row_no, kind, header_id, cells, loaded_at FROM raw_record_rows
UNION ALL
SELECT period, record_id, source_file, sheet, row_no, kind, header_id, cells, loaded_at FROM __parts__
