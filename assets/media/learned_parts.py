"""Round 21: the learned triage step measured leave-one-part-out over the OPEN parts (issue 16, item 5).

    python -m assets.media.learned_parts                  # every setting of SETTINGS, totals per part
    python -m assets.media.learned_parts --only "wide"    # the settings whose name contains "wide"

For each open part of tests/media/real/ (`dev`, `measured`, `fresh`, `wide`) in turn, the step's model is trained
on the setting's training parts OTHER than that one (and the self-written corpus), and the part is scored with the
verdict as shipped: the rules' verdict, changed by the model where `learned_triage.combine` says so, on the
articles the quick pass let through (the others keep the rules' "no mention", as `learned_triage.apply` does).
Each line prints the part's totals only — triage tp / fp / fn / tn, precision and recall, and the date, city and
form scored end to end as `monitor extract` gives them (a missed assembly has no event, so every field of it is
lost) — never an article, so that a part is scored without being read. The rules were written on every open part:
the rules' verdict here is in-sample (they err far less than on unseen text), the model's is not.

A part in learned_triage.NEVER_TRAIN (`holdout`, `wide2`, `fresh3`, `fresh17` … `fresh19`) is refused, whether as a part to score or to
train on: those are the lead's selection sets and holdout. Deterministic (liblinear, seed 0; parts in a fixed order).
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from assets.media import evaluate_real
from assets.media.learned_triage import NEVER_TRAIN, Example, TriageModel, combine, corpus_examples, kept_from_step
from assets.media.sources import TRAINING_UNTIL_S35

OPEN_PARTS = ("dev", "measured", "fresh", "wide")  # every part open to the rule writers (round 20)
# the step's training parts in round 21 (learned_triage.TRAIN_SPLITS then; since session 36 it trains on every opened
# part, measured on the rules' blind verdicts by learned_backtest instead)
TRAIN_SPLITS = TRAINING_UNTIL_S35


@dataclass(frozen=True)
class Setting:
    """One way of running the step: the model (features, C, class weights, training parts) and how it combines."""

    name: str
    features: str = "hash"              # learned_triage.MODEL_FEATURES
    c: float = 10.0
    balanced: bool = False              # class weights inverse to the classes' sizes
    parts: tuple[str, ...] = TRAIN_SPLITS  # the parts it trains on (less the part scored)
    mode: str = "override"
    low: float = 0.2
    high: float = 0.8

    @property
    def model_key(self) -> tuple:
        return self.features, self.c, self.balanced, self.parts


WITH_WIDE = (*TRAIN_SPLITS, "wide")
_MODELS = (("hash", False, TRAIN_SPLITS, "today's model (hashed n-grams)"),
           ("hash", False, WITH_WIDE, "hashed n-grams + wide"),
           ("hash", True, TRAIN_SPLITS, "hashed n-grams, balanced"),
           ("hash", True, WITH_WIDE, "hashed n-grams + wide, balanced"),
           ("lite", False, TRAIN_SPLITS, "lite"),
           ("lite", False, WITH_WIDE, "lite + wide"),
           ("lite", True, WITH_WIDE, "lite + wide, balanced"),
           ("hash+lemmas", False, TRAIN_SPLITS, "hashed n-grams + lemmas"),
           ("hash+lemmas", False, WITH_WIDE, "hashed n-grams + lemmas + wide"),
           ("lite+lemmas", False, WITH_WIDE, "lite + lemmas + wide"))
_COMBINATIONS = ([("override", lo, hi) for lo in (0.1, 0.2, 0.3) for hi in (0.6, 0.7, 0.8, 0.85)]
                 + [("rescue", 0.0, hi) for hi in (0.6, 0.7, 0.8, 0.85)] + [("model", 0.5, 0.5)])
_WHAT = {"override": "override {lo}/{hi}", "rescue": "rescue {hi}", "model": "model alone (p >= 0.5)"}
SETTINGS = tuple(Setting(f"{label}: " + _WHAT[mode].format(lo=lo, hi=hi),
                         feats, 10.0, bal, parts, mode, lo, hi)
                 for feats, bal, parts, label in _MODELS for mode, lo, hi in _COMBINATIONS)
TODAY = next(s for s in SETTINGS if s.model_key == ("hash", 10.0, False, TRAIN_SPLITS)
             and (s.mode, s.low, s.high) == ("override", 0.2, 0.8))


def check_parts(parts: Sequence[str]) -> None:
    """Refuse a part that must never be opened here (NEVER_TRAIN), or one that is not an open part."""
    for p in parts:
        if p in NEVER_TRAIN:
            raise ValueError(f"part {p!r} is never opened, trained on nor scored by the learned step's measurement "
                             f"(learned_triage.NEVER_TRAIN: {', '.join(NEVER_TRAIN)}); the lead scores it at the merge")
        if p not in OPEN_PARTS:
            raise ValueError(f"part {p!r} is not an open part of tests/media/real/ ({', '.join(OPEN_PARTS)})")


@dataclass
class Part:
    """One open part: its articles, the rules' results on each (forced extraction) and their examples."""

    name: str
    items: list[tuple[str, dict]]
    base: dict[str, tuple]      # url -> (rules' verdict, events, TriageResult)
    examples: list[Example]     # labelled, with the rules' verdicts (the `lite` signals need them)


