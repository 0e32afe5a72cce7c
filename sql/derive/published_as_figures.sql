-- The published figures of one period ($period) as figures rows: one per cell (the primary printing). A cell
-- printed as "-", left blank or unreadable keeps value NULL and says so in value_status.
SELECT table_no, row_key, col_key,
       CASE WHEN value_status = 'value' THEN value END AS value, value_status
FROM published_figures WHERE period = $period AND "primary"
