-- Table 16 «Задержания участников мирных собраний»: assemblies with detentions and persons detained.
WITH c AS (SELECT city, detained FROM cards WHERE period = $period),
n AS (
    SELECT city AS row_key, count(*) FILTER (WHERE detained > 0) AS cases, coalesce(sum(detained), 0) AS persons FROM c GROUP BY city
    UNION ALL SELECT 'total', count(*) FILTER (WHERE detained > 0), coalesce(sum(detained), 0) FROM c
)
SELECT '16' AS table_no, row_key, col_key, value FROM n,
LATERAL (VALUES ('detention_cases', cases::DOUBLE), ('detained_persons', persons::DOUBLE)) AS v(col_key, value)
