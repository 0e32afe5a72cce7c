-- «summary»: the figures the report states in its text (general results, police, detentions,
-- courts, general statistics, duration). A figure some table prints too is read from the intermediate
-- model that computes it for that table (sql/intermediate/), never computed a second time here.
WITH c AS (SELECT * FROM stg_cards),
-- every event of the period: the assemblies held and the records of refused / prevented ones (item 5)
e AS (SELECT event_status, applications, permission_answer, preventive_detentions, participants FROM stg_cards
      UNION ALL SELECT event_status, applications, permission_answer, preventive_detentions, participants FROM stg_events_not_held),
u AS (SELECT * FROM c WHERE unsanctioned),
t AS (SELECT * FROM int_assemblies_by_city WHERE row_key = 'total'),
ut AS (SELECT * FROM int_unsanctioned WHERE row_key = 'total'),
us AS (SELECT * FROM int_unsanctioned WHERE row_key = 'total_excl_state')
SELECT 'summary' AS table_no, 'total' AS row_key, col_key, value FROM (
    SELECT 'assemblies' AS col_key, assemblies::DOUBLE AS value FROM t
    UNION ALL SELECT 'cities', count(*)::DOUBLE FROM int_assemblies_by_city WHERE row_key <> 'total'
    UNION ALL SELECT 'months', $months::DOUBLE
    UNION ALL SELECT 'activity_index', assemblies / $months::DOUBLE FROM t
    UNION ALL SELECT 'participants', participants::DOUBLE FROM t
    UNION ALL SELECT 'participants_low', sum(participants_low)::DOUBLE FROM c
    UNION ALL SELECT 'participants_high', sum(participants_high)::DOUBLE FROM c
    UNION ALL SELECT 'participants_median', participants_median::DOUBLE FROM t
    UNION ALL SELECT 'participants_excl_sanctioned', participants::DOUBLE FROM ut
    UNION ALL SELECT 'participants_excl_sanctioned_state', participants::DOUBLE FROM us
    UNION ALL SELECT 'participants_avg_excl_sanctioned_state', participants_avg FROM us
    UNION ALL SELECT 'police', police::DOUBLE FROM t
    UNION ALL SELECT 'police_per_assembly', avg(police_count)::DOUBLE FROM c
    UNION ALL SELECT 'police_excl_sanctioned', police::DOUBLE FROM ut
    UNION ALL SELECT 'sanctioned', sanctioned::DOUBLE FROM t
    UNION ALL SELECT 'unsanctioned', unsanctioned::DOUBLE FROM t
    UNION ALL SELECT 'applied', count(*) FILTER (WHERE permission_requested)::DOUBLE FROM c
    UNION ALL SELECT 'refused', count(*) FILTER (WHERE permission_answer = 'refused')::DOUBLE FROM c
    UNION ALL SELECT 'state_organised', count(*) FILTER (WHERE state_organised)::DOUBLE FROM c
    UNION ALL SELECT 'obstructed', count(*) FILTER (WHERE obstruction)::DOUBLE FROM c
    UNION ALL SELECT 'obstructed_unsanctioned', count(*) FILTER (WHERE obstruction)::DOUBLE FROM u
    UNION ALL SELECT 'dispersed', count(*) FILTER (WHERE dispersal)::DOUBLE FROM c
    UNION ALL SELECT 'detention_cases', detention_cases::DOUBLE FROM t
    -- the share of the assemblies whose detentions are known (a card's empty count is not known: NULL)
    UNION ALL SELECT 'detention_cases_pct', 100.0 * detention_cases / NULLIF(detained_known, 0) FROM t
    UNION ALL SELECT 'detained_persons', detained_persons::DOUBLE FROM t
    -- what the report counts besides assemblies held: applications refused with no assembly (a record may
    -- stand for several akimats' refusals) and refusals of held assemblies; assemblies prevented (a
    -- prevented record, or a held one whose every participant was detained before it began); preventive
    -- detentions at all events
    UNION ALL SELECT 'applications_refused', coalesce(sum(CASE WHEN event_status = 'refused' THEN coalesce(applications, 1)
                                                                WHEN permission_answer = 'refused' THEN 1 ELSE 0 END), 0)::DOUBLE FROM e
    UNION ALL SELECT 'assemblies_prevented', count(*) FILTER (WHERE event_status = 'prevented'
                                                              OR (event_status = 'held' AND preventive_detentions > 0
                                                                  AND preventive_detentions >= participants))::DOUBLE FROM e
    -- over the events that know theirs; not known (NULL) when none does, 0 when there is no event
    UNION ALL SELECT 'preventive_detentions', (CASE WHEN count(*) = 0 THEN 0 ELSE sum(preventive_detentions) END)::DOUBLE FROM e
    UNION ALL SELECT 'court_cases', count(*)::DOUBLE FROM int_court_cases
    UNION ALL SELECT 'prosecutor_present_unsanctioned', count(*) FILTER (WHERE prosecutor_present)::DOUBLE FROM u
    UNION ALL SELECT 'prosecutor_warned_unsanctioned', count(*) FILTER (WHERE prosecutor_warned)::DOUBLE FROM u
    -- the assemblies of each character (Table 4's counts: one row per code of schemas/card.yaml)
    UNION ALL SELECT code, n::DOUBLE FROM int_code_counts WHERE field = 'character'
    UNION ALL SELECT 'duration_avg_min', duration_avg_min::DOUBLE FROM t
    UNION ALL SELECT 'duration_median_min', duration_median_min::DOUBLE FROM t
    UNION ALL SELECT 'duration_known', duration_known::DOUBLE FROM t
    -- the longest assembly: the report says a few long ones raise the mean only where one lasted an hour
    UNION ALL SELECT 'duration_max_min', duration_max_min::DOUBLE FROM t
)
