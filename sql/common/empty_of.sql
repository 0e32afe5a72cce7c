-- No rows of an allow-listed warehouse table: its column types (assets/report/datapackage.py).
SELECT * FROM "__table__" LIMIT 0
