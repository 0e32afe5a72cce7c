-- The SQL of the raw layer's views as stored (assets/core/rawstore.py: are they there, over this store?).
SELECT view_name, sql FROM duckdb_views() WHERE database_name = current_database() AND view_name IN ('raw_files', 'raw_records')
