"""The typed frames a validation finds nothing in skip pandera (assets/validate/rules.passes_every_check):
one polars pass says "every check passes" only when pandera's own validation would find nothing, and a frame
it is not sure of goes to pandera, whose failure cases make the quarantine rows (tests/test_validation_values.py
holds those by value; a fast path that passed a failing frame would lose them there)."""
from __future__ import annotations

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from pandera.errors import SchemaErrors

from assets.core import periods
from assets.validate import rules
from assets.validate import validate as V
from tests.conftest import examples
from tests.test_validation_values import NO_FILES, card, raw
from tests.test_validate_parts import _good
from tests.test_vectorised import _raw, _record, periods_of_cards


def _pandera_passes(df: pl.DataFrame, kind: str, period) -> bool:
    schema = rules.card_schema(period) if kind == "card" else rules.person_schema()
    try:
        schema.validate(df, lazy=True)
        return True
    except SchemaErrors:
        return False


def _frames_seen(monkeypatch) -> list:
    seen = []
    fast = rules.passes_every_check

    def spy(df, kind, period):
        seen.append((df, kind, period, fast(df, kind, period)))
        return seen[-1][-1]
    monkeypatch.setattr(rules, "passes_every_check", spy)
    return seen


@st.composite
def periods_good_or_not(draw):
    """test_vectorised's periods (nearly every card has a mistake), or clean cards with at most one generated
    record among them (so that card frames pass too)."""
    cards, persons, elsewhere, incumbents = draw(periods_of_cards())
    if draw(st.booleans()):
        clean = [_good(draw, n) for n in range(draw(st.integers(1, 4)))]
        cards = clean + cards[:draw(st.integers(0, 1))]
    return cards, persons, elsewhere, incumbents


@settings(max_examples=examples(10, 300), deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(periods_good_or_not())
def test_the_fast_answer_is_pandera_s_answer(monkeypatch, case):
    """Generated periods (every field good, bad, empty or of another type; duplicate ids; persons of no card):
    for every typed frame validated, both validations, the fast pass says "passes" exactly when pandera does."""
    cards, persons, elsewhere, incumbents = case
    with monkeypatch.context() as mp:
        seen = _frames_seen(mp)
        for fn in (V.validate_period, V.validate_period_by_record):
            fn(periods.get("2017"), _raw(cards, persons), NO_FILES, elsewhere, incumbents)
    assert len(seen) == 4
    for df, kind, period, fast in seen:
        assert fast == _pandera_passes(df, kind, period), (kind, df.to_dicts())


@pytest.mark.parametrize("change, passes", [
    ({}, True),
    ({"participants": "0", "police_count": "0"}, True),  # the bounds themselves
    ({"date": "2017-01-01"}, True),
    ({"date": "2017-12-31"}, True),
    ({"participants": "-1"}, False),
    ({"date": "2016-12-31"}, False),  # outside the period
    ({"date": "2018-01-01"}, False),
    ({"form": "parade"}, False),  # not a code
    ({"city": ""}, False),  # required
    ({"police_present": "нет"}, False),  # a cross-field rule (police counted, not present)
])
def test_a_good_frame_skips_pandera_and_a_bad_one_gets_it(monkeypatch, change, passes):
    """On each bound, both sides: the fast pass and pandera itself (asked here directly, so that a check changed on
    pandera's side alone, which the fast pass would hide on a good frame, is seen) give the same answer."""
    seen = _frames_seen(monkeypatch)
    calls = []
    validate = rules.pa.DataFrameSchema.validate
    monkeypatch.setattr(rules.pa.DataFrameSchema, "validate", lambda self, *a, **k: calls.append(self.name) or validate(self, *a, **k))
    res = V.validate_period(periods.get("2017"), raw(card(**change)), NO_FILES)
    assert (res.quarantine.height == 0) is passes
    assert calls == ([] if passes else ["card"])  # the empty persons frame passes without pandera
    assert [(kind, fast) for _, kind, _, fast in seen] == [("card", passes), ("person", True)]
    assert [_pandera_passes(df, kind, period) for df, kind, period, _ in seen] == [passes, True]


def test_a_frame_lacking_a_column_or_with_another_dtype_goes_to_pandera():
    typed = V.validate_period(periods.get("2017"), raw(card()), NO_FILES).cards
    frame = typed.with_columns(pl.lit(None, dtype=pl.Utf8).alias("_kept_at"))
    assert rules.passes_every_check(frame, "card", periods.get("2017"))
    assert not rules.passes_every_check(frame.drop("city"), "card", periods.get("2017"))
    assert not rules.passes_every_check(frame.with_columns(pl.col("participants").cast(pl.Int32)), "card", periods.get("2017"))
    assert not rules.passes_every_check(frame.drop("_kept_at"), "card", periods.get("2017"))  # a rule's column
