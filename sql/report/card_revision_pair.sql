-- The two revisions of one card a change compares: the one open at $since and the one open at $until
-- (before first), to name the fields that changed. Chosen by moment, not by content hash: a card whose
-- content comes back (A → B → A → C) has two revisions with A's hash, and both would be matched.
SELECT * EXCLUDE (valid_from, valid_to, record_id, source_file) FROM card_revisions
WHERE period = $period AND card_id = $card_id AND kind = $kind
  AND ((valid_from <= $since AND (valid_to IS NULL OR valid_to > $since))
    OR (valid_from <= $until AND (valid_to IS NULL OR valid_to > $until)))
ORDER BY valid_from
