-- The moment the period's cards last changed in the warehouse (a revision opened or closed): what the exports
-- say they were made from (datapackage.json "created", the workbook's creation date), so that identical runs
-- give identical bytes. NULL: no card of the period was ever loaded.
SELECT max(greatest(valid_from, coalesce(valid_to, valid_from))) FROM card_revisions WHERE period = $period
