-- The write's snapshot of implied card revisions (implied_cards_snapshot.sql), no longer needed.
DROP TABLE IF EXISTS temp._implied_cards;
DROP TABLE IF EXISTS temp._implied_card_keys;
DROP TABLE IF EXISTS temp._new_card_keys;
DROP TABLE IF EXISTS temp._changed_card_keys;
DROP TABLE IF EXISTS temp._open_card_keys
