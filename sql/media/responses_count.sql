-- assets/media/assets.py
SELECT count(*) FROM media_responses
