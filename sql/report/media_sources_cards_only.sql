-- The same counts as media_sources_of_period.sql for a warehouse without the media tables (no
-- media was ever read: nothing can be attached). "Media only" is the definition of the view
-- card_sources (sql/media/030_card_views.sql): the card's own source is media or social media.
SELECT count(*) AS cards,
       count(*) FILTER (WHERE source_type IN ('media', 'social')) AS cards_media_only,
       0 AS cards_with_attached_media,
       0 AS monitor_cards_confirmed_by_media
FROM cards WHERE period = $period
