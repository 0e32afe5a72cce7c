-- The newest complete successful response of every URL ($role NULL: of every role): assets/media/archive.py.
-- Complete: a 2xx answer read whole, neither cut at the size cap nor broken off by an error (session 46).
SELECT response_id, source, role, url, final_url, fetched_at, status, headers, body FROM (
    SELECT *, row_number() OVER (PARTITION BY url ORDER BY fetched_at DESC) AS rn
    FROM media_responses WHERE status BETWEEN 200 AND 299 AND NOT coalesce(truncated, false) AND error IS NULL)
WHERE rn = 1 AND ($role IS NULL OR role = $role)
ORDER BY url
