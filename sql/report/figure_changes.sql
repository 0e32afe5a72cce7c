-- For every figure of every period: the previous period's value (the period just before it in
-- config/periods.yaml, given as the relation `period_order(period, ord)`), the ratio both ways and the
-- change in percent against it (and against the peak), the mean over every period up to this one that has the figure (and how many),
-- and the peak up to this one (its period and value). The report's sentences read these; they compute
-- nothing themselves.
WITH f AS (
    SELECT f.period, o.ord, f.table_no, f.row_key, f.col_key, f.value
    FROM figures AS f
    JOIN period_order AS o USING (period)
    WHERE f.value IS NOT NULL
),
prev AS (
    SELECT cur.period, cur.table_no, cur.row_key, cur.col_key, po.period AS prev_period, p.value AS prev_value
    FROM f AS cur
    JOIN period_order AS po ON po.ord = cur.ord - 1
    LEFT JOIN f AS p ON p.period = po.period AND p.table_no = cur.table_no AND p.row_key = cur.row_key
                    AND p.col_key = cur.col_key
),
upto AS (
    SELECT cur.period, cur.table_no, cur.row_key, cur.col_key,
           avg(h.value) AS mean_upto,
           count(*) AS n_upto,
           arg_max(h.period, h.value) AS peak_period,
           max(h.value) AS peak_value
    FROM f AS cur
    JOIN f AS h ON h.table_no = cur.table_no AND h.row_key = cur.row_key AND h.col_key = cur.col_key
               AND h.ord <= cur.ord
    GROUP BY ALL
)
SELECT f.period, f.table_no, f.row_key, f.col_key, f.value,
       prev.prev_period, prev.prev_value,
       CASE WHEN prev.prev_value <> 0 THEN f.value / prev.prev_value END AS ratio_to_prev,
       CASE WHEN f.value <> 0 THEN prev.prev_value / f.value END AS prev_to_value,
       CASE WHEN prev.prev_value <> 0 THEN (f.value / prev.prev_value - 1) * 100 END AS change_pct,
       upto.mean_upto, upto.n_upto, upto.peak_period, upto.peak_value,
       CASE WHEN f.value <> 0 THEN upto.peak_value / f.value END AS peak_ratio,
       CASE WHEN upto.peak_value <> 0 THEN f.value / upto.peak_value END AS ratio_to_peak,
       CASE WHEN upto.peak_value <> 0 THEN (f.value / upto.peak_value - 1) * 100 END AS change_pct_vs_peak
FROM f
LEFT JOIN prev USING (period, table_no, row_key, col_key)
JOIN upto USING (period, table_no, row_key, col_key)
ORDER BY f.table_no, f.row_key, f.col_key, f.ord
