-- Store a revision for every person of the period without a current revision of the same content (the
-- keys of open_person_keys.sql).
INSERT INTO person_revision_rows BY NAME
SELECT p.*, now() AS valid_from, CAST(NULL AS TIMESTAMPTZ) AS valid_to
FROM persons_hashed p
WHERE p.period = $period
  AND (p.card_id, p.person_id, p.row_hash) IN (SELECT (card_id, person_id, row_hash) FROM _open_person_keys)
