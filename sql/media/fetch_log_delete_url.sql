-- assets/media/archive.py
DELETE FROM media_fetch_log WHERE url = ?
