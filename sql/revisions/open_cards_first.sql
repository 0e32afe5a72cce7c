-- A period's first write (no open revision of it yet: assets/core/revisions.py): every card and event
-- not held opens its revision, in one scan of the period's rows, with nothing to compare.
INSERT INTO card_revisions BY NAME
SELECT c.*, now() AS valid_from, CAST(NULL AS TIMESTAMPTZ) AS valid_to
FROM (SELECT * FROM cards_hashed WHERE period = $period
      UNION ALL BY NAME
      SELECT * FROM events_not_held_hashed WHERE period = $period) AS c
