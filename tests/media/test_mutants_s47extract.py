"""(session 47) The extraction files in the mutation run (`scripts/mutate.py --area media`, `MEDIA6_MUTANT_TESTS`):
tests that kill the survivors of the first draw, each asserting what a function returns on a short hand-written
Russian or Kazakh sentence, the expected value worked out from the input (docs/testing.md, "Session 47")."""
from __future__ import annotations

import datetime as dt

import pytest

from assets.media import count_roles, crowd, extract, triage
from assets.media.count_roles import role
from first_event import count, detained_after_gathering, event

PUB = dt.date(2023, 6, 1)


# --- crowd.py ---------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("second, expected", [
    # a vague count outside the event sentence, its participial phrase between commas: the verb after the phrase
    # tells what they did (crowd.clause_verbs reads the rest of the sentence up to its end)
    ("Несколько десятков человек, недовольных ростом тарифов, стояли с плакатами.", (20, 30, 90)),
    ("Несколько десятков человек, недовольных ростом тарифов, собрались у входа.", (20, 30, 90)),
    # doing something else: no crowd
    ("Несколько десятков человек, недовольных ростом тарифов, стали раздавать листовки прохожим.", (None, None, None)),
])
def test_a_vague_count_reads_the_verb_after_its_participial_phrase(second, expected):
    assert count("Митинг в Алматы", "В Алматы 5 мая прошёл митинг против роста тарифов. " + second) == expected


def test_one_person_after_a_place_in_another_case_leads_a_verbless_sentence():
    # "У акимата" (a genitive noun) is passed over; the first nominative noun is one pensioner
    assert crowd.singular_subject("У акимата Шымкента пенсионерка с плакатом") is True
    assert crowd.singular_subject("У акимата Шымкента пенсионеры с плакатами") is False


def test_one_person_before_a_verb_is_told_only_of_what_was_done():
    # lone_before_verb: a singular past or present verb, one person right before it; a future is a plan, no act
    assert crowd.lone_before_verb("Вчера у здания акимата в Алматы активистка Ольга вышла с плакатом.") is True
    assert crowd.lone_before_verb("Завтра у здания акимата в Алматы активистка Ольга выйдет с плакатом.") is False


# --- count_roles.py ---------------------------------------------------------------------------------------------------

def _role(text: str, number: str) -> str | None:
    i = text.index(number)
    return role(text, i, i + len(number)).role


@pytest.mark.parametrize("text, expected", [
    # "двух тысяч X": the people are the round number's noun (X), read through "тысяч"
    ("Около двух тысяч человек вышли на площадь.", "crowd"),
    ("Около двух тысяч журналистов пришли на площадь.", "neither"),  # the press, not the crowd
    ("Около двух тысяч полицейских оцепили площадь.", "neither"),
])
def test_a_round_number_counts_the_noun_after_it(text, expected):
    assert _role(text, "двух") == expected


@pytest.mark.parametrize("text, number, expected", [
    # a relative clause inside the counted noun's own phrase is no other clause: the number keeps its predicate
    ("Около 200 человек, которые пришли к акимату, были задержаны.", "200", "detained"),
    ("Около 200 человек, которые пришли к акимату, стояли с плакатами.", "200", "crowd"),
    ("Около 30 жителей, которые живут в доме, вышли к акимату.", "30", "crowd"),
])
def test_a_relative_clause_of_the_counted_noun_does_not_hide_its_predicate(text, number, expected):
    assert _role(text, number) == expected



def test_quoted_words_are_no_count_only_after_a_placard():
    # a quoted report of the crowd is read; a number inside a placard's quoted words is not
    assert _role("«Около 300 человек вышли на площадь», — сообщил организатор.", "300") == "crowd"
    assert _role("Около 50 человек держали плакаты с надписью «Свободу 7 политзаключенным».", "7") == "neither"


def test_a_kazakh_sentence_is_left_to_the_rules_and_says_why():
    r = role("Алаңға 200-ге жуық адам жиналды.", 7, 10)
    assert r.role is None and r.why == "not parsed (not Russian)"


