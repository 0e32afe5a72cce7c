-- The name of the open database (the one copied into a fresh file).
SELECT current_database()
