-- Table 7 «Формы мирных собраний в {year} году»: every form, count and share
-- (sql/intermediate/int_code_counts.sql), and the total.
WITH n AS (
    SELECT code AS row_key, n, share_pct FROM int_code_counts WHERE field = 'form'
    UNION ALL
    SELECT 'total', assemblies, 100.0 * assemblies / NULLIF(assemblies, 0) FROM int_assemblies_by_city WHERE row_key = 'total'
)
SELECT '7' AS table_no, row_key, 'count' AS col_key, n::DOUBLE AS value FROM n
UNION ALL
SELECT '7', row_key, 'share_pct', share_pct FROM n
