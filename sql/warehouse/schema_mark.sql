-- DuckLake only: record that the DDL with this fingerprint is applied (see schema_table.sql).
INSERT INTO warehouse_schema VALUES ($sha, now()::TIMESTAMP)
