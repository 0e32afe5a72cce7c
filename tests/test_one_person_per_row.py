"""A person's name cell that holds several persons is refused, row and field named: each person is a row of their own
(a pseudonym, a detention and a court outcome of their own; `distinct_detained` counts pseudonyms). One person's name
written surname first with a comma, or with a note after a comma, stays one person. Both validation paths alike."""
from __future__ import annotations

import pytest

from tests.test_validation_values import PERSON, card, rows, validate  # noqa: F401 (validate: the fixture of both paths)


@pytest.mark.parametrize("name", ["Иванов И.И., Петров П.П.", "Иванов И.И.,Петров П.П.", "И. Иванов, П. Петров",
                                  "Иванов Иван; Петров Пётр", "Иванов Иван и Петров Пётр", "Смит Джон, Доу Джейн",
                                  "Ахметов Нурлан мен Сейітов Бақыт"])
def test_a_cell_of_several_persons_is_refused(validate, name):
    res = validate(card(), ("person", {**PERSON, "name": name}))
    assert rows(res) == [(3, "person", "2017-V-1", "name", name, "one_person_per_row",
                          f"the name '{name}' holds more than one person: write one person per row, each with a "
                          "person_id of their own (their detention and court outcome are theirs)")]
    assert res.persons.height == 0


@pytest.mark.parametrize("name", ["Иванов Иван Иванович", "Ли, Жанна", "Ли Ж. А.", "Иванова Анна, 1980 г.р.",
                                  "Иванов Иван, студент КазНУ", "Нурланов А.", "Жанна Ли"])
def test_one_person_stays_one(validate, name):
    res = validate(card(), ("person", {**PERSON, "name": name}))
    assert rows(res) == [] and res.persons["name"].to_list() == [name]
