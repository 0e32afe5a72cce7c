-- Drops one temporary view of the staging layer (assets/derive/figures.py drop_layers; __table__ is one
-- of their file names, an allow-list).
DROP VIEW IF EXISTS temp.__table__
