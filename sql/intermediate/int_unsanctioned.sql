-- Intermediate: the period's assemblies held without permission, in all (`total`) and without the
-- presumably state-organised ones (`total_excl_state`): participants, police, the police control index
-- (police / participants), assemblies, participants per assembly and the median. Tables 14-1, 15 and 18
-- and the summary read them from here. A police count not known (NULL) is left out of police, and its
-- assembly's participants out of the index's participants (sql/intermediate/int_assemblies_by_city.sql).
CREATE OR REPLACE TEMP TABLE int_unsanctioned AS
-- No such assembly: 0 participants and 0 police (counted: none of zero assemblies), the index and the means not
-- defined (NULL); an empty SQL sum would be NULL, "not known", which the report printed as "—".
WITH n AS (
    SELECT 'total' AS row_key, if(count(*) = 0, 0, sum(participants)) AS participants,
           if(count(*) = 0, 0, sum(police_count)) AS police, count(*) AS assemblies,
           median(participants) AS participants_median,
           sum(participants) FILTER (WHERE police_count IS NOT NULL) AS participants_policed
    FROM stg_cards WHERE unsanctioned
    UNION ALL
    SELECT 'total_excl_state', if(count(*) = 0, 0, sum(participants)), if(count(*) = 0, 0, sum(police_count)), count(*),
           median(participants), sum(participants) FILTER (WHERE police_count IS NOT NULL)
    FROM stg_cards WHERE unsanctioned AND NOT state
)
SELECT row_key, participants, police, police / NULLIF(participants_policed, 0)::DOUBLE AS police_control_index,
       assemblies, participants / NULLIF(assemblies, 0)::DOUBLE AS participants_avg, participants_median
FROM n
