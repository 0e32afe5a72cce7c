-- DuckLake only: which DDL (sql/tables/, a fingerprint of the files) the warehouse was last brought up to,
-- so that a connection runs the DDL (and makes a snapshot) only when a file changed.
CREATE TABLE IF NOT EXISTS warehouse_schema (ddl_sha256 VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)
