-- Does the period have a base (its unchanged cards implied as their own revision)?
SELECT EXISTS (SELECT 1 FROM revision_bases WHERE period = $period)
