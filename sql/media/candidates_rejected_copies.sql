-- assets/media/pipeline.py
SELECT source_links, titles, why_found FROM media_candidates WHERE status = 'rejected_copy'
