"""Every field as the rules read text nobody had read: the blind parts pooled (issue 16, session 34).

    python -m assets.media.blind_fields               # pooled: end to end, then with the extraction forced
    python -m assets.media.blind_fields --per-part    # and each part's end-to-end scores
    python -m assets.media.blind_fields --shipped     # and end to end with the learned step as shipped (~30 s more)
    python -m assets.media.blind_fields --lang kk     # only the articles in Kazakh (or ru)
    python -m assets.media.blind_fields --by-site     # and a table by news site (with --shipped: as shipped)

Sixteen parts of tests/media/real/ (learned_backtest.OPENED) were collected blind and opened to the rule writers after
their first scoring; today's rules are fitted to them. scripts/blind_verdicts.py takes each part back to the commit
before it was added and keeps what that commit's rules said: the triage verdict (blind_verdicts.json) and the fields
of its extraction forced on every article (tests/media/real/blind_fields.json: date, city, form, participants low /
best / high, detained; no label, no text). Here today's scorer (evaluate_real.evaluate, the same per-field rules as
every other figure) reads those fields against today's annotations, part by part, and pools them: per field, the
broadest honest figure of what a new set of real articles gets from `monitor extract` (end to end: an assembly the
triage missed has no event, so it loses every field).

`--by-site` (session 45) splits the same end-to-end scores by the site of each article's URL (`site_of`: its
registrable domain), for choosing the sources of config/sources.yaml: one row a site with at least `--min-articles`
articles, the rest pooled in one row; the rows add up to the pooled line. Totals only, no article named.
"""
from __future__ import annotations

import argparse
import datetime as dt
import ipaddress
import json
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit

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


Article = tuple[str, dict, evaluate_real.Result]  # (file name, annotated item, its scores): evaluate_real.per_article


def _blind_run(part: str, said: dict[str, bool], fields: dict[str, SimpleNamespace | None]):
    """evaluate_real's `run` that gives each article the blind verdict and fields instead of reading it."""
    def run(item: dict):
        url = item["url"]
        if url not in said or url not in fields:
            raise ValueError(f"{part}: {url} has no blind verdict or fields: run scripts/blind_verdicts.py {part}")
        ev = fields[url]
        return said[url], [ev] if ev is not None else [], SimpleNamespace(reasons=["(blind verdict)"])

    return run


def score_part(part: str, said: dict[str, bool], fields: dict[str, SimpleNamespace | None],
               end_to_end: bool = True, files: list[str] | None = None) -> evaluate_real.Result:
    """One part scored by today's scorer on the blind verdicts (`said`: {url: an assembly}) and fields; `files`: only
    those articles of it (evaluate_real's `--files`)."""
    return evaluate_real.evaluate(evaluate_real.DEFAULT_DIR, part, files=files, run=_blind_run(part, said, fields),
                                  end_to_end=end_to_end)


def part_articles(part: str, said: dict[str, bool], fields: dict[str, SimpleNamespace | None],
                  end_to_end: bool = True, files: list[str] | None = None) -> list[Article]:
    """score_part's scores article by article (evaluate_real.per_article): added up they are score_part's."""
    return evaluate_real.per_article(evaluate_real.DEFAULT_DIR, part, files=files, run=_blind_run(part, said, fields),
                                     end_to_end=end_to_end)


def summed(articles: Iterable[Article]) -> evaluate_real.Result:
    """The scores of these articles added up (as evaluate_real.evaluate adds a part's)."""
    return pooled([r for _name, _item, r in articles])


def pooled(results: Iterable[evaluate_real.Result]) -> evaluate_real.Result:
    """These scores added up (evaluate_real.Result.add)."""
    total = evaluate_real.Result()
    for r in results:
        total.add(r)
    return total


def in_language(part: str, lang: str) -> list[str]:
    """The file names of the part's articles annotated in `lang` (ru, kk)."""
    return [name.split("/", 1)[-1] for name, item in evaluate_real.load(evaluate_real.DEFAULT_DIR, part)
            if item.get("lang") == lang]


def measure(parts: Sequence[str] | None = None, end_to_end: bool = True, step: Setting | None = None,
            lang: str | None = None, only: dict[str, list[str]] | None = None,
            models: dict | None = None) -> dict[str, evaluate_real.Result]:
    """Each part's scores on its blind verdicts: measure_articles' added up, part by part."""
    return {p: summed(a) for p, a in measure_articles(parts, end_to_end, step, lang, only, models).items()}


