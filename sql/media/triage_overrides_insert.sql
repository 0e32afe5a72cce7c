-- assets/media/pipeline.py
INSERT INTO media_triage_overrides VALUES (?, ?, ?, ?, ?)
