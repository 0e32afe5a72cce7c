-- The CREATE TABLE statements of the plain warehouse (attached as plain), as DuckDB prints them: without the
-- columns' compression hints, which the encrypted file's storage refuses (assets/core/encryption.encrypt_copy).
SELECT sql FROM duckdb_tables() WHERE database_name = 'plain' ORDER BY table_oid
