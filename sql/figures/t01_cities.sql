-- Table 1 «Количество мирных собраний в {year} году»: assemblies per city, share of the total
-- (counts: sql/intermediate/int_assemblies_by_city.sql).
WITH n AS (SELECT row_key, assemblies AS n FROM int_assemblies_by_city)
SELECT '1' AS table_no, row_key, 'count' AS col_key, n::DOUBLE AS value FROM n
UNION ALL
SELECT '1', row_key, 'share_pct', 100.0 * n / (SELECT n FROM n WHERE row_key = 'total') FROM n
