-- Before a write replaces the period's persons: their implied revisions (see implied_cards_snapshot.sql).
-- Only those the write changes or removes (see implied_cards_snapshot.sql).
CREATE OR REPLACE TEMP TABLE _implied_persons AS
SELECT * FROM person_revisions_implied i
WHERE period = $period
  AND NOT EXISTS (SELECT 1 FROM _new_person_keys n
                  WHERE n.card_id = i.card_id AND n.person_id = i.person_id AND n.row_hash = i.row_hash)
