-- Before a write replaces the period's cards: the revisions that only `cards` itself holds (implied,
-- sql/tables/095_card_revisions.sql), so that those the write corrects or removes can be stored closed.
CREATE OR REPLACE TEMP TABLE _implied_cards AS
SELECT * FROM card_revisions_implied WHERE period = $period
