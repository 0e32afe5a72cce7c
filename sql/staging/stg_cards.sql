-- Staging: the assemblies held in the period $period (the clean `cards`), one row per card, every column
-- of the card plus what the figure models need resolved once:
--   unsanctioned  held without permission (NOT sanctioned)
--   state         presumably organised by the authorities (state_organised; not known = no)
-- Every figure model reads the period's cards from here, never `cards WHERE period = $period` itself.
-- A temporary view of the derive run's connection (assets/derive/figures.py), replaced on each run; the
-- period is the connection's variable derive_period (sql/derive/set_period.sql). A view, not a table: a
-- temporary copy of every card (~45 columns) cost 2.5 s of CPU at 1,000,000 cards, the models' scans of
-- `cards` through the view cost nothing more than their scans of the copy did.
CREATE OR REPLACE TEMP VIEW stg_cards AS
SELECT c.*,
       NOT c.sanctioned AS unsanctioned,
       coalesce(c.state_organised, false) AS state
FROM cards c
WHERE c.period = getvariable('derive_period')
