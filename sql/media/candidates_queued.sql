-- assets/media/pipeline.py: the candidates a monitor is asked about (`changed`: decided, but its articles changed since)
SELECT * FROM media_candidates WHERE status IN ('queued', 'changed') ORDER BY date, city, candidate_id
