-- Intermediate: for the code lists the report counts assemblies by (character, organizer_type, form), every
-- code of schemas/card.yaml (stg_codes; zeros included) with its assemblies and share of all the
-- period's assemblies. Tables 4, 5, 6, 7, 8 and the summary read them from here.
CREATE OR REPLACE TEMP TABLE int_code_counts AS
WITH v AS (
    UNPIVOT (SELECT character, organizer_type, form FROM stg_cards)
    ON character, organizer_type, form INTO NAME field VALUE code
),
n AS (
    SELECT k.field, k.code, count(v.code) AS n
    FROM stg_codes k LEFT JOIN v ON v.field = k.field AND v.code = k.code
    WHERE k.field IN ('character', 'organizer_type', 'form')
    GROUP BY k.field, k.code
)
SELECT field, code, n, 100.0 * n / NULLIF((SELECT count(*) FROM stg_cards), 0) AS share_pct
FROM n
