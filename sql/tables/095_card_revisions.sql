-- Every version a card has had (issue 18, "back in time"): the columns of `cards` plus
--   kind        'card' (an assembly held: table cards) or 'event_not_held' (table events_not_held)
--   row_hash    md5 of the card's content (every column but record_id and source_file, which say
--               where it was read, not what it says)
--   valid_from  when this version entered the warehouse (the transaction that wrote the period)
--   valid_to    when it was replaced by a corrected version or the card was removed; NULL = current
-- Written in the same transaction as `cards` (assets/core/revisions.py, called by
-- warehouse.replace_partitions): a changed card closes its old revision and opens a new one, an
-- unchanged card keeps its revision, a removed card's revision is closed. Never deleted.
-- The card as of a time T:  WHERE valid_from <= T AND (valid_to IS NULL OR valid_to > T)
-- Created after every column of `cards` exists (030, 031); a column added to `cards` later must be
-- added here too (as 032_events_not_held.sql does).
CREATE TABLE IF NOT EXISTS card_revisions AS
SELECT CAST(NULL AS VARCHAR) AS kind, CAST(NULL AS VARCHAR) AS row_hash,
       CAST(NULL AS TIMESTAMPTZ) AS valid_from, CAST(NULL AS TIMESTAMPTZ) AS valid_to, *
FROM cards LIMIT 0;
-- The persons of the cards (organisers, detainees with their court outcome), versioned the same way:
-- a card's figures (detentions, courts) read them.
CREATE TABLE IF NOT EXISTS person_revisions AS
SELECT CAST(NULL AS VARCHAR) AS row_hash, CAST(NULL AS TIMESTAMPTZ) AS valid_from,
       CAST(NULL AS TIMESTAMPTZ) AS valid_to, *
FROM persons LIMIT 0;
-- The content hash of every current card, event not held and person (what a revision is compared with).
CREATE OR REPLACE VIEW current_card_hashes AS
SELECT 'card' AS kind, c.period, c.card_id, md5(CAST(to_json(c) AS VARCHAR)) AS row_hash
FROM (SELECT * EXCLUDE (record_id, source_file) FROM cards) AS c
UNION ALL
SELECT 'event_not_held', e.period, e.card_id, md5(CAST(to_json(e) AS VARCHAR))
FROM (SELECT * EXCLUDE (record_id, source_file) FROM events_not_held) AS e;
CREATE OR REPLACE VIEW current_person_hashes AS
SELECT p.period, p.card_id, p.person_id, md5(CAST(to_json(p) AS VARCHAR)) AS row_hash
FROM (SELECT * EXCLUDE (record_id, source_file) FROM persons) AS p;
