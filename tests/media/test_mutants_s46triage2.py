"""Survivors of the session 46 triage batch killed after its merge (docs/testing.md, "Session 46 — the triage
files in the mutation run"): the future tense of holding ("выйдут на митинг") is a plan unless the verb continues
what is under way ("продолжат голодовку"), and protesters named as the subject "act" only with a verb in the past
or present ("Голодающие ждут президента"), never with one in the future. Each expected value is read off the
sentence's tense."""
from __future__ import annotations

import pytest

from assets.media import triage
from assets.media.text import sentences
from assets.media.triage_sentence import judge_sentence


@pytest.mark.parametrize("body, expected", [
    ("Рабочие выйдут на митинг у акимата Уральска.", False),  # a plan: the future of a holding
    ("Жители устроят пикет у акимата Уральска.", False),
    ("Рабочие продолжат голодовку у акимата Уральска.", True),  # the future of going on: under way
])
def test_the_future_of_a_holding_is_a_plan_unless_it_goes_on(body, expected):
    assert triage.classify("", body, None).is_assembly is expected


@pytest.mark.parametrize("text, acting", [
    ("Голодающие ждут президента у акимата.", True),  # present
    ("Протестующие пытались снести памятник.", True),  # past
    ("Митингующие завтра встретятся с акимом.", False),  # future: not what they do
    ("Протестующие будут ждать президента.", False),
])
def test_protesters_act_only_in_the_past_or_present(text, acting):
    (s,) = sentences(text)
    assert ("protesters acting" in judge_sentence(s).reasons) is acting


@pytest.mark.parametrize("body", [
    "Белсенділер Алматыда Жаңаөзен оқиғасының құрбандарын еске алып, ескерткішке гүл қойды.",
    "Алматыда бір топ белсенді Жаңаөзен құрбандарын еске алды.",
])
def test_kazakh_activists_commemorating_are_a_gathering(body):
    """(triage_sentence.py:577) Activists who remember the dead or lay flowers, told in Kazakh, gather: the cue alone
    (no night at a building, no square) is enough."""
    (s,) = sentences(body)
    assert "kk gathering+demand" in judge_sentence(s).reasons
    assert triage.classify("Белсенділер Жаңаөзен құрбандарын еске алды", body, None).is_assembly
