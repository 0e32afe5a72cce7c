"""Session 46, the triage files in the mutation run (docs/testing.md, "Session 46 — the triage files in the mutation
run"): each test kills a survivor of `scripts/mutate.py --area media` in assets/media/triage.py, triage_sentence.py,
triage_cues.py, triage_abroad.py, triage_not_events.py, triage_in_person.py, triage_modes.py,
triage_formless_gatherings.py or triage_aftermath.py; every expected value is worked out by hand from the input."""
from __future__ import annotations

from assets.media.triage import classify, quick_pass


def test_a_picket_at_the_akimat_is_an_assembly_and_a_concert_is_no_mention():
    assert classify("", "В Уральске у здания акимата прошёл пикет против повышения тарифов.").is_assembly
    res = classify("", "В Уральске прошёл концерт.")
    assert not res.passed_quick and res.label == "no_mention"
    assert not quick_pass("В Уральске прошёл концерт.")


# --- assets/media/triage.py -------------------------------------------------------------------------------------------

import datetime as dt  # noqa: E402

from assets.media.triage import classify_batch  # noqa: E402


def test_the_quick_pass_reads_a_crowd_told_place_first_and_a_crowd_brought_out():
    # "у акимата собрались": the akimat right before the verb, no word between (:83 `{0,4}` → `{1,4}`)
    assert quick_pass("Сегодня утром у акимата собрались около сорока жителей села.")
    # "вывел на улицы": the verb right before "на улицы" (:96 `{0,3}` → `{1,3}`)
    assert quick_pass("Профсоюз вывел на улицы сотни рабочих.")


def test_the_batch_triages_only_what_the_quick_pass_lets_through_and_reads_the_text_too():
    # the first article's headline names no form, its text does; the second names none at all (:207)
    held, concert = classify_batch([("Новости Уральска", "В Уральске у акимата прошёл митинг против тарифов."),
                                    ("Новости Уральска", "В Уральске прошёл концерт.")])
    assert held.passed_quick and held.is_assembly
    assert concert.label == "no_mention"


def test_people_gathered_on_the_carriageway_two_words_after_the_verb_is_its_own_cue():
    # "собрались вчера утром на проезжей части": two words between (:142 `{0,2}` → `{0,1}`); the headline names no
    # protest, so the gathering's cue is its own
    res = classify("Жители вышли на дорогу", "Около 20 жителей микрорайона собрались вчера утром на проезжей части.")
    assert res.is_assembly and res.event_sentences == [1]


def test_a_gathering_told_as_repeated_is_a_history():
    # "неоднократно собирались": the adverb before the verb (:192, the look-behind of REPEATED_RE's first branch); the
    # grievance in the next sentence would be the gathering's cue
    res = classify("", "Жители села неоднократно собирались у здания акимата. Причина недовольства — отсутствие воды.")
    assert not res.is_assembly
    # not an assembly: the monitor reads the gathering set aside (:484 `not` dropped gives no reason at all)
    assert res.reasons == ["sentence 0: a gathering or road block with no protest cue near it "
                           "«Жители села неоднократно собирались у здания акимата.»"]


def test_the_first_sentence_with_a_year_dates_the_article_as_a_history():
    # the holding's first sentence has no year, the next one "в 1986 году": forty years before publication, nothing
    # recent told, every event is background (:233 the year's test dropped takes the sentence without a year)
    text = ("Тысячи студентов вышли на площадь, требуя отставки руководства республики. "
            "Митинги на площади прошли в 1986 году.")
    assert not classify("", text, dt.date(2026, 12, 7)).is_assembly


def test_a_holding_dated_by_a_month_seven_months_before_publication_is_background():
    # February in a September article (:238)
    res = classify("", "В феврале у акимата прошёл митинг против тарифов.", dt.date(2026, 9, 15))
    assert not res.is_assembly
    assert res.reasons[0].startswith("sentence 0 not counted (background)")


def test_a_headline_restating_a_planned_lead_is_that_plan():
    # the lead names the same form and is a plan (a strong negative of the lead, not of the headline: :255 `[1]` → `[0]`)
    res = classify("Жители провели митинг у акимата", "Жители проведут митинг у акимата в субботу.")
    assert not res.is_assembly


def test_a_demand_recalled_as_background_is_no_demand_at_a_building():
    # "Напомним": the sentence has a negative; the live demand's rule skips it (:274 `or` → `and`)
    assert not classify("", "Напомним, жители требуют у акимата вернуть им землю.").is_assembly


def test_an_online_form_named_in_the_fourth_sentence_does_not_make_the_lead_online():
    # only the headline and the first three sentences name the online form of the whole article (:288 `3` → `4`)
    text = ("Работники комбината объявили голодовку. Они требуют повысить зарплату. Руководство комбината пока молчит. "
            "Ранее на комбинате проходила онлайн-голодовка.")
    res = classify("", text)
    assert res.is_assembly and res.event_sentences == [0]


