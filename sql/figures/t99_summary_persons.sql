-- «summary», people: distinct persons detained in the period and those detained at more than one
-- assembly, counted by pseudonym (a keyed hash of the normalised name: assets/validate/pseudonym.py),
-- over the persons the cards list by name or id. Persons without a name count once each.
WITH d AS (
    SELECT pseudonym, count(DISTINCT card_id) AS assemblies
    FROM stg_persons WHERE detained GROUP BY pseudonym
)
SELECT 'summary' AS table_no, 'total' AS row_key, col_key, value FROM (
    SELECT 'distinct_detained' AS col_key, count(*)::DOUBLE AS value FROM d
    UNION ALL SELECT 'detained_repeat', count(*) FILTER (WHERE assemblies > 1)::DOUBLE FROM d
)
