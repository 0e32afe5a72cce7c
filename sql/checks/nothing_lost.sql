-- Per period: raw records, clean cards (assemblies held and events not held), clean persons,
-- quarantined records (errors only). Balanced when raw = cards + persons + quarantined. The last
-- column counts the raw records that carry an erasure's redaction marker (`monitor erase-person`):
-- they stay records, so still balance.
WITH r AS (SELECT period, count(*) AS n, count(*) FILTER (WHERE cells LIKE '%REDACTED-%') AS redacted FROM raw_records GROUP BY period),
c AS (SELECT period, count(*) AS n FROM (SELECT period FROM cards UNION ALL SELECT period FROM events_not_held) GROUP BY period),
p AS (SELECT period, count(*) AS n FROM persons GROUP BY period),
q AS (SELECT period, count(DISTINCT record_id) AS n FROM quarantine WHERE severity = 'error' AND kind <> 'file' GROUP BY period)
SELECT r.period, r.n, coalesce(c.n, 0), coalesce(p.n, 0), coalesce(q.n, 0), r.redacted
FROM r LEFT JOIN c USING (period) LEFT JOIN p USING (period) LEFT JOIN q USING (period)
ORDER BY r.period
