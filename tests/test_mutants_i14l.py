"""Tests for the survivors of the validate area's sample of issue 14's automatic mutator (branch i14l:
`scripts/mutate.py --area validate --sample 0.1 --seed 31` on validate.py, coerce.py, columns.py, and `--seed 37` on
redaction.py), each on a tiny hand-made fixture with its expected values worked out by hand (docs/testing.md,
"Measured score", 2026-12-01, branch i14l).
"""
from __future__ import annotations

import polars as pl

from assets.validate import validate as V


# validate.py: a record whose values cannot be stored -------------------------------------------------------------

def test_a_record_that_cannot_be_stored_is_quarantined_with_the_first_200_characters_of_why(monkeypatch):
    # nothing foreseen makes a typed record unstorable, so the frame builder is made to refuse the record "bad" with a
    # message of 300 characters: the reason keeps its first 200, the record keeps its place as a row of nulls
    frame = V._frame

    def refusing(kind, rows):
        if any(r.get("card_id") == "bad" for r in rows):
            raise ValueError("x" * 300)
        return frame(kind, rows)

    monkeypatch.setattr(V, "_frame", refusing)
    problems: dict = {}
    good = {"card_id": "good", "_i": 0}
    out = V._safe_frame("card", [good, {"card_id": "bad", "_i": 1}], problems)
    assert out.select("card_id", "_i").rows() == [("good", 0), (None, 1)]
    assert list(problems) == [1] and len(problems[1]) == 1
    p = problems[1][0]
    assert (p.field, p.value, p.rule) == ("", "", "unstorable_record")
    assert p.reason == "the record's values cannot be stored (ValueError: " + "x" * 200 + ")"
