-- assets/media/archive.py
UPDATE media_fetch_log SET outcome = 'skipped', error = ?, last_attempt = ? WHERE url = ?
