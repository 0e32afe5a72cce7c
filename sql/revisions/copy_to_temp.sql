-- A TEMP copy of a derived table (figures, derived_figures, coverage, reconciliation) that hides the
-- warehouse's own on this connection: the as-of figures are written into it, never into the warehouse.
CREATE OR REPLACE TEMP TABLE "__table__" AS SELECT * FROM "__table__"
