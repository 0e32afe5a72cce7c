-- How many card files of a period ($period) the warehouse holds as loaded from the inbox (assets/ingest/assets.py:
-- an inbox that is gone must not be read as "every file removed").
SELECT count(*) FROM raw_files WHERE period = $period
