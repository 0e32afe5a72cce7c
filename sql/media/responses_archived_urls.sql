-- assets/media/archive.py
SELECT DISTINCT url FROM media_responses WHERE status BETWEEN 200 AND 299 AND NOT coalesce(truncated, false) AND error IS NULL
