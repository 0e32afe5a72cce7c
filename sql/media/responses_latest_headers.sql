-- assets/media/archive.py
SELECT url, headers FROM (
    SELECT url, headers, row_number() OVER (PARTITION BY url ORDER BY fetched_at DESC) AS rn
    FROM media_responses WHERE status BETWEEN 200 AND 299 AND NOT coalesce(truncated, false) AND error IS NULL)
    WHERE rn = 1
