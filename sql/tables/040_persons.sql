-- Persons linked to a card (organisers, detainees, defendants) with their court outcome.
-- `name` is personal data: internal only. Public outputs use persons_public.
-- Compression hints as in 030_cards.sql (closed lists: dictionary; ids: FSST).
CREATE TABLE IF NOT EXISTS persons (
    period VARCHAR NOT NULL USING COMPRESSION dictionary,
    person_id VARCHAR NOT NULL,
    card_id VARCHAR NOT NULL,
    role VARCHAR NOT NULL USING COMPRESSION dictionary,
    name VARCHAR,
    public BOOLEAN,
    detained BOOLEAN,
    preventive BOOLEAN,
    court_outcome VARCHAR USING COMPRESSION dictionary,
    fine_mrp BIGINT,
    arrest_days BIGINT,
    court_date DATE,
    article VARCHAR,
    pseudonym VARCHAR NOT NULL,
    record_id VARCHAR NOT NULL USING COMPRESSION fsst,
    source_file VARCHAR NOT NULL USING COMPRESSION dictionary
);
