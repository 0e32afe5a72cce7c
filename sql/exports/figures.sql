-- The period's figures for the public export (assets/report/exports.py keeps only PUBLIC_COLUMNS).
SELECT * FROM figures WHERE period = $period ORDER BY table_no, row_key, col_key
