"""Accuracy of triage and extraction on the labelled test set (tests/media/corpus/labels.yaml).

    python -m assets.media.evaluate [--split dev|holdout|blind2|blind3|blind4|blind5|blind6|blind7|all] [--verbose] [--corpus DIR]

Prints triage precision / recall and, for the articles that report an assembly, per-field
accuracy: date, city, form (exact), participants (the labelled number inside the extracted
[low, high]; for a labelled range, the extracted best estimate inside it), detentions.
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from assets.media import extract, parse, triage

FIELDS = ("date", "city", "form", "participants", "detained")
DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "tests" / "media" / "corpus"


@dataclass
class Report:
    n: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    field_ok: dict[str, int] = field(default_factory=lambda: {f: 0 for f in FIELDS})
    field_n: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0


def in_range(expected, low, best, high) -> bool:
    if expected is None:
        return best is None  # the article states no count: none is invented
    if isinstance(expected, list):
        return best is not None and expected[0] <= best <= expected[1]
    if low is None or high is None:
        return False
    return low <= expected <= high


def detained_ok(expected, got) -> bool:
    if isinstance(expected, list):
        return got is not None and expected[0] <= got <= expected[1]
    return got == expected


def evaluate(corpus: Path = DEFAULT_CORPUS, split: str = "all") -> Report:
    labels = yaml.safe_load((corpus / "labels.yaml").read_text(encoding="utf-8"))["articles"]
    rep = Report()
    for item in labels:
        if split != "all" and item.get("split") != split:
            continue
        rep.n += 1
        art = parse.read_local(corpus / item["file"], published=item.get("published"))[0]
        tri = triage.classify(art.title, art.text, art.published)
        truth = bool(item["assembly"])
        if tri.is_assembly and truth:
            rep.tp += 1
        elif tri.is_assembly:
            rep.fp += 1
            rep.errors.append(f"{item['file']}: triage says assembly ({'; '.join(tri.reasons)})")
        elif truth:
            rep.fn += 1
            rep.errors.append(f"{item['file']}: triage missed it ({'; '.join(tri.reasons)})")
        else:
            rep.tn += 1
        if not truth:
            continue
        rep.field_n += 1
        events = extract.extract(art.title, art.text, published=item.get("published"), url=art.url,
                                 triage_result=tri, force=True)
        ev = events[0]
        exp = item["expected"]
        checks = {
            "date": ev.date == exp["date"],
            "city": ev.city == exp["city"],
            "form": ev.form == exp["form"],
            "participants": in_range(exp["participants"], ev.participants_low, ev.participants, ev.participants_high),
            "detained": detained_ok(exp["detained"], ev.detained),
        }
        for f, ok in checks.items():
            if ok:
                rep.field_ok[f] += 1
            else:
                got = {
                    "participants": (ev.participants_low, ev.participants, ev.participants_high),
                }.get(f, getattr(ev, f))
                rep.errors.append(f"{item['file']}: {f} expected {exp[f]!r}, got {got!r}")
    return rep


def format_report(rep: Report, split: str) -> str:
    lines = [f"split: {split}; articles: {rep.n} ({rep.tp + rep.fn} report an assembly)",
             f"triage: precision {rep.precision:.2f}  recall {rep.recall:.2f}  "
             f"(tp {rep.tp}, fp {rep.fp}, fn {rep.fn}, tn {rep.tn})"]
    for f in FIELDS:
        ok = rep.field_ok[f]
        lines.append(f"  {f:<13} {ok:>3}/{rep.field_n:<3} {ok / rep.field_n if rep.field_n else 0:.2f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="all", choices=["all", "dev", "holdout", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7"])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--verbose", "-v", action="store_true")
    args = ap.parse_args(argv)
    rep = evaluate(args.corpus, args.split)
    print(format_report(rep, args.split))
    if args.verbose:
        for e in rep.errors:
            print("  -", e)
    return 0


if __name__ == "__main__":
    sys.exit(main())
