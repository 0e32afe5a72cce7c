-- `cards` (every period) as they were at $as_of (a TEMP table named as the figure models
-- expect, so that the same models compute the figures of that moment: assets/report/asof.py).
CREATE OR REPLACE TEMP TABLE cards AS
SELECT * EXCLUDE (kind, row_hash, valid_from, valid_to) FROM card_revisions
WHERE kind = 'card' AND valid_from <= $as_of AND (valid_to IS NULL OR valid_to > $as_of)
