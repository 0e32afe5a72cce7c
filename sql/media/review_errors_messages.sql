-- assets/media/pipeline.py
SELECT candidate_id, message FROM media_review_decisions WHERE status = 'error'
