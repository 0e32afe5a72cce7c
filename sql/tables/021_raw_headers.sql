-- The headers of the raw records (the column names of a CSV or a sheet, the keys of a JSON/YAML
-- card), each once per period: raw_records.header_id refers to it. Written with raw_records.
CREATE TABLE IF NOT EXISTS raw_headers (
    period    VARCHAR NOT NULL,
    header_id VARCHAR NOT NULL,   -- md5 of the header's text, 16 hex digits (assets/core/raw.py)
    header    VARCHAR NOT NULL    -- JSON array of the column names or keys, in their order
);
