-- Table 9 «Количество несанкционированных акций по годам»: share of assemblies held without permission.
SELECT '9' AS table_no, 'total' AS row_key, 'share_pct' AS col_key,
       100.0 * count(*) FILTER (WHERE NOT sanctioned) / NULLIF(count(*), 0) AS value
FROM cards WHERE period = $period
