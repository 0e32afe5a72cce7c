-- How far one period's cards are digitised, compared with what was published for it.
-- Parameters: $period, $declared (config/periods.yaml's coverage), $basis, $provenance (what
-- `figures` holds for the period). A period declared none that has cards is labelled partial.
WITH c AS (SELECT count(*) AS cards FROM cards WHERE period = $period),
p AS (
    SELECT max(value) AS published_assemblies
    FROM published_figures
    WHERE period = $period AND table_no = '2' AND row_key = 'total' AND col_key = 'count' AND "primary"
)
SELECT $period AS period,
       $declared AS declared,
       CASE WHEN $declared = 'complete' THEN 'complete'
            WHEN c.cards > 0 THEN 'partial'
            ELSE 'none' END AS coverage,
       $basis AS basis,
       $provenance AS figures_provenance,
       c.cards,
       p.published_assemblies,
       CASE WHEN p.published_assemblies > 0 THEN c.cards / p.published_assemblies END AS digitised_share
FROM c CROSS JOIN p
