-- Table 9 «Количество несанкционированных акций по годам»: share of assemblies held without permission.
SELECT '9' AS table_no, 'total' AS row_key, 'share_pct' AS col_key,
       100.0 * unsanctioned / NULLIF(assemblies, 0) AS value
FROM int_assemblies_by_city WHERE row_key = 'total'
