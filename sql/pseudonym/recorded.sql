-- The fingerprint of the key that made the warehouse's pseudonyms (NULL: none recorded yet). Two first runs at
-- once on a DuckLake may both have recorded it (appends never conflict there): one fingerprint, read once.
SELECT max(fingerprint) FROM pseudonym_key
