-- Open a revision for every person of the period without an open revision of the same content.
INSERT INTO person_revisions BY NAME
SELECT h.row_hash, now() AS valid_from, CAST(NULL AS TIMESTAMPTZ) AS valid_to, p.*
FROM persons p
JOIN current_person_hashes h ON h.period = p.period AND h.card_id = p.card_id AND h.person_id = p.person_id
WHERE p.period = $period
  AND NOT EXISTS (SELECT 1 FROM person_revisions r
                  WHERE r.period = h.period AND r.card_id = h.card_id AND r.person_id = h.person_id
                    AND r.row_hash = h.row_hash AND r.valid_to IS NULL)
