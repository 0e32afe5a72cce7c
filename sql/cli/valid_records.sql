-- `monitor run`: the valid records of a period: assemblies held (clean cards), and the records of events not
-- held by status (refused applications, prevented assemblies). No assembly held: no report.
SELECT (SELECT count(*) FROM cards WHERE period = $period) AS held,
       (SELECT count(*) FROM events_not_held WHERE period = $period AND event_status = 'refused') AS refused,
       (SELECT count(*) FROM events_not_held WHERE period = $period AND event_status <> 'refused') AS prevented
