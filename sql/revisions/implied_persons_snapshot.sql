-- Before a write replaces the period's persons: their implied revisions (see implied_cards_snapshot.sql).
CREATE OR REPLACE TEMP TABLE _implied_persons AS
SELECT * FROM person_revisions_implied WHERE period = $period
