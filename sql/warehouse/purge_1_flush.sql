-- DuckLake, erasing history (assets/core/ducklake.purge_history), step 1: rows kept in the Postgres catalog (data inlining) go to Parquet files.
CALL ducklake_flush_inlined_data(current_database())
