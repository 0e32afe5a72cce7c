-- Is the database in use a DuckLake (assets/core/ducklake.py) rather than a DuckDB file?
SELECT coalesce(any_value(type = 'ducklake'), false) FROM duckdb_databases() WHERE database_name = current_database()
