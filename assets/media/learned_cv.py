"""Round 17: the learned triage step chosen by cross-validation over `dev` + `measured` (issue 16, items 2 and 5).

    python -m assets.media.learned_cv                 # every candidate, 5 folds grouped by site x 3 shuffles
    python -m assets.media.learned_cv --seeds 3 4 5   # the same on other shuffles (to confirm a choice)

Since round 16 both parts of tests/media/real/ are open to the rule writers, so the learned step may train on
both (538 articles) and the self-written corpus; since round 19 (2026-12-01) `fresh` too (137 more): the folds are
over learned_triage.TRAIN_SPLITS, the parts the step trains on. Nothing here reads the holdout (nor `fresh2`). The folds are grouped by the
article's site (the file name's prefix: `azattyq-…`, `mgorod-…`), so that near-duplicate leads of one outlet never
sit on both sides of a fold. Every probability is out-of-fold: the model that judged an article never saw it
(nor any article of its site). The rules' verdicts are fixed (not learned), so computing them out-of-fold changes
nothing; but the rules were *written* on every article here, so their errors in this set are far fewer than on
unseen text (0.98 / 0.96 here, about 0.86 / 0.85 on the holdout): a combination that trusts the rules is favoured,
and a stacked model learns to copy them (docs/media-accuracy.md, "Learned step measured against the rules").

Every line prints tp / fp / fn / tn summed over the shuffles, and against the rules: the articles whose verdict the
combination changed to the right one (wins) and to a wrong one (losses), counted once per article (its verdict in
the majority of shuffles), with a two-sided sign test.
"""
from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from math import comb

from assets.media.learned_eval import counts, precision_recall
from assets.media.learned_triage import (TRAIN_SPLITS, Example, corpus_examples, document, hashed_counts, kept_from_step, lite_signals, real_examples,
                                         signals)

FOLDS = 5


@dataclass(frozen=True)
class Model:
    name: str
    features: tuple[str, ...]   # any of: char (TF-IDF char_wb 2-5), hash (hashed, the step's), lemmas, signals
    c: float = 10.0
    corpus: bool = True          # the self-written corpus in training too
    accepted_only: bool = False  # a veto model: trained only on what the rules accept (their tp against their fp)


MODELS = (
    Model("char n-grams, C=3", ("char",), 3.0),
    Model("char n-grams, C=10", ("char",), 10.0),
    Model("char n-grams, C=10, no corpus", ("char",), 10.0, corpus=False),
    Model("hashed char n-grams, C=10 (the step)", ("hash",), 10.0),
    Model("word 1-2-grams of pymorphy3 lemmas, C=10", ("lemmas",), 10.0),
    Model("char n-grams + lemmas, C=10", ("char", "lemmas"), 10.0),
    Model("hashed char n-grams + the rules' signals, C=10", ("hash", "signals"), 10.0),
    Model("lite signals only (no verdict), C=1", ("lite",), 1.0),
    Model("hashed char n-grams + lite signals, C=10", ("hash", "lite"), 10.0),
    Model("hashed char n-grams + lite signals x3, C=10", ("hash", "lite3"), 10.0),
    Model("veto model: hashed n-grams on what the rules accept (balanced)", ("hash",), 10.0, False, True),
    Model("veto model: hashed n-grams + signals on what the rules accept", ("hash", "signals"), 10.0, False, True),
)

# (mode, low, high): see learned_triage.combine; the thresholds are the grid the choice is made on
COMBINATIONS = ([("model", 0.5, 0.5), ("model", 0.7, 0.7)]
                + [("veto", lo, 1.0) for lo in (0.1, 0.2, 0.3, 0.5)]
                + [("rescue", 0.0, hi) for hi in (0.7, 0.8, 0.9)]
                + [("override", lo, hi) for lo, hi in ((0.1, 0.9), (0.1, 0.8), (0.2, 0.8), (0.3, 0.7))])


def site(name: str) -> str:
    """The outlet of a stored article, from its file name (`dev/azattyq-0a1b2c3d.yaml` → `azattyq`)."""
    return re.sub(r"-[0-9a-f]{8}\.yaml$", "", name.rsplit("/", 1)[-1])


def lemma_document(doc: str) -> str:
    from assets.media.text import lemma, tokens

    return " ".join(lemma(w) for w in tokens(doc))


class Features:
    """The feature matrices of one model, fitted on a training set."""

    def __init__(self, kinds: tuple[str, ...]):
        self.kinds, self._fitted = kinds, {}

    def _part(self, kind: str, ex: list[Example], docs: list[str], fit: bool):
        import numpy as np
        from scipy import sparse
        from sklearn.feature_extraction.text import TfidfTransformer, TfidfVectorizer

        if kind == "signals":
            return sparse.csr_matrix(np.array([signals(e.title, e.text, e.tri) for e in ex]))
        if kind in ("lite", "lite3"):  # round 18: the rules' signals without their verdict (x3: weighed up)
            w = 3.0 if kind == "lite3" else 1.0
            return sparse.csr_matrix(w * np.array([lite_signals(e.title, e.text, e.tri) for e in ex]))
        if kind == "hash":
            counts = hashed_counts(docs)
            if fit:
                self._fitted[kind] = TfidfTransformer(sublinear_tf=True).fit(counts)
            return self._fitted[kind].transform(counts)
        if fit:
            self._fitted[kind] = (TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True,
                                                  lowercase=False, max_features=60000) if kind == "char" else
                                  TfidfVectorizer(analyzer="word", token_pattern=r"\S+", ngram_range=(1, 2), min_df=2,
                                                  sublinear_tf=True, lowercase=False))
            self._fitted[kind].fit(docs if kind == "char" else [lemma_document(d) for d in docs])
        return self._fitted[kind].transform(docs if kind == "char" else [lemma_document(d) for d in docs])

    def matrix(self, ex: list[Example], fit: bool):
        from scipy import sparse

        docs = [document(e.title, e.text) for e in ex]
        return sparse.hstack([self._part(k, ex, docs, fit) for k in self.kinds], format="csr")


