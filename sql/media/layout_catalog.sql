-- The media tables and views ($names: those sql/media/010_tables.sql, 020_claims.sql and 030_card_views.sql
-- create, and `cards`, which decides whether the card views are made) as the catalog has them now: one digest
-- of their definitions, the CREATE text DuckDB keeps of each (its columns, keys and defaults; a view's query).
-- Two states with the same digest take the media DDL alike (assets/media/archive.ensure_tables): CREATE TABLE
-- IF NOT EXISTS and ADD COLUMN IF NOT EXISTS find what they would make, CREATE OR REPLACE VIEW writes the
-- same view. Names and texts only: listing the columns (information_schema.columns) binds every view.
SELECT md5(coalesce(string_agg(item, chr(10) ORDER BY item), '')) AS digest, count(*) AS objects
FROM (
    SELECT 'table ' || table_name || chr(10) || coalesce(sql, '?') AS item
    FROM duckdb_tables()
    WHERE database_name = current_database() AND schema_name = 'main' AND list_contains($names::VARCHAR[], table_name)
    UNION ALL
    SELECT 'view ' || view_name || chr(10) || coalesce(sql, '?')
    FROM duckdb_views()
    WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal
      AND list_contains($names::VARCHAR[], view_name)
) AS objects