_OVERRIDE_BODY = ("В Алматы прошёл митинг у акимата. В прошлом году на митинг вышли 500 человек. "
                  "Позже к акимату пришли 50 человек.")
_RULES_500 = {"participants_low": 500, "participants": 500, "participants_high": 500, "detained": None,
              "evidence": {"participants": "В прошлом году на митинг вышли 500 человек."}}


@pytest.mark.parametrize("event_sentences, expected", [
    # the rules read last year's crowd (the parse: "earlier"); override looks for another crowd among the numbers of
    # the headline, the event sentences and the rules' sentence only (sentence 3 is none of them, then one)
    ([1], (None, None, None)),
    ([1, 3], (50, 50, 50)),
])
def test_override_reads_only_the_headline_the_event_sentences_and_the_rules_sentence(event_sentences, expected):
    tri = triage.TriageResult(True, True, 1.0, [], event_sentences)
    out = count_roles.apply("Митинг в Алматы", _OVERRIDE_BODY, None, tri, _RULES_500, "override")
    assert (out["participants_low"], out["participants"], out["participants_high"]) == expected
    assert out["evidence"]["participants_syntax"].endswith(f"chose {expected[1] or 'none'}; the rules said 500)")
    assert out["evidence"].get("participants") == ("Позже к акимату пришли 50 человек." if expected[1] else None)


def test_override_takes_the_crowd_of_this_time_from_the_rules_own_sentence():
    # one sentence, last year's 500 (the rules' reading) and this time's 50: override takes the 50, same sentence
    text = "В прошлом году на митинг вышли 500 человек, а в этот раз пришли 50 человек."
    ev = {**_RULES_500, "evidence": {"participants": text}}
    tri = triage.TriageResult(True, True, 1.0, [], [1])
    out = count_roles.apply("Митинг в Алматы", "В Алматы прошёл митинг у акимата. " + text, None, tri, ev, "override")
    assert (out["participants_low"], out["participants"], out["participants_high"]) == (50, 50, 50)
    assert out["evidence"]["participants"] == text


@pytest.mark.parametrize("field", ["participants", "detained"])
def test_veto_drops_a_count_of_last_year(field):
    text = ("В прошлом году на митинг вышли 500 человек." if field == "participants"
            else "В прошлом году полиция задержала 500 человек.")
    ev = {"participants_low": None, "participants": None, "participants_high": None, "detained": None,
          "evidence": {field: text}}
    if field == "participants":
        ev.update(participants_low=500, participants=500, participants_high=500)
    else:
        ev["detained"] = 500
    tri = triage.TriageResult(True, True, 1.0, [], [1])
    out = count_roles.apply("Митинг в Алматы", "В Алматы прошёл митинг у акимата. " + text, None, tri, ev, "veto")
    assert out[field] is None and field not in out["evidence"]
    assert out["evidence"][f"{field}_syntax"] == (f"(dependency parse (veto): {text.split()[-3]}: earlier (году); "
                                                  "chose none; the rules said 500)")


def test_the_step_on_an_article_of_one_event_and_on_an_extracted_event():
    text = "В прошлом году на митинг вышли 500 человек."
    body = "В Алматы прошёл митинг у акимата. " + text
    tri = triage.TriageResult(True, True, 1.0, [], [1])
    ev = {**_RULES_500, "evidence": {"participants": text}}
    (one,) = count_roles.apply_events("Митинг в Алматы", body, None, tri, [ev], "veto")
    assert one["participants"] is None
    two = count_roles.apply_events("Митинг в Алматы", body, None, tri, [ev, ev], "veto")  # two events: not read
    assert [e["participants"] for e in two] == [500, 500]
    from assets.media.event import Event
    e = Event(participants_low=500, participants=500, participants_high=500)
    e.evidence["participants"] = text
    count_roles.apply_to_event("Митинг в Алматы", body, None, tri, e, "veto")
    assert (e.participants_low, e.participants, e.participants_high) == (None, None, None)
    assert "participants" not in e.evidence and "chose none" in e.evidence["participants_syntax"]


