-- Drops one temporary table of the staging / intermediate layers (assets/derive/figures.py drop_layers;
-- __table__ is one of their file names, an allow-list).
DROP TABLE IF EXISTS temp.__table__
