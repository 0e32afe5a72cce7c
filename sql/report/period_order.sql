-- The temporary table period_order(period, ord): the periods in report order ($periods, a list of ids).
CREATE OR REPLACE TEMP TABLE period_order AS
SELECT unnest($periods::VARCHAR[]) AS period, unnest(range(len($periods::VARCHAR[]))) AS ord
