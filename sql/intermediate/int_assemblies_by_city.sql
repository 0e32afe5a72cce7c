-- Intermediate: per city and in all (`total`), the counts of the period's assemblies that several tables
-- print (Tables 1, 2, 3, 7, 9, 11, 12, 14, 16, 18, 19 and the summary read them from here):
--   assemblies, sanctioned, unsanctioned, law_abidance_pct (sanctioned / all),
--   participants, police, police_control_index (police / participants), participants_avg, participants_median,
--   detention_cases (assemblies with a detention), detained_persons,
--   duration_known (assemblies whose duration is known) and duration_total_min / _avg_min / _median_min / _max_min
--   over them.
-- A count a card left empty is not known (NULL; assets/validate/columns.py fill_counts), never 0: police and
-- detained_persons are sums over the cards that know theirs (NULL where none does), and the police control index
-- is police / participants of those same cards, so that an unknown police count never weighs as none.
CREATE OR REPLACE TEMP TABLE int_assemblies_by_city AS
WITH n AS (
    SELECT CASE WHEN grouping(city) = 1 THEN 'total' ELSE city END AS row_key,
           count(*) AS assemblies,
           count(*) FILTER (WHERE sanctioned) AS sanctioned,
           count(*) FILTER (WHERE unsanctioned) AS unsanctioned,
           sum(participants) AS participants,
           median(participants) AS participants_median,
           sum(police_count) AS police,
           sum(participants) FILTER (WHERE police_count IS NOT NULL) AS participants_policed,
           count(*) FILTER (WHERE detained > 0) AS detention_cases,
           count(detained) AS detained_known,
           CASE WHEN count(*) = 0 THEN 0 ELSE sum(detained) END AS detained_persons,
           count(duration_min) AS duration_known,
           sum(duration_min) AS duration_total_min,
           avg(duration_min) AS duration_avg_min,
           median(duration_min) AS duration_median_min,
           max(duration_min) AS duration_max_min
    FROM stg_cards
    GROUP BY GROUPING SETS ((city), ())
)
SELECT row_key, assemblies, sanctioned, unsanctioned,
       100.0 * sanctioned / NULLIF(assemblies, 0) AS law_abidance_pct,
       participants, police, police / NULLIF(participants_policed, 0)::DOUBLE AS police_control_index,
       participants / NULLIF(assemblies, 0)::DOUBLE AS participants_avg, participants_median,
       CASE WHEN assemblies > 0 AND detained_known = 0 THEN NULL ELSE detention_cases END AS detention_cases,
       detained_known, detained_persons,
       duration_known, duration_total_min, duration_avg_min, duration_median_min, duration_max_min
FROM n
