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
-- Where a published report contradicts itself (found by rule: assets/derive/audit/).
CREATE TABLE IF NOT EXISTS audit (
    source   VARCHAR NOT NULL,
    rule     VARCHAR NOT NULL,
    period   VARCHAR,
    table_no VARCHAR,
    row_key  VARCHAR,
    col_key  VARCHAR,
    published DOUBLE,
    expected DOUBLE,
    message  VARCHAR NOT NULL,
    level    VARCHAR NOT NULL,     -- contradiction | rounding (within the precision the table prints) | truncated
    root_id  VARCHAR NOT NULL,     -- one root cause: every finding (and cell) of it shares the id
    cells    VARCHAR               -- the cells the finding rests on: 'period|table_no|row_key|col_key; ...'
);
-- Every cell of every audit finding (the finding's own cell: anchor = true): one root cause, all its cells.
CREATE TABLE IF NOT EXISTS audit_cells (
    source   VARCHAR NOT NULL,
    root_id  VARCHAR NOT NULL,
    level    VARCHAR NOT NULL,
    rule     VARCHAR NOT NULL,
    period   VARCHAR,
    table_no VARCHAR,
    row_key  VARCHAR,
    col_key  VARCHAR,
    anchor   BOOLEAN NOT NULL
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
    status     VARCHAR NOT NULL,   -- match | match_truncated | match_approximate | mismatch | not_derived | not_published
    value_status VARCHAR,          -- of the published cell: value | dash | blank | unreadable (NULL: not published)
    contradicted_in_report BOOLEAN NOT NULL,  -- the audit finds this published cell contradicted
    audit_note VARCHAR,
    choice_used DOUBLE,            -- published_choices: the value the example cards follow instead
    choice_reason_ru VARCHAR,
    choice_reason_en VARCHAR
);
-- Warehouses made before value_status, audit roots and recorded choices get the new columns.
ALTER TABLE published_figures ADD COLUMN IF NOT EXISTS value_status VARCHAR DEFAULT 'value';
ALTER TABLE audit ADD COLUMN IF NOT EXISTS level VARCHAR DEFAULT 'contradiction';
ALTER TABLE audit ADD COLUMN IF NOT EXISTS root_id VARCHAR DEFAULT '';
ALTER TABLE audit ADD COLUMN IF NOT EXISTS cells VARCHAR;
ALTER TABLE reconciliation ADD COLUMN IF NOT EXISTS value_status VARCHAR;
ALTER TABLE reconciliation ADD COLUMN IF NOT EXISTS choice_used DOUBLE;
ALTER TABLE reconciliation ADD COLUMN IF NOT EXISTS choice_reason_ru VARCHAR;
ALTER TABLE reconciliation ADD COLUMN IF NOT EXISTS choice_reason_en VARCHAR;
