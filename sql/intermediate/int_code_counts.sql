-- Intermediate: for the code lists the report counts assemblies by (character, organizer_type, form), every
-- code of schemas/card.yaml (stg_codes; zeros included) with its assemblies and share of all the
-- period's assemblies. Tables 4, 5, 6, 7, 8 and the summary read them from here.
CREATE OR REPLACE TEMP TABLE int_code_counts AS
-- Counted per field by three GROUP BYs (one narrow column each), not an UNPIVOT of every card into three rows:
-- the same counts, 0.24 -> 0.03 s of CPU at 1,000,000 cards (benchmarks/ANALYSIS.md, branch i15p).
WITH v AS (
    SELECT 'character' AS field, character AS code, count(*) AS n FROM stg_cards GROUP BY ALL
    UNION ALL
    SELECT 'organizer_type', organizer_type, count(*) FROM stg_cards GROUP BY ALL
    UNION ALL
    SELECT 'form', form, count(*) FROM stg_cards GROUP BY ALL
),
n AS (
    SELECT k.field, k.code, CAST(coalesce(sum(v.n), 0) AS BIGINT) AS n
    FROM stg_codes k LEFT JOIN v ON v.field = k.field AND v.code = k.code
    WHERE k.field IN ('character', 'organizer_type', 'form')
    GROUP BY k.field, k.code
)
SELECT field, code, n, 100.0 * n / NULLIF((SELECT count(*) FROM stg_cards), 0) AS share_pct
FROM n
