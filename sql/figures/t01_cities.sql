-- Table 1 «Количество мирных собраний в {year} году»: assemblies per city, share of the total.
WITH c AS (SELECT city FROM cards WHERE period = $period),
rows_ AS (
    SELECT city AS row_key, count(*) AS n FROM c GROUP BY city
    UNION ALL SELECT 'total', count(*) FROM c
)
SELECT '1' AS table_no, row_key, 'count' AS col_key, n::DOUBLE AS value FROM rows_
UNION ALL
SELECT '1', row_key, 'share_pct', 100.0 * n / (SELECT count(*) FROM c) FROM rows_
