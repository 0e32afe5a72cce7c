-- A few stored persons, to tell which key made the pseudonyms of a warehouse that recorded none
-- (written before the key's fingerprint was recorded).
SELECT name, card_id, person_id, pseudonym FROM persons ORDER BY period, card_id, person_id LIMIT 5
