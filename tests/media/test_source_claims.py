"""Two counts of one gathering in one article (assets/media/source_claims.py; issue 16, item 3: "when sources disagree,
every claim is kept side by side; the card's low/best/high spans them"). Session 36: the report's own figure, then a
named side's in the next sentence, is two claims too. The sentences are written here, not copied from an article."""
from __future__ import annotations

import datetime as dt

import pytest

from assets.media import extract

PUBLISHED = dt.date(2024, 1, 10)


def _span(text: str) -> tuple:
    (ev,) = extract.extract("Митинг в Костанае", text, published=PUBLISHED)
    return ev.participants_low, ev.participants_high, ev.evidence["participants"]


@pytest.mark.parametrize("text, low_at_most, high_at_least", [
    ("Вчера в Костанае прошёл митинг, в котором приняли участие порядка 300 человек. Организаторы говорят о 500 "
     "участниках.", 300, 500),
    ("Вчера в Костанае около 300 человек вышли на митинг. По словам организаторов, пришли около 500 человек.", 300, 500),
    ("Вчера в Костанае около 300 человек вышли на митинг. По данным полиции, участников было около 150.", 150, 300),
    ("Вчера в Костанае около 400 человек вышли на митинг. В акимате сообщили о 120 участниках.", 120, 400),
])
def test_the_reports_figure_and_a_sides_figure_are_both_kept(text, low_at_most, high_at_least):
    low, high, evidence = _span(text)
    assert low <= low_at_most and high >= high_at_least
    assert evidence == text  # both sentences are the evidence


@pytest.mark.parametrize("second", [
    "Организаторы планировали собрать 1000 человек.",              # a plan
    "Активисты заявили, что через неделю выйдут 1000 человек.",    # a promise
    "Полиция задержала 20 человек.",                               # the detained
    "В прошлом году, по словам организаторов, пришли 2000 человек.",  # another year's crowd
])
def test_no_second_claim_from_a_plan_a_promise_the_detained_or_another_year(second):
    low, high, _ = _span(f"Вчера в Костанае около 300 человек вышли на митинг. {second}")
    assert (low, high) == (270, 330)


@pytest.mark.parametrize("second", [
    "Митинг продолжался два часа, в нём участвовали 40 пенсионеров.",           # no side named
    "Организаторы говорят, что к вечеру на площади оставались 40 человек.",     # the same side again
])
def test_a_sides_figure_then_another_is_not_the_report_against_a_side(second):
    """Only the report's own figure followed by a side's is read as two claims (two sides in the count's sentence
    are the older rule, the organisers against the police): a side's figure followed by an unattributed one, or by
    the same side's, stays one claim."""
    low, high, _ = _span(f"По словам организаторов, вчера в Костанае на митинг вышли около 300 человек. {second}")
    assert (low, high) == (270, 330)

