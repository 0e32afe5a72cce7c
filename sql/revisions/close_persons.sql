-- Close the open revisions of the period's persons that are no longer current as they are.
UPDATE person_revision_rows SET valid_to = now()
WHERE period = $period AND valid_to IS NULL
  AND NOT EXISTS (SELECT 1 FROM current_person_hashes h
                  WHERE h.period = person_revision_rows.period AND h.card_id = person_revision_rows.card_id
                    AND h.person_id = person_revision_rows.person_id AND h.row_hash = person_revision_rows.row_hash)
