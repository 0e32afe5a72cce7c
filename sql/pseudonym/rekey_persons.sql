-- Every person's pseudonym under the new key (the registered frame _rekey: name, card_id, person_id, pseudonym).
UPDATE persons SET pseudonym = k.pseudonym
FROM _rekey k
WHERE persons.card_id = k.card_id AND persons.person_id = k.person_id AND persons.name IS NOT DISTINCT FROM k.name
  AND persons.pseudonym <> k.pseudonym
