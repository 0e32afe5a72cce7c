-- Table 4 «Характер мирных собраний по годам»: political / economic / social, count and share.
WITH c AS (SELECT character FROM cards WHERE period = $period),
k AS (SELECT code FROM codes WHERE field = 'character'),
n AS (SELECT k.code AS row_key, count(c.character) AS n FROM k LEFT JOIN c ON c.character = k.code GROUP BY k.code)
SELECT '4' AS table_no, row_key, 'count' AS col_key, n::DOUBLE AS value FROM n
UNION ALL
SELECT '4', row_key, 'share_pct', 100.0 * n / NULLIF((SELECT count(*) FROM c), 0) FROM n
