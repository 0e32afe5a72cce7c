"""A card's city as monitors type it: with "город"/"қаласы", a space or a dash for the hyphen, the hyphen that older
spellings put inside a name ("Кызыл-Орда", "Жана-Озен"); a misspelt city is refused, never guessed, and the message
names the nearest city of the gazetteer. Both validation paths (record by record and by column) give the same."""
from __future__ import annotations

import pytest

from schemas import gazetteer
from tests.test_validation_values import card, rows, validate  # noqa: F401 (validate: the fixture of both paths)


@pytest.mark.parametrize("typed,key", [
    ("Усть Каменогорск", "ust-kamenogorsk"), ("Усть–Каменогорск", "ust-kamenogorsk"), ("усть-каменогорск", "ust-kamenogorsk"),
    ("Кызыл-Орда", "kyzylorda"), ("Жана-Озен", "zhanaozen"), ("Нур Султан", "astana"), ("город Алматы", "almaty"),
    ("Алматы қаласы", "almaty"), ("Almaty city", "almaty"), ("г. Шымкент", "shymkent"), ("  АЛМАТЫ ", "almaty"),
])
def test_a_city_typed_with_its_words_spaces_or_dashes_is_read(typed, key):
    assert gazetteer.lookup(typed) == key


@pytest.mark.parametrize("typed", ["Алмата", "Шимкент", "Актюбинкс", "Москва", "Ак", "Алматинская область", "город", ""])
def test_a_misspelt_or_foreign_city_is_not_read(typed):
    assert gazetteer.lookup(typed) is None


def test_no_two_cities_share_a_spelling():
    seen: dict[str, str] = {}
    for key, c in gazetteer.cities().items():
        for name in (key, c["ru"], c["kk"], c["en"], *c.get("other", []), *c.get("forms", [])):
            assert seen.setdefault(gazetteer._norm(name), key) == key, name


@pytest.mark.parametrize("typed,suggested", [("Алмата", "Алматы (almaty)"), ("Шимкент", "Шымкент (shymkent)"),
                                             ("Актюбинкс", "Актобе (aktobe)")])
def test_the_refusal_names_the_nearest_city(validate, typed, suggested):
    [row] = rows(validate(card(city=typed)))
    assert row[3] == "city" and row[4] == typed
    assert row[6] == (f"'Город' (city): '{typed}' is not a city of the gazetteer (config/gazetteer.yaml); did you mean "
                      f"{suggested}? write it so, or add the city to the gazetteer")


def test_a_city_near_none_says_how_to_write_one(validate):
    [row] = rows(validate(card(city="Москва")))
    assert row[6].endswith("write the city as Алматы, Астана, Шымкент, ... or add it to the gazetteer")
