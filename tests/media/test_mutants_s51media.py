"""Session 51: cases for the hand mutants of session 50's city and triage classes that its helpers' own tests let live
(scripts/mutate_by_hand_s51media.py; docs/testing.md, "Session 51 — session 50's city and triage classes"). Hand-written
sentences; the headline is neutral, so that the sentence under test decides."""
from __future__ import annotations

import datetime as dt

import pytest

from assets.media import triage
from tests.media.first_event import event


def _assembly(title: str, body: str, published: dt.date | None = None) -> bool:
    return triage.classify(title, body, published).is_assembly


# -- where a wave began counts as an origin only when the protest spread to other places: else it is the place, over the
# agency's dateline or a city named further on ------------------------------------------------------------------------
@pytest.mark.parametrize("title, text, expected", [
    ("Митинг продолжается", "АСТАНА, 5 января – Sputnik. Начавшийся в Уральске утром митинг продолжается: у акимата стоят "
     "около ста человек.", "uralsk"),
    ("Митинг продолжается", "Начавшийся в Уральске утром митинг продолжается: у акимата стоят около ста человек. Об этом "
     "сообщили в полиции Астаны.", "uralsk"),
    # (the spread: the origin is set aside, the place is where these people stand)
    ("Протесты ширятся", "Начавшиеся в Жанаозене протесты перекинулись на другие регионы: в Актобе у акимата собрались "
     "сотни человек.", "aktobe"),
])
def test_where_a_protest_began_is_its_place_unless_it_spread(title, text, expected):
    assert event(title, text, dt.date(2022, 1, 5)).city == expected


# -- an agency's dateline joined to the event sentence is the bureau's city, never the place, even where the headline's
# city turns out to be its region's name (session 51 removed that last resort) -------------------------------------------
@pytest.mark.parametrize("title, text, expected", [
    ("Туркестан: протест у стадиона", "Болельщики в Туркестанской области собрались у стадиона ШЫМКЕНТ, 19 июня – Sputnik.",
     None),
    ("Шымкентте жанкүйерлер наразы", "Жанкүйерлер стадион алдына жиналды НҰР-СҰЛТАН, 19 маусым – Sputnik.", "shymkent"),
])
def test_the_bureaus_city_is_not_the_place(title, text, expected):
    assert event(title, text, dt.date(2021, 6, 19)).city == expected


# -- a part of a year or a month: the month before publication is still this time; "сейчас" brings it to the present ----
@pytest.mark.parametrize("title, body, published", [
    ("Новости района", "В конце июня жители поселка вышли на митинг у акимата, требуя провести воду.", dt.date(2023, 7, 10)),
    ("Новости района", "В середине декабря рабочие вышли на забастовку у проходной рудника, требуя повысить зарплату.",
     dt.date(2024, 1, 8)),
    ("Новости района", "Сейчас, в конце мая, матери проводят голодовку у здания акимата, требуя жилья.", None),
])
def test_the_month_before_publication_and_the_present_stay_this_time(title, body, published):
    assert _assembly(title, body, published)


@pytest.mark.parametrize("title, body, published", [
    ("Новости района", "В конце мая жители поселка вышли на митинг у акимата, требуя провести воду.", dt.date(2023, 7, 10)),
    ("Новости района", "В конце мая матери провели голодовку у здания акимата, требуя жилья.", None),
])
def test_two_months_back_or_no_publication_date_is_history(title, body, published):
    assert not _assembly(title, body, published)


# -- a summons is a court's matter only where the police, a court or a summons is named ----------------------------------
@pytest.mark.parametrize("title, body", [
    ("Новости района", "У акимата прошел митинг жителей против закрытия школы, ведущий вызывал участников к микрофону по "
     "очереди."),
    ("Новости района", "Жители села вышли на митинг у акимата, организаторы вызвали активистов выступить первыми."),
])
def test_a_call_without_police_or_summons_is_no_court_matter(title, body):
    assert _assembly(title, body)


# -- a crowd that protests: the finite verb, in the plural or agreeing with the numeral in the singular; not a participle
# of an earlier crowd, even without its commas -------------------------------------------------------------------------
@pytest.mark.parametrize("title, body", [
    ("Ответ акимата", "Около 200 жителей, протестовавших против стройки, получили ответ акимата."),
    ("Ответ акимата", "Около 200 жителей протестовавших против стройки получили ответ акимата."),
])
def test_a_participle_of_an_earlier_crowd_is_no_cue(title, body):
    assert not _assembly(title, body)


@pytest.mark.parametrize("title, body", [
    ("Новости района", "Около 200 жителей протестовали против стройки у здания акимата."),
    ("Новости района", "Около 200 человек протестовало против стройки у здания акимата."),  # new in session 51
    ("Новости района", "Около 200 человек протестовало против вырубки сквера."),  # new in session 51
    ("Новости района", "Более 300 человек протестует против вырубки сквера в центре города."),  # new in session 51
    ("Новости района", "Около 200 жителей протестует против вырубки сквера."),  # new in session 51
])
def test_a_crowd_that_protests_is_an_assembly(title, body):
    assert _assembly(title, body)
