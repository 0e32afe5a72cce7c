"""Session 46: the detained named in a list (assets/media/detention_counts.py, `enumerated_detainees`).
"Полиция задержала Ерлана Калиева и журналиста Петрова" gave 1: a role and a surname alone ("журналиста Петрова")
was not a named person, and the rule for an apposition ("Ерлана Калиева, организатора пикета" — who the named one
is) took it for the first man's description even after "и". Surnames alone ("Калиева и Петрова") named nobody.
Now a role and a surname is a person, a list of surnames counts each, and an apposition follows a comma only.
And the dates: a Kazakh page's stamp writes the year after the month ("12 Наурыз, 2022"), read before as a date
without a year; "12 марта около 2000 человек собрались" with no publication date put the rally in March 2000 (the
count taken for the page's year). No part of tests/media/real/ moved (every part, rules alone, forced; the decisions
were written before each was scored)."""
from __future__ import annotations

import datetime as dt

import pytest

from assets.media import dates
from assets.media.detention_counts import _list_items, _role_and_surname, _surname, enumerated_detainees
from assets.media.document import year_hint
from tests.media.first_event import detained_after_gathering, event


@pytest.mark.parametrize("sentence, expected", [
    # two people: a named one, then one named by a role and a surname
    ("Полиция задержала Ерлана Калиева и журналиста Петрова.", 2),
    ("Полиция задержала активиста Ерлана Калиева и журналиста Петрова.", 2),
    ("Задержаны Ерлан Калиев и журналист Петров.", 2),
    ("Полицейские задержали активистку Калиеву и ее сына.", 2),
    # after "и" a role alone is a second person, not who the first one is
    ("Полиция задержала Ерлана Калиева и организатора пикета.", 2),
    # surnames alone, two and three
    ("Полиция задержала Калиева и Петрова.", 2),
    ("Полиция задержала Калиева, Петрова и Ахметова.", 3),
    # who the named one is, after a comma: one person; after it a second named person still counts
    ("Полиция задержала Ерлана Калиева, организатора пикета.", 1),
    ("Полиция задержала Ерлана Калиева, организатора пикета и активиста движения «Оян».", 1),
    ("Полиция задержала Ерлана Калиева, организатора пикета, и журналиста Асета Петрова.", 2),
    ("Полиция задержала Ерлана Калиева, организатора пикета, и журналиста Петрова.", 2),
    # unchanged: one person named by a role and a full name; a leader and his assistant are two
    ("Полиция задержала журналиста Асета Петрова.", 1),
    ("Полиция задержала лидера партии Ерлана Калиева и его помощника.", 2),
])
def test_each_person_of_a_named_list_is_one_detained(sentence, expected):
    assert detained_after_gathering(sentence) == expected


@pytest.mark.parametrize("tail, expected", [
    ("Калиева и Петрова", 2),
    ("Калиева, Петрова и Ахметова", 3),
    ("Ерлана Калиева и журналиста Петрова", 2),
    ("Ерлана Калиева, организатора пикета", 1),
    # places are no surnames; a list with a place in it names nobody
    ("в Алматы и Астане", None),
    ("Калиева и Пушкино", None),
])
def test_enumerated_detainees_after_the_verb(tail, expected):
    assert enumerated_detainees("Полиция задержала " + tail + ".") == expected


def test_the_list_items_remember_their_comma():
    assert _list_items("Ерлана Калиева, организатора пикета, и журналиста Петрова") == (
        ["Ерлана Калиева", "организатора пикета", "журналиста Петрова"], [False, True, True])
    assert _list_items("Калиева и Петрова а также Ахметова") == (["Калиева", "Петрова", "Ахметова"],
                                                                  [False, False, False])


@pytest.mark.parametrize("item, expected", [
    ("Петрова", True), ("Калиеву", True), ("Ахметовым", True), ("Ильин", True),
    ("петрова", False), ("Мамая", False), ("Алматы", False), ("Пушкино", False), ("Петрова Ивана", False),
])
def test_a_surname_alone(item, expected):
    assert _surname(item) is expected


