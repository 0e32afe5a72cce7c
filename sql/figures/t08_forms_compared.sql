-- Table 8 «Сравнительная таблица форм собраний»: forms of this period (compared in the report with
-- the period before): count and share — Table 7's rows without its total (sql/intermediate/int_code_counts.sql).
WITH n AS (SELECT code AS row_key, n, share_pct FROM int_code_counts WHERE field = 'form')
SELECT '8' AS table_no, row_key, 'count' AS col_key, n::DOUBLE AS value FROM n
UNION ALL
SELECT '8', row_key, 'share_pct', share_pct FROM n
