-- assets/media/pipeline.py
DELETE FROM media_card_sources WHERE how = 'automatic match'
