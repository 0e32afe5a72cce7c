-- Cards of the period that may record one assembly twice (two monitors at one event, a card entered again under
-- another id): the same day, city and form, and the same place (Jaro-Winkler similarity of 0.9 or more, any case);
-- where a card leaves the place empty, the same topic. Two places that differ are two assemblies (the example's two
-- pickets of 3 May 2017 with one topic, at the bureau and at the OSDP). A warning for a monitor to look at, never a
-- refusal: two pickets of one day at one akimat may still be two (asset check possible_duplicate_events).
WITH c AS (
    SELECT card_id, date, city, form, lower(trim(coalesce(place, ''))) AS place, lower(trim(topic)) AS topic, source_file
    FROM cards
    WHERE period = $period
)
SELECT a.card_id, b.card_id, a.source_file, b.source_file, a.date, a.city, a.form
FROM c a
JOIN c b ON a.date = b.date AND a.city = b.city AND a.form = b.form AND a.card_id < b.card_id
WHERE CASE WHEN a.place <> '' AND b.place <> '' THEN jaro_winkler_similarity(a.place, b.place) >= 0.9
           ELSE jaro_winkler_similarity(a.topic, b.topic) >= 0.9 END
ORDER BY a.date, a.card_id, b.card_id
