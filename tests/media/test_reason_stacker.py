"""The rules' reasons as a stacker's inputs (assets/media/reason_stacker.py, issue 16, session 42)."""
from __future__ import annotations

import json

import pytest
from sklearn.linear_model import LogisticRegression

from assets.media import learned_backtest as backtest
from assets.media import reason_stacker as rs


def test_the_reasons_file_is_the_blind_verdicts_articles_and_quotes_no_text():
    reasons = json.loads(rs.REASONS_FILE.read_text(encoding="utf-8"))
    verdicts = json.loads(backtest.BLIND_FILE.read_text(encoding="utf-8"))
    assert list(reasons) == list(verdicts)
    for part, d in reasons.items():
        assert d["commit"] == verdicts[part]["commit"], part
        assert set(d["reasons"]) == set(verdicts[part]["verdicts"]), part
        for url, kinds in d["reasons"].items():
            assert all("«" not in k and "»" not in k for k in kinds), (part, url)
    # a verdict of "assembly" always comes with the sentence that told it
    counted = [any(k.startswith("sentence") and ":" in k for k in reasons[p]["reasons"][u])
               for p in verdicts for u, (said, _) in verdicts[p]["verdicts"].items() if said]
    assert counted and all(counted)


def test_kind_drops_the_quoted_sentence_and_keeps_the_rest():
    assert rs.kind("sentence 3: gathering «Люди собрались\nу акимата.»") == "sentence 3: gathering"
    assert rs.kind("sentence 6 not counted (planned) «Митинг пройдет 13 сентября.»") == \
        "sentence 6 not counted (planned)"
    assert rs.kind("the event is abroad (no city of Kazakhstan named)") == \
        "the event is abroad (no city of Kazakhstan named)"
    assert rs.kind("no form of assembly mentioned") == "no form of assembly mentioned"


def _named(reasons, said=False, quick=True, p=0.5):
    f = rs.features(said, quick, p, reasons)
    n = 9  # verdict, quick, log-odds, counted, not counted, first 0, first <= 1, first / 10, no reason
    names = ([f"article:{a}" for a in rs.ARTICLE] + [f"not:{k}" for k in rs.NOT_COUNTED]
             + [f"counted:{k}" for k in rs.COUNTED])
    assert len(f) == n + len(names)
    return f[:n], dict(zip(names, f[n:]))


def test_features_read_the_kinds_of_reasons():
    head, named = _named(["sentence 1: gathering+protest", "sentence 4: kk form+verb",
                          "sentence 6 not counted (background, planned)",
                          "the event is abroad (no city of Kazakhstan named)"], said=True)
    assert head[0] == 1.0 and head[1] == 1.0 and head[2] == 0.0  # p 0.5: log-odds 0
    assert head[3] == pytest.approx(1.0986, abs=1e-3) and head[4] == pytest.approx(0.6931, abs=1e-3)
    assert head[5:9] == [0.0, 1.0, 0.1, 0.0]  # the first counted sentence is the lead's first
    assert named["article:abroad"] == 1.0 and named["article:no form of assembly"] == 0.0
    assert named["not:background"] == 1.0 and named["not:planned"] == 1.0 and named["not:court"] == 0.0
    assert named["counted:gathering"] == 1.0 and named["counted:gathering+protest"] == 1.0
    assert named["counted:kk"] == 1.0 and named["counted:form+verb"] == 1.0
    assert named["counted:road block"] == 0.0 and named["counted:placards"] == 0.0
    # a kind named in the quoted place of another reason does not count: "planned" only inside "not counted (...)"
    _, named = _named(["sentence 0: form+verb", "title is about: planned"])
    assert named["not:planned"] == 0.0 and named["article:title is about"] == 1.0


def test_no_reason_and_no_quick_pass():
    head, named = _named([], quick=False, p=0.99)
    assert head[1] == 0.0 and head[2] == 0.0  # the step did not read it: its log-odds count for nothing
    assert head[3:9] == [0.0, 0.0, 0.0, 0.0, 1.5, 1.0]
    assert not any(named.values())
    assert rs.features(True, True, 0.9, ["sentence 0: gathering"], with_reasons=False) == \
        pytest.approx([1.0, 1.0, 2.1972], abs=1e-3)


def test_the_stacker_learns_from_the_reasons_what_the_verdict_and_the_step_do_not_tell():
    # three parts; the rules said assembly, the step is unsure, and only the reason tells: abroad means no event
    rows_with, rows_without = {}, {}
    for part in ("a", "b", "c"):
        rows_with[part], rows_without[part] = [], []
        for i in range(40):
            abroad = i % 2 == 0
            reasons = ["sentence 0: form+verb"] + (["the event is abroad (no city of Kazakhstan named)"] if abroad else [])
            url = f"{part}{i}"
            rows_with[part].append((url, rs.features(True, True, 0.5, reasons), not abroad))
            rows_without[part].append((url, rs.features(True, True, 0.5, reasons, with_reasons=False), not abroad))
    make = lambda: LogisticRegression(C=1.0, max_iter=1000)  # noqa: E731
    got = backtest.lopo(rows_with, make)
    assert set(got) == {"a", "b", "c"} and all(len(v) == 40 for v in got.values())
    assert all((got[p][u] >= 0.5) == truth for p in rows_with for u, _, truth in rows_with[p])
    blind = backtest.lopo(rows_without, make)
    assert all(abs(blind[p][u] - 0.5) < 1e-6 for p in blind for u in blind[p])


def test_each_part_is_scored_by_a_model_that_never_saw_it():
    seen = []

    class Spy:
        def fit(self, X, y):
            seen.append(len(X))
            return self

        def predict_proba(self, X):
            import numpy as np
            return np.array([[0.5, 0.5]] * len(X))

    rows = {"a": [("a1", [0.0], True)] * 3, "b": [("b1", [1.0], False)] * 5, "c": [("c1", [1.0], True)] * 7}
    backtest.lopo(rows, Spy)
    assert seen == [12, 10, 8]


def test_a_reasons_file_of_an_unknown_part_is_refused(tmp_path):
    f = tmp_path / "r.json"
    f.write_text(json.dumps({"holdout": {"commit": "x", "added": "y", "reasons": {}}}), encoding="utf-8")
    with pytest.raises(ValueError, match="holdout"):
        rs.load_reasons(f)


def test_field_features_tell_what_the_forced_extraction_found():
    import datetime as dt
    from types import SimpleNamespace

    none = rs.field_features(None)
    assert none[0] == 1.0 and not any(none[1:]) and len(none) == 7 + len(rs.FORMS)
    ev = SimpleNamespace(city="almaty", date=dt.date(2022, 1, 5), participants=None, detained=0, form="road_block")
    f = rs.field_features(ev)
    assert f[:7] == [0.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0]  # no head count, "0 detained" is none
    assert [rs.FORMS[i] for i, x in enumerate(f[7:]) if x] == ["road_block"]
    ev = SimpleNamespace(city=None, date=None, participants=148, detained=3, form=None)
    f = rs.field_features(ev)
    assert f[:7] == pytest.approx([0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 1.0], abs=0.01) and not any(f[7:])
