-- The write's snapshot of implied person revisions, no longer needed.
DROP TABLE IF EXISTS temp._implied_persons;
DROP TABLE IF EXISTS temp._implied_person_keys;
DROP TABLE IF EXISTS temp._new_person_keys;
DROP TABLE IF EXISTS temp._changed_person_keys;
DROP TABLE IF EXISTS temp._open_person_keys
