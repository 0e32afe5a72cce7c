-- Before a write replaces the period's persons: their implied revisions (see implied_cards_snapshot.sql).
-- Only those the write changes or removes (see implied_cards_snapshot.sql).
CREATE OR REPLACE TEMP TABLE _implied_persons AS
SELECT * FROM person_revisions_implied i
WHERE period = $period
  AND (card_id, person_id, row_hash) IN (SELECT (card_id, person_id, row_hash) FROM _changed_person_keys)
