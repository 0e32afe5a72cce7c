-- The archived media responses that have bytes (read in chunks: erasure/media_bodies.sql).
SELECT response_id FROM media_responses WHERE body IS NOT NULL ORDER BY response_id