# --- places.py --------------------------------------------------------------------------------------------------------

def test_a_two_word_city_name_is_one_hit_over_both_words():
    from assets.media.places import CityHit, find_cities
    text = "Жители города Новый Узень вышли на площадь Алматы."
    assert find_cities(text) == [CityHit("zhanaozen", 14, 25, "Новый Узень"), CityHit("almaty", 43, 49, "Алматы")]


@pytest.mark.parametrize("text, expected", [
    ("Жители аула Кайнар вышли на сход.", ("аул Кайнар", 7)),
    ("В селе Береке прошёл сход.", ("с. Береке", 2)),
    ("На станции Жем собрались рабочие.", ("станции Жем", 3)),  # no short form: the word as written
])
def test_a_settlement_is_named_by_its_short_kind(text, expected):
    from assets.media.places import find_settlement
    assert find_settlement(text) == expected


@pytest.mark.parametrize("word, key", [
    ("уральцы", "uralsk"), ("алматинцы", "almaty"), ("астанчане", "astana"), ("шымкентцы", "shymkent"),
    ("карагандинцы", "karaganda"), ("актюбинцы", "aktobe"), ("атыраусцы", "atyrau"), ("актаусцы", "aktau"),
    ("жанаозенцы", "zhanaozen"), ("павлодарцы", "pavlodar"), ("костанайцы", "kostanay"), ("экибастузцы", "ekibastuz"),
    ("семейчане", "semey"), ("усть-каменогорцы", "ust-kamenogorsk"), ("петропавловцы", "petropavlovsk"),
    ("таразцы", "taraz"), ("кокшетаусцы", "kokshetau"), ("кызылординцы", "kyzylorda"), ("темиртауцы", "temirtau"),
    ("талдыкорганцы", "taldykorgan"), ("жезказганцы", "zhezkazgan"),
])
def test_each_citys_people_name_the_city(word, key):
    from assets.media.places import cities, find_demonyms
    assert key in cities()
    (hit,) = find_demonyms(f"Вчера {word} вышли на митинг.")
    assert (hit.key, hit.start, hit.text) == (key, 6, word)


def test_a_name_in_quotes_at_the_sentence_start_is_no_place():
    from assets.media.places import find_cities, hit_role
    text = "«Актобе» обыграл «Кайрат» со счётом 2:1."
    (hit,) = find_cities(text)
    assert hit.key == "aktobe" and hit_role(text, hit) == "region"  # a club's name


# --- crowd_reports.py -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Пришло меньше людей, чем на акцию у Дворца, которая собрала 300 человек.",
    "Пришло меньше людей чем на акцию у Дворца, которая собрала 300 человек.",  # (the comma left out, as copy does)
])
def test_a_crowd_given_for_comparison_is_not_this_one(text):
    from assets.media.crowd_reports import not_this_figure
    i = text.index("300")
    assert not_this_figure(text, i, i + 3) is True


@pytest.mark.parametrize("text, n", [
    ("Она была одной из 5 участниц акции.", 5),
    ("Он был одним из трех участников митинга.", 3),
    ("Он стал одним из 40 пикетчиков.", 40),
    *[(f"Она была одной из {w} участниц акции.", n) for w, n in [("двух", 2), ("трёх", 3), ("четырех", 4), ("четырёх", 4),
                                                                  ("пяти", 5), ("шести", 6)]],
])
def test_one_of_n_states_the_crowd(text, n):
    from assets.media.crowd_reports import stated_otherwise
    q = stated_otherwise(text)
    word = text.split(" из ")[1].split()[0]
    assert (q.low, q.best, q.high, q.text) == (n, n, n, word) and text[q.start:q.end] == word



