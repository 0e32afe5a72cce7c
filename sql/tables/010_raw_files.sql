-- Every card file read from the inbox, kept byte for byte as received. Readers query the VIEW raw_files
-- (these columns, in this order: period, source_file, sha256, size_bytes, content, format, encoding, records,
-- problem, warnings, loaded_at), written by assets/core/rawstore.py (sql/raw/view_raw_files.sql) over two
-- places the bytes may be:
-- raw_file_index: the manifest of the raw store (the default): every column but the bytes, which are the
-- file <warehouse>.raw/files/<sha256> (content-addressed, written before the transaction that adds the row).
CREATE TABLE IF NOT EXISTS raw_file_index (
    period      VARCHAR NOT NULL,
    source_file VARCHAR NOT NULL,   -- path relative to the inbox, e.g. cards/2017/almaty.csv
    sha256      VARCHAR NOT NULL,   -- of the bytes: their file's name in the store when `stored`
    size_bytes  BIGINT  NOT NULL,
    format      VARCHAR,
    encoding    VARCHAR,
    records     INTEGER NOT NULL,   -- raw records read from it
    problem     VARCHAR,            -- why the file as a whole could not be read (NULL when it could)
    warnings    VARCHAR,            -- JSON list of non-fatal notes, {rule, reason} each (assets/core/raw.py notes_json)
    loaded_at   TIMESTAMP NOT NULL,
    stored      BOOLEAN NOT NULL    -- its bytes are in the store (false: never read, e.g. a link)
);
-- raw_file_rows: the bytes inside the database (an encrypted warehouse, MONITOR_RAW_STORE=inside, and the
-- table raw_files of a warehouse written before the store, renamed).
CREATE TABLE IF NOT EXISTS raw_file_rows (
    period      VARCHAR NOT NULL,
    source_file VARCHAR NOT NULL,
    sha256      VARCHAR NOT NULL,
    size_bytes  BIGINT  NOT NULL,
    content     BLOB,
    format      VARCHAR,
    encoding    VARCHAR,
    records     INTEGER NOT NULL,
    problem     VARCHAR,
    warnings    VARCHAR,
    loaded_at   TIMESTAMP NOT NULL
);
