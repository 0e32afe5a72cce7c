INSERT INTO "__table__" BY NAME SELECT * FROM _incoming
-- The registered frame `_incoming` into an allow-listed warehouse table, columns matched by name.
