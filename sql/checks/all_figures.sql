-- Every row of figures (the figures_schema check validates the whole table).
SELECT * FROM figures
