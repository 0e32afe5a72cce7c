-- assets/media/pipeline.py
UPDATE media_fetch_log SET outcome = 'parse_error', error = ? WHERE url = ?
