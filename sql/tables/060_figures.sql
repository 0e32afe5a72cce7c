-- Every cell of every table and index of the report (keys: ../shared/spec/report-tables.md).
CREATE TABLE IF NOT EXISTS figures (
    period     VARCHAR NOT NULL,
    table_no   VARCHAR NOT NULL,
    row_key    VARCHAR NOT NULL,
    col_key    VARCHAR NOT NULL,
    value      DOUBLE,            -- NULL unless value_status = 'value'
    provenance VARCHAR NOT NULL,   -- derived | published
    value_status VARCHAR NOT NULL DEFAULT 'value'  -- value | dash ("-" printed) | blank | unreadable
);
ALTER TABLE figures ADD COLUMN IF NOT EXISTS value_status VARCHAR DEFAULT 'value';
