-- Table 6 «Организаторы мирных собраний»: NGOs, spontaneous groups, individuals — count and share.
WITH c AS (SELECT organizer_type FROM cards WHERE period = $period),
k AS (SELECT code FROM codes WHERE field = 'organizer_type'),
n AS (SELECT k.code AS row_key, count(c.organizer_type) AS n FROM k LEFT JOIN c ON c.organizer_type = k.code GROUP BY k.code)
SELECT '6' AS table_no, row_key, 'count' AS col_key, n::DOUBLE AS value FROM n
UNION ALL
SELECT '6', row_key, 'share_pct', 100.0 * n / NULLIF((SELECT count(*) FROM c), 0) FROM n
