-- «summary»: the figures the report states in its text (general results, police, detentions,
-- courts, general statistics, duration).
WITH c AS (SELECT * FROM cards WHERE period = $period),
-- every event of the period: the assemblies held and the records of refused / prevented ones (item 5)
e AS (SELECT event_status, applications, permission_answer, preventive_detentions, participants FROM cards WHERE period = $period
      UNION ALL SELECT event_status, applications, permission_answer, preventive_detentions, participants FROM events_not_held WHERE period = $period),
u AS (SELECT * FROM c WHERE NOT sanctioned),
p AS (SELECT * FROM persons WHERE period = $period),
judged AS (SELECT DISTINCT card_id FROM p WHERE court_outcome IN ('warning', 'fine', 'arrest', 'acquitted', 'pending')),
d AS (SELECT duration_min FROM c WHERE duration_min IS NOT NULL)
SELECT 'summary' AS table_no, 'total' AS row_key, col_key, value FROM (
    SELECT 'assemblies' AS col_key, count(*)::DOUBLE AS value FROM c
    UNION ALL SELECT 'cities', count(DISTINCT city)::DOUBLE FROM c
    UNION ALL SELECT 'months', $months::DOUBLE
    UNION ALL SELECT 'activity_index', count(*) / $months::DOUBLE FROM c
    UNION ALL SELECT 'participants', sum(participants)::DOUBLE FROM c
    UNION ALL SELECT 'participants_low', sum(participants_low)::DOUBLE FROM c
    UNION ALL SELECT 'participants_high', sum(participants_high)::DOUBLE FROM c
    UNION ALL SELECT 'participants_median', median(participants)::DOUBLE FROM c
    UNION ALL SELECT 'participants_excl_sanctioned', sum(participants)::DOUBLE FROM u
    UNION ALL SELECT 'participants_excl_sanctioned_state', sum(participants)::DOUBLE FROM u WHERE NOT coalesce(state_organised, false)
    UNION ALL SELECT 'participants_avg_excl_sanctioned_state', avg(participants)::DOUBLE FROM u WHERE NOT coalesce(state_organised, false)
    UNION ALL SELECT 'police', sum(police_count)::DOUBLE FROM c
    UNION ALL SELECT 'police_per_assembly', avg(police_count)::DOUBLE FROM c
    UNION ALL SELECT 'police_excl_sanctioned', sum(police_count)::DOUBLE FROM u
    UNION ALL SELECT 'sanctioned', count(*) FILTER (WHERE sanctioned)::DOUBLE FROM c
    UNION ALL SELECT 'unsanctioned', count(*)::DOUBLE FROM u
    UNION ALL SELECT 'applied', count(*) FILTER (WHERE permission_requested)::DOUBLE FROM c
    UNION ALL SELECT 'refused', count(*) FILTER (WHERE permission_answer = 'refused')::DOUBLE FROM c
    UNION ALL SELECT 'state_organised', count(*) FILTER (WHERE state_organised)::DOUBLE FROM c
    UNION ALL SELECT 'obstructed', count(*) FILTER (WHERE obstruction)::DOUBLE FROM c
    UNION ALL SELECT 'obstructed_unsanctioned', count(*) FILTER (WHERE obstruction)::DOUBLE FROM u
    UNION ALL SELECT 'dispersed', count(*) FILTER (WHERE dispersal)::DOUBLE FROM c
    UNION ALL SELECT 'detention_cases', count(*) FILTER (WHERE detained > 0)::DOUBLE FROM c
    UNION ALL SELECT 'detention_cases_pct', 100.0 * count(*) FILTER (WHERE detained > 0) / NULLIF(count(*), 0) FROM c
    UNION ALL SELECT 'detained_persons', coalesce(sum(detained), 0)::DOUBLE FROM c
    -- what the report counts besides assemblies held: applications refused with no assembly (a record may
    -- stand for several akimats' refusals) and refusals of held assemblies; assemblies prevented (a
    -- prevented record, or a held one whose every participant was detained before it began); preventive
    -- detentions at all events
    UNION ALL SELECT 'applications_refused', coalesce(sum(CASE WHEN event_status = 'refused' THEN coalesce(applications, 1)
                                                                WHEN permission_answer = 'refused' THEN 1 ELSE 0 END), 0)::DOUBLE FROM e
    UNION ALL SELECT 'assemblies_prevented', count(*) FILTER (WHERE event_status = 'prevented'
                                                              OR (event_status = 'held' AND preventive_detentions > 0
                                                                  AND preventive_detentions >= participants))::DOUBLE FROM e
    UNION ALL SELECT 'preventive_detentions', coalesce(sum(preventive_detentions), 0)::DOUBLE FROM e
    UNION ALL SELECT 'court_cases', count(*)::DOUBLE FROM judged
    UNION ALL SELECT 'prosecutor_present_unsanctioned', count(*) FILTER (WHERE prosecutor_present)::DOUBLE FROM u
    UNION ALL SELECT 'prosecutor_warned_unsanctioned', count(*) FILTER (WHERE prosecutor_warned)::DOUBLE FROM u
    UNION ALL SELECT 'political', count(*) FILTER (WHERE character = 'political')::DOUBLE FROM c
    UNION ALL SELECT 'economic', count(*) FILTER (WHERE character = 'economic')::DOUBLE FROM c
    UNION ALL SELECT 'social', count(*) FILTER (WHERE character = 'social')::DOUBLE FROM c
    UNION ALL SELECT 'duration_avg_min', avg(duration_min)::DOUBLE FROM d
    UNION ALL SELECT 'duration_median_min', median(duration_min)::DOUBLE FROM d
    UNION ALL SELECT 'duration_known', count(*)::DOUBLE FROM d
)
