-- The content hashes of the persons a write is about to store (the registered frame _incoming_persons), as
-- the view persons_hashed computes them (see new_keys_incoming_cards.sql).
INSERT INTO _new_person_keys
SELECT card_id, person_id, CAST(hash(struct_pack(*COLUMNS(* EXCLUDE (record_id, source_file)))) AS VARCHAR)
FROM (SELECT * FROM persons WHERE false UNION ALL BY NAME SELECT * FROM _incoming_persons)
