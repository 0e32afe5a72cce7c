"""The learned triage step measured against the rules (issue 16, item 2).

    python -m assets.media.learned_eval cv                     # choose: cross-validation on `dev` only
    python -m assets.media.learned_eval score --split measured # then score every candidate once
    python -m assets.media.learned_eval speed [--articles 2000]  # triage rate with and without the step

Every candidate is trained on the `dev` part of tests/media/real/ (and, where said, the self-written
corpus tests/media/corpus/), never on the part it is scored on. `cv` reads `dev` only (5 folds, 3
shuffles, the corpus always in training when the candidate uses it); `score` trains on all of `dev` and
prints, for each candidate, true and false positives and negatives on the split, beside the rules'.
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass

from assets.media.learned_triage import (STEP_C, THRESHOLDS, Example, TriageModel, combine, corpus_examples,
                                         real_examples)


@dataclass(frozen=True)
class Candidate:
    name: str
    features: str = "text"  # text | signals | both
    c: float = 1.0
    corpus: bool = False    # the self-written corpus in training too
    mode: str = "model"     # see learned_triage.combine
    low: float = 0.2
    high: float = 0.8


# fixed after `cv` on dev, before `score` on measured (docs/media.md, "Learned step measured against the rules")
CANDIDATES = (
    Candidate("rules alone", mode="rules"),
    Candidate("model alone: char n-grams, C=3, dev+corpus", "text", 3.0, True),
    Candidate("model: rules' signals only, C=1", "signals", 1.0, True),
    Candidate("model: char n-grams + rules' signals, C=1", "both", 1.0, True),
    Candidate("rules, model overrides when confident (0.2/0.8)", "text", STEP_C, True, "override", *THRESHOLDS["override"]),
    Candidate("rules, model vetoes below 0.2", "text", STEP_C, True, "veto", 0.2, 0.8),
    Candidate("rules, model rescues above 0.7", "text", STEP_C, True, "rescue", *THRESHOLDS["rescue"]),
)


def counts(pred: list[bool], truth: list[bool]) -> dict[str, int]:
    return {"tp": sum(p and t for p, t in zip(pred, truth)), "fp": sum(p and not t for p, t in zip(pred, truth)),
            "fn": sum(t and not p for p, t in zip(pred, truth)), "tn": sum(not p and not t for p, t in zip(pred, truth))}


def fmt(name: str, c: dict[str, int]) -> str:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
    return f"{name:<52} precision {p:.2f} recall {r:.2f}  (tp {c['tp']}, fp {c['fp']}, fn {c['fn']}, tn {c['tn']})"


def predict(cand: Candidate, train: list[Example], test: list[Example]) -> list[bool]:
    if cand.mode == "rules":
        return [e.tri.is_assembly for e in test]
    model = TriageModel(cand.features, cand.c).fit(train)
    return [combine(e.tri.is_assembly, p, cand.mode, cand.low, cand.high) for e, p in zip(test, model.proba(test))]


def cross_validate(cand: Candidate, dev: list[Example], extra: list[Example], folds: int = 5, shuffles: int = 3) -> dict:
    """Out-of-fold verdicts on `dev` (each article judged by models that never saw it), summed over shuffles."""
    from sklearn.model_selection import StratifiedKFold

    y = [bool(e.label) for e in dev]
    total = {"tp": 0, "fp": 0, "fn": 0, "tn": 0}
    for seed in range(shuffles):
        pred = [False] * len(dev)
        for tr, te in StratifiedKFold(folds, shuffle=True, random_state=seed).split(dev, y):
            train = [dev[i] for i in tr] + (extra if cand.corpus else [])
            for i, v in zip(te, predict(cand, train, [dev[i] for i in te])):
                pred[i] = v
        for k, v in counts(pred, y).items():
            total[k] += v
    return total


def speed(n: int = 2000, runs: int = 3, mode: str = "override") -> dict:
    """Triage per CPU-minute on generated articles (benchmarks/generate.py), as the pipeline runs it: the rules'
    `classify_batch`, then the learned step on the whole batch (the model trained before timing)."""
    import statistics
    import time

    from assets.media import learned_triage, triage
    from benchmarks.generate import generate_articles

    batch = [(a.title, a.text) for a in generate_articles(n, 1)]
    triage.classify(*batch[0])
    t0 = time.perf_counter()
    learned_triage.step_model()
    train_s = time.perf_counter() - t0
    rules, both = [], []
    for _ in range(runs):
        c0 = time.process_time()
        verdicts = triage.classify_batch(batch)
        c1 = time.process_time()
        learned_triage.apply(batch, verdicts, mode)
        c2 = time.process_time()
        rules.append(n / (c1 - c0) * 60)
        both.append(n / (c2 - c0) * 60)
    return {"articles": n, "train_s": train_s, "rules_per_cpu_min": statistics.median(rules),
            "with_step_per_cpu_min": statistics.median(both)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("what", choices=["cv", "score", "speed"])
    ap.add_argument("--split", default="measured", choices=["measured", "holdout"])
    ap.add_argument("--articles", type=int, default=2000)
    args = ap.parse_args(argv)
    if args.what == "speed":
        r = speed(args.articles)
        print(f"{r['articles']} generated articles: rules {r['rules_per_cpu_min']:,.0f} articles per CPU-minute, with the "
              f"learned step (override) {r['with_step_per_cpu_min']:,.0f}; training the step {r['train_s']:.1f} s (wall)")
        return 0
    dev = real_examples("dev")
    extra = corpus_examples()
    if args.what == "cv":
        print(f"cross-validation on dev ({len(dev)} articles, 5 folds x 3 shuffles: counts summed over the shuffles)")
        for cand in CANDIDATES:
            print(fmt(cand.name, cross_validate(cand, dev, extra)))
        return 0
    test = real_examples(args.split)
    truth = [bool(e.label) for e in test]
    print(f"trained on dev ({len(dev)} articles; + corpus {len(extra)} where said), scored on {args.split} ({len(test)})")
    for cand in CANDIDATES:
        print(fmt(cand.name, counts(predict(cand, dev + (extra if cand.corpus else []), test), truth)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
