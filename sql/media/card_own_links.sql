-- assets/media/claims.py
SELECT source_links FROM cards WHERE card_id = ?
