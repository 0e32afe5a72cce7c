-- Every published figure, in a fixed order (the audit numbers its root causes in the order of its findings).
SELECT * FROM published_figures ORDER BY source, period, table_no, row_key, col_key, location, line, "primary"
