-- Replace a word of the erased name ($pattern) by its marker ($replacement) in one text column of one card's rows
-- ($period, $card_id; see count_card_matches.sql).
UPDATE "__table__" SET "__column__" = regexp_replace("__column__", $pattern, $replacement, 'g')
WHERE period = $period AND card_id = $card_id AND regexp_matches("__column__", $pattern)
