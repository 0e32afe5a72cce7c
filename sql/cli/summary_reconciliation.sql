SELECT status, count(*) FROM reconciliation WHERE period = $period GROUP BY status
