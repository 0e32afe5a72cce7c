-- The implied person revisions a write changes or removes, by key (see changed_card_keys.sql).
CREATE OR REPLACE TEMP TABLE _changed_person_keys AS
SELECT card_id, person_id, row_hash FROM _implied_person_keys
EXCEPT
SELECT card_id, person_id, row_hash FROM _new_person_keys
