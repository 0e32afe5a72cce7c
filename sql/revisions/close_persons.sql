-- Close the open revisions of the period's persons that are no longer current as they are.
UPDATE person_revisions SET valid_to = now()
WHERE period = $period AND valid_to IS NULL
  AND NOT EXISTS (SELECT 1 FROM current_person_hashes h
                  WHERE h.period = person_revisions.period AND h.card_id = person_revisions.card_id
                    AND h.person_id = person_revisions.person_id AND h.row_hash = person_revisions.row_hash)
