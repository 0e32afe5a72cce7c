"""Words monitors type where a count or a yes/no belongs: "нет", "-", "не было" (none?) and "н/д", "?", "неизвестно"
(not known) are refused saying which to write (0, or the cell left empty: an empty count is not known, 0 is none,
and the difference is kept); the field's own noun after a count is its unit ("50 участников", "5 задержанных");
"> 50" is an approximate number. Both validation paths (record by record and by column) give the same."""
from __future__ import annotations

import pytest

from tests.test_validation_values import card, rows, validate  # noqa: F401 (validate: the fixture of both paths)

NONE = "'Задержано человек' (detained): '{}' is not a number: write 0 when there were none, or leave the cell empty when it is not known"
UNKNOWN = "'{}' ({}): '{}' says it is not known: leave the cell empty when it is not known"


@pytest.mark.parametrize("typed", ["нет", "Нет", "не было", "никого", "-", "—", "жоқ"])
def test_a_word_for_none_in_a_count_says_write_0_or_leave_it_empty(validate, typed):
    assert rows(validate(card(detained=typed))) == [(2, "card", "2017-V-1", "detained", typed, "type:int", NONE.format(typed))]


@pytest.mark.parametrize("field,label,typed", [("detained", "Задержано человек", "н/д"), ("detained", "Задержано человек", "?"),
                                               ("police_count", "Количество полицейских", "неизвестно"),
                                               ("police_present", "Присутствие полиции", "нет данных"),
                                               ("police_present", "Присутствие полиции", "белгісіз")])
def test_a_word_for_not_known_says_leave_it_empty(validate, field, label, typed):
    [row] = rows(validate(card(**{field: typed})))
    assert row[3:] == (field, typed, row[5], UNKNOWN.format(label, field, typed))


@pytest.mark.parametrize("field,typed,value", [("participants", "50 участников", 50), ("participants", "1 участник", 1),
                                               ("detained", "5 задержанных", 5)])
def test_the_field_s_own_noun_is_its_unit(validate, field, typed, value):
    res = validate(card(**{field: typed}))
    assert rows(res) == []
    assert res.cards[field].to_list() == [value]


@pytest.mark.parametrize("typed", [">50", "> 50", "≥50", "<= 50"])
def test_a_comparison_is_an_approximate_number(validate, typed):
    [row] = rows(validate(card(participants=typed)))
    assert "is an approximate number or a range, not one whole number" in row[6]


def test_no_stays_no_in_a_yes_no_field(validate):
    res = validate(card(police_present="нет", police_count=None))
    assert rows(res) == [] and res.cards["police_present"].to_list() == [False]
