-- The periods that have figures (a check run without a partition checks each).
SELECT DISTINCT period FROM figures ORDER BY period
