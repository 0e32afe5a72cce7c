"""What changed since the last published edition (issue 18): the cards (and events not held) added,
corrected or removed between an edition's date and now (or the `--as-of` moment), from the card
revisions (sql/report/card_changes.sql), listed in the report's appendix by date, city and the
fields that changed — never a card id, a name or a note.

The edition's date is given by `monitor report --changes-since DATE` or, for runs through Dagster,
MONITOR_REPORT_CHANGES_SINCE (read when the report is rendered). Without it the appendix is unchanged.
"""
from __future__ import annotations

import datetime as dt
import os

import duckdb
import polars as pl

from assets.core.sqlfiles import sql
from assets.core.warehouse import query
from assets.report import fmt, labels
from assets.report.tables import md_escape, pipe_table

FOREVER = dt.datetime(9999, 12, 31, tzinfo=dt.timezone.utc)
_META = {"kind", "row_hash", "period", "card_id"}

_TEXT = {
    "ru": {"title": "Изменения с предыдущего издания", "since": "Карточки, добавленные, исправленные или удалённые с {since}",
           "upto": " по {until}", "none": "С {since} ни одна карточка не изменилась.",
           "cols": ["Дата", "Город", "Изменение", "Поля"], "persons": "Лица",
           "added": "добавлена", "changed": "исправлена", "removed": "удалена"},
    "en": {"title": "Changes since the previous edition", "since": "Cards added, corrected or removed since {since}",
           "upto": " up to {until}", "none": "No card has changed since {since}.",
           "cols": ["Date", "City", "Change", "Fields"], "persons": "Persons",
           "added": "added", "changed": "corrected", "removed": "removed"},
}


def parse_moment(text: str, end_of_day: bool = True) -> dt.datetime:
    """A date (YYYY-MM-DD, or any ISO form of a date alone such as 20261130: the end of that day, UTC) or an ISO
    date-time (without a zone: UTC)."""
    text = text.strip()
    try:
        try:  # a date alone, however written, is the whole day (20261130 was read as its first moment, 00:00)
            d = dt.date.fromisoformat(text)
        except ValueError:
            moment = dt.datetime.fromisoformat(text)
        else:
            t = dt.time.max if end_of_day else dt.time.min
            return dt.datetime.combine(d, t, tzinfo=dt.timezone.utc)
    except ValueError:
        raise ValueError(f"{text!r} is not a date (YYYY-MM-DD) or a date and time (YYYY-MM-DDTHH:MM[:SS][+zone])") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)


def check_moments(as_of: str | None, since: str | None, now: dt.datetime) -> None:
    """Refuse what names no past edition (ValueError, naming the option): an empty value (it used to render today's
    report in place of the one asked for), a moment after `now`, changes since a moment after the as-of one."""
    for opt, text in (("--as-of", as_of), ("--changes-since", since)):
        if text is None:
            continue
        if not text.strip():
            raise ValueError(f"{opt} is empty: give a date (YYYY-MM-DD) or a date and time (YYYY-MM-DDTHH:MM[:SS][+zone])")
        if parse_moment(text, end_of_day=False) > now:
            raise ValueError(f"{opt} {text.strip()} is in the future (now: {now:%Y-%m-%d %H:%M} UTC); " + (
                "the report as it is now needs no --as-of" if opt == "--as-of" else
                "no card can have changed since then: give the moment of the last edition, in the past"))
    if as_of is not None and since is not None and parse_moment(since, end_of_day=False) > parse_moment(as_of):
        raise ValueError(f"--changes-since {since.strip()} is after --as-of {as_of.strip()}: the changes are listed up "
                         "to the as-of moment, from an earlier one")


def since_from_env() -> dt.datetime | None:
    text = os.environ.get("MONITOR_REPORT_CHANGES_SINCE", "").strip()
    return parse_moment(text) if text else None


def card_changes(con: duckdb.DuckDBPyConnection, period: str, since: dt.datetime, until: dt.datetime | None = None) -> pl.DataFrame:
    """card_id, kind, date, city, change (added | changed | removed), fields (the card fields that changed)."""
    df = query(con, sql("report/card_changes"), {"period": period, "since": since, "until": until or FOREVER})
    fields = []
    for r in df.iter_rows(named=True):
        changed: list[str] = []
        if r["change"] == "changed" and r["hash_before"] != r["hash_after"]:
            # the revision open at `since` and the one open at `until`, named by their valid_from
            pair = query(con, sql("report/card_revision_pair"), {"period": period, "card_id": r["card_id"], "kind": r["kind"],
                                                                 "before": r["from_before"], "after": r["from_after"]})
            if pair.height == 2:
                a, b = pair.row(0, named=True), pair.row(1, named=True)
                changed = [c for c in pair.columns if c not in _META and a[c] != b[c]]
        if r["persons_changed"]:
            changed.append("persons")
        fields.append(changed)
    return df.with_columns(pl.Series("fields", fields, dtype=pl.List(pl.Utf8))).drop("hash_before", "hash_after", "from_before", "from_after", "persons_changed")


def _day(d, lang: str) -> str:
    return f"{fmt.date(d, lang, labels.months(lang))} {d.year}"


def _field_label(name: str, lang: str) -> str:
    from schemas.card import spec

    if name == "persons":
        return _TEXT[lang]["persons"]
    f = spec().card.get(name)
    return getattr(f, lang) if f is not None else name.replace("_", " ")


def appendix_section(changes: pl.DataFrame, since: dt.datetime, until: dt.datetime | None, lang: str) -> str:
    """The appendix section (markdown) listing `changes`."""
    t = _TEXT[lang]
    when = _day(since.date(), lang)
    out = [f"### {t['title']}\n"]
    if changes.is_empty():
        out.append(t["none"].format(since=when) + "\n")
        return "\n".join(out)
    intro = t["since"].format(since=when) + (t["upto"].format(until=_day(until.date(), lang)) if until else "")
    out.append(intro + ".\n")
    rows = [[_day(r["date"], lang), md_escape(labels.row(r["city"], lang, "city")), t[r["change"]],
             md_escape(", ".join(_field_label(f, lang) for f in r["fields"]))] for r in changes.iter_rows(named=True)]
    out.append(pipe_table(t["cols"], rows, align=["l", "l", "l", "l"]))
    return "\n".join(out)


def changes_for(con, period: str, since: dt.datetime | None = None, until: dt.datetime | None = None):
    """(changes, since, until) for add_section, read once for every language; None without an edition date."""
    since = since or since_from_env()
    if since is None or not _has_revisions(con):
        return None
    return card_changes(con, period, since, until), since, until


def add_section(ctx, found) -> None:
    """The section of `found` (changes_for) appended to one language's appendix fragment."""
    if found is None:
        return
    changes, since, until = found
    section = appendix_section(changes, since, until, ctx.lang)
    current = ctx.fragments.get("appendix", "")
    # inside the appendix's fenced div when there is one, so it is styled as the appendix
    if current.rstrip().endswith(":::"):
        ctx.fragments["appendix"] = current.rstrip()[:-3].rstrip() + "\n\n" + section + "\n:::\n"
    else:
        ctx.fragments["appendix"] = current + "\n" + section + "\n"


def _has_revisions(con) -> bool:
    return bool(con.execute(sql("common/table_exists"), {"name": "card_revisions"}).fetchone()[0])
