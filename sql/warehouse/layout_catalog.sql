-- The warehouse's own tables and views ($names: those the DDL of sql/tables/ creates, and the raw layer's
-- views) as the catalog has them now: one digest of which exist and which of them are views; how many
-- exist (none: a new file); and whether the table warehouse_schema is there. A table or view dropped,
-- or a table where a view belongs, gives another digest (assets/core/warehouse.layout_current). TEMP
-- objects are in the database temp, not here. Names only: listing the columns too (duckdb_columns)
-- binds every view, ~10 ms of CPU on a new connection.
SELECT md5(coalesce(string_agg(item, chr(10) ORDER BY item), '')) AS digest, count(*) AS objects,
       coalesce(bool_or(item = 'table warehouse_schema'), false) AS marked
FROM (
    SELECT 'table ' || table_name AS item
    FROM duckdb_tables()
    WHERE database_name = current_database() AND schema_name = 'main' AND list_contains($names::VARCHAR[], table_name)
    UNION ALL
    SELECT 'view ' || view_name
    FROM duckdb_views()
    WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal
      AND list_contains($names::VARCHAR[], view_name)
) AS objects
