"""The index of the published figures (Book): every printed figure by its key, the quantities several
tables hold (aliases), the cells the report has but that hold no number, and the implicit zeros of
a complete city table."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Callable, Iterable

import polars as pl

from assets.derive.audit.printed import Fig, is_ratio
from schemas.published import CHARACTERS, TABLE_DIMENSION, dimension_keys


# ------------------------------------------------------------------------------------------ aliases
# The same quantity held by several tables (the report's structure, report-tables.md). Members in
# order of authority: the first one with a table cell is the reference of rule 4.

@dataclass(frozen=True)
class Member:
    table_no: str
    col_key: str
    to_member: Callable[[str], str | None] = lambda r: r
    from_member: Callable[[str], str | None] = lambda r: r


def _only(*rows: str) -> tuple[Callable, Callable]:
    ok = set(rows)
    return (lambda r: r if r in ok else None), (lambda r: r if r in ok else None)


def _rename(canon: str, member: str) -> tuple[Callable, Callable]:
    return (lambda r: member if r == canon else None), (lambda r: canon if r == member else None)


ALIASES: dict[str, list[Member]] = {
    # assemblies per city (and in total) of a period
    "assemblies": [Member("1", "count"), Member("11", "count"), Member("2", "count")],
    "law_abidance_total": [Member("12", "law_abidance_pct", *_only("total")),
                           Member("11", "law_abidance_pct", *_only("total"))],
    "ngo_share": [Member("5", "share_pct", *_only("ngo")), Member("6", "share_pct", *_only("ngo"))],
    "form_share": [Member("8", "share_pct"), Member("7", "share_pct")],
    "form_count": [Member("8", "count"), Member("7", "count")],
    "participants": [Member("18", "participants"), Member("14", "participants")],
    "participants_excl_sanctioned": [Member("18", "participants", *_only("total_excl_sanctioned")),
                                     Member("14-1", "participants", *_rename("total_excl_sanctioned", "total"))],
    "character_count": [Member("4", "count", *_only(*CHARACTERS)),
                        Member("topics", "count", lambda r: f"{r}/total" if r in CHARACTERS else None,
                               lambda r: r[:-6] if r.endswith("/total") and r[:-6] in CHARACTERS else None)],
    "sanctioned_total": [Member("11", "sanctioned", *_only("total")),
                         Member("summary", "applications_granted", *_only("total"))],
}


def canonical(t: str, r: str, c: str) -> tuple[str, str] | None:
    for name, members in ALIASES.items():
        for m in members:
            if m.table_no == t and m.col_key == c:
                cr = m.from_member(r)
                if cr is not None:
                    return name, cr
    return None


def dimension_rows(t: str, rows: Iterable[str]) -> list[str]:
    """The rows of table t that are members of its dimension (no total, no event/org/case rows)."""
    if t == "topics":
        return [r for r in rows if "/" in r and not r.endswith("/total")]
    dim = TABLE_DIMENSION.get(t)
    if dim in (None, "none", "authority"):
        return []
    keys = dimension_keys(dim)
    return [r for r in rows if r in keys]


CLOSED_DIMENSIONS = {"character", "organizer", "reason"}


# ------------------------------------------------------------------------------------------ the book

class Book:
    def __init__(self, df: pl.DataFrame):
        self.figs: list[Fig] = []
        # cells the report has but that hold no number: blank or unreadable (a dash is the report's "none")
        self.missing: dict[tuple, list[dict]] = defaultdict(list)
        for r in df.iter_rows(named=True):
            status = r.get("value_status") or ("value" if r["value"] is not None else "blank")
            printed = str(r["printed"] or "")
            if status in ("blank", "unreadable") or (status == "value" and r["value"] is None):
                self.missing[(r["source"], str(r["period"]), str(r["table_no"]), r["col_key"])].append(r)
                continue
            value = 0.0 if status == "dash" else float(r["value"])
            self.figs.append(Fig(source=r["source"], period=str(r["period"]), table_no=str(r["table_no"]),
                                 row_key=r["row_key"], col_key=r["col_key"], value=value,
                                 printed="-" if status == "dash" else printed, decimals=int(r["decimals"]),
                                 location=r["location"], line=int(r["line"]), primary=bool(r["primary"]),
                                 note=r.get("note")))
        self.by_key: dict[tuple, list[Fig]] = defaultdict(list)
        for f in self.figs:
            self.by_key[(f.source, f.period, f.table_no, f.row_key, f.col_key)].append(f)
        for figs in self.by_key.values():
            figs.sort(key=lambda f: (not f.primary, f.line))
        self.sources = sorted({f.source for f in self.figs})
        self._col_dec: dict[tuple, int] = {}
        self.periods = self._period_order({f.period for f in self.figs})

    @staticmethod
    def _period_order(present: set[str]) -> list[str]:
        try:
            from assets.core.periods import period_ids
            known = period_ids()
        except Exception:  # noqa: BLE001 - no config: lexical order
            known = []
        return [p for p in known if p in present] + sorted(p for p in present if p not in known)

    def is_missing(self, s, p, t, r, c) -> bool:
        """The report has the cell, but it is blank or cannot be read: not a zero."""
        return any(x["row_key"] == r for x in self.missing.get((s, p, t, c), []))

    def column_decimals(self, s, t, c) -> int:
        """The coarsest precision a table prints a column with (over its rows and periods)."""
        key = (s, t, c)
        if key not in self._col_dec:
            ds = [f.decimals for f in self.figs if (f.source, f.table_no, f.col_key) == key and not f.dash
                  and not f.approx and f.location == "table"]
            self._col_dec[key] = min(ds) if ds else 0
        return self._col_dec[key]

    # -- lookups
    def get(self, s, p, t, r, c) -> Fig | None:
        figs = self.by_key.get((s, p, t, r, c))
        return figs[0] if figs and figs[0].primary else (figs[0] if figs else None)

    def all(self, s, p, t, r, c) -> list[Fig]:
        return list(self.by_key.get((s, p, t, r, c), []))

    def rows(self, s, p, t, c) -> dict[str, Fig]:
        out = {}
        for (s2, p2, t2, r, c2), figs in self.by_key.items():
            if (s2, p2, t2, c2) == (s, p, t, c):
                out[r] = figs[0]
        return out

    def primaries(self) -> list[Fig]:
        return [figs[0] for figs in self.by_key.values()]

    def complete_city_table(self, s, p, t, c) -> bool:
        """A city table with a total row lists every city that has a non-zero value (counts only)."""
        return (TABLE_DIMENSION.get(t) == "city" and not is_ratio(c)
                and self.get(s, p, t, "total", c) is not None)

    def member_figs(self, s, p, name: str, canon_row: str) -> list[tuple[Member, list[Fig]]]:
        out = []
        for m in ALIASES[name]:
            r = m.to_member(canon_row)
            if r is None:
                continue
            figs = self.all(s, p, m.table_no, r, m.col_key)
            if not figs and canon_row in dimension_keys("city") and not self.is_missing(s, p, m.table_no, r, m.col_key) \
                    and self.complete_city_table(s, p, m.table_no, m.col_key):
                figs = [Fig(s, p, m.table_no, r, m.col_key, 0.0, "0", 0, "table", 0, True, None, implicit=True)]
            out.append((m, figs))
        return out

    def candidates(self, s, p, t, r, c) -> list[Fig]:
        """Every printed value of this quantity (own key first, then its aliases; implicit zeros last)."""
        canon = canonical(t, r, c)
        if canon is None:
            figs = self.all(s, p, t, r, c)
            if not figs and r in dimension_keys("city") and not self.is_missing(s, p, t, r, c) \
                    and self.complete_city_table(s, p, t, c):
                figs = [Fig(s, p, t, r, c, 0.0, "0", 0, "table", 0, True, None, implicit=True)]
            return figs
        out: list[Fig] = []
        for _, figs in self.member_figs(s, p, *canon):
            out.extend(figs)
        explicit = [f for f in out if not f.implicit]
        return explicit or out

    def city_counts(self, s, p) -> dict[str, float]:
        """Assemblies per city of the period, from the first table of the 'assemblies' group that has
        the period with a total row (Table 1 for the report's own year, Table 2 for earlier ones)."""
        for m in ALIASES["assemblies"]:
            if self.complete_city_table(s, p, m.table_no, m.col_key):
                rows = self.rows(s, p, m.table_no, m.col_key)
                return {r: rows[r].value for r in dimension_rows(m.table_no, rows)}
        return {}

    def assemblies(self, s, p) -> list[Fig]:
        return self.candidates(s, p, "1", "total", "count")


def values(figs: Iterable[Fig]) -> list[float]:
    out: list[float] = []
    for f in figs:
        if f.value not in out:
            out.append(f.value)
    return out