def test_a_closed_straight_quote_of_a_placard_does_not_hide_the_figure_after_it():
    from assets.media.crowd_reports import not_this_figure
    after = 'Участники держали плакаты "Нет росту тарифов", всего собрались 200 человек.'
    inside = 'Участники держали плакаты "Нет росту тарифов на 200 процентов".'
    assert not_this_figure(after, after.index("200"), after.index("200") + 3) is False
    assert not_this_figure(inside, inside.index("200"), inside.index("200") + 3) is True
    assert count("Митинг в Алматы", "В Алматы 5 мая жители держали плакаты \"Нет росту тарифов\", всего собрались "
                 "200 человек.") == (200, 200, 200)


@pytest.mark.parametrize("text, expected", [
    ("С плакатами к акимату вышли 200 человек.", False),  # a placard word, no quotation: the crowd
    # a total over several actions, then a comparison after the figure: the first cue decides
    ("На акциях в регионах собрались 300 человек — меньше людей, чем год назад.", True),
    ("Число пикетчиков у акимата выросло до 7", False),  # a headline ending on its figure, no full stop
])
def test_what_comes_before_the_figure_decides_whose_it_is(text, expected):
    import re

    from assets.media.crowd_reports import not_this_figure
    m = re.search(r"\d+", text)
    assert not_this_figure(text, m.start(), m.end()) is expected



def test_a_vague_count_and_a_later_figure_both_kept_beside_another_number():
    # "Десятки" (20-90) in the event sentence, which also names two houses, and 120 stated after it: the figure is the
    # best, the range spans both
    body = ("Десятки жителей собрались у акимата Алматы, требуя снести 2 аварийных дома. "
            "На митинг пришли 120 человек.")
    assert count("Митинг в Алматы", body) == (20, 120, 120)


@pytest.mark.parametrize("title, expected", [
    # the recall shares the company's name with the headline (a capitalised word in both): this article's own event
    ("Рабочие Казахмыса требуют повысить зарплату", "Горняки Казахмыса вышли на забастовку."),
    ("Рабочие требуют повысить зарплату", None),  # nothing shared: another event
])
def test_a_recall_of_the_articles_own_event_shares_a_word_with_the_headline(title, expected):
    from assets.media.crowd_reports import recalled_sentence
    from assets.media.text import Sentence
    s = Sentence(2, "Напомним, что горняки Казахмыса вышли на забастовку.", 100, 1)
    got = recalled_sentence(s, title, "Сегодня у конторы собрались 50 человек.")
    assert (got.text if got else None) == expected
    if got:
        assert (got.index, got.start, got.paragraph) == (2, 114, 1)


# --- count_context.py -------------------------------------------------------------------------------------------------

def test_what_is_read_before_a_figure_near_the_start_of_a_long_sentence():
    from assets.media.count_context import before_of
    text = ("В Алматы задержаны 15 человек, которые вышли к акимату с плакатами и требовали отставки акима, "
            "снижения тарифов и выплаты долгов по зарплате.")
    assert len(text) > 100
    assert before_of(text, text.index("15")) == "В Алматы задержаны "
    # a source between the figure's words is left out (two commas enclose it)
    text2 = "Число участников, по данным организаторов, превысило 500 человек."
    assert before_of(text2, text2.index("500")) == "Число участников превысило "



# --- detention_totals.py, detention_scope.py --------------------------------------------------------------------------

def test_a_vague_total_is_not_replaced_by_a_part_of_it():
    # "несколько десятков" (best 30) detained, 25 activists among them: the total stays the vague 30, not the part
    from assets.media.detention_totals import exact_over_bound
    assert exact_over_bound(30, "Задержаны несколько десятков человек, в том числе 25 активистов.") == 30


def test_a_kazakh_demand_to_free_someone_keeps_the_clause_before_it_whole():
    # the clause before the demand ends on the figure: "12", not "1"
    assert detained_after_gathering("Ұсталғандар саны 12, олар қамалған белсендіні босатуды талап етті.") == 12


# --- venue.py ---------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, place", [
    # what they came with ends the place (a with-word, or an adjective and a with-word); a square "с памятником" is
    # the place itself
    ("В Алматы 5 мая жители собрались на площади с памятником Абаю, требуя снизить тарифы.",
     "на площади с памятником Абаю"),
    ("В Алматы 5 мая жители собрались у акимата с большими плакатами.", "у акимата"),
    ("В Алматы 5 мая жители собрались у акимата с плакатами.", "у акимата"),
])
def test_the_place_ends_before_what_people_came_with(sentence, place):
    assert event("Митинг в Алматы", sentence).place == place


