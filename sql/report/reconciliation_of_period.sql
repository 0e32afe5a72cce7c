SELECT * FROM reconciliation WHERE period = $period
