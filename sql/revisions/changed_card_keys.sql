-- The implied card revisions a write changes or removes, by key (narrow; usually few): those whose content
-- is not among the rows the write stores. Materialised first, so that implied_cards_snapshot.sql reads the
-- full rows of only these (a semi join built on this small table, not on a million wide rows).
CREATE OR REPLACE TEMP TABLE _changed_card_keys AS
SELECT kind, card_id, row_hash FROM _implied_card_keys
EXCEPT
SELECT kind, card_id, row_hash FROM _new_card_keys
