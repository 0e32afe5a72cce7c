-- assets/media/archive.py
SELECT url, last_attempt FROM media_fetch_log WHERE url IN (SELECT unnest(?))
