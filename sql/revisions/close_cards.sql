-- Close the open revisions of the period's cards that are no longer current as they are: the card
-- was corrected (another hash) or removed. now() is the transaction's start: the same instant for
-- every statement of the write.
UPDATE card_revision_rows SET valid_to = now()
WHERE period = $period AND valid_to IS NULL
  AND NOT EXISTS (SELECT 1 FROM current_card_hashes h
                  WHERE h.period = card_revision_rows.period AND h.kind = card_revision_rows.kind
                    AND h.card_id = card_revision_rows.card_id AND h.row_hash = card_revision_rows.row_hash)
