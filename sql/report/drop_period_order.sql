-- The temporary table period_order is dropped once the comparisons are read.
DROP TABLE IF EXISTS temp.period_order
