-- assets/media/assets.py
SELECT review_file, review_row, candidate_id, message FROM media_review_decisions WHERE status = 'error' ORDER BY review_file, review_row
