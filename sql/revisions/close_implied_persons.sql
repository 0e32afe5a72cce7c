-- An implied revision of a person the write corrected or removed: stored, closed now.
INSERT INTO person_revision_rows BY NAME
SELECT * REPLACE (now() AS valid_to) FROM _implied_persons i
WHERE NOT EXISTS (SELECT 1 FROM current_person_hashes h
                  WHERE h.period = i.period AND h.card_id = i.card_id AND h.person_id = i.person_id
                    AND h.row_hash = i.row_hash)
