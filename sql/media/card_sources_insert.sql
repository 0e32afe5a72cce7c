-- assets/media/pipeline.py
INSERT INTO media_card_sources VALUES (?, ?, ?, ?, ?, ?)
