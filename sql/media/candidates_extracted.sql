-- assets/media/review_changes.py: what the extraction gave each candidate when it was decided (kept with the decision)
SELECT candidate_id, date, city, form, participants_low, participants, participants_high, detained FROM media_candidates
