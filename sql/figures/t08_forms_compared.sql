-- Table 8 «Сравнительная таблица форм собраний»: forms of this period (compared in the report with
-- the period before): count and share.
WITH c AS (SELECT form FROM cards WHERE period = $period),
k AS (SELECT code FROM codes WHERE field = 'form'),
n AS (SELECT k.code AS row_key, count(c.form) AS n FROM k LEFT JOIN c ON c.form = k.code GROUP BY k.code)
SELECT '8' AS table_no, row_key, 'count' AS col_key, n::DOUBLE AS value FROM n
UNION ALL
SELECT '8', row_key, 'share_pct', 100.0 * n / NULLIF((SELECT count(*) FROM c), 0) FROM n
