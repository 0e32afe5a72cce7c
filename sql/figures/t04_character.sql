-- Table 4 «Характер мирных собраний по годам»: political / economic / social, count and share
-- (sql/intermediate/int_code_counts.sql).
WITH n AS (SELECT code AS row_key, n, share_pct FROM int_code_counts WHERE field = 'character')
SELECT '4' AS table_no, row_key, 'count' AS col_key, n::DOUBLE AS value FROM n
UNION ALL
SELECT '4', row_key, 'share_pct', share_pct FROM n
