-- DuckLake: the raw layer stays in lake tables (Parquet files in the lake's DATA_PATH; assets/core/rawstore.py).
-- Every card file read from the inbox, kept byte for byte as received.
CREATE TABLE IF NOT EXISTS raw_files (
    period      VARCHAR NOT NULL,
    source_file VARCHAR NOT NULL,   -- path relative to the inbox, e.g. cards/2017/almaty.csv
    sha256      VARCHAR NOT NULL,
    size_bytes  BIGINT  NOT NULL,
    content     BLOB,
    format      VARCHAR,
    encoding    VARCHAR,
    records     INTEGER NOT NULL,   -- raw records read from it
    problem     VARCHAR,            -- why the file as a whole could not be read (NULL when it could)
    warnings    VARCHAR,            -- JSON list of non-fatal notes, {rule, reason} each (assets/core/raw.py notes_json)
    loaded_at   TIMESTAMP NOT NULL
);
