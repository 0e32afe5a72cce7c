-- Every figure of every period (the report compares each period with the earlier ones).
SELECT period, table_no, row_key, col_key, value, provenance FROM figures
