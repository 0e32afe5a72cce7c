-- Clean, typed observation cards (columns: schemas/card.yaml, card section; plus period,
-- sanctioned = permission granted, and the raw record they came from).
CREATE TABLE IF NOT EXISTS cards (
    period VARCHAR NOT NULL,
    card_id VARCHAR NOT NULL,
    date DATE NOT NULL,
    time_start TIME,
    city VARCHAR NOT NULL,
    settlement VARCHAR,
    place VARCHAR,
    designated_place BOOLEAN,
    form VARCHAR NOT NULL,
    topic VARCHAR NOT NULL,
    character VARCHAR NOT NULL,
    organizer_type VARCHAR NOT NULL,
    organizer_name VARCHAR,
    participants_low BIGINT,
    participants BIGINT NOT NULL,
    participants_high BIGINT,
    duration_min BIGINT,
    attributes VARCHAR,
    notification VARCHAR,
    permission_requested BOOLEAN NOT NULL,
    permission_answer VARCHAR,
    reason_not_applied VARCHAR,
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
    source_type VARCHAR NOT NULL,
    source_links VARCHAR,
    notes VARCHAR,
    event_status VARCHAR NOT NULL DEFAULT 'held',  -- held | refused | prevented (schemas/card.yaml)
    applications BIGINT,
    sanctioned BOOLEAN NOT NULL,
    record_id VARCHAR NOT NULL,
    source_file VARCHAR NOT NULL
);
ALTER TABLE cards ADD COLUMN IF NOT EXISTS event_status VARCHAR DEFAULT 'held';
ALTER TABLE cards ADD COLUMN IF NOT EXISTS applications BIGINT;
-- Records of events that are not assemblies held (an application refused with no assembly, an assembly
-- prevented): the same columns as `cards`, kept apart so that every table counts assemblies held only.
CREATE TABLE IF NOT EXISTS events_not_held AS SELECT * FROM cards LIMIT 0;
