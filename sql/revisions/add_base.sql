-- A period's first write: its cards, events not held and persons are from now on their own current
-- revision (the view card_revisions_implied), nothing copied. Only when it has any (a write without
-- cards records no revision, as before).
INSERT INTO revision_bases
SELECT $period, now()
WHERE EXISTS (SELECT 1 FROM cards WHERE period = $period)
   OR EXISTS (SELECT 1 FROM events_not_held WHERE period = $period)
   OR EXISTS (SELECT 1 FROM persons WHERE period = $period)
