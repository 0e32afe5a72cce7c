-- assets/media/pipeline.py
SELECT column_name FROM information_schema.columns WHERE table_name = 'media_candidates' ORDER BY ordinal_position