def measure_articles(parts: Sequence[str] | None = None, end_to_end: bool = True, step: Setting | None = None,
                     lang: str | None = None, only: dict[str, list[str]] | None = None,
                     models: dict | None = None) -> dict[str, list[Article]]:
    """Each part's scores article by article on its blind verdicts; `step`: changed by a learned step (learned_backtest's setting; the
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
    return {p: part_articles(p, said[p], fields[p], end_to_end, files.get(p)) for p in parts}


# suffixes under which each name is its own outlet: second-level public suffixes and hosting services (a short list
# for the hosts of tests/media/real/, not the whole public suffix list)
SHARED_SUFFIXES = frozenset({"com.kz", "org.kz", "net.kz", "gov.kz", "edu.kz", "com.ru", "org.ru", "net.ru", "com.ua",
                             "org.ua", "com.kg", "org.kg", "co.uk", "org.uk", "cloudfront.net", "blogspot.com",
                             "livejournal.com", "appspot.com", "ucoz.ru", "narod.ru", "pangea-cms.com"})
_HOST = re.compile(r"^[\w-]+(?:\.[\w-]+)+$")


def site_of(url: str) -> str:
    """The site a URL is on: its registrable domain. The host, lowercased, without port or trailing dot, cut to its last
    two labels, or three under a SHARED_SUFFIXES suffix (`x.cloudfront.net`, `astana.gov.kz`): `www.`, `m.`, a
    language's (`rus.`, `kaz.`, `qz.`) and a test subdomain are the site's, so `rus.azattyq.org`, `www.azattyq.org`
    and `azattyq.org` are one site. A URL without a scheme is read from its host; an IP address is kept whole;
    '' where no host can be read (a bad URL, a single label)."""
    text = url.strip()
    if not re.match(r"^[a-z][a-z0-9+.-]*://", text, re.IGNORECASE) and not text.startswith("//"):
        text = "//" + text
    try:
        host = (urlsplit(text).hostname or "").rstrip(".").lower()
    except ValueError:  # e.g. an unclosed IPv6 bracket
        return ""
    try:
        return str(ipaddress.ip_address(host))
    except ValueError:
        pass
    if not _HOST.match(host):
        return ""
    labels = host.split(".")
    keep = 3 if ".".join(labels[-2:]) in SHARED_SUFFIXES else 2
    return ".".join(labels[-keep:])


def by_site(outcomes: Iterable[tuple[str, evaluate_real.Result]]) -> dict[str, evaluate_real.Result]:
    """{site: the scores of its articles added up} from (url, an article's scores) pairs; '' for a URL without a site."""
    out: dict[str, evaluate_real.Result] = {}
    for url, r in outcomes:
        out.setdefault(site_of(url), evaluate_real.Result()).add(r)
    return out


def site_rows(sites: dict[str, evaluate_real.Result], min_articles: int = 10) -> list[tuple[str, evaluate_real.Result]]:
    """The table's rows: each site with at least `min_articles` articles, the most articles first (then by name), and
    last the others pooled in one row "other sites (K)" (K sites), when there are any."""
    big = sorted(((s, r) for s, r in sites.items() if r.n >= min_articles), key=lambda t: (-t[1].n, t[0]))
    rest = [r for r in sites.values() if r.n < min_articles]
    return [*big, (f"other sites ({len(rest)})", pooled(rest))] if rest else big


SITE_FIELDS = ("city", "form", "participants")


def site_table(rows: Sequence[tuple[str, evaluate_real.Result]]) -> str:
    """The rows as a text table: articles, assemblies (annotated), triage tp / fp / fn, and right/scored for each of
    SITE_FIELDS."""
    head = ("site", "articles", "assemblies", "tp", "fp", "fn", *SITE_FIELDS)
    body = [(s or "(no site)", str(r.n), str(r.tp + r.fn), str(r.tp), str(r.fp), str(r.fn),
             *(f"{r.ok[k]}/{r.total[k]}" for k in SITE_FIELDS)) for s, r in rows]
    width = [max(len(row[i]) for row in (head, *body)) for i in range(len(head))]
    return "\n".join("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, width)))
                     for row in (head, *body))


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
    ap.add_argument("--by-site", action="store_true",
                    help="and a table of the end-to-end scores by site (as shipped with --shipped, else the blind rules)")
    ap.add_argument("--min-articles", type=int, default=10, metavar="N",
                    help="with --by-site: sites with fewer articles are pooled in one row (default 10)")
    args = ap.parse_args(argv)
    arts = measure_articles(end_to_end=True, lang=args.lang)
    per = {p: summed(a) for p, a in arts.items()}
    if args.per_part:
        for p, r in per.items():
            print(line(p, r))
    print(line("pooled, end to end", pooled(list(per.values()))))
    if args.shipped:
        arts_shipped = measure_articles(step=SHIPPED, lang=args.lang)
        print(line("pooled, end to end, as shipped", pooled([summed(a) for a in arts_shipped.values()])))
    print(line("pooled, forced", pooled(list(measure(end_to_end=False, lang=args.lang).values()))))
    if args.by_site:
        chosen = arts_shipped if args.shipped else arts
        print(f"\nby site, end to end{', as shipped' if args.shipped else ', the blind rules alone'}"
              f" (sites of fewer than {args.min_articles} articles pooled):")
        print(site_table(site_rows(by_site((item["url"], r) for a in chosen.values() for _, item, r in a),
                                   args.min_articles)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
