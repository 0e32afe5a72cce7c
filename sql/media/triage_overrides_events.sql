-- assets/media/pipeline.py
SELECT url FROM media_triage_overrides WHERE is_event
