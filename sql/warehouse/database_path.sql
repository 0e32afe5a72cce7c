-- The file of the database in use (NULL in memory) and whether it is encrypted: the raw store lives beside
-- a plain file (assets/core/rawstore.py); an encrypted one keeps its raw layer inside.
SELECT path, coalesce(encrypted, false) FROM duckdb_databases() WHERE database_name = current_database()
