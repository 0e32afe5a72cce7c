-- Every archived media response's bytes, to redact the name in them (assets/validate/erasure.py).
SELECT response_id, source, headers, body FROM media_responses WHERE body IS NOT NULL
