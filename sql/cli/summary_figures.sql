SELECT count(*), any_value(provenance) FROM figures WHERE period = $period
