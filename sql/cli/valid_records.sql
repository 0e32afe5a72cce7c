-- `monitor run`: the valid records of a period (clean cards and events not held); none: no report.
SELECT (SELECT count(*) FROM cards WHERE period = $period) + (SELECT count(*) FROM events_not_held WHERE period = $period)
