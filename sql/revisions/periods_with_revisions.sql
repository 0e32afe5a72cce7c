-- The periods that have had cards at some time (their figures are recomputed for an as-of report).
SELECT DISTINCT period FROM card_revisions ORDER BY period
