-- The persons of the period that need a stored revision, by key (see open_card_keys.sql).
CREATE OR REPLACE TEMP TABLE _open_person_keys AS
SELECT card_id, person_id, row_hash FROM current_person_hashes WHERE period = $period
EXCEPT
SELECT card_id, person_id, row_hash FROM person_revision_rows WHERE period = $period AND valid_to IS NULL
EXCEPT
SELECT card_id, person_id, row_hash FROM _implied_person_keys
