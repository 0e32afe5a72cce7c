-- The fingerprint of the key that made the warehouse's pseudonyms (NULL: none recorded yet).
SELECT max(fingerprint) FROM pseudonym_key
