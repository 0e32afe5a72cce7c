-- Every version a card has had (issue 18, "back in time"): the columns of `cards` plus
--   kind        'card' (an assembly held: table cards) or 'event_not_held' (table events_not_held)
--   row_hash    a hash of the card's content (every column but record_id and source_file, which say
--               where it was read, not what it says): see the views below
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
-- Every current card, event not held and person with its content hash (what a revision is compared
-- with): DuckDB's 64-bit hash() of the row without record_id and source_file, as decimal text. It was
-- md5(to_json(row)) before issue 15 (30 times the CPU at 1,000,000 cards); an older warehouse's open
-- revisions get the new hash of their unchanged content once (assets/core/revisions.py, migrate_hashes).
CREATE OR REPLACE VIEW cards_hashed AS
SELECT 'card' AS kind, CAST(hash(struct_pack(*COLUMNS(* EXCLUDE (record_id, source_file)))) AS VARCHAR) AS row_hash, *
FROM cards;
CREATE OR REPLACE VIEW events_not_held_hashed AS
SELECT 'event_not_held' AS kind, CAST(hash(struct_pack(*COLUMNS(* EXCLUDE (record_id, source_file)))) AS VARCHAR) AS row_hash, *
FROM events_not_held;
CREATE OR REPLACE VIEW persons_hashed AS
SELECT CAST(hash(struct_pack(*COLUMNS(* EXCLUDE (record_id, source_file)))) AS VARCHAR) AS row_hash, *
FROM persons;
CREATE OR REPLACE VIEW current_card_hashes AS
SELECT kind, period, card_id, row_hash FROM cards_hashed
UNION ALL
SELECT kind, period, card_id, row_hash FROM events_not_held_hashed;
CREATE OR REPLACE VIEW current_person_hashes AS
SELECT period, card_id, person_id, row_hash FROM persons_hashed;
