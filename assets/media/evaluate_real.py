"""Accuracy on REAL published articles (tests/media/real/, one YAML per article; see its README).

    python -m assets.media.evaluate_real [--split dev|measured|all|holdout|fresh|fresh2|wide|wide2|fresh3|fresh4|fresh5|fresh6|fresh7|fresh8|fresh9|fresh10|fresh11|fresh12|fresh13|fresh14|fresh15|fresh16|fresh17|fresh18|fresh19|fresh20|fresh21|fresh22|fresh23|fresh24|fresh25|fresh26|fresh27|fresh28] [--files PATTERN ...] [--verbose]
        [--syntax off|veto|veto_strict|override]

`--files` scores only the articles of the split whose file matches one of the patterns: a glob on the
file name (`mgorod-*.yaml`) or on its name within the set (`holdout/vlast-*`), or `@LIST`, a text file
with one file name a line (`#` comments), e.g. a batch of the holdout (holdout/batch3.txt). A name
given in a list that is not in the split is an error, so a batch is never scored short of an article.

The split was fixed before any rule was written on the set: an article is `measured` when the
SHA-1 of its URL is odd, else `dev`. Rules may be written while looking at `dev`; `measured` is only
measured (the README's numbers come from it). `all` is dev + measured.

`holdout` is a third folder of articles added on 2026-11-30 that no rule was written on (its own
collection, not assigned by the hash). Nobody writing rules reads it; the loader refuses an article
whose URL (scheme, `www.`/`m.`/`amp.`, `/amp`, query and trailing slash aside) is already in
`dev` or `measured`, or twice in `holdout`.

`fresh` is a fourth folder (tests/media/real/fresh/, its README): a SELECTION set, collected and annotated by an
engineer who writes no rules, on which the lead chooses between the rules and the learned steps. Like the
holdout it is its own folder, not split by the hash; the loader refuses a fresh article whose URL (`url_key`) is
already in `dev`, `measured` or the holdout, or twice in `fresh`. `all` never includes it, and nothing trains on
it (the learned steps read `dev` and `measured` only).

`fresh2` is a fifth folder (tests/media/real/fresh2/, its README), a second SELECTION set collected the same way
a round later, read by nobody who writes rules: its articles are in no other part (`dev`, `measured`, the
holdout, `fresh`); `all` never includes it, and nothing trains on it.

`wide` and `wide2` (round 20, tests/media/real/wide*/, their README) widen the reporting beyond Kazakhstan:
Russian- and Kazakh-language reports of assemblies anywhere (Russia, Belarus, Kyrgyzstan, Armenia, Georgia, …) with
detentions and head counts, since the `pages` corpus's Kazakhstan detention stories are used up. Abroad
articles are `is_event: false` (the product's scope) and their counts are scored as `*_not_scored`. An
article belongs to `wide2` when the SHA-1 of its URL (`url_key`) begins with 8-f, else to `wide`
(`wide_half`; the loader refuses a file stored under the other half). `wide` is open to the rule
writers; `wide2` is a SELECTION set read by nobody who writes rules, never trained on. Each refuses an
article already in an earlier part.

Scores (articles whose annotation is `is_event: true` only, except triage):
- triage precision / recall of "reports an assembly";
- date: exact, where the article states it (annotation not null; a list = any of them);
- city: the gazetteer key, or null when the place is no gazetteer city (then null is right);
- form: exact (a list = any of them is acceptable);
- participants in range: a labelled number inside the extracted [low, high]; a labelled range
  [a, b] overlapping [low, high] with the best estimate in [a/1.5, 1.5 b]; scored where stated;
- participants none invented: where the article states no count, the extractor gives none
  (a single person's action counts as stated: 1);
- detentions: exact (or inside a labelled range) where the article reports a number; where it
  reports none, "none invented" = the extractor gives 0 or nothing;
- detained_not_scored: the same check on articles that report no assembly in Kazakhstan (abroad:
  Russia, Belarus) but a number of detained — the phrasings of detention beyond the scored field,
  read with the extraction forced; not part of the field's score;
- participants_not_scored: likewise for a stated head count on such an article (the participants rule);
- participants_none_invented_not_scored: on such an article of the wide parts (which annotate abroad head counts)
  that states no head count, the forced extraction gives none (the "none invented" check beyond the scored field).
"""
from __future__ import annotations

import argparse
import datetime as dt
import fnmatch
import hashlib
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from core import plural

