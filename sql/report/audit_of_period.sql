SELECT * FROM audit WHERE period = $period
