"""Session 47's class, found by the mutation run of the extraction files (docs/testing.md, "Session 47"): a vague
count in the event sentence ("десятки человек") and an earlier assembly's figure told after it. Its decision was
written before any part was scored (ship iff no field of any of the 33 parts falls; every part read identically)."""
from __future__ import annotations

from tests.media.first_event import count

VAGUE = "Сегодня у акимата Алматы собрались десятки человек. Они стоят с плакатами. "


def test_an_earlier_assemblys_figure_after_a_vague_count_is_not_todays():
    """"В минувшие выходные прошел митинг у парламента. Акция собрала около 300 человек." is last weekend's rally and
    its crowd: today's count stays "десятки" (20–90, about 40). Before, the later figure was read with the event
    sentence left out, so no sentence was today's and none was set aside: 300."""
    assert count("Акция у акимата", VAGUE + "В минувшие выходные прошел митинг у парламента. "
                 "Акция собрала около 300 человек.") == (20, 40, 90)


def test_a_later_figure_of_todays_gathering_still_states_its_count():
    """The same vague start with a later figure of today's gathering: the figure is the best, the range spans both
    (session 23's class, unchanged)."""
    assert count("Акция у акимата", VAGUE + "Позже к ним присоединились ещё люди, всего собралось около 300 "
                 "человек.") == (20, 300, 330)
