-- Table 11 «Индекс законопослушности по городам»: all, unsanctioned and sanctioned assemblies per city,
-- and the law-abidance index = sanctioned / all (sql/intermediate/int_assemblies_by_city.sql).
WITH n AS (SELECT row_key, assemblies AS n, unsanctioned AS u, sanctioned AS s, law_abidance_pct AS pct FROM int_assemblies_by_city)
SELECT '11' AS table_no, row_key, col_key, value FROM n,
LATERAL (VALUES ('count', n::DOUBLE), ('unsanctioned', u::DOUBLE), ('sanctioned', s::DOUBLE),
                ('law_abidance_pct', pct)) AS v(col_key, value)