# --- authorities.py ---------------------------------------------------------------------------------------------------

_RALLY = "В Алматы 5 мая жители вышли на митинг у акимата, требуя снизить тарифы. "


def test_a_rally_for_the_presidents_address_is_state_organised():
    text = "В Астане 5 мая прошёл митинг в поддержку очередного ежегодного послания Президента."
    ev = event("Митинг в Астане", text)
    assert ev.state_organised is True and ev.evidence["state_organised"] == text


def test_the_police_on_duty_and_nothing_else_of_the_authorities():
    ev = event("Митинг в Алматы", _RALLY + "На месте дежурили сотрудники полиции.")
    assert ev.police_present is True and ev.evidence["police_present"] == "На месте дежурили сотрудники полиции."
    # no obstruction, dispersal, response, permission, akimat, prosecutor or warning is told
    assert (ev.obstruction, ev.dispersal, ev.authorities_response, ev.permission_requested, ev.permission_answer,
            ev.akimat_present, ev.prosecutor_present, ev.police_warned) == (None,) * 8


def test_the_police_pushing_people_back_is_obstruction():
    ev = event("Митинг в Алматы", _RALLY + "Полицейские оттеснили участников от входа.")
    assert ev.obstruction is True and ev.evidence["obstruction"] == "Полицейские оттеснили участников от входа."


def test_the_police_dispersing_the_rally():
    ev = event("Митинг в Алматы", _RALLY + "Через час полиция разогнала митингующих.")
    assert ev.dispersal is True and ev.evidence["dispersal"] == "Через час полиция разогнала митингующих."


def test_the_akimat_offering_another_place():
    s = "Акимат предложил организаторам другое место для проведения митинга."
    ev = event("Митинг в Алматы", _RALLY + s)
    assert (ev.permission_requested, ev.permission_answer, ev.evidence["permission_requested"]) == (True, "other_place", s)


@pytest.mark.parametrize("rally, reason", [
    (_RALLY, "unknown"),
    (_RALLY.replace("на митинг", "на стихийный митинг"), "spontaneous"),  # a spontaneous rally: why none was asked
])
def test_no_permission_asked_and_why(rally, reason):
    s = "Организаторы не подавали заявку в акимат."
    ev = event("Митинг в Алматы", rally + s)
    assert (ev.permission_requested, ev.permission_answer, ev.evidence["permission_requested"]) == (False, None, s)
    assert ev.reason_not_applied == reason
    assert ev.evidence.get("reason_not_applied") == (rally.strip() if reason == "spontaneous" else None)


# --- document.py ------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("year", [1999, 2019])
def test_a_date_without_a_year_takes_the_year_of_the_pages_address(year):
    ev = event("Митинг в Алматы", "1 мая в Алматы прошёл митинг у акимата.", published=None,
               url=f"https://t.example/{year}/05/x")
    assert ev.date == dt.date(year, 5, 1)


def test_a_dateline_with_a_two_digit_day():
    from assets.media.document import Doc, dateline
    doc = Doc("Митинг в Уральске", "УРАЛЬСК. 12 октября. – Около 50 жителей вышли на митинг у акимата.", dt.date(2023, 10, 13))
    assert dateline(doc) == ("uralsk", dt.date(2023, 10, 12),
                             "УРАЛЬСК. 12 октября. – Около 50 жителей вышли на митинг у акимата.")


def test_two_events_dated_in_figures_are_two_segments():
    evs = extract.extract("Акции в Казахстане", "05.05.2023 в Алматы прошёл митинг у акимата против роста тарифов. "
                          "12.05.2023 в Астане прошёл пикет у акимата против роста тарифов.", published=PUB, force=True)
    assert [(e.date, e.city, e.form) for e in evs] == [(dt.date(2023, 5, 5), "almaty", "rally"),
                                                       (dt.date(2023, 5, 12), "astana", "picket")]


