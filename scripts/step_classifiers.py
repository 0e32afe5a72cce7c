"""The tenth lever (session 45; docs/media-accuracy.md, "Session 45"): other classifiers and other documents for
the learned triage step, on the shipped pool's backtest — each of the 20 blind parts scored by a model trained on
TRAIN_SPLITS less it and the self-written corpus, over the step's hashed character n-grams, combined with the blind
rules' verdicts as the shipped step is (override low / high, over a grid) — printed as the best F1 at issue 16's
mix (22 assemblies to 10 non-events), the best precision with recall >= 0.90, and the probability's AUC.

    .venv/bin/python scripts/step_classifiers.py lr nbsvm-1 nbsvm-0.1 cnb sgd      # ~3.5 min on 2 cores
    .venv/bin/python scripts/step_classifiers.py --doc title2 lr                    # the headline read twice

`lr` is the shipped step's model (logistic regression, C 10, balanced classes); `nbsvm-C` Wang and Manning's NB-SVM
(binary n-grams scaled by their log-count ratio, then logistic regression with C); `cnb` complement naive Bayes;
`sgd` a linear model with the modified Huber loss. `--doc`: `plain` (the step's document), `title2` (the headline
twice), `lead800` (the body's first 800 characters only). A measurement, not part of the pipeline."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
from scipy import sparse

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assets.media import learned_backtest as lb  # noqa: E402
from assets.media.learned_triage import corpus_examples, document, hashed_counts  # noqa: E402

KINDS = ("lr", "nbsvm-1", "nbsvm-0.1", "cnb", "sgd")
DOCS = ("plain", "title2", "lead800")
LOWS = (0.05, 0.1, 0.2, 0.3)
HIGHS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 0.65, 0.7)


def nb_ratio(binary, y) -> np.ndarray:
    """NB-SVM's log-count ratio of each column: log((p / |p|_1) / (q / |q|_1)), p and q the column's counts in the
    assemblies' and the non-events' rows, each plus one."""
    y = np.asarray(y, dtype=bool)
    pos = np.asarray(binary[y].sum(0)).ravel() + 1.0
    neg = np.asarray(binary[~y].sum(0)).ravel() + 1.0
    return np.log((pos / pos.sum()) / (neg / neg.sum()))


def fit_predict(kind: str, x_train, y_train, x_test) -> np.ndarray:
    """The probability of an assembly for each row of `x_test` (n-gram counts) by a `kind` model fitted on the
    training rows."""
    from sklearn.feature_extraction.text import TfidfTransformer
    from sklearn.linear_model import LogisticRegression, SGDClassifier
    from sklearn.naive_bayes import ComplementNB

    y = np.asarray(y_train, dtype=bool)
    tf = TfidfTransformer(sublinear_tf=True).fit(x_train)
    a, b = tf.transform(x_train), tf.transform(x_test)
    if kind == "lr":
        model = LogisticRegression(C=10.0, solver="liblinear", random_state=0, max_iter=1000, class_weight="balanced")
        return model.fit(a, y).predict_proba(b)[:, 1]
    if kind.startswith("nbsvm-"):
        ab, bb = (x_train > 0).astype(np.float64), (x_test > 0).astype(np.float64)
        ratio = sparse.diags(nb_ratio(ab, y))
        model = LogisticRegression(C=float(kind.split("-", 1)[1]), solver="liblinear", random_state=0, max_iter=2000,
                                   class_weight="balanced")
        return model.fit(ab @ ratio, y).predict_proba(bb @ ratio)[:, 1]
    if kind == "cnb":
        return ComplementNB(alpha=0.3).fit(a, y).predict_proba(b)[:, 1]
    if kind == "sgd":
        model = SGDClassifier(loss="modified_huber", alpha=1e-5, class_weight="balanced", random_state=0, max_iter=50)
        return model.fit(a, y).predict_proba(b)[:, 1]
    raise ValueError(f"kind must be one of {', '.join(KINDS)} (nbsvm-C for any C), not {kind!r}")


def document_of(doc: str, title: str, text: str) -> str:
    if doc == "plain":
        return document(title, text)
    if doc == "title2":
        return document(title, f"{title}\n{text}")
    if doc == "lead800":
        return document(title, text[:800])
    raise ValueError(f"doc must be one of {', '.join(DOCS)}, not {doc!r}")


def grid(blind, truth, probs, parts) -> list[tuple]:
    """(F1 at 22:10, P at 22:10, recall, low, high, tp, fp, fn) of every override setting, best F1 first."""
    rows = []
    for low in LOWS:
        for high in (h for h in HIGHS if h >= low):
            t = lb.Totals()
            for p in parts:
                t.add(lb.score(blind[p], truth[p], probs[p], "override", low, high))
            mp, mr, mf = t.at_mix(22, 10)
            rows.append((mf, mp, mr, low, high, t.tp, t.fp, t.fn))
    return sorted(rows, reverse=True)


def main(argv: list[str] | None = None) -> int:
    from sklearn.metrics import roc_auc_score

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("kinds", nargs="+")
    ap.add_argument("--doc", choices=DOCS, default="plain")
    args = ap.parse_args(argv)
    blind = lb.load_blind()
    parts = [p for p in lb.OPENED if p in blind]
    ex = {p: lb.examples(p) for p in (*lb.FIRST, *lb.OPENED)}
    truth = {p: {u: e.label for u, e in ex[p]} for p in parts}
    corpus = corpus_examples(rules=False)
    counts = {p: hashed_counts([document_of(args.doc, e.title, e.text) for _, e in ex[p]]) for p in ex}
    corpus_counts = hashed_counts([document_of(args.doc, e.title, e.text) for e in corpus])
    for kind in args.kinds:
        probs = {}
        for p in parts:
            pool = lb.pool(p, "shipped")
            x = sparse.vstack([counts[q] for q in pool] + [corpus_counts], format="csr")
            y = [e.label for q in pool for _, e in ex[q]] + [bool(e.label) for e in corpus]
            probs[p] = dict(zip([u for u, _ in ex[p]], fit_predict(kind, x, y, counts[p])))
        rows = grid(blind, truth, probs, parts)
        f1, mp, mr, low, high, tp, fp, fn = rows[0]
        print(f"{kind:<10} {args.doc:<8} best F1 at 22:10 {f1:.3f} (P {mp:.3f} R {mr:.3f} at {low}/{high}; "
              f"tp {tp} fp {fp} fn {fn})")
        r90 = max((r for r in rows if r[2] >= 0.90), key=lambda r: r[1], default=None)
        if r90:
            print(f"{'':<19} best P with R >= 0.90: {r90[1]:.3f} (R {r90[2]:.3f}, F1 {r90[0]:.3f} at {r90[3]}/{r90[4]}; "
                  f"tp {r90[5]} fp {r90[6]} fn {r90[7]})")
        ys = [truth[p][u] for p in parts for u in probs[p]]
        print(f"{'':<19} AUC {roc_auc_score(ys, [probs[p][u] for p in parts for u in probs[p]]):.4f}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
