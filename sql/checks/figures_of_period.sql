-- One period's figures ($period), as the Great Expectations suite reads them.
SELECT period, table_no, row_key, col_key, value, provenance FROM figures WHERE period = $period
