-- Before a write replaces the period's cards: which cards are implied revisions, by content hash (narrow:
-- open_cards.sql opens no revision for a card still as it was).
CREATE OR REPLACE TEMP TABLE _implied_card_keys AS
SELECT kind, card_id, row_hash FROM card_revisions_implied WHERE period = $period
