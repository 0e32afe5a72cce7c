-- assets/media/pipeline.py
DELETE FROM media_triage_overrides WHERE url = ?
