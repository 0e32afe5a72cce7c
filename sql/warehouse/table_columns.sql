-- The columns of the base tables $names as the catalog has them (assets/core/warehouse.layout_differences:
-- the warehouse's tables against the layout sql/tables/ makes), in their order.
SELECT table_name, column_name FROM duckdb_columns()
WHERE database_name = current_database() AND schema_name = 'main' AND list_contains($names::VARCHAR[], table_name)
  AND table_name IN (SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main')
ORDER BY table_name, column_index
