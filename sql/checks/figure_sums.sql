-- Sums of the DERIVED figures of one period ($period): wherever the rows of a table add up to a
-- total, the sum of the rows beside the total they must equal. Great Expectations expects
-- `total` not null and `difference` within ±1e-6 (assets/quality/gx_suite.py). Published figures
-- are left out: the published reports do not always add up (see `audit`).
--   rows = 'category rows'  every row of the table and column except `total`, `total_excl_*`
--   rows = 'total row'      the `total` row alone
--   against = 'the total row'       the `total` row of the same table and column
--   against = '100'                 shares of all categories make 100 %
--   against = 'Table 1 total count' the number of assemblies of the period
WITH f AS (
    SELECT table_no, row_key, col_key, value FROM figures
    WHERE period = $period AND provenance = 'derived'
),
spec(table_no, col_key, rows, against) AS (VALUES
    ('1',  'count',              'category rows', 'the total row'),
    ('1',  'share_pct',          'category rows', 'the total row'),
    ('1',  'share_pct',          'total row',     '100'),
    ('2',  'count',              'category rows', 'the total row'),
    ('3',  'activity_index',     'category rows', 'the total row'),
    ('4',  'count',              'category rows', 'Table 1 total count'),
    ('4',  'share_pct',          'category rows', '100'),
    ('6',  'count',              'category rows', 'Table 1 total count'),
    ('6',  'share_pct',          'category rows', '100'),
    ('7',  'count',              'category rows', 'the total row'),
    ('7',  'share_pct',          'category rows', 'the total row'),
    ('7',  'share_pct',          'total row',     '100'),
    ('8',  'count',              'category rows', 'Table 1 total count'),
    ('8',  'share_pct',          'category rows', '100'),
    ('10', 'share_pct',          'category rows', '100'),
    ('11', 'count',              'category rows', 'the total row'),
    ('11', 'unsanctioned',       'category rows', 'the total row'),
    ('11', 'sanctioned',         'category rows', 'the total row'),
    ('14', 'participants',       'category rows', 'the total row'),
    ('14', 'police',             'category rows', 'the total row'),
    ('16', 'detention_cases',    'category rows', 'the total row'),
    ('16', 'detained_persons',   'category rows', 'the total row'),
    ('18', 'participants',       'category rows', 'the total row'),
    ('19', 'duration_total_min', 'category rows', 'the total row')
),
sums AS (
    SELECT s.table_no, s.col_key, s.rows, s.against, count(f.value) AS n_rows, sum(f.value) AS sum_of_rows
    FROM spec s JOIN f ON f.table_no = s.table_no AND f.col_key = s.col_key
     AND CASE WHEN s.rows = 'total row' THEN f.row_key = 'total' ELSE NOT starts_with(f.row_key, 'total') END
    GROUP BY ALL
    HAVING count(f.value) > 0          -- e.g. Table 10 when every assembly applied: nothing to add up
)
SELECT $period AS period, s.table_no, s.col_key, s.rows, s.n_rows, s.sum_of_rows, s.against,
       CASE s.against WHEN '100' THEN 100.0 WHEN 'the total row' THEN t.value ELSE a.value END AS total,
       s.sum_of_rows - (CASE s.against WHEN '100' THEN 100.0 WHEN 'the total row' THEN t.value ELSE a.value END) AS difference
FROM sums s
LEFT JOIN (SELECT table_no, col_key, any_value(value) AS value FROM f WHERE row_key = 'total' GROUP BY ALL) t
       ON t.table_no = s.table_no AND t.col_key = s.col_key
LEFT JOIN (SELECT any_value(value) AS value FROM f WHERE table_no = '1' AND col_key = 'count' AND row_key = 'total') a
       ON true
ORDER BY CASE WHEN s.table_no SIMILAR TO '[0-9]+' THEN s.table_no::INT ELSE 999 END, s.table_no, s.col_key, s.rows DESC