from assets.media import extract, parse, triage, url_date

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "tests" / "media" / "real"
SCORES = ("date", "city", "form", "participants", "participants_none_invented", "detained",
          "detained_none_invented", "detained_not_scored", "participants_not_scored",
          "participants_none_invented_not_scored")
# (session 50) the holdout split in two by MD5("session50:" + URL), listed in its folder: half A opened to the rule
# writers in session 50, half B closed (sources.CLOSED_PARTS); the learned step trains on neither (sources.NEVER_TRAIN)
HOLDOUT_HALVES = {"holdout-a": "session50-halfA.txt", "holdout-b": "session50-halfB.txt"}
# (session 53) the part `wide3` split in two by MD5("session53:" + URL), fixed before it was scored: even = half A,
# opened to the rule writers after its blind score; odd = half B, closed (sources.CLOSED_PARTS); neither trains the step
WIDE3_HALVES = ("wide3-a", "wide3-b")
APART = ("holdout", "fresh", "fresh2", "wide", "wide2", "fresh3", "fresh4", "fresh5", "fresh6", "fresh7", "fresh8", "fresh9", "fresh10", "fresh11", "fresh12", "fresh13", "fresh14", "fresh15", "fresh16", "fresh17", "fresh18", "fresh19", "fresh20", "fresh21", "fresh22", "fresh23", "fresh24", "fresh25", "fresh26", "fresh27", "fresh28", "wide3")  # own folders, not split by the dev/measured hash; in the order added


def wide3_half(url: str) -> str:
    """The half of `wide3` an article is in: `wide3-a` when MD5("session53:" + its URL) is even, else `wide3-b`."""
    return WIDE3_HALVES[int(hashlib.md5(("session53:" + url).encode("utf-8")).hexdigest(), 16) % 2]


def split_of(url: str) -> str:
    """The split an article belongs to, from its URL alone (fixed before the rules)."""
    return "measured" if int(hashlib.sha1(url.encode("utf-8")).hexdigest(), 16) % 2 else "dev"


@dataclass
class Result:
    n: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    ok: dict[str, int] = field(default_factory=lambda: {k: 0 for k in SCORES})
    total: dict[str, int] = field(default_factory=lambda: {k: 0 for k in SCORES})
    errors: list[str] = field(default_factory=list)
    # (session 44) (score, kind) -> misses: what kind of wrong each miss is (`miss_kind`), in totals a closed part may show
    kinds: dict[tuple[str, str], int] = field(default_factory=dict)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    def rate(self, k: str) -> float:
        return self.ok[k] / self.total[k] if self.total[k] else 0.0

    def add(self, other: Result) -> None:
        """Adds another's counts, misses and errors to these (a part's scores are its articles' added)."""
        for k in ("n", "tp", "fp", "fn", "tn"):
            setattr(self, k, getattr(self, k) + getattr(other, k))
        for k in SCORES:
            self.ok[k] += other.ok[k]
            self.total[k] += other.total[k]
        self.errors.extend(other.errors)
        for kind, n in other.kinds.items():
            self.kinds[kind] = self.kinds.get(kind, 0) + n


# Query parameters that only say where a reader came from: they never name another article.
_TRACKING = re.compile(r"^(?:utm_\w*|fbclid|gclid|yclid|ysclid|from|ref|amp|_ga)$", re.IGNORECASE)


def wide_half(url: str) -> str:
    """`wide2` when the SHA-1 of the URL's key begins with 8-f, else `wide` (fixed before any rule was written)."""
    return "wide2" if hashlib.sha1(url_key(url).encode("utf-8")).hexdigest()[0] in "89abcdef" else "wide"


