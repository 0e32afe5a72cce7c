-- Every version a card has had (issue 18, "back in time"): the view `card_revisions` (below) has the
-- columns of `cards` plus
--   kind        'card' (an assembly held: table cards) or 'event_not_held' (table events_not_held)
--   row_hash    a hash of the card's content (every column but record_id and source_file, which say
--               where it was read, not what it says): see the views below
--   valid_from  when this version entered the warehouse (the transaction that wrote the period)
--   valid_to    when it was replaced by a corrected version or the card was removed; NULL = current
-- Written in the same transaction as `cards` (assets/core/revisions.py, called by
-- writes.replace_partitions): a changed card closes its old revision and opens a new one, an
-- unchanged card keeps its revision, a removed card's revision is closed. Never deleted.
-- The card as of a time T:  WHERE valid_from <= T AND (valid_to IS NULL OR valid_to > T)
--
-- Stored (issue 15): a period's first write copies no card. It records only when it happened
-- (`revision_bases`); every card of the period with no stored open revision is then a current revision
-- implied by `cards` itself, valid from that moment (the view `card_revisions_implied`). A later write
-- stores a card's revision only when the card is corrected, removed or added (`card_revision_rows`:
-- closed revisions and revisions opened after the first write). `card_revisions` is the union, exactly
-- the rows the table of that name held before (an older warehouse's table is renamed to
-- card_revision_rows by assets/core/revisions.py, migrate_layout, before these statements run).
-- Created after every column of `cards` exists (030, 031); a column added to `cards` later must be
-- added here too (as 032_events_not_held.sql does).
CREATE TABLE IF NOT EXISTS card_revision_rows AS
SELECT CAST(NULL AS VARCHAR) AS kind, CAST(NULL AS VARCHAR) AS row_hash,
       CAST(NULL AS TIMESTAMPTZ) AS valid_from, CAST(NULL AS TIMESTAMPTZ) AS valid_to, *
FROM cards LIMIT 0;
-- The persons of the cards (organisers, detainees with their court outcome), versioned the same way:
-- a card's figures (detentions, courts) read them.
CREATE TABLE IF NOT EXISTS person_revision_rows AS
SELECT CAST(NULL AS VARCHAR) AS row_hash, CAST(NULL AS TIMESTAMPTZ) AS valid_from,
       CAST(NULL AS TIMESTAMPTZ) AS valid_to, *
FROM persons LIMIT 0;
-- A period's first write of cards: from then on, its unchanged cards and persons are their own revision.
CREATE TABLE IF NOT EXISTS revision_bases (
    period     VARCHAR NOT NULL,
    valid_from TIMESTAMPTZ NOT NULL
);
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
-- The current revisions no row stores: every card, event not held and person of a period with a base
-- and without a stored open revision (of any content) is current as it is since the period's base.
CREATE OR REPLACE VIEW card_revisions_implied AS
SELECT c.kind, c.row_hash, b.valid_from, CAST(NULL AS TIMESTAMPTZ) AS valid_to, c.* EXCLUDE (kind, row_hash)
FROM (SELECT * FROM cards_hashed UNION ALL BY NAME SELECT * FROM events_not_held_hashed) AS c
JOIN revision_bases b ON b.period = c.period
WHERE NOT EXISTS (SELECT 1 FROM card_revision_rows r
                  WHERE r.period = c.period AND r.kind = c.kind AND r.card_id = c.card_id AND r.valid_to IS NULL);
CREATE OR REPLACE VIEW person_revisions_implied AS
SELECT p.row_hash, b.valid_from, CAST(NULL AS TIMESTAMPTZ) AS valid_to, p.* EXCLUDE (row_hash)
FROM persons_hashed p
JOIN revision_bases b ON b.period = p.period
WHERE NOT EXISTS (SELECT 1 FROM person_revision_rows r
                  WHERE r.period = p.period AND r.card_id = p.card_id AND r.person_id = p.person_id
                    AND r.valid_to IS NULL);
-- Every revision, stored or implied: what readers query (the report's appendix, --as-of, history).
CREATE OR REPLACE VIEW card_revisions AS
SELECT * FROM card_revision_rows UNION ALL BY NAME SELECT * FROM card_revisions_implied;
CREATE OR REPLACE VIEW person_revisions AS
SELECT * FROM person_revision_rows UNION ALL BY NAME SELECT * FROM person_revisions_implied;
