"""How far two careful annotators agree: the ceiling of any score on real articles (issue 16, session 35).

    python -m assets.media.agreement            # the second annotation scored as the extractor is, beside the extractor
    python -m assets.media.agreement --verbose  # and every article where the two annotations differ, field by field
    python -m assets.media.agreement --lang kk  # only the articles in Kazakh (or ru)

Every figure of the media extractor on real text is a comparison with one annotator's reading (tests/media/real/).
A random fifth of the sixteen parts collected blind (learned_backtest.OPENED) was annotated a second time, from the
text alone, by annotators who saw neither the first annotation nor the extractor (tests/media/real/second/, one file
an article: its URL, the second annotator and the annotations, in the first annotation's keys). Here the second
annotation is read as if it were the extractor's output and scored by the same scorer (evaluate_real.evaluate, end
to end: an article the second annotator calls no assembly has no event), beside the extractor on the same articles
(its blind verdicts and fields, blind_fields.measure). What a second human reaches is what the targets of issue 16
can be measured to at best; where the two humans differ, the first annotation is no firmer than the second. A third
reading (second/third.yaml: verdicts only, under a brief that spells out the background convention) tells which of the
two the split verdicts side with once the convention is written down.
"""
from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Sequence
from pathlib import Path
from types import SimpleNamespace

import yaml

from assets.media import evaluate_real
from assets.media.blind_fields import line, measure, pooled
from assets.media.learned_backtest import OPENED, SHIPPED
from assets.media.review_columns import card_schema

SECOND_DIR = evaluate_real.DEFAULT_DIR / "second"
THIRD_FILE = SECOND_DIR / "third.yaml"
KEYS = ("is_event", "date", "city", "form", "participants", "detained")
# the parts the second annotation drew its fifth from (session 35): the opened parts of then, `fresh` … `fresh16`
SAMPLED = OPENED[:OPENED.index("fresh16") + 1]


def _count(v, where: str, key: str, allow_unstated: bool = False):
    """n, [low, high] or null; `unstated` for detentions reported without a number."""
    if v is None or (allow_unstated and v == "unstated"):
        return v
    if isinstance(v, bool) or not (isinstance(v, int) or (isinstance(v, list) and len(v) == 2
                                                          and all(isinstance(x, int) and not isinstance(x, bool)
                                                                  for x in v) and v[0] <= v[1])):
        raise ValueError(f"{where}: field {key}: {v!r} is not a whole number, [low, high] or null")
    return v


def check(ann: dict, where: str) -> dict:
    """The second annotation of one article, its values checked (a bad one is named with its file and field)."""
    if not isinstance(ann, dict):
        raise ValueError(f"{where}: no `annotations` mapping")
    missing = [k for k in KEYS if k not in ann]
    if missing:
        raise ValueError(f"{where}: annotations lack {', '.join(missing)}")
    if not isinstance(ann["is_event"], bool):
        raise ValueError(f"{where}: field is_event: {ann['is_event']!r} is not true or false")
    for d in evaluate_real._as_list(ann["date"]):
        try:
            evaluate_real._date(d)
        except ValueError:
            raise ValueError(f"{where}: field date: {d!r} is not a date (YYYY-MM-DD)") from None
    forms = card_schema()["form"]["codes"]
    for f in evaluate_real._as_list(ann["form"]):
        if f is not None and f not in forms:
            raise ValueError(f"{where}: field form: {f!r} is not a card code ({', '.join(forms)})")
    _count(ann["participants"], where, "participants")
    _count(ann["detained"], where, "detained", allow_unstated=True)
    if not ann["is_event"] and any(ann[k] is not None for k in KEYS[1:]):
        raise ValueError(f"{where}: a non-event with fields set ({', '.join(k for k in KEYS[1:] if ann[k] is not None)})")
    return ann


def load_second(directory: Path = SECOND_DIR) -> dict[str, dict[str, dict]]:
    """{part: {file name: the second annotation}}; each file must be an article of that opened part, by name and URL."""
    out: dict[str, dict[str, dict]] = {}
    if not Path(directory).is_dir():
        raise ValueError(f"{directory}: no such folder of second annotations")
    for sub in sorted(p for p in Path(directory).iterdir() if p.is_dir()):
        if sub.name not in OPENED:
            raise ValueError(f"{sub}: {sub.name!r} is not an opened part ({', '.join(OPENED)})")
        first = first_annotation(sub.name)
        for p in sorted(sub.glob("*.yaml")):
            try:
                data = yaml.safe_load(p.read_text(encoding="utf-8"))
            except (yaml.YAMLError, UnicodeDecodeError) as e:
                raise ValueError(f"{p}: not a YAML file of UTF-8 text ({type(e).__name__}: {str(e)[:200]})") from None
            if p.name not in first:
                raise ValueError(f"{p}: no article {p.name} in part {sub.name}")
            if not isinstance(data, dict) or data.get("url") != first[p.name][0]:
                raise ValueError(f"{p}: field url: {data.get('url') if isinstance(data, dict) else data!r} is not "
                                 f"the URL of {sub.name}/{p.name}")
            out.setdefault(sub.name, {})[p.name] = check(data.get("annotations"), str(p))
    if not out:
        raise ValueError(f"{directory}: no second annotation")
    return out