# --- circumstances.py -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, minutes", [
    ("Акция продолжалась полчаса.", 30),
    ("Акция продолжалась два часа.", 120),
    ("Митинг длился около часа.", 60),
    ("Участники провели 40-минутную акцию.", 40),
    ("Акция продолжалась несколько часов.", None),  # no figure: no duration
])
def test_how_long_it_lasted(sentence, minutes):
    ev = event("Митинг в Алматы", _RALLY + sentence)
    assert ev.duration_min == minutes
    assert ev.evidence.get("duration_min") == (sentence if minutes else None)


@pytest.mark.parametrize("sentence, start", [
    ("Пикет начался в 10:30.", "10:30"),
    ("Акция началась в 11 часов вечера.", "23:00"),
    ("Акция началась в 9 часов утра.", "09:00"),
    ("Митинг начался в полдень.", "12:00"),
])
def test_when_it_started(sentence, start):
    ev = event("Митинг в Алматы", _RALLY + sentence)
    assert (ev.time_start, ev.evidence["time_start"]) == (start, sentence)


# --- named_people.py --------------------------------------------------------------------------------------------------

def test_a_common_noun_before_a_surname_names_no_one():
    # "Сторонники Аблязова": supporters of someone, no person named as the subject; no count is stated
    assert count("Акция в Алматы", "Сторонники Аблязова и Галымжана Жакиянова вышли на площадь в Алматы 5 мая.") == \
        (None, None, None)
    # two people named as the subject: two
    from assets.media.named_people import named_people
    assert named_people("Алима Абдирова и Ольга Климонова вышли к акимату.") == 2


# --- extract.py -------------------------------------------------------------------------------------------------------

def test_with_no_event_sentence_from_triage_the_bodys_first_sentence_is_the_event_sentence():
    # a headline and one sentence: the sentence is the anchor, its vague count the crowd (no verb of gathering needed)
    tri = triage.TriageResult(True, True, 1.0, [], [])
    (ev,) = extract.extract("Митинг в Шымкенте", "Несколько десятков жителей Шымкента 5 мая возмутились ростом тарифов.",
                            published=PUB, triage_result=tri, force=True)
    assert (ev.participants_low, ev.participants, ev.participants_high) == (20, 30, 90)
    assert (ev.city, ev.date) == ("shymkent", dt.date(2023, 5, 5))


def test_the_datelines_date_dates_the_first_event():
    ev = event("Митинг в Уральске", "УРАЛЬСК. 12 октября. – Около 50 жителей вышли на митинг у акимата.",
               published=dt.date(2023, 10, 13))
    assert (ev.city, ev.date) == ("uralsk", dt.date(2023, 10, 12))


def test_the_headlines_city_picks_the_event_sentence_among_several():
    # the headline places the event in Astana: its sentence is read first, not the Almaty one before it
    ev = event("В Астане задержали участников шествия",
               "В Алматы 5 мая прошёл митинг у акимата. В Астане 5 мая полиция задержала участников шествия.")
    assert ev.city == "astana" and ev.evidence["city"] == "В Астане 5 мая полиция задержала участников шествия."


def test_an_article_without_an_address_is_keyed_by_its_first_500_characters():
    head = ("В Алматы 5 мая жители вышли на митинг у акимата, требуя снизить тарифы. " * 7)[:498] + ". "
    assert len(head) == 500 and "  " not in head
    one = extract.extract("", head + "Акция длилась час.", published=PUB, force=True)[0]
    two = extract.extract("", head + "Пикет длился два часа.", published=PUB, force=True)[0]  # differs from char 500 on
    other = extract.extract("", "В Астане" + head[8:] + "Акция длилась час.", published=PUB, force=True)[0]
    assert one.event_key == two.event_key != other.event_key and len(one.event_key) == 16


