"""Session 46: the detained named in a list (assets/media/detention_counts.py, `enumerated_detainees`).
"Полиция задержала Ерлана Калиева и журналиста Петрова" gave 1: a role and a surname alone ("журналиста Петрова")
was not a named person, and the rule for an apposition ("Ерлана Калиева, организатора пикета" — who the named one
is) took it for the first man's description even after "и". Surnames alone ("Калиева и Петрова") named nobody.
Now a role and a surname is a person, a list of surnames counts each, and an apposition follows a comma only.
No part of tests/media/real/ moved (every part, rules alone, forced)."""
from __future__ import annotations

import pytest

from assets.media.detention_counts import _list_items, _role_and_surname, _surname, enumerated_detainees
from tests.media.first_event import detained_after_gathering


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
