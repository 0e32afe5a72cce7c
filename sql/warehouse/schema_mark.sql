-- Record that the layout with this fingerprint is applied (see sql/tables/000_warehouse_schema.sql).
INSERT INTO warehouse_schema VALUES ($sha, now()::TIMESTAMP)
