"""Every field as the rules read text nobody had read: the blind parts pooled (issue 16, session 34).

    python -m assets.media.blind_fields               # pooled: end to end, then with the extraction forced
    python -m assets.media.blind_fields --per-part    # and each part's end-to-end scores
    python -m assets.media.blind_fields --shipped     # and end to end with the learned step as shipped (~30 s more)
    python -m assets.media.blind_fields --lang kk     # only the articles in Kazakh (or ru)

Sixteen parts of tests/media/real/ (learned_backtest.OPENED) were collected blind and opened to the rule writers after
their first scoring; today's rules are fitted to them. scripts/blind_verdicts.py takes each part back to the commit
before it was added and keeps what that commit's rules said: the triage verdict (blind_verdicts.json) and the fields
of its extraction forced on every article (tests/media/real/blind_fields.json: date, city, form, participants low /
best / high, detained; no label, no text). Here today's scorer (evaluate_real.evaluate, the same per-field rules as
every other figure) reads those fields against today's annotations, part by part, and pools them: per field, the
broadest honest figure of what a new set of real articles gets from `monitor extract` (end to end: an assembly the
triage missed has no event, so it loses every field).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from types import SimpleNamespace

from assets.media import evaluate_real
from assets.media.learned_backtest import (FIRST, OPENED, SHIPPED, Setting, examples, load_blind, probabilities,
                                           with_step)
from assets.media.learned_triage import corpus_examples

FIELDS_FILE = evaluate_real.DEFAULT_DIR / "blind_fields.json"
KEYS = ("date", "city", "form", "participants_low", "participants", "participants_high", "detained")
# the fields a README row shows, in its order (evaluate_real.SCORES less the parts of the score kept apart)
SHOWN = ("date", "city", "form", "participants", "participants_none_invented", "detained", "detained_none_invented")


def load_fields(path: Path = FIELDS_FILE) -> dict[str, dict[str, SimpleNamespace | None]]:
    """{part: {url: the blind extraction's first event (its KEYS), or None where it gave none}}."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    out: dict[str, dict[str, SimpleNamespace | None]] = {}
    for part, d in data.items():
        if part not in OPENED:
            raise ValueError(f"{path}: part {part!r} is not an opened part ({', '.join(OPENED)})")
        out[part] = {}
        for url, row in d["fields"].items():
            if row is not None and len(row) != len(KEYS):
                raise ValueError(f"{path}: {part} {url}: {len(row)} values, expected {len(KEYS)} ({', '.join(KEYS)})")
            out[part][url] = None if row is None else SimpleNamespace(
                **dict(zip(KEYS, [dt.date.fromisoformat(row[0]) if row[0] else None, *row[1:]])))
    return out


def score_part(part: str, said: dict[str, bool], fields: dict[str, SimpleNamespace | None],
               end_to_end: bool = True, files: list[str] | None = None) -> evaluate_real.Result:
    """One part scored by today's scorer on the blind verdicts (`said`: {url: an assembly}) and fields; `files`: only
    those articles of it (evaluate_real's `--files`)."""
    def run(item: dict):
        url = item["url"]
        if url not in said or url not in fields:
            raise ValueError(f"{part}: {url} has no blind verdict or fields: run scripts/blind_verdicts.py {part}")
        ev = fields[url]
        return said[url], [ev] if ev is not None else [], SimpleNamespace(reasons=["(blind verdict)"])

    return evaluate_real.evaluate(evaluate_real.DEFAULT_DIR, part, files=files, run=run, end_to_end=end_to_end)


def pooled(results: Sequence[evaluate_real.Result]) -> evaluate_real.Result:
    total = evaluate_real.Result()
    for r in results:
        for k in ("n", "tp", "fp", "fn", "tn"):
            setattr(total, k, getattr(total, k) + getattr(r, k))
        for k in evaluate_real.SCORES:
            total.ok[k] += r.ok[k]
            total.total[k] += r.total[k]
    return total


def in_language(part: str, lang: str) -> list[str]:
    """The file names of the part's articles annotated in `lang` (ru, kk)."""
    return [name.split("/", 1)[-1] for name, item in evaluate_real.load(evaluate_real.DEFAULT_DIR, part)
            if item.get("lang") == lang]


def measure(parts: Sequence[str] | None = None, end_to_end: bool = True, step: Setting | None = None,
            lang: str | None = None, only: dict[str, list[str]] | None = None,
            models: dict | None = None) -> dict[str, evaluate_real.Result]:
    """Each part's scores on its blind verdicts; `step`: changed by a learned step (learned_backtest's setting; the
    shipped step is SHIPPED) trained on other opened parts, as learned_backtest combines it; `lang`: only the articles
    in that language (a part with none of them is left out); `only`: {part: file names}, only those articles of those
    parts (assets/media/agreement.py: the articles a second annotator read); `models`: the step's fitted models, kept
    for the caller's next call (learned_backtest.probabilities)."""
    if lang and only:
        raise ValueError("measure: give `lang` or `only`, not both")
    verdicts, fields = load_blind(), load_fields()
    parts = [p for p in (parts or (list(only) if only else OPENED)) if p in verdicts and p in fields]
    if lang:
        files = {p: in_language(p, lang) for p in parts}
    elif only:
        files = {p: list(only.get(p, [])) for p in parts}
    else:
        files = {}
    parts = [p for p in parts if not (lang or only) or files[p]]
    if step is None:
        said = {p: with_step(verdicts[p], None) for p in parts}
    else:
        ex = {p: examples(p) for p in (*FIRST, *OPENED)}
        corpus, models = corpus_examples(rules=False), {} if models is None else models
        said = {p: with_step(verdicts[p], probabilities(step, p, ex, corpus, models), step.mode, step.low, step.high)
                for p in parts}
    return {p: score_part(p, said[p], fields[p], end_to_end, files.get(p)) for p in parts}


def line(name: str, r: evaluate_real.Result, triage: bool = True) -> str:
    """One row of scores; `triage`: with the triage's (not where the assembly is given, as in a forced reading)."""
    cells = " ".join(f"{k.replace('_none_invented', ' none inv.')} {r.ok[k]}/{r.total[k]} {r.rate(k):.2f};"
                     for k in SHOWN)
    tri = f"triage P {r.precision:.2f} R {r.recall:.2f} ({r.tp}/{r.fp}/{r.fn})  " if triage else ""
    return f"{name:<9} n {r.n:>4}  {tri}{cells}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--per-part", action="store_true", help="each part's end-to-end scores too")
    ap.add_argument("--lang", choices=("ru", "kk"), help="only the articles in this language")
    ap.add_argument("--shipped", action="store_true",
                    help="and end to end with the learned step as shipped (trained on TRAIN_SPLITS less the part)")
    args = ap.parse_args(argv)
    per = measure(end_to_end=True, lang=args.lang)
    if args.per_part:
        for p, r in per.items():
            print(line(p, r))
    print(line("pooled, end to end", pooled(list(per.values()))))
    if args.shipped:
        print(line("pooled, end to end, as shipped", pooled(list(measure(step=SHIPPED, lang=args.lang).values()))))
    print(line("pooled, forced", pooled(list(measure(end_to_end=False, lang=args.lang).values()))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
