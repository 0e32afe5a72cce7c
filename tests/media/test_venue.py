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
    # what people came with or for is not the place
    ("у здания акимата с плакатами «Верните воду»", "у здания акимата"),
    ("к посольству с самодельным баннером", "к посольству"),
    ("в акимат с просьбой о встрече", "в акимат"),
    ("в прокуратуру области для выяснения обстоятельств", "в прокуратуру области"),
    ("рядом с акиматом", "рядом с акиматом"),                 # "с" of the place itself stays
    ("у здания с колоннами", "у здания с колоннами"),
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


# -- a road between two cities is no city where people stood (places.hit_role; session 36) -------------------------

@pytest.mark.parametrize("text", [
    "Кеше Жаңаөзен – Ақтау тас жолында 200-ге жуық мұнайшы жолды жауып, жалақыны көтеруді талап етті.",
    "Бүгін Қарағанды – Теміртау күре жолында 50-ге жуық жүргізуші жолды жауып тастады.",
    "Вчера на участке Жанаозен – Актау трассы около 200 нефтяников перекрыли движение.",
])
def test_the_second_city_of_a_road_named_before_the_road_word_is_no_place(text):
    from assets.media import places

    roles = [places.hit_role(text, h) for h in places.find_cities(text)]
    assert len(roles) == 2 and "place" not in roles


def test_a_road_block_on_a_road_between_two_cities_keeps_its_count():
    """The headline's city is where it happened; the road's second city does not make the count another city's."""
    (ev,) = extract.extract("Жаңаөзенде жұмысшылар жолды жауып тастады",
                            "Кеше Жаңаөзен – Ақтау тас жолында 200-ге жуық мұнайшы жолды жауып, жалақыны көтеруді "
                            "талап етті. Наразылық үш сағатқа созылды. Полиция ешкімді ұстаған жоқ.",
                            published=dt.date(2024, 5, 8))
    assert (ev.city, ev.form, ev.participants, ev.date) == ("zhanaozen", "road_block", 200, dt.date(2024, 5, 7))
    assert ev.participants_low < 200 < ev.participants_high  # "200-ге жуық": about 200


def test_a_city_before_a_dash_alone_is_still_a_place():
    from assets.media import places

    text = "Жители Актау вышли на митинг – Актау требует воды."
    assert "place" in [places.hit_role(text, h) for h in places.find_cities(text)]
    text = "В Актау трассу на аэропорт перекрыли около 50 жителей."  # a road word after a city, no dash: the city
    assert [places.hit_role(text, h) for h in places.find_cities(text)] == ["place"]
