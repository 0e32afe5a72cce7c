-- The content hashes of the cards a write is about to store (the registered frame _incoming_cards), computed
-- as the view cards_hashed computes them: the frame read with the table's columns, in the table's order and
-- types (BY NAME after an empty scan of the table, as the INSERT puts it in; times registered as
-- microseconds, the table's TIME: revisions.snapshot); before the old rows are deleted. A column typed
-- otherwise than the table's only makes the snapshot copy more (tests/test_revisions_snapshot.py says so).
INSERT INTO _new_card_keys
SELECT 'card', card_id, CAST(hash(struct_pack(*COLUMNS(* EXCLUDE (record_id, source_file)))) AS VARCHAR)
FROM (SELECT * FROM cards WHERE false UNION ALL BY NAME SELECT * FROM _incoming_cards)
