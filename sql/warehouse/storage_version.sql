-- The storage version of the database in use (e.g. v1.0.0+; NULL in memory): whether it takes the DDL's
-- compression hints (assets/core/warehouse.takes_compression_hints).
SELECT tags['storage_version'] FROM duckdb_databases() WHERE database_name = current_database()
