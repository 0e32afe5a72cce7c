-- Table 7 «Формы мирных собраний в {year} году»: every form, count and share, and the total.
WITH c AS (SELECT form FROM cards WHERE period = $period),
k AS (SELECT code FROM codes WHERE field = 'form'),
n AS (
    SELECT k.code AS row_key, count(c.form) AS n FROM k LEFT JOIN c ON c.form = k.code GROUP BY k.code
    UNION ALL SELECT 'total', count(*) FROM c
)
SELECT '7' AS table_no, row_key, 'count' AS col_key, n::DOUBLE AS value FROM n
UNION ALL
SELECT '7', row_key, 'share_pct', 100.0 * n / NULLIF((SELECT count(*) FROM c), 0) FROM n