def test_protesters_acting_in_the_third_sentence_still_report_the_news():
    # index 2 is the lead still (:296 `> 2` → `> 1`)
    text = ("В Жезказгане не могут дозвониться до руководства шахты. Зарплату рабочим не платят с лета. "
            "Голодающие шахтёры ждут приезда министра.")
    res = classify("", text)
    assert res.is_assembly and res.event_sentences == [2]


def test_a_form_opening_the_sentence_after_a_background_one_goes_on_about_it():
    # the first sentence is background by its year alone (not a "Напомним" paragraph, whose next sentence is background
    # already); "Сегодня" keeps the article from being a history as a whole (:301, :305 the key "background")
    text = ("Сегодня активист рассказал, что в 2020 году возглавил шествие к резиденции президента. "
            "Шествие закончилось массовыми задержаниями.")
    res = classify("", text, dt.date(2026, 12, 7))
    assert not res.is_assembly
    assert res.reasons == ["sentence 1 not counted (background) «Шествие закончилось массовыми задержаниями.»"]


def test_the_police_taking_participants_after_a_gathering_is_its_cue():
    # no headline: the detention told in the next sentence counts (:337 `or` → `and`)
    res = classify("", "Около 50 жителей собрались на площади. Пятерых участников увезли в отдел полиции.")
    assert res.is_assembly and res.event_sentences == [0]


def test_a_picket_on_a_holiday_beside_a_crowd_at_the_akimat_is_no_festive_crowd():
    # a festive word ("праздничный") in the lead; one of the two event sentences is a named form held, so the crowd is
    # not all plain gatherings (:401 `all` → `any`)
    res = classify("", "Жители провели пикет у акимата в праздничный день. Около 30 человек собрались у здания акимата.")
    assert res.is_assembly and res.event_sentences == [0, 1]


def test_the_state_remembrance_day_is_set_aside_with_its_own_reason():
    # the day of the victims of political repressions, no protest named (:416, the reason's words)
    res = classify("", "В День памяти жертв политических репрессий в Караганде прошёл митинг у мемориала.")
    assert not res.is_assembly
    assert res.reasons[0] == "the state's remembrance day or the ruling party's rally, with no protest named"


def test_a_climb_whose_threat_to_jump_is_told_in_one_of_two_sentences_is_a_person_in_crisis():
    # the headline's climb has no threat, the lead's has: one is enough (:433 `any` → `all`)
    res = classify("Мужчина залез на кран в Шымкенте", "Житель Шымкента забрался на башенный кран и угрожает спрыгнуть.")
    assert not res.is_assembly
    assert res.reasons[0] == "a climb with a threat to jump and no protest or demand told: a person in crisis"


def test_a_strike_denied_flatly_leaves_a_picket_the_article_tells():
    # "Никакой забастовки не было" denies the strike, not the picket (:448 `in` → `not in`); the picket is kept, so the
    # article is not set aside as denying its form (:449 `not` dropped)
    res = classify("", "Рабочие провели пикет у проходной комбината. Никакой забастовки не было, заявили в руководстве.")
    assert res.is_assembly and res.event_sentences == [0]
    assert not any("denies" in r for r in res.reasons)
    res = classify("", "Рабочие шахты объявили забастовку. Никакой забастовки не было, заявили в руководстве.")
    assert not res.is_assembly
    assert res.reasons[0] == "the article denies the form it tells (\"никакой забастовки не было\"): others' words"


def test_a_picket_held_beside_a_rally_the_police_did_not_allow_is_an_assembly():
    # the second sentence's only verb of holding is an infinitive; the first tells a holding (:459 `all` → `any`)
    text = "Утром жители провели пикет у здания акимата. Вечером полиция не дала им провести митинг на площади."
    res = classify("", text)
    assert res.is_assembly and 0 in res.event_sentences


# --- assets/media/triage_sentence.py ----------------------------------------------------------------------------------

from assets.media.text import parses  # noqa: E402
from assets.media.triage_sentence import verb_time  # noqa: E402


def test_an_official_who_met_those_who_held_a_rally_reports_it():
    # "с жителями, которые провели митинг": the verb right after "которые" (:104 `{0,2}` → `{1,2}`)
    res = classify("", "Аким района встретился с жителями, которые провели митинг у акимата.")
    assert res.is_assembly and res.event_sentences == [0]


def test_a_meeting_or_a_repair_demanded_is_the_gatherings_aim_not_a_civic_event():
    # "встреча" and "ремонт" are civic words; demanded, they are the protest's aim (:146 `==` → `!=`, :148 the branch)
    assert classify("", "Жители собрались у акимата, требуя встречи с акимом.").is_assembly
    assert classify("", "Жители собрались у акимата, добиваясь ремонта дороги.").is_assembly


def test_a_rally_streamed_online_was_held_in_person():
    # "онлайн" without an online form: a stream, not an online rally (:170 `and` → `or`)
    res = classify("", "Жители провели митинг у акимата, его транслировали онлайн.")
    assert res.is_assembly and res.event_sentences == [0]


