-- The same for every stored revision of a person (open or closed): its history carries the new pseudonyms too.
UPDATE person_revision_rows SET pseudonym = k.pseudonym
FROM _rekey k
WHERE person_revision_rows.card_id = k.card_id AND person_revision_rows.person_id = k.person_id
  AND person_revision_rows.name IS NOT DISTINCT FROM k.name AND person_revision_rows.pseudonym <> k.pseudonym
