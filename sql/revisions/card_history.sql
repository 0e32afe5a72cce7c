-- Every version of one card, oldest first (`monitor` and the README's query).
SELECT valid_from, valid_to, kind, city, date, participants, detained, row_hash, source_file
FROM card_revisions WHERE period = $period AND card_id = $card_id ORDER BY valid_from
