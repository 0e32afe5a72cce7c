-- DuckLake: the raw layer stays in lake tables (Parquet files in the lake's DATA_PATH; assets/core/rawstore.py).
-- Every record (card or person row) exactly as it was in its file: its values as received, as a JSON
-- array in the order of its header; the header itself (column names or keys) is kept once per period
-- in raw_headers (021), under header_id. The record as received is the header zipped with the cells
-- (assets/core/raw.py, record_data). An older warehouse's `data` column (a JSON object per record, the
-- header repeated in every record) is converted by assets/core/raw_migration.py.
CREATE TABLE IF NOT EXISTS raw_records (
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
