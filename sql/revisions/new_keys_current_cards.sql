-- The cards of the period a write does not replace: their current hashes (they stay as they are).
INSERT INTO _new_card_keys SELECT kind, card_id, row_hash FROM cards_hashed WHERE period = $period
