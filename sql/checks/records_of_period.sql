-- One period's valid records ($period): assemblies held (clean cards), and the records of events not held by status
-- (refused applications, prevented assemblies). No assembly held: no figure and no report - the words of why are
-- assets/quality/gx_suite.py no_figures_reason's; `monitor run` prints the three counts (pipelines/cli.py).
SELECT (SELECT count(*) FROM cards WHERE period = $period) AS held,
       (SELECT count(*) FROM events_not_held WHERE period = $period AND event_status = 'refused') AS refused,
       (SELECT count(*) FROM events_not_held WHERE period = $period AND event_status <> 'refused') AS prevented
