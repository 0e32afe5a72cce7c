-- The periods whose figures were first written after $as_of: not in the warehouse at that moment.
SELECT period FROM figure_bases GROUP BY period HAVING min(valid_from) > $as_of ORDER BY period
