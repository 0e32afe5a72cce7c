DELETE FROM "__table__"
-- Every row of an allow-listed unpartitioned warehouse table (statement first: see delete_partition.sql).
