DELETE FROM "__table__" WHERE period = $period
-- One period's rows of an allow-listed warehouse table (assets/core/sqlfiles.for_table sets __table__).
-- The statement comes first: tests/ops/runner.py recognises a partition write by its leading DELETE FROM.
