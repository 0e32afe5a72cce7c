-- Table 10 «Причины необращений граждан за разрешениями»: among assemblies for which no permission
-- was requested, the share of each reason.
WITH c AS (SELECT reason_not_applied FROM stg_cards WHERE NOT permission_requested),
k AS (SELECT code FROM stg_codes WHERE field = 'reason_not_applied')
SELECT '10' AS table_no, k.code AS row_key, 'share_pct' AS col_key,
       100.0 * count(c.reason_not_applied) / NULLIF((SELECT count(*) FROM c), 0) AS value
FROM k LEFT JOIN c ON c.reason_not_applied = k.code GROUP BY k.code
