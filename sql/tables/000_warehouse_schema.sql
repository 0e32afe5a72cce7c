-- The layout last applied to this warehouse (assets/core/layout.ensure_tables): one row, written after
-- the DDL of sql/tables/ (and on the DuckDB file its migrations) went through.
-- DuckLake: ddl_sha256 is a fingerprint of the DDL files and the code lists, so that a connection runs
-- the DDL (and makes a snapshot) only when a file changed.
-- DuckDB file: a fingerprint of the DDL files, the code lists, the migrations' version AND the catalog
-- the DDL left (every column and view of its tables and views), so that a writable connection skips the
-- DDL and the migrations only while nothing of them is missing or changed (a dropped table is made again).
CREATE TABLE IF NOT EXISTS warehouse_schema (ddl_sha256 VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)
