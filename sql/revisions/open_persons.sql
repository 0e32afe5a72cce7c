-- Store a revision for every person of the period without a current revision (stored or implied: see
-- open_cards.sql) of the same content.
INSERT INTO person_revision_rows BY NAME
SELECT p.*, now() AS valid_from, CAST(NULL AS TIMESTAMPTZ) AS valid_to
FROM persons_hashed p
WHERE p.period = $period
  AND NOT EXISTS (SELECT 1 FROM person_revision_rows r
                  WHERE r.period = $period AND r.valid_to IS NULL
                    AND r.card_id = p.card_id AND r.person_id = p.person_id AND r.row_hash = p.row_hash)
  AND NOT EXISTS (SELECT 1 FROM _implied_person_keys i
                  WHERE i.card_id = p.card_id AND i.person_id = p.person_id AND i.row_hash = p.row_hash)
