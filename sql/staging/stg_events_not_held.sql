-- Staging: the period's records of events not held (`events_not_held`: applications refused with no
-- assembly, assemblies prevented), one row per record. Never counted as assemblies.
CREATE OR REPLACE TEMP VIEW stg_events_not_held AS
SELECT e.*
FROM events_not_held e
WHERE e.period = getvariable('derive_period')
