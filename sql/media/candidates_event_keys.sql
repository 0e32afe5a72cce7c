-- assets/media/pipeline.py
SELECT candidate_id, event_keys FROM media_candidates
