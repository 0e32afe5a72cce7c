-- Every erasure of a person on request (`monitor erase-person`): when, by whom, what was redacted.
-- Never the name: where it stood, the data now reads REDACTED-<erasure_id>.
CREATE TABLE IF NOT EXISTS erasures (
    erasure_id  VARCHAR NOT NULL,
    erased_at   TIMESTAMP NOT NULL,   -- UTC
    erased_by   VARCHAR NOT NULL,
    selected_by VARCHAR NOT NULL,     -- name | pseudonym | person (how the person was chosen)
    periods     VARCHAR,              -- comma-separated period ids
    persons     VARCHAR,              -- JSON list of period/card_id/person_id
    raw_records INTEGER NOT NULL,     -- raw records whose values were redacted
    files       VARCHAR,              -- JSON list of period/source_file whose archived bytes were redacted
    cells       INTEGER NOT NULL      -- text cells redacted across the warehouse
);
