-- The first write of a period's figures: from now on the period is in the --as-of editions.
INSERT INTO figure_bases
SELECT $period, now()
WHERE NOT EXISTS (SELECT 1 FROM figure_bases WHERE period = $period)
