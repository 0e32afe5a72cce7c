-- The publication (published_figures.source) of each printing in the reconciliation: two publications, or two
-- repeats of one, may print a cell at the same location and line, and each has its own row (sql/reconciliation.sql).
-- NULL for a derived-only cell. An older warehouse gets the column on connect.
ALTER TABLE reconciliation ADD COLUMN IF NOT EXISTS source VARCHAR;
