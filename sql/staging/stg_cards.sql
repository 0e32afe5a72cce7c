-- Staging: the assemblies held in the period $period (the clean `cards`), one row per card, every column
-- of the card plus what the figure models need resolved once:
--   unsanctioned  held without permission (NOT sanctioned)
--   state         presumably organised by the authorities (state_organised; not known = no)
-- Every figure model reads the period's cards from here, never `cards WHERE period = $period` itself.
-- A temporary table of the derive run's connection (assets/derive/figures.py), replaced on each run.
CREATE OR REPLACE TEMP TABLE stg_cards AS
SELECT c.*,
       NOT c.sanctioned AS unsanctioned,
       coalesce(c.state_organised, false) AS state
FROM cards c
WHERE c.period = $period
