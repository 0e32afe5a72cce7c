"""(session 44) When a page was published, read from its address, for an article whose publication date is unknown.

Two of every three real articles of `tests/media/real/` carry no publication date (an archived page, a saved lead), and
then a date written without its year ("24 февраля") names no day, and "вчера" none either. Their addresses often say
more:

- **a full date in the address's path** ("/2024-02-26/", "/20111210/", "/2019/12/16/", "…-2021-02-28/31126199.html"):
  of the 297 real articles that have both, 294 were published on that day and the other three within two days of it.
  It is taken as the publication date (`published_of`), so "вчера" and "в субботу" are resolved as on a dated page;
- **an article number that grows with time** (`page_day`): Radio Free Europe / Radio Liberty numbers every article of
  every service from one counter (rus.azattyq.org/a/31722339.html is February 2022, …/32139053.html November 2022),
  and Azattyq is the set's most frequent site without a date (133 of its articles). The number places the page near a
  day by interpolation between anchors — articles whose date is known — listed in `config/url_numbers.yaml`
  (`scripts/url_number_anchors.py` writes them from the opened parts' dated articles); a number places a page within
  weeks, not days, so it only gives a yearless date its year (`document.Doc.page_day`), never a day to "вчера".

Nothing here is read when the article has its own publication date."""
from __future__ import annotations

import bisect
import datetime as dt
import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

ANCHORS_FILE = Path(__file__).resolve().parents[2] / "config" / "url_numbers.yaml"
FIRST_YEAR = 1991  # no Kazakh news page is older
# a page is placed only between anchors at most this far apart, or this far past the last one: farther, the counter's
# pace is not known (RFE/RL's went from seven digits to eight between 2010 and 2013)
MAX_SPAN_DAYS = 400

# a year, a month and a day in the path: "2024-02-26", "2024_02_26", "2024/02/26", "20111210" — never inside a longer
# run of digits (an article number), and the month and day must make a date
_FULL_DATE_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)([-_/]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)")


def date_in_url(url: str, today: dt.date | None = None) -> dt.date | None:
    """The first full date in a URL's path (not its host, query or fragment), if it is a real day between 1991 and
    today."""
    path = unquote(urlsplit(url or "").path)
    today = today or dt.date.today()
    for m in _FULL_DATE_RE.finditer(path):
        try:
            d = dt.date(int(m.group(1)), int(m.group(3)), int(m.group(4)))
        except ValueError:  # 2019-02-30
            continue
        if FIRST_YEAR <= d.year and d <= today:
            return d
    return None


def published_of(published: dt.date | None, url: str) -> dt.date | None:
    """The article's publication date: its own, else the full date its address names, else None."""
    return published if published is not None else date_in_url(url)


# -- article numbers that grow with time ------------------------------------------------------------------------------
def _family_re(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.I)


@lru_cache(maxsize=4)
def _families(path: Path = ANCHORS_FILE) -> tuple:
    """(name, host pattern, number pattern, sorted (number, ordinal day) anchors) of every family of sites."""
    if not path.exists():
        return ()
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    out = []
    for name, fam in (data.get("families") or {}).items():
        pairs = sorted((int(n), dt.date.fromisoformat(str(d)).toordinal()) for n, d in fam["anchors"])
        out.append((name, _family_re(fam["hosts"]), _family_re(fam["number"]), tuple(pairs)))
    return tuple(out)


def article_number(url: str, path: Path = ANCHORS_FILE) -> tuple[str, int] | None:
    """(family, number) of a page of a site that numbers its articles in one growing counter, else None."""
    parts = urlsplit(url or "")
    host = (parts.hostname or "").rstrip(".").lower()
    for name, hosts, number, _anchors in _families(path):
        if not hosts.fullmatch(host):
            continue
        m = number.search(unquote(parts.path) + ("?" + parts.query if parts.query else ""))
        if m:
            return name, int(m.groupdict().get("q") or m.group("n"))
    return None


def page_day(url: str, today: dt.date | None = None, path: Path = ANCHORS_FILE) -> dt.date | None:
    """The day a page of a numbering site was published, about (within weeks): its number placed between the two
    anchors around it, days in proportion to numbers; past the last anchor at the last two anchors' pace, never past
    today. None before the first anchor, between anchors more than MAX_SPAN_DAYS apart or that far past the last (the
    counter's pace there is not known), or for another site."""
    found = article_number(url, path)
    if found is None:
        return None
    name, n = found
    anchors = next(a for fam, _h, _n, a in _families(path) if fam == name)
    if len(anchors) < 2 or n < anchors[0][0]:
        return None
    nums = [a[0] for a in anchors]
    i = bisect.bisect_right(nums, n)
    past_last = i >= len(anchors)
    (n0, d0), (n1, d1) = (anchors[-2], anchors[-1]) if past_last else (anchors[i - 1], anchors[i])
    if d1 - d0 > MAX_SPAN_DAYS:  # anchors years apart (a counter that changed its scheme): no pace to trust
        return None
    day = d0 if n1 == n0 else round(d0 + (n - n0) * (d1 - d0) / (n1 - n0))
    if past_last and day - d1 > MAX_SPAN_DAYS:
        return None
    today = today or dt.date.today()
    return dt.date.fromordinal(min(max(day, d0), today.toordinal()))


def in_year_near(d: dt.date, near: dt.date) -> dt.date | None:
    """A date written without its year, put in the year that brings it nearest `near` (a page's approximate day):
    "30 декабря" near 3 January 2022 is 30 December 2021, "24 февраля" near 20 February 2022 is 24 February 2022.
    None for 29 February with no leap year near."""
    best = None
    for year in (near.year - 1, near.year, near.year + 1):
        try:
            c = d.replace(year=year)
        except ValueError:
            continue
        if best is None or abs((c - near).days) < abs((best - near).days):
            best = c
    return best
