"""(session 51; first tried in session 44) When a page was published, read from its address, for an article whose
publication date is unknown.

Two of every three real articles of `tests/media/real/` carry no publication date (an archived page, a saved lead), and
then "вчера", "сегодня" or "в субботу" name no day. Their addresses often say more: a full date in the path
("/2024-02-26/", "/20111210/", "/2019/12/16/", "…-2021-02-28/31126199.html"). Of the 297 real articles that have both
(session 44's count), 294 were published on that day and the other three within two days of it. It is taken as the
publication date (`published_of`, applied by `parse.Article` to every article however it was read, and by the fetcher
before a server's Last-Modified), so relative days are resolved as on a dated page. Nothing here is read when the
article has its own publication date.

Session 44 measured it (7f3f02b3): the opened parts' dates +2, every closed part identical; it was reverted then under
that session's rule (a closed total had to rise), and shipped in session 51 under its own (no part falls; a mechanism
judged by hand cases). Session 44's second half — an article number placing a page near a day — stays out (its anchors
are fitted to the opened parts)."""
from __future__ import annotations

import datetime as dt
import re
from urllib.parse import unquote, urlsplit

FIRST_YEAR = 1991  # no Kazakh news page is older

# a year, a month and a day in the path: "2024-02-26", "2024_02_26", "2024/02/26", "20111210" — never inside a longer
# run of digits (an article number), and the month and day must make a date
_FULL_DATE_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)([-_/]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)")


def date_in_url(url: str, today: dt.date | None = None) -> dt.date | None:
    """The first full date in a URL's path (not its host, query or fragment), if it is a real day between 1991 and
    today; None for a file's or standard input's address."""
    parts = urlsplit(url or "")
    if parts.scheme not in ("http", "https"):
        return None
    path = unquote(parts.path)
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
