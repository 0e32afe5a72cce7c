-- The fingerprint of the layout last applied to the warehouse (assets/core/layout.ensure_tables).
SELECT ddl_sha256 FROM warehouse_schema ORDER BY applied_at DESC LIMIT 1
