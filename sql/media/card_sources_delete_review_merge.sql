-- assets/media/pipeline.py
DELETE FROM media_card_sources WHERE candidate_id = ? AND how = 'review merge'
