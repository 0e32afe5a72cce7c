-- Rows of one table that may hold the erased name: the whole row cast to text holds one word form of it
-- ($words, erasure.any_word_pattern). A row whose text cells hold the name always matches (letters are not
-- escaped in a row's text), so a count of 0 means no cell of the table to redact. __table__: an allow-listed
-- warehouse table (assets/core/sqlfiles.for_table).
SELECT count(*) FROM "__table__" AS erasure_whole_row WHERE regexp_matches(CAST(erasure_whole_row AS VARCHAR), $words)
