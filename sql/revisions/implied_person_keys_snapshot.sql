-- Before a write replaces the period's persons: which persons are implied revisions, by content hash.
CREATE OR REPLACE TEMP TABLE _implied_person_keys AS
SELECT card_id, person_id, row_hash FROM person_revisions_implied WHERE period = $period
