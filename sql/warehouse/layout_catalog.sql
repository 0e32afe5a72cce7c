-- The tables and views $names as the catalog has them now (assets/core/warehouse: `_catalog` for the warehouse's
-- own layout, sql/tables/ and the raw layer's views; `ensure_once` for another set of DDL files, the media's):
-- one digest of which exist and which of them are views, and with $texts also of the CREATE text DuckDB keeps of
-- each (its columns, keys and defaults; a view's query); how many exist (none: a new file); and whether the table
-- warehouse_schema is there. A table or view dropped, or a table where a view belongs, gives another digest; with
-- $texts also a column dropped or added, another view. TEMP objects are in the database temp, not here. Names and
-- texts only: listing the columns (duckdb_columns, information_schema.columns) binds every view, ~10 ms of CPU on a
-- new connection. $table_texts: the CREATE texts of the tables only (a column dropped, added or renamed), not of the
-- views (the raw layer's views name the store's files, and change with every write).
SELECT md5(coalesce(string_agg(item, chr(10) ORDER BY item), '')) AS digest, count(*) AS objects,
       coalesce(bool_or(kind = 'table' AND name = 'warehouse_schema'), false) AS marked
FROM (
    SELECT 'table ' || table_name || CASE WHEN $texts OR $table_texts THEN chr(10) || coalesce(sql, '?') ELSE '' END AS item,
           'table' AS kind, table_name AS name
    FROM duckdb_tables()
    WHERE database_name = current_database() AND schema_name = 'main' AND list_contains($names::VARCHAR[], table_name)
    UNION ALL
    SELECT 'view ' || view_name || CASE WHEN $texts THEN chr(10) || coalesce(sql, '?') ELSE '' END, 'view', view_name
    FROM duckdb_views()
    WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal
      AND list_contains($names::VARCHAR[], view_name)
) AS objects
