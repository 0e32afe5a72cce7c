-- Copy the plain warehouse's rows (attached as plain) into the encrypted one (attached as enc), whose tables and
-- views were made from plain's (plain_tables.sql, plain_views.sql: the schema alone, without compression hints).
COPY FROM DATABASE plain TO enc (DATA)
