-- assets/media/pipeline.py
SELECT url, title, published, triage_reasons FROM media_articles WHERE triage_label = 'mention_only' ORDER BY published DESC NULLS LAST, url