def load_parts(directory: Path, parts: Sequence[str]) -> dict[str, Part]:
    check_parts(parts)
    out = {}
    for p in parts:
        items = evaluate_real.load(directory, p)
        base = {item["url"]: evaluate_real.run_one(item) for _, item in items}
        ex = [Example(*evaluate_real.article(item)[:2], base[item["url"]][2], bool(item["annotations"]["is_event"]))
              for _, item in items]
        out[p] = Part(p, items, base, ex)
    return out


def held_out_probs(parts: dict[str, Part], setting: Setting, held: str, extra: list[Example]) -> list[float | None]:
    """The probability of each article of `held` from a model trained on the setting's parts but `held` (and
    `extra`, the corpus); None where the quick pass did not let the article through (the model never reads it)."""
    check_parts(setting.parts)
    train = [e for p in setting.parts if p != held and p in parts for e in parts[p].examples] + list(extra)
    model = TriageModel(setting.features, setting.c, setting.balanced).fit(train)
    ex = parts[held].examples
    read = [i for i, e in enumerate(ex) if e.tri.passed_quick]
    probs: list[float | None] = [None] * len(ex)
    for i, p in zip(read, model.proba([ex[i] for i in read])):
        probs[i] = p
    return probs


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    fields: dict | None = None  # date / city / form end to end: (ok, total)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def add(self, other: Score) -> None:
        self.tp, self.fp, self.fn, self.tn = (self.tp + other.tp, self.fp + other.fp, self.fn + other.fn,
                                              self.tn + other.tn)
        if other.fields:
            self.fields = self.fields or {k: (0, 0) for k in other.fields}
            self.fields = {k: (a + other.fields[k][0], b + other.fields[k][1])
                           for k, (a, b) in self.fields.items()}


def score_part(directory: Path, part: Part, said: dict[str, bool]) -> Score:
    """The part's triage totals and its date / city / form end to end, for the verdicts `said` (url -> bool)."""
    res = evaluate_real.evaluate(directory, part.name, end_to_end=True,
                                 run=lambda item: (said[item["url"]], *part.base[item["url"]][1:]))
    return Score(res.tp, res.fp, res.fn, res.tn, {k: (res.ok[k], res.total[k]) for k in ("date", "city", "form")})


def verdicts(part: Part, probs: list[float | None] | None, setting: Setting | None) -> dict[str, bool]:
    """url -> the shipped verdict: the rules', changed where the model reads the article and combine() says so."""
    out = {}
    for (_, item), e, p in zip(part.items, part.examples, probs or [None] * len(part.items)):
        rule = e.tri.is_assembly
        out[item["url"]] = rule if p is None or setting is None or kept_from_step(rule, e.tri.reasons) \
            else combine(rule, p, setting.mode, setting.low, setting.high)
    return out


def measure(directory: Path = evaluate_real.DEFAULT_DIR, parts: Sequence[str] = OPEN_PARTS,
            settings: Sequence[Setting] = SETTINGS, corpus: bool = True,
            out: Callable[[str], None] = print) -> dict[str, dict[str, Score]]:
    """{setting name (and "rules alone"): {part: Score, "all": the sum}}; one line per setting and part."""
    check_parts(parts)
    for s in settings:
        check_parts(s.parts)
    loaded = load_parts(directory, sorted(set(parts) | {p for s in settings for p in s.parts}, key=OPEN_PARTS.index))
    extra = corpus_examples(rules=True) if corpus else []
    results: dict[str, dict[str, Score]] = {}

    def report(name: str, scores: dict[str, Score]) -> None:
        total = Score()
        for p in parts:
            total.add(scores[p])
        scores["all"] = total
        results[name] = scores
        for p in (*parts, "all"):
            out(line(name, p, scores[p]))

    report("rules alone", {p: score_part(directory, loaded[p], verdicts(loaded[p], None, None)) for p in parts})
    probs: dict[tuple, list] = {}
    for s in settings:
        scores = {}
        for p in parts:
            key = (s.model_key, p)
            if key not in probs:
                probs[key] = held_out_probs(loaded, s, p, extra)
            scores[p] = score_part(directory, loaded[p], verdicts(loaded[p], probs[key], s))
        report(s.name, scores)
    return results


def line(name: str, part: str, s: Score) -> str:
    f = "  ".join(f"{k} {a}/{b}" for k, (a, b) in (s.fields or {}).items())
    return (f"{name:<55} {part:<9} tp {s.tp:>3} fp {s.fp:>3} fn {s.fn:>3} tn {s.tn:>3}  P {s.precision:.3f} "
            f"R {s.recall:.3f}  end to end: {f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", type=Path, default=evaluate_real.DEFAULT_DIR)
    ap.add_argument("--parts", nargs="+", default=list(OPEN_PARTS), help=f"parts to score (of {', '.join(OPEN_PARTS)})")
    ap.add_argument("--only", help="only the settings whose name contains this")
    args = ap.parse_args(argv)
    settings = [s for s in SETTINGS if not args.only or args.only in s.name]
    try:
        measure(args.dir, args.parts, settings)
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
