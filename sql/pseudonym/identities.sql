-- Every identity a pseudonym is made of, now and in the stored revisions (re-pseudonymising a warehouse).
SELECT DISTINCT name, card_id, person_id FROM persons
UNION
SELECT DISTINCT name, card_id, person_id FROM person_revision_rows
