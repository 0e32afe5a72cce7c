"""assets/media/expect.py: what a new set of real articles of a given size should read and how far it may stray — the
parts' spread measured as a beta-binomial's rho, and each figure's range (issue 16, session 44)."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assets.media import expect


def _binomial_parts(p: float, n: int, parts: int, seed: int) -> tuple[list[int], list[int]]:
    rng = np.random.default_rng(seed)
    return [int(k) for k in rng.binomial(n, p, size=parts)], [n] * parts


def _beta_binomial_parts(p: float, rho: float, n: int, parts: int, seed: int) -> tuple[list[int], list[int]]:
    rng = np.random.default_rng(seed)
    c = (1 - rho) / rho
    rates = rng.beta(p * c, (1 - p) * c, size=parts)
    return [int(rng.binomial(n, r)) for r in rates], [n] * parts


def test_parts_that_differ_only_by_sampling_have_no_spread_of_their_own():
    ks, ns = _binomial_parts(0.7, 50, 400, seed=1)
    s = expect.overdispersion(ks, ns)
    assert abs(s.p - 0.7) < 0.01 and s.rho < 0.01
    assert s.concentration > 1000  # (the pooled rate's own doubt only)


def test_parts_that_differ_have_their_spread_measured():
    ks, ns = _beta_binomial_parts(0.6, 0.2, 40, 600, seed=2)
    s = expect.overdispersion(ks, ns)
    assert 0.15 < s.rho < 0.25 and abs(s.concentration - (1 - s.rho) / s.rho) < 1e-9


def test_unequal_parts_and_the_edges():
    s = expect.overdispersion([3, 0, 10], [3, 0, 10])  # every scored one right; an empty part left out
    assert s.k == 13 and s.n == 13 and s.rho == 0 and s.p < 1 and s.beta > 0
    with pytest.raises(ValueError):
        expect.overdispersion([0], [0])
    with pytest.raises(ValueError):
        expect.overdispersion([5], [4])


def test_central_range():
    values = list(range(10))
    probs = [0.1] * 10
    assert expect.central(values, probs, 0.8) == (1, 8)  # 10 % in each tail left out
    assert expect.central(values, probs, 0.9) == (0, 9)  # a tail of 5 % cannot leave a step of 10 % out
    assert expect.central([0.0, 1.0], [0.5, 0.5], 0.5) == (0.0, 1.0)


def test_a_small_set_strays_further_than_a_large_one():
    s = expect.overdispersion(*_binomial_parts(0.8, 100, 20, seed=3))
    small, large = expect.rate("city", s, 5, 0.9), expect.rate("city", s, 500, 0.9)
    assert small.high - small.low > 3 * (large.high - large.low)
    assert abs(small.mean - s.p) < 0.01 and abs(large.mean - s.p) < 0.01
    assert sum(expect.distribution(s, 7)) == pytest.approx(1.0)
    # the chance of reaching 0.90 on 5: 5 of 5 only (4 of 5 is 0.80): the beta-binomial's P(X = 5)
    assert small.reach == pytest.approx(expect.distribution(s, 5)[5])


def test_precision_of_a_mix_by_enumeration():
    sure = expect.Spread(p=0.999999, rho=0.0, concentration=1e7, k=10, n=10)
    never = expect.Spread(p=1e-6, rho=0.0, concentration=1e7, k=0, n=10)
    e = expect.precision(sure, never, 22, 10, 0.9)
    assert e.mean == pytest.approx(1.0, abs=1e-3) and e.reach == pytest.approx(1.0, abs=1e-3)
    half = expect.Spread(p=0.5, rho=0.0, concentration=1e7, k=5, n=10)
    e = expect.precision(sure, half, 2, 2, 0.9)  # 2 found; 0, 1 or 2 of 2 taken (1/4, 1/2, 1/4)
    assert e.mean == pytest.approx(0.25 * 1 + 0.5 * 2 / 3 + 0.25 * 0.5, abs=1e-4)
    assert (e.low, e.high) == (0.5, 1.0) and e.reach == pytest.approx(0.25, abs=1e-4)


def _toy_counts():
    part = {"tp": 18, "fp": 4, "fn": 2, "tn": 16,
            "ok": {"date": 4, "city": 16, "form": 15, "participants": 7, "participants_none_invented": 8, "detained": 1,
                   "detained_none_invented": 18},
            "total": {"date": 5, "city": 20, "form": 20, "participants": 10, "participants_none_invented": 10,
                      "detained": 2, "detained_none_invented": 18}}
    return {"a": part, "b": {**part, "tp": 16, "fn": 4}}


def test_each_field_is_scored_on_its_share_of_the_set():
    rows = {e.name: e for e in expect.expect(_toy_counts(), assemblies=22, non_events=10)}
    # 40 assemblies: a date on 10 (a quarter: 22 / 4 = 5.5 -> 6), city on all 40 (22), participants on 20 (11),
    # detained on 4 (2.2 -> 2), "none invented" of detentions on 36 (19.8 -> 20)
    assert [rows[f].scored for f in ("date", "city", "participants", "detained", "detained_none_invented")] == [6, 22, 11, 2, 20]
    assert rows["precision"].scored == 32 and rows["recall"].scored == 22
    assert rows["recall"].mean == pytest.approx(34 / 40, abs=0.01) and rows["city"].mean == pytest.approx(0.8, abs=0.01)
    assert rows["participants_none_invented"].reach is None and rows["date"].reach is not None


def test_the_command_prints_a_row_a_figure(monkeypatch, capsys):
    monkeypatch.setattr(expect, "blind_counts", _toy_counts)
    assert expect.main(["--assemblies", "22", "--non-events", "10"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("a set of 22 assemblies and 10 non-events")
    assert [line.split()[0] for line in out[2:-1]] == ["precision", "recall", *expect.FIELDS]
    assert out[2].split()[4] == "—" and out[-1].startswith("(precision is drawn from recall's spread")  # no "nan"
    with pytest.raises(SystemExit):
        expect.main(["--assemblies", "0"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), min_size=1, max_size=12), st.integers(1, 40))
def test_any_counts_give_a_range_that_holds_the_level(pairs, m):
    ks = [min(a, b) for a, b in pairs]
    ns = [max(a, b) for a, b in pairs]
    if sum(ns) == 0:
        return
    s = expect.overdispersion(ks, ns)
    assert 0 <= s.rho < 1 and 0 < s.p < 1 and s.alpha > 0 and s.beta > 0
    e = expect.rate("date", s, m, 0.9)
    assert 0 <= e.low <= e.high <= 1 and 0 <= e.mean <= 1 and 0 <= e.reach <= 1 + 1e-9
    probs = expect.distribution(s, m)
    inside = sum(q for x, q in enumerate(probs) if e.low - 1e-9 <= x / m <= e.high + 1e-9)
    assert inside >= 0.9 - 1e-9  # the range holds at least the level (not always the mean: a skewed one may not)


def test_reaching_the_target_counts_a_set_exactly_on_it():
    s = expect.overdispersion(*_binomial_parts(0.85, 100, 20, seed=4))
    probs = expect.distribution(s, 10)
    assert expect.rate("recall", s, 10, 0.9).reach == pytest.approx(probs[9] + probs[10])  # 9 of 10 is 0.90


def test_the_moments_by_hand_on_three_unequal_parts():
    # k/n 5/10, 15/20, 10/40: p = 3/7; S = sum n (k/n - p)^2 = 3.39286; S / (p (1 - p)) = 13.8542; less I - 1 = 2:
    # 11.8542; over N - I - sum n^2 / N + 1 = 70 - 3 - 30 + 1 = 38: rho = 0.3120
    s = expect.overdispersion([5, 15, 10], [10, 20, 40])
    assert s.p == pytest.approx(3 / 7) and s.rho == pytest.approx(0.31195, abs=1e-4)


def test_calibration_counts_the_figures_inside_their_ranges():
    model = _toy_counts()
    same = expect.calibration(model, model)
    assert set(same) == {"precision", "recall", *expect.FIELDS}
    assert all(v == (2, 2) for v in same.values())  # two sets, each like the model: every figure inside
    off = {"x": {**model["a"], "ok": {**model["a"]["ok"], "city": 0}}}  # no city right of 20
    cal = expect.calibration(model, off)
    assert cal["city"] == (0, 1) and cal["form"] == (1, 1)
    empty = {"y": {**model["a"], "tp": 0, "fn": 0, "fp": 3, "tn": 7, "total": {f: 0 for f in expect.FIELDS}}}
    assert expect.calibration(model, empty) == {}  # a set with no assembly scores nothing (precision needs one)
