-- Close the open revisions of the period's cards that are no longer current as they are: the card
-- was corrected (another hash) or removed. now() is the transaction's start: the same instant for
-- every statement of the write.
UPDATE card_revisions SET valid_to = now()
WHERE period = $period AND valid_to IS NULL
  AND NOT EXISTS (SELECT 1 FROM current_card_hashes h
                  WHERE h.period = card_revisions.period AND h.kind = card_revisions.kind
                    AND h.card_id = card_revisions.card_id AND h.row_hash = card_revisions.row_hash)
