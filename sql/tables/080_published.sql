-- Every figure a published report prints (data/published/*.csv), with where it is printed and at
-- what precision. `primary` marks the one printing per cell that the report's own table gives.
CREATE TABLE IF NOT EXISTS published_figures (
    source     VARCHAR NOT NULL,
    period     VARCHAR NOT NULL,
    table_no   VARCHAR NOT NULL,
    row_key    VARCHAR NOT NULL,
    col_key    VARCHAR NOT NULL,
    value      DOUBLE,            -- NULL unless value_status = 'value': missing is not zero
    value_status VARCHAR NOT NULL, -- value | dash ("-"/"—" printed) | blank (empty cell) | unreadable
    provenance VARCHAR NOT NULL,   -- always 'published'
    printed    VARCHAR,
    decimals   INTEGER NOT NULL,
    location   VARCHAR,            -- table | text
    line       INTEGER,
    "primary"  BOOLEAN NOT NULL,
    note       VARCHAR
);
-- Where a published report contradicts itself (found by rule: assets/derive/audit.py).
CREATE TABLE IF NOT EXISTS audit (
    source   VARCHAR NOT NULL,
    rule     VARCHAR NOT NULL,
    period   VARCHAR,
    table_no VARCHAR,
    row_key  VARCHAR,
    col_key  VARCHAR,
    published DOUBLE,
    expected DOUBLE,
    message  VARCHAR NOT NULL
);
-- Derived and published side by side for every cell that has both (sql/reconciliation.sql).
CREATE TABLE IF NOT EXISTS reconciliation (
    period     VARCHAR NOT NULL,
    table_no   VARCHAR NOT NULL,
    row_key    VARCHAR NOT NULL,
    col_key    VARCHAR NOT NULL,
    derived    DOUBLE,
    published  DOUBLE,
    printed    VARCHAR,
    decimals   INTEGER,
    location   VARCHAR,
    line       INTEGER,
    "primary"  BOOLEAN,
    difference DOUBLE,
    status     VARCHAR NOT NULL,   -- match | match_truncated | match_approximate | mismatch
    contradicted_in_report BOOLEAN NOT NULL,  -- the audit finds this published cell contradicted
    audit_note VARCHAR
);
