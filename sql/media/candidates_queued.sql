-- assets/media/pipeline.py
SELECT * FROM media_candidates WHERE status = 'queued' ORDER BY date, city, candidate_id
