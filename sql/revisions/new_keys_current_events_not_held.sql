-- The events_not_held of the period a write does not replace: their current hashes (they stay as they are).
INSERT INTO _new_card_keys SELECT kind, card_id, row_hash FROM events_not_held_hashed WHERE period = $period
