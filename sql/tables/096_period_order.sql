-- period_order(period, ord): the periods in the report's order, for the comparisons of sql/report/
-- (figure_changes.sql). A temporary table of one connection (allowed on a read-only one), created empty
-- here and filled by sql/report/period_order.sql (assets/report/stats.py).
CREATE OR REPLACE TEMP TABLE period_order (period VARCHAR NOT NULL, ord BIGINT NOT NULL)
