-- The fingerprint of the layout last applied to the warehouse (assets/core/warehouse.ensure_tables).
SELECT ddl_sha256 FROM warehouse_schema ORDER BY applied_at DESC LIMIT 1
