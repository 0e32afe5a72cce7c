-- The CREATE VIEW statements of the plain warehouse (attached as plain), in the order they were made.
SELECT sql FROM duckdb_views() WHERE database_name = 'plain' AND NOT internal ORDER BY view_oid
