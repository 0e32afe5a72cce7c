-- DuckLake only: drop the earlier marks of applied DDL, in the DDL's transaction before the new mark
-- (assets/core/warehouse.ensure_tables). Two processes applying at once both delete the same mark,
-- so DuckLake lets only one of them commit: the other tries again and finds the DDL (and `codes`) done.
DELETE FROM warehouse_schema
