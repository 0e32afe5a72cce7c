-- Table 11 «Индекс законопослушности по городам»: all, unsanctioned and sanctioned assemblies per city,
-- and the law-abidance index = sanctioned / all.
WITH c AS (SELECT city, sanctioned FROM cards WHERE period = $period),
n AS (
    SELECT city AS row_key, count(*) AS n, count(*) FILTER (WHERE sanctioned) AS s FROM c GROUP BY city
    UNION ALL SELECT 'total', count(*), count(*) FILTER (WHERE sanctioned) FROM c
)
SELECT '11' AS table_no, row_key, col_key, value FROM n,
LATERAL (VALUES ('count', n::DOUBLE), ('unsanctioned', (n - s)::DOUBLE), ('sanctioned', s::DOUBLE),
                ('law_abidance_pct', 100.0 * s / n)) AS v(col_key, value)
