-- Every figure of the warehouse, in a fixed order: what the report's quality gate digests to know whether
-- the figures changed since it last passed.
SELECT table_no, row_key, col_key, period, CAST(value AS VARCHAR), provenance FROM figures ORDER BY ALL
