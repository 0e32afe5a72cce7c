"""scripts/step_classifiers.py (session 45's tenth lever): each classifier ranks a plain signal, the grid of override
settings is read as the shipped chain reads it, and an unknown kind or document is refused."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest

pytestmark = pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")
from scipy import sparse

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("step_classifiers", ROOT / "scripts" / "step_classifiers.py")
sc = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(sc)


def _data(n: int, seed: int):
    """Rows of 40 count columns; an assembly has column 0 (and noise), a non-event column 1 (and noise)."""
    rng = np.random.default_rng(seed)
    y = rng.random(n) < 0.4
    x = rng.poisson(0.3, size=(n, 40)).astype(float)
    x[y, 0] += 2
    x[~y, 1] += 2
    return sparse.csr_matrix(x), y


@pytest.mark.parametrize("kind", sc.KINDS)
def test_every_kind_ranks_the_signal(kind):
    x, y = _data(300, 1)
    xt, yt = _data(200, 2)
    p = sc.fit_predict(kind, x, y, xt)
    assert p.shape == (200,) and ((0 <= p) & (p <= 1)).all()
    # every assembly above every non-event but a few: the probability follows column 0, not the label's order
    pos, neg = p[yt], p[~yt]
    auc = (pos[:, None] > neg[None, :]).mean()
    assert auc > 0.95


def test_nbsvm_scales_by_the_log_count_ratio():
    """A column seen only in assemblies pushes up; one seen in both equally does nothing: flipping the labels flips
    the ranking."""
    x, y = _data(300, 3)
    xt, yt = _data(100, 4)
    p, q = sc.fit_predict("nbsvm-1", x, y, xt), sc.fit_predict("nbsvm-1", x, ~y, xt)
    assert (p[yt].mean() > p[~yt].mean()) and (q[yt].mean() < q[~yt].mean())


def test_grid_reads_the_blind_verdicts_as_the_shipped_override():
    # one part: a (rules yes, true), b (rules no, true, p 0.9), c (rules yes, false, p 0.05), d (rules no, false, p 0.5)
    blind = {"x": {"a": (True, True), "b": (False, True), "c": (True, True), "d": (False, True)}}
    truth = {"x": {"a": True, "b": True, "c": False, "d": False}}
    probs = {"x": {"a": 0.6, "b": 0.9, "c": 0.05, "d": 0.5}}
    rows = {(r[3], r[4]): r for r in sc.grid(blind, truth, probs, ["x"])}
    # at 0.1 / 0.6: c dropped (p <= 0.1), b taken (p >= 0.6), d not: tp 2, fp 0, fn 0
    assert rows[(0.1, 0.6)][5:] == (2, 0, 0)
    # at 0.05 / 0.4: c dropped only at p <= low (0.05 <= 0.05), d taken (0.5 >= 0.4): tp 2, fp 1
    assert rows[(0.05, 0.4)][5:] == (2, 1, 0)
    # at 0.3 / 0.7: c dropped, b taken: as 0.1 / 0.6
    assert rows[(0.3, 0.7)][5:] == (2, 0, 0)
    best = sc.grid(blind, truth, probs, ["x"])[0]
    assert best[0] == pytest.approx(1.0)


def test_unknown_kind_and_document_are_refused():
    x, y = _data(50, 5)
    with pytest.raises(ValueError, match="kind must be one of"):
        sc.fit_predict("forest", x, y, x)
    with pytest.raises(ValueError, match="doc must be one of"):
        sc.document_of("tail", "t", "x")
    assert sc.document_of("title2", "Митинг", "текст").count("митинг") == 2
    body = "слово " * 400
    assert len(sc.document_of("lead800", "", body)) <= 802 < len(sc.document_of("plain", "", body))


def test_nb_ratio_by_hand():
    # columns: seen in both assemblies only; in both non-events only; in one of each
    x = sparse.csr_matrix(np.array([[1, 0, 1], [1, 0, 0], [0, 1, 1], [0, 1, 0]], dtype=float))
    y = [True, True, False, False]
    # p = (2, 0, 1) + 1 = (3, 1, 2), |p| 6; q = (0, 2, 1) + 1 = (1, 3, 2), |q| 6
    assert sc.nb_ratio(x, y) == pytest.approx(np.log(np.array([3 / 1, 1 / 3, 2 / 2])))
