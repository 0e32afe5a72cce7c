-- The coverage label and digitised share of one period ($period), for its reconciliation rows.
SELECT coverage, digitised_share FROM coverage WHERE period = $period
