-- Raw records (card or person rows) of one card ($period; $card_json: its id as a JSON string, as `cells` holds
-- it) whose cells hold a word of the erased name ($pattern). __table__: raw_records, raw_record_rows or the TEMP
-- copy of a raw store part (allow-listed).
SELECT count(*) FROM "__table__"
WHERE period = $period AND contains(cells, $card_json) AND regexp_matches(cells, $pattern)
