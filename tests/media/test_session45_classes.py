"""Session 45: the city people support and the city where they gathered, in one phrase (assets/media/event_city.py,
`supported`). The mutation helper's hand-written sentence "В поддержку бастующих в Жанаозене нефтяников в Актобе
прошел митинг" gave Zhanaozen: the supported phrase's window covered Aktobe too. Only the first city of that phrase,
and the cities listed with it, are supported. No part of tests/media/real/ moved (every part, rules alone, forced)."""
from __future__ import annotations

import datetime as dt

import pytest

from tests.media.first_event import detained, event

PUBLISHED = dt.date(2011, 12, 10)


def city(text: str) -> str | None:
    return event("Новости", text, PUBLISHED).city


@pytest.mark.parametrize("text, expected", [
    # the second city, after the supported one, is where the rally was
    ("В поддержку бастующих в Жанаозене нефтяников в Актобе прошел митинг.", "aktobe"),
    ("В знак солидарности с бастующими нефтяниками Жанаозена в Уральске прошёл пикет.", "uralsk"),
    # a list of supported cities ("и", a comma, "а также") and then the place: the place
    ("В поддержку жителей Жанаозена и Актау в Уральске прошёл пикет.", "uralsk"),
    ("В поддержку нефтяников Жанаозена, Актау в Атырау прошёл митинг.", "atyrau"),
    ("В поддержку рабочих Жанаозена, а также Актау в Шымкенте прошёл пикет.", "shymkent"),
    # unchanged: the gathering's city before the support; the supported city alone
    ("Жители Уральска вышли на митинг в поддержку нефтяников Жанаозена.", "uralsk"),
    ("Жители собрались у областного акимата, чтобы поддержать акции протеста, которые начались 2 января в Жанаозене.",
     None),
])
def test_the_supported_city_is_not_the_place(text, expected):
    assert city(text) == expected



@pytest.mark.parametrize("sentence, expected", [
    # a list of single persons joined by commas and "и": each one counted (the optional adjective slot took
    # "студентку" as an adjective of "и" and the count stopped at 1)
    ("Полиция задержала пенсионера, студентку и журналиста.", 3),
    ("Полиция задержала пенсионера, студентку, журналиста и блогера.", 4),
    ("Полиция задержала пенсионера, молодую студентку и журналиста.", 3),
    # unchanged: two joined by "и", an adjective before the second, a clause after the comma
    ("Полиция задержала мужчину и женщину.", 2),
    ("Полиция задержала мужчину и молодую женщину.", 2),
    ("Полиция задержала активиста, а остальные разошлись.", 1),
])
def test_each_single_person_of_a_list_is_one_detained(sentence, expected):
    assert detained("Пикет в Алматы", "Около 20 человек вышли на пикет у акимата Алматы. " + sentence, PUBLISHED) == expected
