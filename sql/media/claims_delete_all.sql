-- assets/media/pipeline.py
DELETE FROM media_claims
