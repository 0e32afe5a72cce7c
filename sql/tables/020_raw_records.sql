-- Every record (card or person row) exactly as it was in its file: its values as received, as a JSON
-- array in the order of its header; the header itself (column names or keys) is kept once per period
-- in raw_headers (021), under header_id. The record as received is the header zipped with the cells
-- (assets/core/raw.py, record_data). Readers query the VIEW raw_records (columns: period, record_id,
-- source_file, sheet, row_no, kind, header_id, cells, loaded_at), written by assets/core/rawstore.py
-- (sql/raw/view_raw_records.sql) over:
-- raw_record_parts: the manifest of the raw store (the default): each part is a Parquet file written by
-- Polars, <warehouse>.raw/records/<sha256>.parquet, with the columns above (one per period write).
CREATE TABLE IF NOT EXISTS raw_record_parts (
    period      VARCHAR NOT NULL,
    sha256      VARCHAR NOT NULL,   -- of the Parquet file: its name in the store
    records     BIGINT  NOT NULL,
    size_bytes  BIGINT  NOT NULL,
    loaded_at   TIMESTAMP NOT NULL
);
-- raw_record_rows: the records inside the database (an encrypted warehouse, MONITOR_RAW_STORE=inside,
-- and the table raw_records of a warehouse written before the store, renamed). An older warehouse's
-- `data` column (a JSON object per record) is converted by assets/core/raw_migration.py.
CREATE TABLE IF NOT EXISTS raw_record_rows (
    period      VARCHAR NOT NULL,
    record_id   VARCHAR NOT NULL,   -- <source_file>#<sheet>:<row_no>
    source_file VARCHAR NOT NULL,
    sheet       VARCHAR NOT NULL,
    row_no      INTEGER NOT NULL,
    kind        VARCHAR NOT NULL,   -- card | person
    header_id   VARCHAR NOT NULL,   -- raw_headers.header_id of the record's header
    cells       VARCHAR NOT NULL,   -- JSON array: the values as received, in the header's order
    loaded_at   TIMESTAMP NOT NULL
);
