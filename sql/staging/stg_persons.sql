-- Staging: the period's persons (organisers, detainees, defendants), one row per person, with their court
-- outcome resolved against the code list of schemas/card.yaml (stg_codes):
--   reached_court  the outcome is a court's (court: true in card.yaml: a warning, a fine, an arrest, an
--                  acquittal, a case pending), not a release without charge nor unknown
CREATE OR REPLACE TEMP VIEW stg_persons AS
SELECT p.*,
       coalesce(k.court, false) AS reached_court
FROM persons p
LEFT JOIN stg_codes k ON k.field = 'court_outcome' AND k.code = p.court_outcome
WHERE p.period = getvariable('derive_period')
