"""The learned triage step measured against the rules (issue 16, item 2).

    python -m assets.media.learned_eval cv                     # choose: cross-validation on `dev` only
    python -m assets.media.learned_eval score --split measured # then score every candidate once
    python -m assets.media.learned_eval speed [--articles 2000]  # triage rate with and without the step
    python -m assets.media.learned_eval detentions-cv            # detentions reported? a model against the rules, on dev
    python -m assets.media.learned_eval detentions --split measured

Every candidate is trained on the `dev` part of tests/media/real/ (and, where said, the self-written
corpus tests/media/corpus/), never on the part it is scored on. `cv` reads `dev` only (5 folds, 3
shuffles, the corpus always in training when the candidate uses it); `score` trains on all of `dev` and
prints, for each candidate, true and false positives and negatives on the split, beside the rules'.
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass

from assets.media import evaluate_real
from assets.media.learned_triage import (STEP_C, Example, TriageModel, combine, corpus_examples,
                                         kept_from_step, real_examples)


@dataclass(frozen=True)
class TriageSetup:
    name: str
    features: str = "text"  # text | signals | both
    c: float = 1.0
    corpus: bool = False    # the self-written corpus in training too
    mode: str = "model"     # see learned_triage.combine
    low: float = 0.2
    high: float = 0.8


# fixed after `cv` on dev, before `score` on measured (docs/media-accuracy.md, "Learned step measured against the rules")
CANDIDATES = (
    TriageSetup("rules alone", mode="rules"),
    TriageSetup("model alone: char n-grams, C=3, dev+corpus", "text", 3.0, True),
    TriageSetup("model: rules' signals only, C=1", "signals", 1.0, True),
    TriageSetup("model: char n-grams + rules' signals, C=1", "both", 1.0, True),
    TriageSetup("rules, model overrides when confident (0.2/0.8)", "text", STEP_C, True, "override", 0.2, 0.8),
    TriageSetup("rules, model vetoes below 0.2", "text", STEP_C, True, "veto", 0.2, 0.8),
    TriageSetup("rules, model rescues above 0.7", "text", STEP_C, True, "rescue", 0.3, 0.7),
)


def counts(pred: list[bool], truth: list[bool]) -> dict[str, int]:
    return {"tp": sum(p and t for p, t in zip(pred, truth)), "fp": sum(p and not t for p, t in zip(pred, truth)),
            "fn": sum(t and not p for p, t in zip(pred, truth)), "tn": sum(not p and not t for p, t in zip(pred, truth))}


def precision_recall(c: dict[str, int]) -> tuple[float, float]:
    """Precision and recall of tp / fp / fn counts (0 where nothing was said or nothing was there)."""
    return (c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0,
            c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0)


def fmt(name: str, c: dict[str, int]) -> str:
    p, r = precision_recall(c)
    return f"{name:<52} precision {p:.2f} recall {r:.2f}  (tp {c['tp']}, fp {c['fp']}, fn {c['fn']}, tn {c['tn']})"


def predict(cand: TriageSetup, train: list[Example], test: list[Example]) -> list[bool]:
    if cand.mode == "rules":
        return [e.tri.is_assembly for e in test]
    model = TriageModel(cand.features, cand.c).fit(train)
    return [e.tri.is_assembly if kept_from_step(e.tri.is_assembly, e.tri.reasons)
            else combine(e.tri.is_assembly, p, cand.mode, cand.low, cand.high) for e, p in zip(test, model.proba(test))]


def cross_validate(cand: TriageSetup, dev: list[Example], extra: list[Example], folds: int = 5, shuffles: int = 3) -> dict:
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


# -- detentions: does an assembly's article report detentions? (item 2 of the same brief) ----------------
DETENTION_C = 3.0
DETENTION_VETO = 0.2


def detention_examples(split: str) -> list[tuple[Example, object, object]]:
    """(example labelled "reports detentions", the annotated count, the rules' count) for each article of the
    split that reports an assembly (the annotation's is_event)."""
    out = []
    for _name, item in evaluate_real.load(evaluate_real.DEFAULT_DIR, split):
        ann = item["annotations"]
        if not ann["is_event"]:
            continue
        _said, events, tri = evaluate_real.run_one(item)
        title, body, _ = evaluate_real.article(item)
        got = events[0].detained if events else None
        out.append((Example(title, body, tri, ann.get("detained") is not None), ann.get("detained"), got))
    return out


def detention_scores(rows, counts_given) -> dict[str, tuple[int, int]]:
    """evaluate_real's two detention scores with the counts given: (right, scored)."""
    num = [(exp, got) for (_, exp, _), got in zip(rows, counts_given) if exp is not None and exp != "unstated"]
    none = [got for (_, exp, _), got in zip(rows, counts_given) if exp is None]
    return {"detained": (sum(evaluate_real.detained_ok(e, g) for e, g in num), len(num)),
            "detained_none_invented": (sum(not g for g in none), len(none))}


def detentions(split: str | None) -> list[str]:
    """Rules against a presence model (n-grams, trained on dev): cross-validated on dev, or scored on `split`."""
    from sklearn.model_selection import StratifiedKFold

    dev = detention_examples("dev")
    if split is None:
        rows = dev
        y = [bool(e.label) for e, _, _ in rows]
        probs = [0.0] * len(rows)
        for tr, te in StratifiedKFold(5, shuffle=True, random_state=0).split(rows, y):
            m = TriageModel("text", DETENTION_C).fit([rows[i][0] for i in tr])
            for i, p in zip(te, m.proba([rows[i][0] for i in te])):
                probs[i] = p
        where = f"dev, cross-validated ({len(rows)} assemblies, 5 folds)"
    else:
        rows = detention_examples(split)
        probs = TriageModel("text", DETENTION_C).fit([e for e, _, _ in dev]).proba([e for e, _, _ in rows])
        where = f"{split} ({len(rows)} assemblies), trained on dev"
    truth = [bool(e.label) for e, _, _ in rows]
    rules = [bool(got) for _, _, got in rows]
    vetoed = [None if p <= DETENTION_VETO else got for (_, _, got), p in zip(rows, probs)]
    out = [f"detentions reported, {where}",
           fmt("rules (a count extracted)", counts(rules, truth)),
           fmt("model alone (p >= 0.5)", counts([p >= 0.5 for p in probs], truth))]
    for name, given in (("rules", [got for _, _, got in rows]), (f"rules, count dropped where p <= {DETENTION_VETO}", vetoed)):
        sc = detention_scores(rows, given)
        out.append(f"{name:<52} detentions {sc['detained'][0]}/{sc['detained'][1]}, "
                   f"none invented {sc['detained_none_invented'][0]}/{sc['detained_none_invented'][1]}")
    return out


def speed(n: int = 2000, runs: int = 3, mode: str = "override", features: str = "hash") -> dict:
    """Triage per CPU-minute on generated articles (benchmarks/generate.py), as the pipeline runs it: the rules'
    `classify_batch`, then the learned step on the whole batch (the model trained before timing)."""
    import statistics
    import time

    from assets.media import learned_triage, triage
    from benchmarks.generate import generate_articles

    batch = [(a.title, a.text) for a in generate_articles(n, 1)]
    triage.classify(*batch[0])
    t0 = time.perf_counter()
    learned_triage.model_for(features)
    train_s = time.perf_counter() - t0
    rules, both = [], []
    for _ in range(runs):
        c0 = time.process_time()
        verdicts = triage.classify_batch(batch)
        c1 = time.process_time()
        learned_triage.apply(batch, verdicts, mode, features=features)
        c2 = time.process_time()
        rules.append(n / (c1 - c0) * 60)
        both.append(n / (c2 - c0) * 60)
    return {"articles": n, "train_s": train_s, "rules_per_cpu_min": statistics.median(rules),
            "with_step_per_cpu_min": statistics.median(both)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("what", choices=["cv", "score", "speed", "detentions-cv", "detentions"])
    ap.add_argument("--split", default="measured", choices=["measured", "holdout"])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--features", default="hash", choices=["hash", "lite", "hash+lemmas", "lite+lemmas"],
                    help="the step's model (speed only)")
    args = ap.parse_args(argv)
    if args.what == "speed":
        r = speed(args.articles, features=args.features)
        print(f"{r['articles']} generated articles: rules {r['rules_per_cpu_min']:,.0f} articles per CPU-minute, with the "
              f"learned step (override, {args.features}) {r['with_step_per_cpu_min']:,.0f}; training the step "
              f"{r['train_s']:.1f} s (wall)")
        return 0
    if args.what.startswith("detentions"):
        print("\n".join(detentions(None if args.what == "detentions-cv" else args.split)))
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
