-- Two revisions of one card (before and after a correction), to name the fields that changed.
SELECT * EXCLUDE (valid_from, valid_to, record_id, source_file) FROM card_revisions
WHERE period = $period AND card_id = $card_id AND row_hash IN ($before, $after)
