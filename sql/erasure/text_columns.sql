-- Every text column of the warehouse's own base tables (schema main): where a name may stand.
SELECT c.table_name, c.column_name
FROM information_schema.columns c
JOIN information_schema.tables t
  ON t.table_name = c.table_name AND t.table_schema = c.table_schema AND t.table_catalog = c.table_catalog
WHERE t.table_type = 'BASE TABLE' AND c.data_type = 'VARCHAR' AND c.table_catalog = current_database()
  AND c.table_schema = 'main'
ORDER BY 1, 2
