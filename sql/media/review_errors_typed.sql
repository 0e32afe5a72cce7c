-- assets/media/pipeline.py
SELECT candidate_id, fields FROM media_review_decisions WHERE status = 'error'
