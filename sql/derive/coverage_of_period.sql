-- The coverage label and digitised share of one period ($period): its reconciliation rows, the as-of
-- report and `monitor run`'s summary line.
SELECT coverage, digitised_share FROM coverage WHERE period = $period
