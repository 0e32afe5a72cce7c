-- The file of the database in use (NULL in memory): the raw store lives beside it (assets/core/rawstore.py).
SELECT path FROM duckdb_databases() WHERE database_name = current_database()
