-- The write's snapshot of implied card revisions (implied_cards_snapshot.sql), no longer needed.
DROP TABLE IF EXISTS temp._implied_cards
