-- assets/media/archive.py
INSERT INTO media_fetch_log VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
