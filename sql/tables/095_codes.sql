-- The code lists of schemas/card.yaml and the cities of config/gazetteer.yaml, with their labels
-- (rows replaced by assets/derive/figures.py refresh_codes on every derive run). `court`: the code is a
-- court's outcome (court_outcome codes marked `court: true` in card.yaml).
CREATE TABLE IF NOT EXISTS codes (
    field VARCHAR NOT NULL,
    code VARCHAR NOT NULL,
    ru VARCHAR,
    en VARCHAR,
    court BOOLEAN NOT NULL DEFAULT false
);
ALTER TABLE codes ADD COLUMN IF NOT EXISTS court BOOLEAN DEFAULT false;
