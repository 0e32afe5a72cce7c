-- `persons` as they were at $as_of (see cards_as_of.sql).
CREATE OR REPLACE TEMP TABLE persons AS
SELECT * EXCLUDE (row_hash, valid_from, valid_to) FROM person_revisions
WHERE valid_from <= $as_of AND (valid_to IS NULL OR valid_to > $as_of)
