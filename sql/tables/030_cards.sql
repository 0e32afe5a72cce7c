-- Clean, typed observation cards (columns: schemas/card.yaml, card section; plus period,
-- sanctioned = permission granted, and the raw record they came from).
-- Compression: a column of a closed list (card.yaml's code, codes and city fields, period, source_file) is
-- stored as a dictionary, an id or a link (unique) with FSST, the free text as DuckDB chooses: DuckDB then
-- does not try every method on every value (1,000,000 cards: ~0.7 s of CPU less, the same file;
-- benchmarks/ANALYSIS.md, branch i15s). A hint only: the values and types are the same, a table created
-- without it (an older warehouse) works as before; DuckLake, an in-memory database and a DuckDB file of a
-- newer storage version (an encrypted one) take none, and get this DDL without them (warehouse.for_storage).
CREATE TABLE IF NOT EXISTS cards (
    period VARCHAR NOT NULL USING COMPRESSION dictionary,
    card_id VARCHAR NOT NULL USING COMPRESSION fsst,
    date DATE NOT NULL,
    time_start TIME,
    city VARCHAR NOT NULL USING COMPRESSION dictionary,
    settlement VARCHAR,
    place VARCHAR,
    designated_place BOOLEAN,
    form VARCHAR NOT NULL USING COMPRESSION dictionary,
    topic VARCHAR NOT NULL,
    character VARCHAR NOT NULL USING COMPRESSION dictionary,
    organizer_type VARCHAR NOT NULL USING COMPRESSION dictionary,
    organizer_name VARCHAR,
    participants_low BIGINT,
    participants BIGINT NOT NULL,
    participants_high BIGINT,
    duration_min BIGINT,
    attributes VARCHAR USING COMPRESSION dictionary,
    notification VARCHAR USING COMPRESSION dictionary,
    permission_requested BOOLEAN NOT NULL,
    permission_answer VARCHAR USING COMPRESSION dictionary,
    reason_not_applied VARCHAR USING COMPRESSION dictionary,
    prosecutor_present BOOLEAN,
    prosecutor_warned BOOLEAN,
    akimat_present BOOLEAN,
    akimat_warned BOOLEAN,
    police_present BOOLEAN,
    police_warned BOOLEAN,
    police_count BIGINT,
    obstruction BOOLEAN,
    dispersal BOOLEAN,
    preventive_detentions BIGINT,
    detained BIGINT,
    state_organised BOOLEAN,
    source_type VARCHAR NOT NULL USING COMPRESSION dictionary,
    source_links VARCHAR USING COMPRESSION fsst,
    notes VARCHAR,
    event_status VARCHAR NOT NULL DEFAULT 'held' USING COMPRESSION dictionary,  -- held | refused | prevented (schemas/card.yaml)
    applications BIGINT,
    sanctioned BOOLEAN NOT NULL,
    record_id VARCHAR NOT NULL USING COMPRESSION fsst,
    source_file VARCHAR NOT NULL USING COMPRESSION dictionary
);
ALTER TABLE cards ADD COLUMN IF NOT EXISTS event_status VARCHAR DEFAULT 'held';
ALTER TABLE cards ADD COLUMN IF NOT EXISTS applications BIGINT;
