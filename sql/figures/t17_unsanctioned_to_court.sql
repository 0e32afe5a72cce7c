-- Table 17 «Процент несанкционированных собраний, доходящих до суда».
WITH u AS (SELECT card_id FROM cards WHERE period = $period AND NOT sanctioned),
judged AS (SELECT DISTINCT card_id FROM persons WHERE period = $period AND court_outcome IN ('warning', 'fine', 'arrest', 'acquitted', 'pending'))
SELECT '17' AS table_no, 'total' AS row_key, 'share_pct' AS col_key,
       100.0 * (SELECT count(*) FROM u WHERE card_id IN (SELECT card_id FROM judged)) / NULLIF((SELECT count(*) FROM u), 0) AS value
