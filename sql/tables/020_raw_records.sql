-- Every record (card or person row) exactly as it was in its file: values as received, as JSON.
CREATE TABLE IF NOT EXISTS raw_records (
    period      VARCHAR NOT NULL,
    record_id   VARCHAR NOT NULL,   -- <source_file>#<sheet>:<row_no>
    source_file VARCHAR NOT NULL,
    sheet       VARCHAR NOT NULL,
    row_no      INTEGER NOT NULL,
    kind        VARCHAR NOT NULL,   -- card | person
    data        VARCHAR NOT NULL,   -- JSON object: header -> value as received
    loaded_at   TIMESTAMP NOT NULL
);