@pytest.mark.parametrize("item, expected", [
    ("журналиста Петрова", True), ("активиста движения Петрова", True),
    ("журналиста", False), ("в Петрова", False), ("Журналиста Петрова", False), ("журналиста из Алматы", False),
    ("одного из задержанных студентов Петрова", False),
])
def test_a_role_and_a_surname(item, expected):
    assert _role_and_surname(item) is expected


# --- dates: the year after the month, and counts that look like years (assets/media/dates.py, document.py) ---

@pytest.mark.parametrize("text, expected", [
    # a Kazakh page's stamp writes the year after the month; a Russian one may put a comma before it
    ("12 наурыз 2022 ж.", "2022-03-12"),
    ("12 Наурыз, 2022", "2022-03-12"),
    ("12 Сәуір, 2018 сағат 09:40", "2018-04-12"),
    ("5 мамыр 2019 жыл", "2019-05-05"),
    ("12 марта, 2022 г., 14:30", "2022-03-12"),
    # unchanged: the year before the Kazakh month, after the Russian one
    ("2022 жылғы 12 наурыз", "2022-03-12"),
    ("12 марта 2022", "2022-03-12"),
])
def test_the_year_after_the_month_is_the_dates_year(text, expected):
    (hit,) = dates.find_dates(text, None)
    assert hit.date.isoformat() == expected


@pytest.mark.parametrize("text", ["12 наурыз 2000 адам жиналды", "12 марта 2000 человек вышли", "12 наурыз 2000-ға жуық адам"])
def test_four_digits_before_people_are_a_count_not_the_dates_year(text):
    (hit,) = dates.find_dates(text, dt.date(2021, 6, 1))
    assert hit.date == dt.date(2021, 3, 12)  # the publication's year, as any date written without one


@pytest.mark.parametrize("text, expected", [
    ("12 марта около 2000 человек собрались", None),
    ("12 марта 2000 человек собрались", None),
    ("12 наурызда 2000-ға жуық адам жиналды", None),
    ("Штраф 2000 тенге. Это было в 2019 году.", 2019),
    ("Собрались около 2000, по данным организаторов.", None),
    # a year is still a year: "around 2000", "until 2020", a year beside a count
    ("Это было около 2000 года.", 2000),
    ("До 2020 года акций не было.", 2020),
    ("В 2021 году 1500 жителей вышли.", 2021),
])
def test_a_count_is_never_the_pages_year(text, expected):
    assert year_hint("", text) == expected


def test_an_undated_rally_of_2000_people_is_not_put_in_the_year_2000():
    ev = event("Жители Уральска пришли к акимату", "12 марта около 2000 человек собрались у здания акимата Уральска.",
               None)
    assert ev.date is None  # no year anywhere: "12 марта" names no day
    assert ev.participants == 2000
    ev = event("Оралда тұрғындар әкімдікке жиналды", "12 Наурыз, 2022\nОралда бүгін 30-ға жуық тұрғын әкімдік алдына "
               "жиналып, ауызсу мәселесін шешуді талап етті.", None)
    assert (ev.date, ev.participants) == (dt.date(2022, 3, 12), 30)


@pytest.mark.parametrize("body, expected", [
    # the date of a clause that describes the people is the clause's
    ("Жители Уральска, которые еще 1 марта обращались в акимат, 13 марта собрались у его здания.", "2022-03-13"),
    ("Рабочие, объявлявшие 1 марта голодовку, 13 марта вышли на митинг у акимата Уральска.", "2022-03-13"),
    ("Жители Уральска, кто еще 1 марта писал в акимат, 13 марта пришли к его зданию на митинг.", "2022-03-13"),
    # unchanged: a clause without a date of its own; the clause's date is the only one; the clause ends the sentence
    ("Жители Уральска, которые обращались в акимат, 13 марта собрались у его здания.", "2022-03-13"),
    ("Жители Уральска 13 марта вышли на митинг, который прошел у акимата.", "2022-03-13"),
    ("13 марта в Уральске прошел митинг жителей, которые еще 1 марта обращались в акимат.", "2022-03-13"),
])
def test_the_date_of_a_clause_about_the_people_is_not_the_events(body, expected):
    ev = event("Митинг в Уральске", body, dt.date(2022, 3, 14))
    assert ev.date.isoformat() == expected


