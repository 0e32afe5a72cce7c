-- Some archived media responses' bytes ($ids: a chunk of erasure/media_response_ids.sql), to redact the
-- name in them (assets/validate/erasure.py).
SELECT response_id, source, headers, body FROM media_responses WHERE response_id IN (SELECT unnest($ids))
