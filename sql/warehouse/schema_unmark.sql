-- Drop the earlier marks of an applied layout, in one transaction with the new mark
-- (assets/core/layout.ensure_tables). On a DuckLake, in the DDL's transaction: two processes applying
-- at once both delete the same mark, so DuckLake lets only one of them commit: the other tries again and
-- finds the DDL (and `codes`) done.
DELETE FROM warehouse_schema