def test_in_relative_clause_needs_the_clause_open_before_and_closed_after():
    from assets.media.event_date import _in_relative_clause

    text = "Жители, которые еще 1 марта обращались в акимат, 13 марта собрались."
    first, second = dates.find_dates(text, dt.date(2022, 3, 14))
    assert _in_relative_clause(text, first) and not _in_relative_clause(text, second)
    closed = "Жители, которые обращались в акимат, 1 марта собрались, требуя воды."  # closed before the date
    assert not any(_in_relative_clause(closed, h) for h in dates.find_dates(closed, dt.date(2022, 3, 14)))
    ends = "Митинг прошел у акимата, который 1 марта закрыли."  # the clause ends the sentence: nothing goes on
    assert not any(_in_relative_clause(ends, h) for h in dates.find_dates(ends, dt.date(2022, 3, 14)))


# --- triage: a festive march told as background anywhere in the article (assets/media/triage.py) ---

from assets.media import triage  # noqa: E402


@pytest.mark.parametrize("title, body, expected", [
    # the picket was held; the festive march is last year's ("Напомним, …", then "Тогда …"), in the third sentence
    ("", "Жители провели пикет у акимата. Напомним, в прошлом году на этой площади отмечали День города. Тогда по "
         "площади прошло праздничное шествие.", True),
    # with a demand named, read right before too
    ("Пикет у акимата", "Жители провели пикет у акимата. Они требуют провести газ. Напомним, в прошлом году на этой "
                        "площади отмечали День города. Тогда по площади прошло праздничное шествие.", True),
    # unchanged: the festive march is this article's event
    ("", "На площади прошло праздничное шествие, посвященное Дню города. Жители собрались у акимата.", False),
])
def test_a_festive_march_of_another_time_does_not_refuse_the_picket(title, body, expected):
    assert triage.classify(title, body, None).is_assembly is expected


@pytest.mark.parametrize("body, expected", [
    # the police or guards who guard a park are on duty, no crowd
    ("Сотрудники полиции охраняют сквер от вырубки деревьев.", False),
    ("Полицейские вторые сутки караулят сквер от вырубки.", False),
    # unchanged: residents who guard it from the saw are a protest
    ("Жители охраняют сквер от вырубки деревьев.", True),
])
def test_the_police_guarding_a_park_are_no_crowd(body, expected):
    assert triage.classify("Сквер в Алматы", body, None).is_assembly is expected


@pytest.mark.parametrize("title, body, expected", [
    # a foreign place named in a comparison does not put the event abroad
    ("Митинг шахтеров", "Шахтеры вышли на митинг у шахты, как и их коллеги в Москве. Шахта находится в Карагандинской "
                        "области.", True),
    ("Пикет у акимата", "Жители провели пикет у акимата, по примеру Бишкека. Они требуют снизить тарифы на воду в "
                        "Карагандинской области.", True),
    # unchanged: the event told abroad; a comparison that ends before the foreign place
    ("Митинг против свалки", "В Саратовской области прошел митинг против свалки.", False),
    ("Митинг против свалки", "Как и в прошлом году, в Москве прошел митинг против свалки.", False),
])
def test_a_foreign_place_in_a_comparison_is_not_where_the_event_is(title, body, expected):
    assert triage.classify(title, body, None).is_assembly is expected


@pytest.mark.parametrize("body, expected", [
    # the holding told is this one; it happened before too
    ("Жители Уральска, как и в прошлом году, вышли на митинг против свалки.", True),
    ("Жители Уральска вышли на митинг против свалки, как и год назад.", True),
    ("Как и месяц назад, рабочие Жанаозена вышли на площадь.", True),
    ("Жители Уральска, как и их соседи год назад, вышли на митинг против свалки.", True),
    ("Рабочие Жанаозена вышли на площадь, как и их отцы прошлого года.", True),
    # unchanged: the holding told is the other time's
    ("В прошлом году жители Уральска вышли на митинг против свалки.", False),
    ("Год назад рабочие Жанаозена вышли на площадь.", False),
])
def test_a_comparison_with_another_time_is_not_background(body, expected):
    assert triage.classify("Митинг против свалки", body, None).is_assembly is expected
