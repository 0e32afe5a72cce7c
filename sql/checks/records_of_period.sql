-- One period's valid records ($period): assemblies held (clean cards) and records of events not held, to say
-- why a period has no figure (assets/quality/gx_suite.py assert_figures_ok).
SELECT (SELECT count(*) FROM cards WHERE period = $period) AS held,
       (SELECT count(*) FROM events_not_held WHERE period = $period) AS not_held
