-- A period's first write: every person opens its revision (see open_cards_first.sql).
INSERT INTO person_revisions BY NAME
SELECT p.*, now() AS valid_from, CAST(NULL AS TIMESTAMPTZ) AS valid_to
FROM persons_hashed p
WHERE p.period = $period
