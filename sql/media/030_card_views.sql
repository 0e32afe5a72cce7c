-- Views over the warehouse's `cards` (sql/tables/030_cards.sql): made only when it exists with
-- period, card_id, source_type and source_links (assets/media/claims.ensure).
CREATE OR REPLACE VIEW card_sources AS
    SELECT c.period, c.card_id, c.source_type,
           c.source_links AS own_links,
           l.media_links,
           coalesce(l.n_media_links, 0) AS n_media_links,
           (SELECT string_agg(DISTINCT u, ';' ORDER BY u) FROM (
                SELECT unnest(string_split(coalesce(c.source_links, ''), ';')) AS u
                UNION ALL SELECT unnest(string_split(coalesce(l.media_links, ''), ';'))) t
            WHERE trim(u) <> '') AS all_links,
           c.source_type IN ('media', 'social') AS media_only
    FROM cards c LEFT JOIN media_card_links l ON l.card_id = c.card_id;

CREATE OR REPLACE VIEW media_source_counts AS
    SELECT period,
           count(*) AS cards,
           count(*) FILTER (WHERE media_only) AS cards_media_only,
           count(*) FILTER (WHERE n_media_links > 0) AS cards_with_attached_media,
           count(*) FILTER (WHERE NOT media_only AND n_media_links > 0) AS monitor_cards_confirmed_by_media
    FROM card_sources GROUP BY period;
