-- DuckLake's variant of 020_claims.sql (without PRIMARY KEY, which DuckLake does not support; keep in step:
-- tests/backends/test_ducklake.py compares them).
-- The claim ledger: every source's claims side by side (assets/media/claims.py), and each card's media links.
CREATE TABLE IF NOT EXISTS media_claims (
        claim_id TEXT,
        candidate_id TEXT,      -- the candidate (event) the claim is about
        event_key TEXT,         -- the extracted event (article + position) that states it
        article_id TEXT,
        url TEXT,               -- the source
        response_id TEXT,       -- the archived response it was read from (media_responses)
        fetched_at TIMESTAMP,
        published DATE,
        field TEXT,             -- participants | police_count | detained | date | city | place
        value TEXT,             -- as stated, normalised: '30', '2017-05-03', 'almaty'
        low INTEGER, best INTEGER, high INTEGER,   -- numbers: the range the wording gives
        sentence TEXT           -- the sentence it was read from
    );

CREATE OR REPLACE VIEW media_card_links AS
    SELECT card_id, any_value(period) AS period,
           string_agg(DISTINCT url, ';' ORDER BY url) AS media_links,
           count(DISTINCT url) AS n_media_links,
           string_agg(DISTINCT how, ';' ORDER BY how) AS how
    FROM media_card_sources GROUP BY card_id;
