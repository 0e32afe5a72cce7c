#!/usr/bin/env python
"""Write config/url_numbers.yaml: for each family of news sites that numbers its articles in one growing counter, the
(number, day) anchors `assets/media/url_date.page_day` places an undated page by (session 44).

    .venv/bin/python scripts/url_number_anchors.py            # prints each family's leave-one-out accuracy, writes
    .venv/bin/python scripts/url_number_anchors.py --check    # prints only; exit 1 if the file differs

The anchors are the articles of the OPENED parts of tests/media/real/ (`dev`, `measured`, `sources.OPENED_PARTS`) whose
day is known: their `published`, else the full date in their address (`url_date.published_of`). The closed parts
(`sources.NEVER_TRAIN`) give none, so that a closed article is never placed by its own neighbours' dates. Anchors out
of order (a page whose `published` is a later update) are dropped: the longest run whose days never go back is kept.
A family is written only when at least 5 of its anchors can be placed by the others (`page_day`'s rule: neighbours
at most `url_date.MAX_SPAN_DAYS` apart) and at least 90 % of those fall within 60 days of their day (the leave-one-out
check printed)."""
from __future__ import annotations

import argparse
import datetime as dt
import re
import statistics
import sys
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from assets.media import evaluate_real, sources, url_date  # noqa: E402

# name: (host pattern, number pattern: `q` = a query's id, `n` = the path's number)
FAMILIES = {
    "rferl": (r"(?:[\w-]+\.)*(?:azattyq|azattyk|azattyqasia|svoboda|ozodi|rferl|currenttime)\.(?:org|com|tv)"
              r"|d[0-9a-z]{10,16}\.cloudfront\.net",
              r"[?&]id=(?P<q>\d{7,9})(?!\d)|/(?P<n>\d{7,9})(?=\.html|/lbl|/p\d+\.html)"),
    "zakon": (r"(?:[\w-]+\.)*zakon\.kz", r"/(?P<n>\d{7})-[^/]*\.html|/(?P<q>\d{7})/?$"),
    "tengrinews": (r"(?:[\w-]+\.)*tengrinews\.kz", r"-(?P<n>\d{5,7})/?$|/(?P<q>\d{5,7})/?$"),
    "lada": (r"(?:[\w-]+\.)*lada\.kz", r"/(?P<n>\d{5,6})-[^/]*\.html"),
    "vlast": (r"(?:[\w-]+\.)*vlast\.kz", r"/(?P<n>\d{5})-[^/]*\.html"),
}
MIN_ANCHORS = 8
MIN_PLACED = 5  # inner anchors the others place (within MAX_SPAN_DAYS of both neighbours)
WITHIN_DAYS = 60
SHARE = 0.90


def _number(pattern: str, url: str) -> int | None:
    parts = urlsplit(url)
    m = re.search(pattern, parts.path + ("?" + parts.query if parts.query else ""))
    if not m:
        return None
    return int(m.groupdict().get("q") or m.group("n"))


def _longest_in_order(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest subsequence (by number) whose days never go back."""
    best: list[list[tuple[int, int]]] = []
    for p in pairs:
        cands = [b for b in best if b[-1][1] <= p[1]]
        best.append(max(cands, key=len, default=[]) + [p])
    return max(best, key=len, default=[])


def anchors() -> dict[str, list[tuple[int, int]]]:
    out: dict[str, dict[int, int]] = {name: {} for name in FAMILIES}
    for split in ("dev", "measured", *sources.OPENED_PARTS):
        for _name, item in evaluate_real.load(evaluate_real.DEFAULT_DIR, split):
            pub = item.get("published")
            pub = url_date.published_of(dt.date.fromisoformat(str(pub)) if pub else None, item["url"])
            if pub is None:
                continue
            host = (urlsplit(item["url"]).hostname or "").rstrip(".").lower()
            for name, (hosts, number) in FAMILIES.items():
                if re.fullmatch(hosts, host) and (n := _number(number, item["url"])) is not None:
                    out[name].setdefault(n, pub.toordinal())
    return {name: _longest_in_order(sorted(d.items())) for name, d in out.items()}


def _placed(pairs: list[tuple[int, int]], n: int) -> int | None:
    for (n0, d0), (n1, d1) in zip(pairs, pairs[1:]):
        if n0 <= n <= n1:
            if d1 - d0 > url_date.MAX_SPAN_DAYS:  # (as page_day: no pace across a long gap)
                return None
            return d0 if n1 == n0 else round(d0 + (n - n0) * (d1 - d0) / (n1 - n0))
    return None


def leave_one_out(pairs: list[tuple[int, int]]) -> list[int]:
    """Days off for each inner anchor that the others place (as page_day would)."""
    out = []
    for i, (n, d) in enumerate(pairs):
        if 0 < i < len(pairs) - 1 and (placed := _placed(pairs[:i] + pairs[i + 1:], n)) is not None:
            out.append(abs(placed - d))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args(argv)
    families = {}
    for name, pairs in anchors().items():
        errs = leave_one_out(pairs)
        share = sum(e <= WITHIN_DAYS for e in errs) / len(errs) if errs else 0.0
        ok = len(pairs) >= MIN_ANCHORS and len(errs) >= MIN_PLACED and share >= SHARE
        print(f"{name}: {len(pairs)} anchors; {len(errs)} placed by the others: median {statistics.median(errs) if errs else '-'} days "
              f"off, {share:.0%} within {WITHIN_DAYS} days -> {'written' if ok else 'not written'}")
        if ok:
            hosts, number = FAMILIES[name]
            families[name] = {"hosts": hosts, "number": number,
                              "anchors": [[n, dt.date.fromordinal(d).isoformat()] for n, d in pairs]}
    text = ("# Written by scripts/url_number_anchors.py (session 44): for each family of news sites that numbers its\n"
            "# articles in one growing counter, anchors [number, day] from the opened parts' dated articles;\n"
            "# assets/media/url_date.page_day places an undated page between them. Do not edit by hand: run the script.\n"
            + yaml.safe_dump({"families": families}, allow_unicode=True, sort_keys=False, width=120))
    if args.check:
        same = url_date.ANCHORS_FILE.exists() and url_date.ANCHORS_FILE.read_text(encoding="utf-8") == text
        print("config/url_numbers.yaml is " + ("up to date" if same else "out of date: run the script"))
        return 0 if same else 1
    url_date.ANCHORS_FILE.write_text(text, encoding="utf-8")
    print(f"wrote {url_date.ANCHORS_FILE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
