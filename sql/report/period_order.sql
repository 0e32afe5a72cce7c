-- Fill the temporary table period_order (its DDL: sql/tables/096_period_order.sql) with the periods in
-- report order ($periods, a list of ids).
INSERT INTO period_order SELECT unnest($periods::VARCHAR[]) AS period, unnest(range(len($periods::VARCHAR[]))) AS ord
