-- Replace a word of the erased name ($pattern) by its marker ($replacement) in the cells of one card's raw records
-- (see count_card_records.sql).
UPDATE "__table__" SET cells = regexp_replace(cells, $pattern, $replacement, 'g')
WHERE period = $period AND contains(cells, $card_json) AND regexp_matches(cells, $pattern)
