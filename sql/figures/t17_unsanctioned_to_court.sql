-- Table 17 «Процент несанкционированных собраний, доходящих до суда» (cases: sql/intermediate/int_court_cases.sql).
WITH u AS (SELECT card_id FROM stg_cards WHERE unsanctioned)
SELECT '17' AS table_no, 'total' AS row_key, 'share_pct' AS col_key,
       100.0 * (SELECT count(*) FROM u WHERE card_id IN (SELECT card_id FROM int_court_cases)) / NULLIF((SELECT count(*) FROM u), 0) AS value
