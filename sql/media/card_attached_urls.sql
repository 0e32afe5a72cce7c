-- assets/media/claims.py
SELECT DISTINCT url FROM media_card_sources WHERE card_id = ? ORDER BY url
