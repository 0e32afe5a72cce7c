-- `events_not_held` as they were at $as_of (see cards_as_of.sql).
CREATE OR REPLACE TEMP TABLE events_not_held AS
SELECT * EXCLUDE (kind, row_hash, valid_from, valid_to) FROM card_revisions
WHERE kind = 'event_not_held' AND valid_from <= $as_of AND (valid_to IS NULL OR valid_to > $as_of)
