-- How the period's cards rest on media (assets/report/media_sources.py): the view
-- media_source_counts of sql/media/030_card_views.sql, made when the media tables exist.
SELECT cards, cards_media_only, cards_with_attached_media, monitor_cards_confirmed_by_media
FROM media_source_counts WHERE period = $period
