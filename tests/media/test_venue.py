"""The place where people gathered (assets/media/venue.py, issue 16 item 2: "the place where people gathered"): the
phrase ends before the count of people and never on a preposition or an approximation (session 36). The sentences are
written here, not copied from an article."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings, strategies as st

from assets.media import extract, venue
from tests.conftest import examples


@pytest.mark.parametrize("text, place", [
    ("Вчера у здания акимата Актобе около 200 жителей провели митинг против роста цен.", "у здания акимата Актобе"),
    ("На площади Республики более сотни человек вышли на митинг в поддержку учителей.", "На площади Республики"),
    ("Возле памятника Абаю порядка 50 пенсионеров провели пикет, требуя повысить пенсии.", "Возле памятника Абаю"),
    ("У входа в сельский акимат – до трех десятков человек, они требуют воды.", "У входа в сельский акимат"),
    ("У здания суда несколько десятков родственников осуждённых провели пикет.", "У здания суда"),
    ("В Уральске у здания облакимата двое активистов провели пикет против застройки сквера.", "у здания облакимата"),
    # a name's own words stay: a capital numeral
    ("У памятника Двум солдатам собрались ветераны, требуя остановить снос.", "У памятника Двум солдатам"),
    ("Жители собрались на площади \"Астана\" под окнами акимата, требуя ремонта.",
     "на площади \"Астана\" под окнами акимата"),
])
def test_the_place_ends_before_the_count(text, place):
    (ev,) = extract.extract("Митинг", text, published=dt.date(2024, 5, 2))
    assert ev.place == place


@pytest.mark.parametrize("phrase, place", [
    ('на площади "Астана" под', 'на площади "Астана"'),    # the closing quote of a name is kept
    ("на площади «Ынтымак» в", "на площади «Ынтымак»"),
    ("у памятника Кадыру Мырза Али", "у памятника Кадыру Мырза Али"),  # "Али", a name, not the conjunction
    ("у входа на", "у входа"),
])
def test_trim_place_keeps_names_and_drops_a_dangling_word(phrase, place):
    assert venue.trim_place(phrase) == place


TAILS = ["около", "более", "порядка", "свыше", "почти", "примерно", "до", "в", "на", "с", "под", "для", "и",
         "около 200", "более сотни людей", "порядка 50", "несколько сотен человек", "двое активистов", "сотни людей",
         "до трех десятков"]
PLACES = ["у здания акимата", "на площади Абая", "возле памятника Абаю", "у входа в здание суда",
          "на площади перед областным акиматом", "у стен офиса компании"]


@settings(max_examples=examples(100, 1000), deadline=None)
@given(st.sampled_from(PLACES), st.lists(st.sampled_from(TAILS), min_size=1, max_size=3))
def test_no_place_ends_on_a_preposition_an_approximation_or_a_count(place, tail):
    """Any place followed by any run of prepositions, approximations and counts of people is that place."""
    assert venue.trim_place(f"{place} {' '.join(tail)}") == place
