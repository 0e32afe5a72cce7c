-- An implied revision (unchanged since the period's first write) whose card the write corrected or
-- removed: stored, closed now.
INSERT INTO card_revision_rows BY NAME
SELECT * REPLACE (now() AS valid_to) FROM _implied_cards i
WHERE NOT EXISTS (SELECT 1 FROM current_card_hashes h
                  WHERE h.period = i.period AND h.kind = i.kind AND h.card_id = i.card_id AND h.row_hash = i.row_hash)
