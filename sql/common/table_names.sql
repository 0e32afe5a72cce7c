-- The name of every table and view the connection sees (any schema or attached catalog, as table_exists.sql
-- asks one name): read once by a caller that asks for several.
SELECT DISTINCT table_name FROM information_schema.tables
