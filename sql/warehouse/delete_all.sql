-- Every row of an allow-listed unpartitioned warehouse table.
DELETE FROM "__table__"
