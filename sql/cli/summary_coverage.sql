SELECT coverage, digitised_share FROM coverage WHERE period = $period
