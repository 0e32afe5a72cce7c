-- How many open revisions (cards, events not held, persons) the period has: none on its first write,
-- when there is nothing to close (assets/core/revisions.py skips the comparison then).
SELECT (SELECT count(*) FROM card_revisions WHERE period = $period AND valid_to IS NULL)
     + (SELECT count(*) FROM person_revisions WHERE period = $period AND valid_to IS NULL)
