-- Before the fingerprint of the key now in use is recorded: the one row is replaced.
DELETE FROM pseudonym_key
