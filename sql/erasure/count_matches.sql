-- Cells of one text column holding the erased name ($pattern). __table__ / __column__: an allow-listed warehouse
-- table and one of its VARCHAR columns read from the catalog (assets/core/sqlfiles.for_table).
SELECT count(*) FROM "__table__" WHERE regexp_matches("__column__", $pattern)
