-- Intermediate: the period's assemblies held without permission, in all (`total`) and without the
-- presumably state-organised ones (`total_excl_state`): participants, police, the police control index
-- (police / participants), assemblies, participants per assembly and the median. Tables 14-1, 15 and 18
-- and the summary read them from here.
CREATE OR REPLACE TEMP TABLE int_unsanctioned AS
WITH n AS (
    SELECT 'total' AS row_key, sum(participants) AS participants, sum(police_count) AS police, count(*) AS assemblies,
           median(participants) AS participants_median
    FROM stg_cards WHERE unsanctioned
    UNION ALL
    SELECT 'total_excl_state', sum(participants), sum(police_count), count(*), median(participants)
    FROM stg_cards WHERE unsanctioned AND NOT state
)
SELECT row_key, participants, police, police / NULLIF(participants, 0)::DOUBLE AS police_control_index,
       assemblies, participants / NULLIF(assemblies, 0)::DOUBLE AS participants_avg, participants_median
FROM n
