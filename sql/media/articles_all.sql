-- assets/media/assets.py
SELECT * FROM media_articles
