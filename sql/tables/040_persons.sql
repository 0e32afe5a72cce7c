-- Persons linked to a card (organisers, detainees, defendants) with their court outcome.
-- `name` is personal data: internal only. Public outputs use persons_public.
CREATE TABLE IF NOT EXISTS persons (
    period VARCHAR NOT NULL,
    person_id VARCHAR NOT NULL,
    card_id VARCHAR NOT NULL,
    role VARCHAR NOT NULL,
    name VARCHAR,
    public BOOLEAN,
    detained BOOLEAN,
    preventive BOOLEAN,
    court_outcome VARCHAR,
    fine_mrp BIGINT,
    arrest_days BIGINT,
    court_date DATE,
    article VARCHAR,
    pseudonym VARCHAR NOT NULL,
    record_id VARCHAR NOT NULL,
    source_file VARCHAR NOT NULL
);
