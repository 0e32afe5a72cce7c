-- The period the staging views read (sql/staging/*.sql: WHERE period = getvariable('derive_period')),
-- set on the derive run's connection before the layers are built (assets/derive/figures.py build_layers).
SET VARIABLE derive_period = $period