def as_event(ann: dict) -> SimpleNamespace:
    """A second annotation read as the extractor's first event: one date, city and form (the annotator's first where
    a list allows several), a count's low / best / high (a range's midpoint as best), the detained count (a range's
    midpoint; `unstated`: none given, as the extractor gives none)."""
    n = ann["participants"]
    low, high = (n, n) if not isinstance(n, list) else n
    best = None if n is None else (low + high) // 2
    det = ann["detained"]
    det = None if det in (None, "unstated") else (sum(det) // 2 if isinstance(det, list) else det)
    return SimpleNamespace(date=evaluate_real._date(evaluate_real._as_list(ann["date"])[0]), city=ann["city"],
                           form=evaluate_real._as_list(ann["form"])[0], participants_low=low, participants=best,
                           participants_high=high, detained=det)


@functools.lru_cache(maxsize=None)
def first_annotation(part: str) -> dict[str, tuple[str, bool, str]]:
    """{file name: (URL, the first annotator calls it an assembly, the language)} of one part."""
    return {n.split("/", 1)[1]: (item["url"], bool(item["annotations"]["is_event"]), item.get("lang"))
            for n, item in evaluate_real.load(evaluate_real.DEFAULT_DIR, part)}


def both_assembly(second: dict[str, dict[str, dict]]) -> dict[str, list[str]]:
    """{part: the file names both annotators call an assembly}."""
    out = {p: [n for n, a in sorted(anns.items()) if a["is_event"] and first_annotation(p)[n][1]]
           for p, anns in second.items()}
    return {p: names for p, names in out.items() if names}


def score(second: dict[str, dict[str, dict]], both_only: bool = False) -> dict[str, evaluate_real.Result]:
    """Each part's scores of the second annotation, read as the extractor's output against the first (end to end);
    `both_only`: only the articles both annotators call an assembly (the fields, the event agreed)."""
    both = both_assembly(second) if both_only else None
    out = {}
    for part, anns in second.items():
        by_url = {first_annotation(part)[n][0]: a for n, a in anns.items()}

        def run(item: dict, by_url=by_url):
            ann = by_url[item["url"]]
            return ann["is_event"], [as_event(ann)] if ann["is_event"] else [], SimpleNamespace(
                reasons=["(second annotator)"])

        files = sorted(anns) if both is None else both.get(part)
        if files:
            out[part] = evaluate_real.evaluate(evaluate_real.DEFAULT_DIR, part, files=files, run=run, end_to_end=True)
    return out


def kappa(pairs: Sequence[tuple[bool, bool]]) -> float:
    """Cohen's kappa of two yes/no readings of the same items."""
    n = len(pairs)
    if not n:
        raise ValueError("kappa of no items")
    agree = sum(a == b for a, b in pairs) / n
    pa, pb = sum(a for a, _ in pairs) / n, sum(b for _, b in pairs) / n
    chance = pa * pb + (1 - pa) * (1 - pb)
    return 1.0 if chance == 1 else (agree - chance) / (1 - chance)


def differences(second: dict[str, dict[str, dict]]) -> list[str]:
    """Every article where the second annotation, scored as the extractor is, misses the first: the scorer's own
    lines (file, field, expected, got); not the counts of events abroad, which the scorer keeps apart."""
    out = []
    for r in score(second).values():
        out.extend(e.replace(" ((second annotator))", "") for e in r.errors if "_not_scored" not in e)
    return out


def agreed(second: dict[str, dict[str, dict]]) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """({part: file names both annotators give the same verdict}, {part: the file names they do not})."""
    same: dict[str, list[str]] = {}
    split: dict[str, list[str]] = {}
    for p, anns in second.items():
        for n, a in sorted(anns.items()):
            (same if a["is_event"] == first_annotation(p)[n][1] else split).setdefault(p, []).append(n)
    return same, split


def in_language(second: dict[str, dict[str, dict]], lang: str) -> dict[str, dict[str, dict]]:
    """The second annotation of the articles written in `lang` (ru, kk) only; a part with none is left out."""
    out = {p: {n: a for n, a in anns.items() if first_annotation(p)[n][2] == lang} for p, anns in second.items()}
    return {p: anns for p, anns in out.items() if anns}


def load_third(path: Path = THIRD_FILE) -> dict[str, dict[str, bool]]:
    """{reader: {part/file: the verdict}}: third readings of some articles under a brief that spells out the
    background convention (the issue's: an assembly mentioned for context is no event)."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as e:
        raise ValueError(f"{path}: not a YAML file of UTF-8 text ({type(e).__name__}: {str(e)[:200]})") from None
    readers = data.get("readers") if isinstance(data, dict) else None
    if not isinstance(readers, dict) or not all(isinstance(v, dict) for v in readers.values()):
        raise ValueError(f"{path}: field readers: no mapping of readers to their verdicts")
    out: dict[str, dict[str, bool]] = {}
    for reader, verdicts in readers.items():
        for key, v in verdicts.items():
            part, _, name = key.partition("/")
            if part not in OPENED or name not in first_annotation(part):
                raise ValueError(f"{path}: reader {reader}: {key} is no article of an opened part")
            if not isinstance(v, bool):
                raise ValueError(f"{path}: reader {reader}: {key}: {v!r} is not true or false")
            out.setdefault(reader, {})[key] = v
    if not out:
        raise ValueError(f"{path}: no third reading")
    return out


def sides(second: dict[str, dict[str, dict]], third: dict[str, bool]) -> dict[str, int]:
    """How one third reader reads the articles it was given: on the verdicts the first two split on, how many it gives
    as the first and as the second; on those they agree on, how many it gives as both."""
    out = {"split": 0, "as_first": 0, "as_second": 0, "agreed": 0, "as_both": 0}
    for key, v in third.items():
        part, _, name = key.partition("/")
        first, sec = first_annotation(part)[name][1], second[part][name]["is_event"]
        if first != sec:
            out["split"] += 1
            out["as_first"] += v == first
            out["as_second"] += v == sec
        else:
            out["agreed"] += 1
            out["as_both"] += v == first
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", action="store_true", help="every article where the two annotations differ")
    ap.add_argument("--dir", type=Path, default=SECOND_DIR, help="the second annotation (default: %(default)s)")
    ap.add_argument("--lang", choices=("ru", "kk"), help="only the articles in this language")
    args = ap.parse_args(argv)
    second = load_second(args.dir)
    if args.lang:
        second = in_language(second, args.lang)
    only = {p: sorted(a) for p, a in second.items()}
    pairs = [(first_annotation(p)[n][1], a["is_event"]) for p, anns in second.items() for n, a in anns.items()]
    print(f"{len(pairs)} articles{' in ' + args.lang if args.lang else ''} of {len(second)} blind parts read twice; the two annotators agree on "
          f"{sum(a == b for a, b in pairs)} verdicts (Cohen's kappa {kappa(pairs):.2f})")
    print(line("second annotator, end to end", pooled(list(score(second).values()))))
    models: dict = {}  # each part's shipped model, fitted once for both readings below
    shipped = pooled(list(measure(step=SHIPPED, only=only, models=models).values()))
    print(line("extractor, end to end, as shipped", shipped))
    print(line("extractor, end to end, the rules of the day", pooled(list(measure(only=only).values()))))
    same, split = agreed(second)
    on_same = pooled(list(measure(step=SHIPPED, only=same, models=models).values()))
    print(f"the extractor as shipped errs on {shipped.fp + shipped.fn - on_same.fp - on_same.fn} of the "
          f"{shipped.n - on_same.n} verdicts the annotators split on; on the {on_same.n} they agree on:")
    print(line("extractor, end to end, as shipped", on_same))
    print("on the articles both annotators call an assembly (the fields, the event given):")
    print(line("second annotator", pooled(list(score(second, both_only=True).values())), triage=False))
    print(line("extractor, forced", pooled(list(measure(end_to_end=False, only=both_assembly(second)).values())),
               triage=False))
    if args.dir == SECOND_DIR and not args.lang:  # the third readings name articles of the shipped second annotation
        for reader, verdicts in load_third().items():
            n = sides(second, verdicts)
            print(f"third reader {reader}, the background convention spelled out: of the {n['split']} split verdicts, "
                  f"{n['as_first']} as the first annotation, {n['as_second']} as the second; "
                  f"{n['as_both']} of {n['agreed']} agreed ones as both")
    if args.verbose:
        print("\n".join(differences(second)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
