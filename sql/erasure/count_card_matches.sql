-- Cells of one text column of one card's rows ($period, $card_id) holding a word of the erased name ($pattern).
-- __table__ / __column__: an allow-listed warehouse table with card_id and period, one of its VARCHAR columns.
SELECT count(*) FROM "__table__" WHERE period = $period AND card_id = $card_id AND regexp_matches("__column__", $pattern)
