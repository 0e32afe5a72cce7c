-- The two revisions of one card a change compares (card_changes.sql's revision open at $since and the one
-- open at $until, named by their valid_from), to name the fields that changed. Named by moment, not by
-- content hash: a card whose content comes back (A → B → A → C) has two revisions with A's hash.
SELECT * EXCLUDE (valid_from, valid_to, record_id, source_file) FROM card_revisions
WHERE period = $period AND card_id = $card_id AND kind = $kind AND valid_from IN ($before, $after)
ORDER BY valid_from
