-- Every person of every period, to find the one to erase (by normalised name, pseudonym or id).
SELECT period, card_id, person_id, name, pseudonym, record_id FROM persons