def test_the_year_before_publication_is_no_other_time():
    # December 2025 in a January 2026 article (:184 `<` → `<=`)
    res = classify("", "В декабре 2025 года жители провели митинг у акимата.", dt.date(2026, 1, 15))
    assert res.is_assembly and res.event_sentences == [0]


def test_the_time_of_a_verb():
    # (:214 the infinitive's name)
    assert verb_time(parses("провести")[0].tag) == "infinitive"
    assert verb_time(parses("провели")[0].tag) == "past"
    assert verb_time(parses("проведут")[0].tag) == "future"
    assert verb_time(parses("проводят")[0].tag) == "present"


def test_an_action_of_activists_is_a_form_of_assembly():
    # "акция" with "активист" (no protest word, no verb of holding before it): a protest action (:238 `|` → `&`)
    res = classify("", "Акция активистов у здания акимата продолжалась два часа.")
    assert res.is_assembly and res.event_sentences == [0]


def test_a_kazakh_rally_of_environmental_activists_is_no_clean_up():
    # "Экологиялық" is a word of a clean-up's "акция"; a rally ("митинг") is no bare "акция" (:407 `and` → `or`)
    text = "Экологиялық белсенділер саябақты қорғау үшін әкімдік алдында митинг өткізді."
    res = classify("", text)
    assert res.is_assembly
    assert res.reasons == [f"sentence 0: kk form+verb «{text}»"]


def test_people_who_are_going_to_hold_a_rally_are_not_gathering():
    # "собираются провести": an intention, not "собраться" as a gathering (:438 the branch swapped)
    res = classify("", "Жители Атырау собираются провести митинг у акимата против цен на газ.")
    assert not res.is_assembly
    assert res.reasons[0].startswith("sentence 0 not counted (planned)")


def test_an_artist_out_with_a_single_picket_held_it():
    # "выступил с одиночным пикетом": the verb of holding (:482 `or` → `and`)
    res = classify("", "Художник выступил с одиночным пикетом у здания акимата.")
    assert res.is_assembly and res.event_sentences == [0]


def test_electricity_cut_off_is_nobody_blocking_anything():
    # "перекрыто электричество" (:499 `False` → `True` makes it a gathering, and "недовольны" its protest)
    assert not classify("", "В микрорайоне третий день перекрыто электричество, жители недовольны.").is_assembly


def test_nobody_came_out_is_no_gathering():
    # "выходить никто не стал" (:500 `in` → `not in`: the gathering stays, set aside only for want of a cue)
    res = classify("", "Жители возмущены повышением тарифов, но на улицы выходить никто не стал.")
    assert not res.is_assembly
    assert res.reasons == ["no sentence tells that an assembly was held or is under way"]


def test_the_police_blocking_traffic_is_no_gathering():
    # "Сотрудники полиции перекрыли движение": the police, no crowd; the drivers' annoyance is no protest's cue for
    # them (:502 the branch swapped)
    res = classify("", "Сотрудники полиции перекрыли движение по проспекту, недовольные водители сигналили.")
    assert not res.is_assembly


def test_the_police_guarding_a_park_are_no_defenders_of_it():
    # guards "от вырубки" are a gathering only when they are not the police on duty (a hand mutant, :507 the police's
    # test dropped, gives an assembly; the drawn mutant of that line drops the guard's pattern and is left)
    res = classify("", "Полицейские дежурят у сквера и охраняют его от вырубки, против которой выступают жители.")
    assert not res.is_assembly


def test_protesters_taken_by_the_police_are_protesters_detained():
    # "митингующих" is a protester's word: no relative clause needed (:535 `or` → `and`)
    text = "Полиция задержала митингующих у акимата."
    assert classify("", text).reasons == [f"sentence 0: form+verb, protesters detained «{text}»"]


def test_participants_of_a_rally_still_in_a_park_are_protesters_present():
    # "участники митинга находятся": a form and its participants, no figure (:541 `in` → `not in`)
    res = classify("", "Участники митинга находятся в сквере.")
    assert res.is_assembly and res.event_sentences == [0]


def test_placards_against_something_are_placards_without_a_building():
    # a protest word with the placards is enough (:549 `or` → `and` wants a building as well)
    text = "Жители вышли с плакатами против вырубки сквера."
    assert classify("", text).reasons == [f"sentence 0: placards, gathering+protest «{text}»"]


# --- assets/media/triage_not_events.py, triage_modes.py ----------------------------------------------------------------

def test_a_hunger_strike_of_a_convict_in_a_colony_is_custody():
    # (triage_not_events.py:196, the key "custody")
    text = "Осужденный активист объявил голодовку в колонии."
    res = classify("", text)
    assert not res.is_assembly
    assert res.reasons[0].startswith("sentence 0 not counted (") and "custody" in res.reasons[0].split("«")[0]


def test_a_year_of_the_1900s_is_another_time_without_a_publication_date():
    # "в декабре 1986 года" (triage_modes.py:31, the century of OLD_YEAR_RE)
    res = classify("", "В декабре 1986 года тысячи студентов вышли на площадь, требуя отставки руководства республики.")
    assert not res.is_assembly

