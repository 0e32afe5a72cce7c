-- Rows of one card ($period, $card_id) of one table that may hold a word of the erased name alone: the whole row
-- cast to text holds one of card_words_pattern's words ($words: no word boundaries, letters as they are). A row
-- whose text cells hold such a word always matches, so a count of 0 means no cell of the card to redact in that
-- table (assets/validate/erasure._redact_own_cards). __table__: an allow-listed warehouse table with card_id and
-- period (sql/erasure/card_tables.sql).
SELECT count(*) FROM "__table__" AS erasure_whole_row
WHERE period = $period AND card_id = $card_id AND regexp_matches(CAST(erasure_whole_row AS VARCHAR), $words)
