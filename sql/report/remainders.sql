-- For every table column of every period that has a total row and at least three other rows: the two
-- largest rows and what is left of the total after them ("в остальных 7 городах — 10 собраний"), and
-- how many rows (with a value above zero) that remainder covers.
-- A ranking sentence names the rows of the first place (all of them when several share it) and, when one row
-- alone holds the first place, the rows of the second place (all of them when several share it): `named_rows`
-- counts them, `named_remainder` is what is left of the total after them and `named_remainder_rows` how many rows
-- it covers (a tie for second place among three cities leaves their third out of "the other cities").
WITH parts AS (
    SELECT period, table_no, col_key, row_key, value,
           row_number() OVER (PARTITION BY period, table_no, col_key ORDER BY value DESC, row_key) AS rank,
           dense_rank() OVER (PARTITION BY period, table_no, col_key ORDER BY value DESC) AS place
    FROM figures
    WHERE value IS NOT NULL AND value > 0 AND NOT starts_with(row_key, 'total')
),
placed AS (
    SELECT *,
           place = 1 OR (place = 2 AND sum(CASE WHEN place = 1 THEN 1 ELSE 0 END)
                                           OVER (PARTITION BY period, table_no, col_key) = 1) AS named
    FROM parts
),
totals AS (
    SELECT period, table_no, col_key, value AS total
    FROM figures
    WHERE row_key = 'total' AND value IS NOT NULL
)
SELECT p.period, p.table_no, p.col_key,
       max(CASE WHEN rank = 1 THEN row_key END) AS first_row,
       max(CASE WHEN rank = 2 THEN row_key END) AS second_row,
       t.total - sum(CASE WHEN rank <= 2 THEN value ELSE 0 END) AS remainder,
       count(*) FILTER (WHERE rank > 2) AS remainder_rows,
       count(*) FILTER (WHERE named) AS named_rows,
       t.total - sum(CASE WHEN named THEN value ELSE 0 END) AS named_remainder,
       count(*) FILTER (WHERE NOT named) AS named_remainder_rows
FROM placed AS p
JOIN totals AS t USING (period, table_no, col_key)
GROUP BY p.period, p.table_no, p.col_key, t.total
HAVING count(*) >= 3
ORDER BY p.period, p.table_no, p.col_key