def test_a_headline_that_alone_tells_the_event_is_its_event_sentence():
    # triage finds the event in the headline only; the body's one sentence is about another thing in another city
    tri = triage.TriageResult(True, True, 1.0, [], [0])
    (ev,) = extract.extract("В Жанаозене 5 мая около 300 жителей вышли на митинг",
                            "Бессменный лидер страны в Астане хвалил девальвацию.", published=PUB, triage_result=tri,
                            force=True)
    assert (ev.city, ev.date, ev.form, ev.participants) == ("zhanaozen", dt.date(2023, 5, 5), "rally", 300)
    assert ev.evidence["city"] == "В Жанаозене 5 мая около 300 жителей вышли на митинг"


@pytest.mark.parametrize("body", [
    "В Алматы 5 мая активистка вышла на одиночный пикет у консульства Китая. Она требует освободить еще 11 сотрудников "
    "компании.",
    "В Алматы 5 мая активистка вышла на одиночный пикет у консульства Китая в защиту сотен тысяч мусульман в лагерях.",
    # (the rules read "сотни тысяч мусульман" first: a count in a sentence not about the picket is someone else's)
    "В Алматы 5 мая активистка вышла на одиночный пикет у консульства Китая. По её словам, в лагерях находятся сотни "
    "тысяч мусульман.",
])
def test_a_single_picket_is_one_person_whatever_figure_its_sentences_name(body):
    ev = event("Одиночный пикет в Алматы", body)
    assert ev.form == "single_picket"
    assert (ev.participants_low, ev.participants, ev.participants_high) == (1, 1, 1)
    assert ev.evidence["participants"] == ev.evidence["form"] == body.split(". ")[0].rstrip(".") + "."


# --- text.py ----------------------------------------------------------------------------------------------------------

def test_the_headlines_listed_under_a_related_marker_are_dropped():
    from assets.media.text import strip_related
    text = ("Жители вышли к акимату.\nЧитайте также:\nВ Атырау задержали участников митинга\n"
            "12:30 В Уральске прошёл пикет\n05.05.2023 В Актау прошла акция\nПолиция не вмешивалась.")
    assert strip_related(text) == "Жители вышли к акимату.\nПолиция не вмешивалась."


def test_a_sentence_may_start_with_any_digit():
    from assets.media.text import sentences
    got = sentences("Митинг прошёл у акимата. 9 человек задержаны. 0 ответов от акимата.")
    assert [(s.index, s.text, s.start) for s in got] == [(0, "Митинг прошёл у акимата.", 0), (1, "9 человек задержаны.", 25),
                                                         (2, "0 ответов от акимата.", 46)]


def test_a_repeated_paragraph_keeps_its_own_offset():
    from assets.media.text import sentences
    text = "Жители вышли.\nПолиция приехала.\nЖители вышли."
    got = sentences(text)
    assert [(s.index, s.start, s.paragraph) for s in got] == [(0, 0, 0), (1, 14, 1), (2, 32, 2)]
    assert all(text[s.start:s.start + len(s.text)] == s.text for s in got)


def test_a_crowd_noun_leading_a_singular_verb_is_no_lone_person():
    assert crowd.lone_before_verb("Толпа собралась у здания суда.") is False
    ev = event("Митинг в Алматы", "Толпа собралась у здания суда в Алматы 5 мая.")
    assert (ev.form, ev.participants) == ("rally", None)


def test_an_earlier_assembly_told_in_the_last_sentence():
    from assets.media.crowd_reports import earlier_assembly_sentences
    texts = ["Сегодня у акимата стоят 50 человек.", "В минувшие выходные прошел митинг у парламента."]
    assert earlier_assembly_sentences(texts, 0) == {1}
    assert earlier_assembly_sentences(texts + ["Акция собрала около 300 человек."], 0) == {1, 2}


@pytest.mark.parametrize("surname", ["Жакенова", "Нурланова"])  # (pymorphy3: the nominative surname 3rd, 4th reading)
def test_a_surname_after_a_word_of_time_leads_a_verbless_sentence(surname):
    # (no verb: the first words decide) a capitalised surname after "Сегодня" is one person
    assert crowd.singular_subject(f"Сегодня {surname} вновь с плакатом у акимата.") is True
