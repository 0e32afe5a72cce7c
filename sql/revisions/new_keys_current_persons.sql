-- The persons of the period a write does not replace: their current hashes.
INSERT INTO _new_person_keys SELECT card_id, person_id, row_hash FROM persons_hashed WHERE period = $period
