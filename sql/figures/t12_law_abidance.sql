-- Table 12 «Индекс законопослушности по годам»: sanctioned / all, for the period.
SELECT '12' AS table_no, 'total' AS row_key, 'law_abidance_pct' AS col_key,
       100.0 * count(*) FILTER (WHERE sanctioned) / NULLIF(count(*), 0) AS value
FROM cards WHERE period = $period
