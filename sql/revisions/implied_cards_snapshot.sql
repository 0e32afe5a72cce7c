-- Before a write replaces the period's cards: the revisions that only `cards` itself holds (implied,
-- sql/tables/095_card_revisions.sql), so that those the write corrects or removes can be stored closed.
-- Only those the write changes or removes (their content is not among the rows it stores: _changed_card_keys):
-- the full rows of the revisions it will close, not a copy of every card of the period.
CREATE OR REPLACE TEMP TABLE _implied_cards AS
SELECT * FROM card_revisions_implied i
WHERE period = $period
  AND (kind, card_id, row_hash) IN (SELECT (kind, card_id, row_hash) FROM _changed_card_keys)
