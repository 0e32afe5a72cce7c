SELECT count(*) FROM cards WHERE period = $period
