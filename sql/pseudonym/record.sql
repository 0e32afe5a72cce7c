-- The key now in use made the warehouse's pseudonyms (after forget.sql).
INSERT INTO pseudonym_key VALUES ($fingerprint, now())
