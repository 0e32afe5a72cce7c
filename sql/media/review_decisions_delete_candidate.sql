-- assets/media/pipeline.py
DELETE FROM media_review_decisions WHERE candidate_id = ?
