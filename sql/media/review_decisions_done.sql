-- assets/media/pipeline.py
SELECT * FROM media_review_decisions WHERE status = 'done'
