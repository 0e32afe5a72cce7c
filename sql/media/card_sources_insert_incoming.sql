-- assets/media/pipeline.py
INSERT INTO media_card_sources SELECT card_id, period, candidate_id, url, score, how FROM _incoming_links
