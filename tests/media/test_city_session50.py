"""Session 50: the event's city, classes found on the opened half of the holdout (assets/media/event_city.py,
places.py). Hand-written sentences; each class has cases that failed before its rule and traps that keep passing."""
from __future__ import annotations

import datetime as dt

import pytest

from tests.media.first_event import event

PUB = dt.date(2022, 1, 10)


def city(title: str, text: str) -> str | None:
    return event(title, text, PUB).city


# -- 1. an agency's dateline in mixed case inside the event sentence: the bureau's city, not the place ----------------
@pytest.mark.parametrize("title, text, expected", [
    ("Хроника протеста", "Сводка дня Астана, 21 мая 2016, 13:59 — ИА Степь Рано утром полицейские Алма-Аты оцепили "
     "центральную площадь, где собирались митингующие.", "almaty"),
    ("Хроника протеста", "Обзор событий Алматы, 5 июня 2020, 10:15 — Агентство Новости В Шымкенте у здания акимата "
     "собрались около сорока митингующих.", "shymkent"),
    ("Хроника протеста", "Обзор Шымкент, 12 октября 2019 г. — Информбюро Вчера в Таразе у акимата прошел митинг "
     "пенсионеров.", "taraz"),
    # traps: the dateline's city alone is still the city; the place named first keeps winning
    ("Хроника протеста", "Уральск, 12 октября — У здания акимата собрались около тридцати человек.", "uralsk"),
    ("Хроника протеста", "Сегодня в Актобе у акимата собрались около тридцати митингующих, приехавших из Атырау.",
     "aktobe"),
])
def test_an_agency_dateline_is_not_the_place(title, text, expected):
    assert city(title, text) == expected
