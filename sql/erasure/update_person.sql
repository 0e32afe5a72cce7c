-- An erased person: the name replaced by the erasure's marker, not public, a new pseudonym.
UPDATE persons SET name = $marker, public = false, pseudonym = $pseudonym
WHERE period = $period AND card_id = $card_id AND person_id = $person_id
