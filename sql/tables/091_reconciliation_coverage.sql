-- The reconciliation of a period is labelled with its card coverage (none | partial | complete)
-- and the share of its published assemblies digitised so far (sql/coverage.sql).
ALTER TABLE reconciliation ADD COLUMN IF NOT EXISTS coverage VARCHAR;
ALTER TABLE reconciliation ADD COLUMN IF NOT EXISTS digitised_share DOUBLE;
