-- Open a revision for every person of the period without an open revision of the same content.
INSERT INTO person_revisions BY NAME
SELECT p.*, now() AS valid_from, CAST(NULL AS TIMESTAMPTZ) AS valid_to
FROM persons_hashed p
WHERE p.period = $period
  AND NOT EXISTS (SELECT 1 FROM person_revisions r
                  WHERE r.period = $period AND r.valid_to IS NULL
                    AND r.card_id = p.card_id AND r.person_id = p.person_id AND r.row_hash = p.row_hash)
