-- assets/media/archive.py
SELECT 1 FROM media_responses WHERE response_id = ?
