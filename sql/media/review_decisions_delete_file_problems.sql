-- assets/media/pipeline.py
-- the problems of whole files, sheets and rows without a candidate id: every import finds them again
DELETE FROM media_review_decisions WHERE status = 'error' AND (candidate_id LIKE 'file:%' OR candidate_id LIKE 'row:%')
