-- Table 6 «Организаторы мирных собраний»: NGOs, spontaneous groups, individuals — count and share
-- (sql/intermediate/int_code_counts.sql).
WITH n AS (SELECT code AS row_key, n, share_pct FROM int_code_counts WHERE field = 'organizer_type')
SELECT '6' AS table_no, row_key, 'count' AS col_key, n::DOUBLE AS value FROM n
UNION ALL
SELECT '6', row_key, 'share_pct', share_pct FROM n
