-- The views of the database in use (main schema), not DuckDB's internal ones.
SELECT view_name FROM duckdb_views() WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal
