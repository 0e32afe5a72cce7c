-- DuckLake's variant of 010_tables.sql (assets/media/archive.ensure_tables picks it on a DuckLake warehouse):
-- the same tables without PRIMARY KEY, which DuckLake does not support. Keep the two in step
-- (tests/backends/test_ducklake.py compares them).
-- The media tables (assets/media/archive.ensure_tables). claims and why_found came later (every source's
-- claims side by side, JSON: assets/media/claims.py); media_triage_overrides is the monitor's reversible
-- "not an event" list: articles sent back to the queue.
CREATE TABLE IF NOT EXISTS media_responses (
        response_id TEXT,
        source TEXT,
        role TEXT,              -- feed | listing | article
        url TEXT NOT NULL,
        final_url TEXT,
        fetched_at TIMESTAMP NOT NULL,
        status INTEGER,
        headers TEXT,           -- JSON object, lower-case names
        body BLOB,
        content_sha256 TEXT,
        truncated BOOLEAN,
        error TEXT
    );

CREATE TABLE IF NOT EXISTS media_fetch_log (
        url TEXT,
        source TEXT,
        role TEXT,
        last_attempt TIMESTAMP,
        outcome TEXT,           -- new | unchanged | not_modified | error | robots_disallowed | skipped
        status INTEGER,
        error TEXT,
        attempts INTEGER,
        response_id TEXT
    );

CREATE TABLE IF NOT EXISTS media_articles (
        article_id TEXT,
        source TEXT, kind TEXT, url TEXT, title TEXT, published DATE, fetched_at TIMESTAMP,
        lang TEXT, text TEXT, response_id TEXT,
        triage_pass BOOLEAN, triage_label TEXT, triage_score DOUBLE, triage_reasons TEXT
    );

CREATE TABLE IF NOT EXISTS media_candidates (
        candidate_id TEXT,
        status TEXT,            -- queued | matched | decided
        matched_card_id TEXT, match_score DOUBLE,
        date DATE, time_start TEXT, city TEXT, settlement TEXT, place TEXT, form TEXT, topic TEXT,
        character TEXT, organizer_type TEXT, organizer_name TEXT,
        participants_low INTEGER, participants INTEGER, participants_high INTEGER,
        duration_min INTEGER, attributes TEXT, permission_requested BOOLEAN, permission_answer TEXT,
        police_present BOOLEAN, police_count INTEGER, police_warned BOOLEAN,
        prosecutor_present BOOLEAN, prosecutor_warned BOOLEAN, akimat_present BOOLEAN,
        akimat_warned BOOLEAN, obstruction BOOLEAN, dispersal BOOLEAN,
        preventive_detentions INTEGER, detained INTEGER, authorities_response TEXT,
        source_type TEXT, source_links TEXT, titles TEXT, article_ids TEXT, event_keys TEXT,
        evidence TEXT,          -- JSON: field -> the sentence it came from
        first_seen DATE
    );

CREATE TABLE IF NOT EXISTS media_card_sources (
        card_id TEXT, period TEXT, candidate_id TEXT, url TEXT, score DOUBLE, how TEXT
    );

CREATE TABLE IF NOT EXISTS media_review_decisions (
        candidate_id TEXT,
        decision TEXT,          -- accept | reject | merge
        merge_into TEXT,
        status TEXT,            -- done | error (an error keeps the candidate in the queue)
        message TEXT,
        card_id TEXT, period TEXT, card_path TEXT,
        fields TEXT,            -- JSON of the row as the monitor left it
        event_keys TEXT,
        review_file TEXT, review_row INTEGER, imported_at TIMESTAMP
    );

ALTER TABLE media_candidates ADD COLUMN IF NOT EXISTS claims TEXT;

ALTER TABLE media_candidates ADD COLUMN IF NOT EXISTS why_found TEXT;

CREATE TABLE IF NOT EXISTS media_triage_overrides (
        url TEXT, is_event BOOLEAN, reason TEXT, review_file TEXT, imported_at TIMESTAMP);
