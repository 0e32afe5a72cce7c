-- One period's rows of an allow-listed warehouse table (assets/core/sqlfiles.for_table sets __table__).
DELETE FROM "__table__" WHERE period = $period