def url_key(url: str) -> str:
    """The article a URL names, for finding the same article under two URLs: host without `www.`,
    `m.`, `amp.` or a trailing dot, path without `/amp` and a trailing slash, percent-escapes
    decoded (`%D0%B0` and `%d0%b0` are one letter); scheme, fragment and tracking parameters
    (`utm_*`, `fbclid`, …) dropped. Other query parameters stay, sorted: `/?p=101` and `/?p=202`
    are two articles of a site that names its pages by query."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").rstrip(".").lower()
    host = re.sub(r"^(?:www|m|amp)\.", "", host)
    path = re.sub(r"/amp(?=/|$)", "", unquote(parts.path)).rstrip("/")
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                   if not _TRACKING.match(k))
    return host + path + ("?" + urlencode(query) if query else "")


# the safe loader, in libyaml's C where PyYAML has it: the same items (all 2,773 files compared), read ~9 times faster —
# each part's loader reads every earlier part again to refuse a URL twice
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _load_part(directory: Path, sub: str) -> list[tuple[str, dict]]:
    out = []
    for p in sorted((directory / sub).glob("*.yaml")):
        item = yaml.load(p.read_text(encoding="utf-8"), Loader=_LOADER)
        if sub in ("wide", "wide2") and wide_half(item["url"]) != sub:
            raise ValueError(f"{p}: stored under {sub} but its URL hashes to {wide_half(item['url'])}")
        if sub not in APART and split_of(item["url"]) != sub:
            raise ValueError(f"{p}: stored under {sub} but its URL hashes to {split_of(item['url'])}")
        out.append((f"{sub}/{p.name}", item))
    return out


def load(directory: Path = DEFAULT_DIR, split: str = "all") -> list[tuple[str, dict]]:
    """The articles of a split: `dev`, `measured`, `all` (= dev + measured), `holdout`, `fresh`, `fresh2`, `wide`,
    `wide2` or `fresh3` …; `holdout-a` and `holdout-b`, the holdout's halves (HOLDOUT_HALVES); `wide3-a` and
    `wide3-b`, the halves of `wide3` (WIDE3_HALVES)."""
    if split in HOLDOUT_HALVES:
        listed = set((directory / "holdout" / HOLDOUT_HALVES[split]).read_text(encoding="utf-8").split())
        return [(name, item) for name, item in load(directory, "holdout") if name.split("/", 1)[-1] in listed]
    if split in WIDE3_HALVES:
        return [(name, item) for name, item in load(directory, "wide3") if wide3_half(item["url"]) == split]
    if split in APART:  # each refuses an article of `dev`, `measured` or a part kept apart before it
        return _load_apart(directory, split, ("dev", "measured", *APART[:APART.index(split)]))
    out = []
    for sub in ("dev", "measured"):
        if split in ("all", sub):
            out.extend(_load_part(directory, sub))
    return out


def _load_apart(directory: Path, part: str, others: tuple[str, ...]) -> list[tuple[str, dict]]:
    """A part kept apart (the holdout, the fresh part), refusing an article already in one of `others` (or
    twice in the part itself)."""
    seen = {url_key(item["url"]): name
            for sub in others for name, item in _load_part(directory, sub)}
    out = []
    for name, item in _load_part(directory, part):
        key = url_key(item["url"])
        if key in seen:
            raise ValueError(f"{directory / name}: url {item['url']} is already in the set as {seen[key]}")
        seen[key] = name
        out.append((name, item))
    return out


def read_patterns(patterns: list[str]) -> tuple[list[str], list[str]]:
    """(globs, exact names) from `--files` arguments; `@LIST` reads a list file, one name a line."""
    globs, names = [], []
    for p in patterns:
        if p.startswith("@"):
            path = Path(p[1:])
            for line in path.read_text(encoding="utf-8").splitlines():
                line = line.split("#", 1)[0].strip()
                if line:
                    names.append(line)
        else:
            globs.append(p)
    return globs, names


def select(items: list[tuple[str, dict]], patterns: list[str] | None) -> list[tuple[str, dict]]:
    """The articles whose file (`holdout/x.yaml` or `x.yaml`) matches a pattern of `--files`."""
    if not patterns:
        return items
    globs, names = read_patterns(patterns)
    have = {n for name, _ in items for n in (name, name.split("/", 1)[-1])}
    missing = [n for n in names if n not in have]
    if missing:
        raise ValueError(f"--files: {plural.en_count(len(missing), 'listed file')} not in the split: {', '.join(missing[:5])}")
    wanted = set(names)
    out = [(name, item) for name, item in items
           if name in wanted or name.split("/", 1)[-1] in wanted
           or any(fnmatch.fnmatch(name, g) or fnmatch.fnmatch(name.split("/", 1)[-1], g) for g in globs)]
    if not out:
        raise ValueError(f"--files: no article of the split matches {patterns}")
    return out


def _as_list(v) -> list:
    return v if isinstance(v, list) else [v]


def _date(v) -> dt.date | None:
    if v is None:
        return None
    return v if isinstance(v, dt.date) else dt.date.fromisoformat(str(v))


def participants_ok(expected, low, best, high) -> bool:
    if isinstance(expected, list):
        a, b = expected
        if low is None or high is None or best is None:
            return False
        return low <= b and high >= a and a / 1.5 <= best <= b * 1.5
    return low is not None and high is not None and low <= expected <= high


def detained_ok(expected, got) -> bool:
    if got is None:
        return False
    if isinstance(expected, list):
        return expected[0] <= got <= expected[1]
    return got == expected


def miss_kind(key: str, expected, got, published: dt.date | None = None) -> str:
    """(session 44) What kind of miss a wrong field is, told without the article: nothing found, or which wrong thing.
    `got` is the field as the extractor gave it (for participants its best estimate); `expected` the annotation."""
    if key == "date":
        if got is None:
            return "no date"
        return "the publication date" if published is not None and got == published else "another day"
    if key == "city":
        if got is None:
            return "no city"
        return "a city where the place is none" if expected is None else "another city"
    if key == "form":
        return "no form" if got is None else "another form"
    if key in ("participants", "detained", "participants_not_scored", "detained_not_scored"):
        return "no number" if got is None or (key.startswith("detained") and got == 0) else "another number"
    return "a number invented"


def article(item: dict) -> tuple[str, str, dt.date | None]:
    """An annotated article's headline (its text's first line), lead (the rest) and publication date (its own, else
    the full date its address names, as `monitor extract` reads the file: `url_date.published_of`)."""
    title, body = parse.headline_and_lead(item["text"])
    return title, body, url_date.published_of(_date(item.get("published")), item.get("url") or "")


def run_one(item: dict) -> tuple[bool, list]:
    title, body, published = article(item)
    tri = triage.with_site(triage.classify(title, body, published), item["url"], title, body)
    events = extract.extract(title, body, published=published, url=item["url"], triage_result=tri, force=True)
    return tri.is_assembly, events, tri


def syntax_run(mode: str):
    """run_one, then the dependency parse's reading of the counts (count_roles.py) by `mode`, on an article of one
    event (as the pipeline applies it)."""
    from assets.media import count_roles

    def run(item: dict) -> tuple[bool, list, triage.TriageResult]:
        said, events, tri = run_one(item)
        if len(events) == 1:
            title, body, published = article(item)
            count_roles.apply_to_event(title, body, published, tri, events[0], mode)
        return said, events, tri

    return run


def evaluate(directory: Path = DEFAULT_DIR, split: str = "all", files: list[str] | None = None, run=None,
             end_to_end: bool = False) -> Result:
    """Scores of one part. The fields are read from the extraction forced on every article (a triage miss still
    has its fields scored), unless `end_to_end`: then as `monitor extract` gives them, an article triage drops has
    no event, so a missed assembly loses every field."""
    res = Result()
    for _name, _item, one in per_article(directory, split, files, run, end_to_end):
        res.add(one)
    return res


def per_article(directory: Path = DEFAULT_DIR, split: str = "all", files: list[str] | None = None, run=None,
                end_to_end: bool = False) -> list[tuple[str, dict, Result]]:
    """Each article of the part with its own scores (`evaluate`'s, a Result of n 1), in the part's order: (file
    name, the annotated item, its scores). `evaluate` adds them up."""
    out = []
    for name, item in select(load(directory, split), files):
        said, events, tri = (run or run_one)(item)  # run: run_one with a learned step (assets/media/learned_score.py)
        out.append((name, item, score_article(name, item, said, events, tri, end_to_end)))
    return out


def score_article(name: str, item: dict, said: bool, events: list, tri, end_to_end: bool = False) -> Result:
    """One article's scores (n 1) from what triage said, the events extracted and the triage result (for its reasons)."""
    res = Result(n=1)
    ann = item["annotations"]
    if end_to_end and not said:
        events = []
    truth = bool(ann["is_event"])
    if said and truth:
        res.tp += 1
    elif said:
        res.fp += 1
        res.errors.append(f"{name}: triage FP ({'; '.join(tri.reasons)[:200]})")
    elif truth:
        res.fn += 1
        res.errors.append(f"{name}: triage FN ({'; '.join(tri.reasons)[:200]})")
    else:
        res.tn += 1
    ev = events[0] if events else None
    lo, best, hi = (ev.participants_low, ev.participants, ev.participants_high) if ev else (None, None, None)
    det = ev.detained if ev else None
    exp_det = ann.get("detained")

    def score(key, ok, detail="", expected=None, got=None):
        res.total[key] += 1
        if ok:
            res.ok[key] += 1
        else:
            res.errors.append(f"{name}: {key} {detail}")
            kind = (key, miss_kind(key, expected, got, _date(item.get("published"))))
            res.kinds[kind] = res.kinds.get(kind, 0) + 1

    if not truth:  # abroad (or no assembly): its stated counts are scored apart, not in the fields' scores
        if exp_det is not None and exp_det != "unstated":
            score("detained_not_scored", detained_ok(exp_det, det), f"expected {exp_det}, got {det}", exp_det, det)
        if ann.get("participants") is not None:
            score("participants_not_scored", participants_ok(ann["participants"], lo, best, hi),
                  f"expected {ann['participants']}, got {(lo, best, hi)}", ann["participants"], best)
        elif name.startswith("wide") and "participants" in ann:  # wide parts annotate abroad counts: null = none stated
            score("participants_none_invented_not_scored", best is None, f"none stated, got {best}")
        return res

    if ann.get("date") is not None:
        want = [_date(d) for d in _as_list(ann["date"])]
        got = ev.date if ev else None
        got = _date(got) if got else None
        score("date", got in want, f"expected {ann['date']}, got {got}", want, got)
    got_city = ev.city if ev else None
    score("city", got_city == ann.get("city"), f"expected {ann.get('city')}, got {got_city}", ann.get("city"), got_city)
    got_form = ev.form if ev else None
    score("form", got_form in _as_list(ann.get("form")), f"expected {ann.get('form')}, got {got_form}", ann.get("form"),
          got_form)
    if ann.get("participants") is not None:
        score("participants", participants_ok(ann["participants"], lo, best, hi),
              f"expected {ann['participants']}, got {(lo, best, hi)}", ann["participants"], best)
    else:
        score("participants_none_invented", best is None, f"none stated, got {(lo, best, hi)}")
    if exp_det is None:
        score("detained_none_invented", not det, f"none reported, got {det}")
    elif exp_det != "unstated":
        score("detained", detained_ok(exp_det, det), f"expected {exp_det}, got {det}", exp_det, det)
    return res


def format_result(res: Result, split: str) -> str:
    lines = [f"real articles, split {split}: {res.n} ({res.tp + res.fn} report an assembly)",
             f"triage: precision {res.precision:.2f}  recall {res.recall:.2f}  "
             f"(tp {res.tp}, fp {res.fp}, fn {res.fn}, tn {res.tn})"]
    for k in SCORES:
        lines.append(f"  {k:<27} {res.ok[k]:>3}/{res.total[k]:<3} {res.rate(k):.2f}")
    return "\n".join(lines)


def format_kinds(res: Result) -> str:
    """Each field's misses by kind, in SCORES' order, the commonest kind first."""
    lines = ["misses by kind:"]
    for k in SCORES:
        kinds = sorted(((n, kind) for (key, kind), n in res.kinds.items() if key == k), key=lambda t: (-t[0], t[1]))
        if kinds:
            lines.append(f"  {k:<27} " + ", ".join(f"{kind} {n}" for n, kind in kinds))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="measured", choices=["all", "dev", "measured", *APART, *HOLDOUT_HALVES, *WIDE3_HALVES])
    ap.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--files", nargs="+", metavar="PATTERN",
                    help="only these files of the split: globs on the file name, or @LIST (one name a line)")
    ap.add_argument("--verbose", "-v", action="store_true")
    ap.add_argument("--kinds", action="store_true",
                    help="also count each field's misses by kind (no value found, or which wrong value): totals only, "
                         "nothing of any article, so a closed part may be read so")
    ap.add_argument("--end-to-end", action="store_true",
                    help="score the fields as monitor extract gives them: an article triage drops has no event")
    ap.add_argument("--syntax", default="off", choices=["off", "veto", "veto_strict", "override"],
                    help="the dependency parse's reading of the counts after the rules (count_roles.py; default off)")
    args = ap.parse_args(argv)
    res = evaluate(args.dir, args.split, args.files, run=None if args.syntax == "off" else syntax_run(args.syntax),
                   end_to_end=args.end_to_end)
    print(format_result(res, args.split + (f" ({' '.join(args.files)})" if args.files else "")
                        + (", end to end" if args.end_to_end else "")))
    if args.kinds:
        print(format_kinds(res))
    if args.verbose:
        for e in res.errors:
            print("  -", e)
    return 0


if __name__ == "__main__":
    sys.exit(main())
