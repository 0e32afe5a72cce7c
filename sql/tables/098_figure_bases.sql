-- When each period's figures were first written (the first write of `figures` for the period, in its
-- transaction: assets/core/writes.py, replace_partitions). An --as-of report shows only the periods
-- whose figures existed at its moment (assets/report/asof.py): a period run later (a backfill) is not
-- in the edition of before. The figures themselves keep no history: a period's figures at a past
-- moment are recomputed from its card revisions, or are today's published ones.
CREATE TABLE IF NOT EXISTS figure_bases (
    period     VARCHAR NOT NULL,
    valid_from TIMESTAMPTZ NOT NULL
);
-- A warehouse written before this table: its periods' figures are taken as there since before any
-- as-of moment (their first write was not recorded). Only while no base is recorded at all.
INSERT INTO figure_bases
SELECT DISTINCT period, CAST('-infinity' AS TIMESTAMPTZ) FROM figures
WHERE NOT EXISTS (SELECT 1 FROM figure_bases);