def out_of_fold(model: Model, real: list[Example], groups: list[str], extra: list[Example], seed: int) -> list[float]:
    """Each article's probability from a model trained on the other folds (grouped by site) and the corpus."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedGroupKFold

    y = [bool(e.label) for e in real]
    probs = [0.0] * len(real)
    for tr, te in StratifiedGroupKFold(FOLDS, shuffle=True, random_state=seed).split(real, y, groups):
        train = [real[i] for i in tr if not model.accepted_only or real[i].tri.is_assembly]
        train += extra if model.corpus else []
        feats = Features(model.features)
        clf = LogisticRegression(C=model.c, solver="liblinear", random_state=0, max_iter=1000,
                                 class_weight="balanced" if model.accepted_only else None)
        clf.fit(feats.matrix(train, fit=True), [bool(e.label) for e in train])
        for i, p in zip(te, clf.predict_proba(feats.matrix([real[i] for i in te], fit=False))[:, 1]):
            probs[i] = float(p)
    return probs


def verdicts(rules: list[bool], probs: list[float], mode: str, low: float, high: float,
             kept: list[bool] | None = None) -> list[bool]:
    """`kept`: the rules' refusals the step never overturns (learned_triage.kept_from_step; session 43), one a rule."""
    from assets.media.learned_triage import combine

    if mode == "model":  # the model alone, at its own threshold
        return [p >= low for p in probs]
    kept = kept or [False] * len(rules)
    return [r if k else combine(r, p, mode, low, high) for r, p, k in zip(rules, probs, kept)]


def sign_test(wins: int, losses: int) -> float:
    """Two-sided exact sign test: the chance of a split at least this uneven if a change is as likely right as wrong."""
    n, k = wins + losses, min(wins, losses)
    if n == 0:
        return 1.0
    return min(1.0, 2 * sum(comb(n, i) for i in range(k + 1)) / 2 ** n)


def tally(truth: list[bool], rules: list[bool], runs: list[list[bool]]) -> dict:
    """tp/fp/fn/tn summed over the runs (shuffles); wins and losses against the rules per article, by majority."""
    out = {"tp": 0, "fp": 0, "fn": 0, "tn": 0}
    for pred in runs:
        for k, v in counts(pred, truth).items():
            out[k] += v
    wins = losses = 0
    for i, (t, r) in enumerate(zip(truth, rules)):
        changed = sum(run[i] != r for run in runs)
        if 2 * changed > len(runs):
            wins, losses = wins + (r != t), losses + (r == t)
    out.update(wins=wins, losses=losses, p=sign_test(wins, losses))
    return out


def line(name: str, c: dict) -> str:
    prec, rec = precision_recall(c)
    return (f"{name:<78} {c['tp']:>4} / {c['fp']:>3} / {c['fn']:>3} / {c['tn']:>4}  P {prec:.3f} R {rec:.3f}  "
            f"wins {c['wins']:>2} losses {c['losses']:>2} (sign test p {c['p']:.2f})")


def run(seeds: list[int], models=MODELS, out=print) -> dict:
    named = [(n, e) for n, e in zip(_names(), [e for s in TRAIN_SPLITS for e in real_examples(s)])]
    real = [e for _, e in named]
    groups = [site(n) for n, _ in named]
    extra = corpus_examples()
    truth = [bool(e.label) for e in real]
    rules = [e.tri.is_assembly for e in real]
    kept = [kept_from_step(e.tri.is_assembly, e.tri.reasons) for e in real]
    out(f"{' + '.join(TRAIN_SPLITS)}: {len(real)} articles ({sum(truth)} assemblies) from {len(set(groups))} sites; corpus "
        f"{len(extra)}; {FOLDS} folds grouped by site x shuffles {seeds}; tp / fp / fn / tn summed over the shuffles")
    results = {("rules",): tally(truth, rules, [rules] * len(seeds))}
    out(line("rules alone", results[("rules",)]))
    for model in models:
        probs = [out_of_fold(model, real, groups, extra, s) for s in seeds]
        for mode, low, high in COMBINATIONS:
            if model.accepted_only and mode != "veto":
                continue
            c = tally(truth, rules, [verdicts(rules, p, mode, low, high, kept) for p in probs])
            results[(model.name, mode, low, high)] = c
            what = {"model": f"model alone (p >= {low})", "veto": f"veto (rules' yes dropped at p <= {low})",
                    "rescue": f"rescue (rules' no taken at p >= {high})",
                    "override": f"override ({low}/{high})"}[mode]
            out(line(f"{model.name}: {what}", c))
    return results


def _names() -> list[str]:
    from assets.media import evaluate_real

    return [n for s in TRAIN_SPLITS for n, _ in evaluate_real.load(evaluate_real.DEFAULT_DIR, s)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    ap.add_argument("--only", help="run only the models whose name contains this")
    args = ap.parse_args(argv)
    models = [m for m in MODELS if not args.only or args.only in m.name]
    run(args.seeds, models)
    return 0


if __name__ == "__main__":
    sys.exit(main())
