-- The view raw_records (assets/core/rawstore.py, define_views): the records kept inside, and those of the store's
-- Parquet parts the manifest references (part_records.sql over them, put in below by rawstore.view_texts; over
-- an empty relation when none is).
CREATE OR REPLACE VIEW raw_records AS
SELECT period, record_id, source_file, sheet, row_no, kind, header_id, cells, loaded_at FROM raw_record_rows
UNION ALL
__part_records__
