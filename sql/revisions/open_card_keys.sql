-- The cards and events not held of the period that need a stored revision, by key (narrow): no current
-- revision with their content, stored (an open row) or implied (_implied_card_keys, taken before the
-- write): new cards and corrected ones. Materialised first, so that open_cards.sql copies the full rows of
-- only these (usually few), not an anti join built on every card of the period.
CREATE OR REPLACE TEMP TABLE _open_card_keys AS
SELECT kind, card_id, row_hash FROM current_card_hashes WHERE period = $period
EXCEPT
SELECT kind, card_id, row_hash FROM card_revision_rows WHERE period = $period AND valid_to IS NULL
EXCEPT
SELECT kind, card_id, row_hash FROM _implied_card_keys
