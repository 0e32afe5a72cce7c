-- How the published report printed each cell (tables first, primary first). value_status is read through
-- the row's JSON so that a published_figures table made before that column existed gives NULL.
SELECT period, table_no, row_key, col_key, printed, decimals, value,
       to_json(p) ->> 'value_status' AS value_status
FROM published_figures p
ORDER BY (location = 'table') DESC, "primary" DESC, line
