-- Every rejected record (one row per problem) and every unreadable file, with a reason a monitor
-- understands. severity 'warning' rows (unknown columns) do not reject anything.
CREATE TABLE IF NOT EXISTS quarantine (
    period      VARCHAR NOT NULL,
    record_id   VARCHAR NOT NULL,
    source_file VARCHAR NOT NULL,
    sheet       VARCHAR,
    row_no      INTEGER,
    kind        VARCHAR NOT NULL,   -- card | person | file
    card_id     VARCHAR,
    field       VARCHAR,
    value       VARCHAR,
    reason      VARCHAR NOT NULL,
    rule        VARCHAR NOT NULL,
    severity    VARCHAR NOT NULL    -- error | warning
);
