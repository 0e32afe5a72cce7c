"""Audit of a published report's own contradictions.

`audit_published(published)` takes the published figures (assets/derive/published.py: one row per
printed figure, with the precision it was printed with) and returns one row per finding:

    source, rule, period, table_no, row_key, col_key, published, expected, message

The rules are generic: they run over every table/period/row of the data by the report's own
definitions (report-tables.md), never over a list of known errors.

    sum_total          1. rows that do not add up to their total (count-like columns of tables with a
                          `total` row; the parts of a row, e.g. count = unsanctioned + sanctioned; a
                          table without a total row is checked against the period's number of assemblies)
    share_from_counts  2. percentages, indices and ratios that do not follow from the counts they are
                          defined on (share, law-abidance, police-control and activity indices, the
                          text's ratios); where a share of all assemblies is printed without its count,
                          some whole number of the period's assemblies must still give it
    shares_sum_100     3. shares of a partition (cities, characters, organisers, forms, reasons; and the
                          unsanctioned share + the law-abidance index) that do not sum to 100
    same_figure        4. the same quantity given differently in two places (a text figure against its
                          table cell; one table against another holding the same quantity)
    average            5. averages that are not total / count (says when the printed figure is the mean
                          of the row averages instead)
    impossible         6. values that cannot be: a percentage outside 0..100, a negative count, more
                          assemblies with an authority present than assemblies, participants or minutes
                          in a city without assemblies, ...
    truncated          (informational, only with include_truncated=True) a figure that follows from its
                          counts only when truncated instead of rounded (the seed truncates: 2/36 =
                          5.56 printed "5,5")

Precision: a figure printed with d decimals matches x when |x - value| <= 0.5 * 10^-d (+ 1e-6), or
when value is x truncated to d decimals. Counts (columns that are not shares, indices, averages or
ratios) match exactly. A printed "-" is exactly 0 (and is no average: "-" in an average column is not
checked). Figures whose note starts with "approximate" (verbal: "половина", "каждом втором",
"около 15") match within 25% of their value. Where a quantity is printed more than once, a derived
check accepts any of the printed values of its inputs (the disagreement itself is rule 4's finding).

    python -m assets.derive.audit [path]     prints the findings of data/published/ as markdown
"""
from __future__ import annotations

import math
import sys
from collections import defaultdict
from dataclasses import dataclass
from itertools import product
from pathlib import Path
from typing import Callable, Iterable

import polars as pl

from schemas.figures import TABLE_NOS
from schemas.published import (CHARACTERS, TABLE_DIMENSION, dimension_keys)

EPS = 1e-6
APPROX_TOL = 0.25

RULES = ("sum_total", "share_from_counts", "shares_sum_100", "same_figure", "average", "impossible",
         "whole_base", "listed_count", "cross_table", "trend", "category_swap", "impossible_row", "truncated")
LEVELS = ("contradiction", "rounding", "truncated")
FINDING_SCHEMA = {"source": pl.Utf8, "rule": pl.Utf8, "period": pl.Utf8, "table_no": pl.Utf8, "row_key": pl.Utf8,
                  "col_key": pl.Utf8, "published": pl.Float64, "expected": pl.Float64, "message": pl.Utf8,
                  "level": pl.Utf8, "root_id": pl.Utf8, "cells": pl.Utf8}

TABLE_ORDER = TABLE_NOS  # schemas/figures.py: the one list of table numbers, in the report's order
RATIO_TOKENS = {"pct", "index", "avg", "median", "ratio", "per", "trend"}


def is_ratio(col: str) -> bool:
    """Shares, indices, averages and ratios (compared at printed precision); everything else is a count."""
    return bool(RATIO_TOKENS & set(col.split("_")))


def is_share_pct(col: str) -> bool:
    """A percentage of a whole: must lie in 0..100."""
    return col.endswith("pct") and "decrease" not in col and "error" not in col


# ------------------------------------------------------------------------------------------ figures

@dataclass(frozen=True)
class Fig:
    source: str
    period: str
    table_no: str
    row_key: str
    col_key: str
    value: float
    printed: str
    decimals: int
    location: str
    line: int
    primary: bool
    note: str | None = None
    implicit: bool = False          # an absent city of a complete table: 0

    @property
    def dash(self) -> bool:
        return self.printed.strip() == "-"

    @property
    def judgement(self) -> bool:
        """Placed by a judgement of the transcriber (data/published/README.md): no finding is built on it."""
        return (self.note or "").strip().lower().startswith("judgement")

    @property
    def approx(self) -> bool:
        return (self.note or "").strip().lower().startswith("approximate")

    @property
    def half(self) -> float:
        return 0.5 * 10 ** -self.decimals

    @property
    def unit(self) -> float:
        return 10 ** -self.decimals

    def interval(self) -> tuple[float, float]:
        """The true values this printed figure is consistent with."""
        v = self.value
        if self.dash or self.implicit:
            return (-EPS, EPS)
        if self.approx:
            lo, hi = sorted((v * (1 - APPROX_TOL), v * (1 + APPROX_TOL)))
            return (lo - self.half - EPS, hi + self.half + EPS)
        if not is_ratio(self.col_key):
            return (v - EPS, v + EPS)
        lo, hi = v - self.half, v + self.half
        if v > 0:
            hi = max(hi, v + self.unit)          # truncation toward zero
        elif v < 0:
            lo = min(lo, v - self.unit)
        else:
            hi = max(hi, self.unit)
        return (lo - EPS, hi + EPS)

    def match(self, x: float) -> str | None:
        """How x matches this printed figure: 'exact', 'round', 'approx', 'trunc' or None."""
        v = self.value
        if self.dash or self.implicit:
            return "exact" if abs(x) <= EPS else None
        if self.approx:
            return "approx" if abs(x - v) <= APPROX_TOL * abs(v) + self.half + EPS else None
        if not is_ratio(self.col_key):
            return "exact" if abs(x - v) <= EPS else None
        if abs(x - v) <= self.half + EPS:
            return "round"
        d = (x - v) if v >= 0 else (v - x)
        if -EPS <= d < self.unit - EPS and (x >= 0) == (v >= 0 or x == 0):
            return "trunc"
        return None

    def where(self) -> str:
        if self.implicit:
            return f"{table_name(self.table_no)}, which has no row for '{self.row_key}',"
        if self.location == "text":
            return f"the text (line {self.line})"
        return f"{table_name(self.table_no)} (line {self.line})"

    def shown(self) -> str:
        return "0" if self.implicit else repr_printed(self.printed)


def repr_printed(s: str) -> str:
    return f"'{s}'"


def table_name(t: str) -> str:
    return {"topics": "the topics list", "courts": "the court figures", "summary": "the text's figures"}.get(
        t, f"Table {t}")


def fmt(x: float | None) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "-"
    if abs(x - round(x)) < 1e-9:
        return str(int(round(x)))
    return f"{x:.3f}".rstrip("0").rstrip(".") if abs(x) < 100 else f"{x:.1f}"


def best(kinds: Iterable[str | None]) -> str | None:
    order = {"exact": 0, "round": 0, "approx": 1, "trunc": 2}
    ks = [k for k in kinds if k is not None]
    return min(ks, key=lambda k: order[k]) if ks else None


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


# ------------------------------------------------------------------------------------------ findings

class Findings:
    """The findings of all rules. Each finding has its anchor cell (the figure it is about) and the other cells
    it rests on; findings that share a cell, or a column that does not add up, or one sentence of the text,
    are one root cause (`root_id`). A finding whose difference lies within the precision its table prints
    with is level 'rounding', not a contradiction; a figure right only when truncated is level 'truncated'."""

    def __init__(self, include_truncated: bool, periods: list[str] | None = None, book: "Book | None" = None):
        self.periods = periods or []
        self.rows: list[dict] = []
        self.include_truncated = include_truncated
        self.book = book

    def add(self, rule: str, f: Fig, expected: float | None, message: str, published: float | None = None,
            cells: Iterable[Fig] = (), groups: Iterable[tuple] = ()):
        if f.judgement and rule not in PLACEMENT_FREE:
            return                  # a judgement cell carries no finding (its placement is not printed)
        linked = [f] + [c for c in cells if c is not None and not c.implicit]
        self.rows.append({"source": f.source, "rule": rule, "period": f.period, "table_no": f.table_no,
                          "row_key": f.row_key, "col_key": f.col_key,
                          # a printed "-" is no number: the finding shows none (its message quotes the dash)
                          "published": (None if f.dash else f.value) if published is None else published,
                          "expected": None if expected is None else float(expected), "message": message,
                          "_fig": f, "_cells": linked, "_groups": list(groups)})

    def _level(self, row: dict) -> str:
        if row["rule"] == "truncated":
            return "truncated"
        f: Fig = row["_fig"]
        e = row["expected"]
        if row["rule"] in ("share_from_counts", "average") and e is not None and is_ratio(f.col_key) \
                and not f.approx and self.book is not None:
            d = self.book.column_decimals(f.source, f.table_no, f.col_key)
            if d < f.decimals and abs(f.value - e) <= 0.5 * 10 ** -d + EPS:
                return "rounding"
        return "contradiction"

    def frame(self) -> pl.DataFrame:
        if not self.rows:
            return pl.DataFrame(schema=FINDING_SCHEMA)
        order = {r: i for i, r in enumerate(RULES)}
        tables = {t: i for i, t in enumerate(TABLE_ORDER)}
        periods = {p: i for i, p in enumerate(self.periods)}
        rows = sorted(self.rows, key=lambda r: (r["source"], order.get(r["rule"], 99), tables.get(r["table_no"], 99),
                                                periods.get(r["period"], 99), r["row_key"] or "", r["col_key"] or "",
                                                r["message"]))
        # drop exact repeats
        seen, uniq = set(), []
        for r in rows:
            k = tuple(r[c] for c in ("source", "rule", "period", "table_no", "row_key", "col_key", "published",
                                     "expected", "message"))
            if k not in seen:
                seen.add(k)
                uniq.append(r)
        rows = uniq
        # roots: union-find over shared cells and group keys
        parent = list(range(len(rows)))

        def find(i):
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        first: dict[tuple, int] = {}
        for i, r in enumerate(rows):
            a: Fig = r["_fig"]
            keys = [("group", a.source, "cell", a.period, a.table_no, a.row_key, a.col_key)]
            keys += [("group", r["source"]) + tuple(g) for g in r["_groups"]]
            for k in keys:
                if k in first:
                    parent[find(i)] = find(first[k])
                else:
                    first[k] = i
        levels = [self._level(r) for r in rows]
        roots: dict[int, list[int]] = defaultdict(list)
        for i in range(len(rows)):
            roots[find(i)].append(i)
        # number roots per source in the order of their first finding
        root_no: dict[int, str] = {}
        count: dict[str, int] = defaultdict(int)
        for i, r in enumerate(rows):
            ri = find(i)
            if ri not in root_no:
                count[r["source"]] += 1
                root_no[ri] = f"{r['source']}#{count[r['source']]:02d}"
        out = []
        for i, r in enumerate(rows):
            cells = "; ".join(dict.fromkeys(f"{c.period}|{c.table_no}|{c.row_key}|{c.col_key}" for c in r["_cells"]))
            out.append({**{k: r[k] for k in FINDING_SCHEMA if k in r}, "level": levels[i],
                        "root_id": root_no[find(i)], "cells": cells})
        return pl.DataFrame(out, schema=FINDING_SCHEMA, orient="row")


# Rules whose findings hold whatever the placement of a judgement cell (they look at the whole row).
PLACEMENT_FREE = {"impossible_row"}


def cell(f: Fig) -> str:
    return f"{table_name(f.table_no)}, row '{f.row_key}', column '{f.col_key}' ({f.period})"


def check_derived(out: Findings, rule: str, f: Fig, cands: list[tuple[float, str]], what: str,
                  extra: Callable[[], str] | None = None, groups: Iterable[tuple] = ()) -> None:
    """f should equal one of the candidate derivations (x, how)."""
    cands = [(x, how) for x, how in cands if x is not None and math.isfinite(x)]
    if not cands or (f.dash and is_ratio(f.col_key) and rule == "average"):
        return
    kinds = [f.match(x) for x, _ in cands]
    k = best(kinds)
    x0, how0 = cands[0]
    if k is None:
        msg = (f"{cell(f)}: {f.where()} prints {f.shown()}, but {what} = {how0} = {fmt(x0)}"
               + ("" if len(cands) == 1 else f" (other printed inputs give {', '.join(fmt(x) for x, _ in cands[1:])})")
               + (extra() if extra else ""))
        out.add(rule, f, x0, msg, groups=groups)
    elif k == "trunc" and out.include_truncated:
        i = kinds.index("trunc")
        x, how = cands[i]
        out.add("truncated", f, x, f"{cell(f)}: {f.where()} prints {f.shown()} for {how} = {x:.4g}, "
                                    f"truncated instead of rounded to {f.decimals} decimals")


def ratio_cands(nums: list[Fig], dens: list[Fig], scale: float, label: str) -> list[tuple[float, str]]:
    out = []
    for n, d in product(values(nums), values(dens)):
        if d != 0:
            out.append((n / d * scale, f"{fmt(n)} / {fmt(d)}" + (" x 100" if scale == 100 else "")))
    return out


# ------------------------------------------------------------------------------------------ rule 1

ROW_PARTS = {("11", "count"): ("unsanctioned", "sanctioned")}


def rule_sum_total(book: Book, out: Findings) -> None:
    groups: dict[tuple, list[Fig]] = defaultdict(list)
    for f in book.primaries():
        if not is_ratio(f.col_key):
            groups[(f.source, f.period, f.table_no, f.col_key)].append(f)
    for (s, p, t, c), figs in sorted(groups.items()):
        by_row = {f.row_key: f for f in figs}
        if t == "topics":
            for ch in CHARACTERS:
                tot = by_row.get(f"{ch}/total")
                parts = [f for r, f in by_row.items() if r.startswith(ch + "/") and not r.endswith("/total")]
                if tot and parts:
                    sm = sum(f.value for f in parts)
                    if tot.match(sm) is None:
                        out.add("sum_total", tot, sm, f"{cell(tot)}: the {len(parts)} {ch} topics count {fmt(sm)} "
                                                      f"assemblies, but {tot.where()} says {tot.shown()}")
            continue
        members = [by_row[r] for r in dimension_rows(t, by_row)]
        if not members:
            continue
        sm = sum(f.value for f in members)
        kind = TABLE_DIMENSION.get(t)
        tot = by_row.get("total")
        if tot is not None:
            if tot.match(sm) is None:
                lost = book.missing.get((s, p, t, c), [])
                cond = ""
                if lost:
                    cond = (f"; {len(lost)} cell(s) of the column cannot be read ("
                            + ", ".join(sorted({x['row_key'] for x in lost})) + ")"
                            + (f": they would have to hold {fmt(tot.value - sm)} together" if tot.value > sm else
                               ", and no value of theirs can bring the sum down"))
                out.add("sum_total", tot, sm,
                        f"{table_name(t)}, column '{c}' ({p}): the {len(members)} {kind} rows sum to {fmt(sm)}, "
                        f"but the total row (line {tot.line}) says {tot.shown()}" + cond,
                        cells=members, groups=[("col", p, t, c), ("sum", p, t)])
            continue
        # no total row printed: the rows of a composition of the period's assemblies
        if c != "count" or len(members) < 2:
            continue
        dim = TABLE_DIMENSION.get(t)
        if dim in CLOSED_DIMENSIONS:
            members_all = {}
            for r in dimension_keys(dim):
                cand = book.candidates(s, p, t, r, c)
                if cand:
                    members_all[r] = cand[0]
            if len(members_all) < len(dimension_keys(dim)):
                continue
            members = list(members_all.values())
            sm = sum(f.value for f in members)
        totals = [f for f in book.assemblies(s, p) if not f.implicit]
        if totals and all(tf.match(sm) is None for tf in totals):
            tf = totals[0]
            out.add("sum_total", Fig(s, p, t, "total", c, tf.value, tf.printed, 0, tf.location, tf.line, True), sm,
                    f"{table_name(t)}, column '{c}' ({p}): the {len(members)} {kind} rows count {fmt(sm)} "
                    f"assemblies, but the report counts {tf.shown()} assemblies in {p}: {tf.where()}",
                    cells=members, groups=[("col", p, t, c)])
    # parts of a row
    for (t, c), parts in ROW_PARTS.items():
        for f in book.primaries():
            if f.table_no != t or f.col_key != c:
                continue
            pf = [book.get(f.source, f.period, t, f.row_key, pc) for pc in parts]
            if any(x is None for x in pf):
                continue
            sm = sum(x.value for x in pf)
            if f.match(sm) is None:
                out.add("sum_total", f, sm, f"{cell(f)}: {' + '.join(parts)} = {' + '.join(x.shown() for x in pf)} "
                                            f"= {fmt(sm)}, but {f.where()} says {f.shown()}",
                        cells=pf, groups=[("sum", f.period, t)])


# ------------------------------------------------------------------------------------------ rules 2 and 5

def months_of(period: str) -> float | None:
    try:
        from assets.core.periods import get
        return get(period).months
    except Exception:  # noqa: BLE001 - period not configured
        return None


def prev_period(book: Book, p: str) -> str | None:
    try:
        from assets.core.periods import previous
        prev = previous(p)
        return prev.id if prev else None
    except Exception:  # noqa: BLE001
        i = book.periods.index(p) if p in book.periods else -1
        return book.periods[i - 1] if i > 0 else None


def activity_cands(book: Book, s: str, p: str, r: str) -> list[tuple[float, str]]:
    """The activity index of (period, row): as printed in Table 3 and as count / months."""
    out = []
    for f in book.all(s, p, "3", r, "activity_index"):
        out.append((f.value, f"{f.shown()} (Table 3)"))
    m = months_of(p)
    if m:
        for n in values(book.candidates(s, p, "2", r, "count")):
            out.append((n / m, f"{fmt(n)} / {fmt(m)} months"))
    return out


def mean_of_periods(book: Book, s: str, upto: str, t: str, r: str, c: str) -> tuple[float, int] | None:
    vals = []
    for p in book.periods:
        f = book.get(s, p, t, r, c)
        if f is not None:
            vals.append(f.value)
        if p == upto:
            break
    return (sum(vals) / len(vals), len(vals)) if vals else None


def rule_derived(book: Book, out: Findings) -> None:
    for f in book.primaries():
        s, p, t, r, c = f.source, f.period, f.table_no, f.row_key, f.col_key
        if f.location == "table" and f.dash and c in ("participants_avg", "duration_avg_min"):
            continue
        A = book.assemblies(s, p)
        # ---- shares of all assemblies whose count is not printed: some whole number must give them
        if WHOLE_SHARE_TABLES.get(t) == c and (r != "total" or t in ("9", "12")):
            count = {"9": ("11", "total", "unsanctioned"), "12": ("11", "total", "sanctioned")}.get(t, (t, r, "count"))
            if not book.candidates(s, p, *count):
                check_whole_share(out, f, A)
                continue
        # ---- shares of a count
        if c == "share_pct" and t in ("1", "4", "6", "7", "8") and r != "total":
            nums = book.candidates(s, p, t, r, "count")
            dens = list(A)
            rows = book.rows(s, p, t, "share_pct")
            member_counts = []
            for rr in dimension_rows(t, rows):
                cand = book.candidates(s, p, t, rr, "count")
                member_counts.append(cand[0] if cand else None)
            if member_counts and all(x is not None for x in member_counts):
                sm = sum(x.value for x in member_counts)
                dens = dens + [Fig(s, p, t, "total", "count", sm, fmt(sm), 0, "table", 0, True)]
            check_derived(out, "share_from_counts", f, ratio_cands(nums, dens, 100, ""),
                          f"'{r}' / all assemblies", groups=[("col", p, t, c)])
        elif t == "9" and c == "share_pct" and r == "total":
            check_derived(out, "share_from_counts", f,
                          ratio_cands(book.candidates(s, p, "11", "total", "unsanctioned"), A, 100, ""),
                          "unsanctioned / all assemblies (Table 11)")
        elif t == "11" and c == "law_abidance_pct":
            check_derived(out, "share_from_counts", f,
                          ratio_cands(book.candidates(s, p, "11", r, "sanctioned"),
                                      book.candidates(s, p, "11", r, "count"), 100, ""), "sanctioned / assemblies")
        elif t == "12" and c == "law_abidance_pct":
            check_derived(out, "share_from_counts", f,
                          ratio_cands(book.candidates(s, p, "11", "total", "sanctioned"), A, 100, ""),
                          "sanctioned / all assemblies (Table 11)")
        elif t in ("14", "14-1") and c == "police_control_index":
            check_derived(out, "share_from_counts", f,
                          ratio_cands(book.candidates(s, p, t, r, "police"),
                                      book.candidates(s, p, t, r, "participants"), 1, ""), "police / participants")
        elif t == "3" and c == "activity_index":
            m = months_of(p)
            if m:
                # every table's count of the city (a city absent from a complete table counts 0 there): where
                # the tables disagree, the index may follow any of them (the disagreement is rule 4's finding)
                counts = [g for _, figs in book.member_figs(s, p, "assemblies", r) for g in figs] \
                    if canonical("2", r, "count") else book.candidates(s, p, "2", r, "count")
                cands = [(n / m, f"{fmt(n)} assemblies / {fmt(m)} months") for n in values(counts)]
                check_derived(out, "share_from_counts", f, cands, "assemblies / months")
        elif t == "17" and c == "share_pct" and r == "total":
            check_derived(out, "share_from_counts", f,
                          ratio_cands(book.candidates(s, p, "courts", "total", "court_cases"),
                                      book.candidates(s, p, "11", "total", "unsanctioned"), 100, ""),
                          "court cases / unsanctioned assemblies")
        # ---- averages
        elif t == "18" and c == "participants_avg":
            rule_average(book, out, f, "participants", "participants")
        elif t == "19" and c == "duration_avg_min":
            rule_average(book, out, f, "duration_total_min", "minutes")
        # ---- the text's figures
        elif t == "summary":
            rule_summary(book, out, f, A)


# Shares of all the period's assemblies (report-tables.md): where the count itself is not printed,
# the share must still be n / assemblies for a whole n.
WHOLE_SHARE_TABLES = {"4": "share_pct", "5": "share_pct", "6": "share_pct", "9": "share_pct",
                      "12": "law_abidance_pct"}


def check_whole_share(out: Findings, f: Fig, assemblies: list[Fig]) -> None:
    if f.dash or f.approx:
        return
    dens = [int(d) for d in values(x for x in assemblies if not x.implicit) if d > 0 and d == int(d)]
    if not dens:
        return
    kinds = []
    for d in dens:
        n = round(f.value * d / 100)
        kinds += [f.match(k / d * 100) for k in (n - 1, n, n + 1) if 0 <= k <= d]
    k = best(kinds)
    if k is None:
        d = dens[0]
        n = math.floor(f.value * d / 100)
        lo, hi = n / d * 100, (n + 1) / d * 100
        near = lo if abs(lo - f.value) <= abs(hi - f.value) else hi
        out.add("share_from_counts", f, near,
                f"{cell(f)}: {f.where()} prints {f.shown()}, but no whole number of the {d} assemblies of "
                f"{f.period} gives it: {n} / {d} = {lo:.2f}%, {n + 1} / {d} = {hi:.2f}%",
                groups=[("col", f.period, f.table_no, f.col_key)])
    elif k == "trunc" and out.include_truncated:
        d = dens[0]
        n = math.floor(f.value * d / 100 + 1)
        while n > 0 and (n / d * 100) >= f.value + f.unit:
            n -= 1
        out.add("truncated", f, n / d * 100, f"{cell(f)}: {f.where()} prints {f.shown()} for {n} / {d} x 100 = "
                                             f"{n / d * 100:.4g}, truncated instead of rounded to {f.decimals} decimals")


def rule_summary(book: Book, out: Findings, f: Fig, A: list[Fig]) -> None:
    s, p, r, c = f.source, f.period, f.row_key, f.col_key
    if c == "detention_cases_pct":
        check_derived(out, "share_from_counts", f,
                      ratio_cands(book.candidates(s, p, "16", r, "detention_cases"), A, 100, ""),
                      "assemblies with detentions / all assemblies")
    elif c in ("prosecutor_present_share_pct", "prosecutor_warned_share_pct"):
        col = "present" if "present" in c else "warned"
        check_derived(out, "share_from_counts", f,
                      ratio_cands(book.candidates(s, p, "13", "prosecutor", col),
                                  book.candidates(s, p, "11", "total", "unsanctioned"), 100, ""),
                      f"prosecutor {col} / unsanctioned assemblies")
    elif c == "police_per_assembly":
        check_derived(out, "average", f, ratio_cands(book.candidates(s, p, "14", "total", "police"), A, 1, ""),
                      "police / assemblies")
    elif c == "activity_index_decrease_pct_vs_prev":
        q = prev_period(book, p)
        if q is None:
            return
        cur, prev = activity_cands(book, s, p, r), activity_cands(book, s, q, r)
        cands = [((b - a) / b * 100, f"({fmt(b)} - {fmt(a)}) / {fmt(b)} x 100")
                 for (a, _), (b, _) in product(cur, prev) if b]
        check_derived(out, "share_from_counts", f, cands, f"the decrease of the activity index from {q}")
    elif c == "activity_index_ratio_max_to_current":
        cur = activity_cands(book, s, p, r)
        peaks = []
        for src in ("printed", "counts"):
            best_v = None
            for q in book.periods:
                for x, how in activity_cands(book, s, q, r):
                    if (src == "printed") == how.endswith("(Table 3)") and (best_v is None or x > best_v):
                        best_v = x
            if best_v:
                peaks.append(best_v)
        cands = [(m / a, f"{fmt(m)} / {fmt(a)}") for m, (a, _) in product(peaks, cur) if a]
        check_derived(out, "share_from_counts", f, cands, "the highest activity index / this period's")
    elif c == "assemblies_ratio_max_to_current":
        peak = max((v for q in book.periods for v in values(book.assemblies(s, q))), default=None)
        if peak:
            check_derived(out, "share_from_counts", f, [(peak / a, f"{fmt(peak)} / {fmt(a)}") for a in values(A) if a],
                          "the most assemblies of a period / this period's")
    elif c == "ngo_share_ratio_prev_to_current":
        q = prev_period(book, p)
        if q:
            cands = [(b / a, f"{fmt(b)} / {fmt(a)}") for a, b in
                     product(values(book.candidates(s, p, "5", "ngo", "share_pct")),
                             values(book.candidates(s, q, "5", "ngo", "share_pct"))) if a]
            check_derived(out, "share_from_counts", f, cands, f"the NGO share of {q} / of {p}")
    elif c == "cities":
        cands = []
        for t in ("1", "11", "2"):
            rows = book.rows(s, p, t, "count")
            cities = [x for x in dimension_rows(t, rows) if rows[x].value > 0]
            if cities:
                cands.append((float(len(cities)), f"the cities with assemblies in {table_name(t)}"))
        check_derived(out, "share_from_counts", f, cands, "the number of cities")
    elif c in ("assemblies_per_month_low", "assemblies_per_month_high"):
        cands = activity_cands(book, s, p, r)
        if not cands:
            return
        low = c.endswith("low")
        ok = any((x >= f.value - EPS) if low else (x <= f.value + EPS) for x, _ in cands)
        if not ok:
            x, how = cands[0]
            out.add("share_from_counts", f, x, f"{cell(f)}: {f.where()} gives {'at least' if low else 'at most'} "
                                                f"{f.shown()} assemblies a month, but the activity index is {how} = {fmt(x)}")
    elif c in ("unsanctioned_share_mean_pct", "law_abidance_mean_pct", "court_share_mean_pct", "court_share_rest_pct"):
        t, col = {"unsanctioned_share_mean_pct": ("9", "share_pct"), "law_abidance_mean_pct": ("12", "law_abidance_pct"),
                  "court_share_mean_pct": ("17", "share_pct"), "court_share_rest_pct": ("17", "share_pct")}[c]
        m = mean_of_periods(book, s, p, t, "total", col)
        if m is None:
            return
        mean, n = m
        if c == "court_share_rest_pct":
            check_derived(out, "share_from_counts", f, [(100 - mean, f"100 - mean of {n} periods of Table {t}")],
                          "the rest")
        else:
            check_derived(out, "average", f, [(mean, f"mean of {n} periods of Table {t}")], "the mean")


def rule_average(book: Book, out: Findings, f: Fig, num_col: str, unit: str) -> None:
    s, p, t, r = f.source, f.period, f.table_no, f.row_key
    if f.dash:
        return
    if r == "total_excl_sanctioned":
        counts = book.candidates(s, p, "11", "total", "unsanctioned")
    else:
        counts = book.candidates(s, p, "2", r, "count")
    nums = book.candidates(s, p, t, r, num_col)
    note_sum = ""
    if not nums and r == "total":
        # no total printed: the sum of the city rows, when every city with assemblies has one
        rows = book.rows(s, p, t, num_col)
        cities = dimension_rows(t, rows)
        with_assemblies = [x for x, v in book.city_counts(s, p).items() if v > 0]
        if cities and set(with_assemblies) <= set(cities):
            sm = sum(rows[x].value for x in cities)
            nums = [Fig(s, p, t, "total", num_col, sm, fmt(sm), 0, "table", 0, True)]
            note_sum = f" ({fmt(sm)} = the sum of the {len(cities)} city rows)"
    counts = [x for x in counts if x.value > 0]
    if not nums or not counts:
        return
    cands = [(n / d, f"{fmt(n)} {unit} / {fmt(d)} assemblies") for n, d in product(values(nums), values(counts))]

    def mean_of_rows() -> str:
        if r != "total":
            return ""
        rows = book.rows(s, p, t, f.col_key)
        avgs = [rows[x].value for x in dimension_rows(t, rows) if not rows[x].dash]
        if not avgs:
            return ""
        m = sum(avgs) / len(avgs)
        if f.match(m) is not None:
            return (f"; the printed figure is the mean of the {len(avgs)} row averages ({fmt(m)}), "
                    f"not total / count")
        return ""

    check_derived(out, "average", f, cands, f"{unit} / assemblies{note_sum}", extra=mean_of_rows)


# ------------------------------------------------------------------------------------------ rule 3

PARTITION_TABLES = ("1", "4", "6", "7", "8", "10")
COMPLEMENTS = [(("9", "total", "share_pct"), ("12", "total", "law_abidance_pct"),
                "the unsanctioned share (Table 9) and the law-abidance index (Table 12)")]


def rule_shares_sum(book: Book, out: Findings) -> None:
    done = set()
    for f in book.primaries():
        key = (f.source, f.period, f.table_no)
        if f.table_no not in PARTITION_TABLES or f.col_key != "share_pct" or key in done:
            continue
        done.add(key)
        s, p, t = key
        rows = book.rows(s, p, t, "share_pct")
        members = [rows[r] for r in dimension_rows(t, rows)]
        if len(members) < 2:
            continue
        dim = TABLE_DIMENSION[t]
        complete = dim not in CLOSED_DIMENSIONS or len(members) == len(dimension_keys(dim))
        tot = rows.get("total")
        target = tot.value if tot is not None else 100.0
        lo = sum(m.interval()[0] for m in members)
        hi = sum(m.interval()[1] for m in members)
        sm = sum(m.value for m in members)
        if (complete and not (lo <= target <= hi)) or (not complete and lo > target):
            anchor = tot or Fig(s, p, t, "total", "share_pct", sm, "", 0, "table", members[0].line, True)
            terms = " + ".join(m.shown().strip("'") for m in members)
            out.add("shares_sum_100", anchor, target,
                    f"{table_name(t)} ({p}, line {members[0].line}): the shares of the {len(members)} {dim} rows "
                    f"({terms}) sum to {fmt(sm)}%, not {fmt(target)}%"
                    + ("" if complete else " (some rows have no printed share, and these alone exceed it)"),
                    published=sm, cells=members, groups=[("col", p, t, "share_pct")])
    for a, b, what in COMPLEMENTS:
        for s in book.sources:
            for p in book.periods:
                fa, fb = book.get(s, p, *a), book.get(s, p, *b)
                if fa is None or fb is None:
                    continue
                lo = fa.interval()[0] + fb.interval()[0]
                hi = fa.interval()[1] + fb.interval()[1]
                sm = fa.value + fb.value
                if not (lo <= 100 <= hi):
                    out.add("shares_sum_100", fb, 100.0 - fa.value,
                            f"{table_name(fb.table_no)} ({p}): {what} must sum to 100%, but "
                            f"{fa.shown()} (line {fa.line}) + {fb.shown()} (line {fb.line}) = {fmt(sm)}%",
                            cells=[fa], groups=[("cell", fa.period, fa.table_no, fa.row_key, fa.col_key)])


# ------------------------------------------------------------------------------------------ rule 4

def rule_same_figure(book: Book, out: Findings) -> None:
    seen: set[tuple] = set()
    for (s, p, t, r, c), figs in book.by_key.items():
        canon = canonical(t, r, c)
        gk = (s, p) + ((canon[0], canon[1]) if canon else (t, r, c))
        if gk in seen:
            continue
        seen.add(gk)
        if canon is None:
            groups = [(None, figs)]
        else:
            groups = book.member_figs(s, p, *canon)
        entries = [(m, f) for m, fs in groups for f in fs]
        explicit = [e for e in entries if not e[1].implicit]
        if len(entries) < 2 or not explicit:
            continue
        # the reference: the first member (in order of authority) that has the figure, implicit zeros of
        # a complete table included; within a key, its primary row
        ref = next((fs[0] for _, fs in groups if fs), explicit[0][1])
        rlo, rhi = ref.interval()
        for _, f in entries:
            if f is ref or (f.implicit and ref.implicit):
                continue
            lo, hi = f.interval()
            if lo <= rhi and rlo <= hi:
                continue
            same_table = f.table_no == ref.table_no
            what = "the same figure" if same_table else f"the same quantity ({table_name(ref.table_no)}, " \
                                                         f"'{ref.row_key}', '{ref.col_key}')"
            kind = " (a verbal approximation, allowed 25%)" if f.approx else ""
            groups = []
            if book.complete_city_table(f.source, f.period, f.table_no, f.col_key):
                groups.append(("col", f.period, f.table_no, f.col_key))
            if f.location == "text":
                groups.append(("line", "same_figure", f.line))
            out.add("same_figure", f, ref.value,
                    f"{cell(f)}: {f.where()} gives {f.shown()}{kind}, but {ref.where()} gives {ref.shown()} "
                    f"for {what}" + _beside(book, f, ref), cells=[ref], groups=groups)


def _beside(book: Book, f: Fig, ref: Fig) -> str:
    """For a count in the text: a percentage printed on the same line that follows from the other
    figure (e.g. '8 (19.4%)' where 19.4% = 7 / 36, Table 16's 7)."""
    if f.location != "text" or is_ratio(f.col_key) or f.implicit:
        return ""
    for g in book.figs:
        if g.source != f.source or g.line != f.line or g is f or not g.col_key.endswith("pct"):
            continue
        for a in values(book.assemblies(f.source, f.period)):
            if a and g.match(ref.value / a * 100) and not g.match(f.value / a * 100):
                return (f"; the {g.shown()} printed beside it is {fmt(ref.value)} / {fmt(a)} = "
                        f"{ref.value / a * 100:.1f}%, i.e. it follows from {ref.where()}")
    return ""


# ------------------------------------------------------------------------------------------ rule 6

def rule_impossible(book: Book, out: Findings) -> None:
    for f in book.figs:
        if is_share_pct(f.col_key) and not (-EPS <= f.value <= 100 + EPS):
            out.add("impossible", f, None, f"{cell(f)}: {f.where()} gives {f.shown()}, a percentage outside 0..100")
        if not is_ratio(f.col_key) and f.value < 0:
            out.add("impossible", f, None, f"{cell(f)}: {f.where()} gives {f.shown()}, a negative count")
    for f in book.figs:
        s, p, t, r, c = f.source, f.period, f.table_no, f.row_key, f.col_key
        if t == "13":
            A = [x for x in book.assemblies(s, p) if not x.implicit]
            if A and f.value > max(x.value for x in A) + EPS:
                a = max(A, key=lambda x: x.value)
                out.add("impossible", f, a.value, f"{cell(f)}: {f.where()} counts {f.shown()} assemblies with the "
                                                   f"{r} {'present' if c == 'present' else 'warning'}, more than the "
                                                   f"{a.shown()} assemblies of {p} in {a.where()}")
        elif (t, c) in (("11", "unsanctioned"), ("11", "sanctioned"), ("16", "detention_cases")):
            counts = [x for x in book.candidates(s, p, "11" if t == "11" else "1", r, "count")]
            if counts and f.value > max(x.value for x in counts) + EPS:
                a = max(counts, key=lambda x: x.value)
                out.add("impossible", f, a.value, f"{cell(f)}: {f.where()} gives {f.shown()}, more than the "
                                                   f"{a.shown()} assemblies of the row in {a.where()}")
        elif (t, c) == ("16", "detained_persons"):
            cases = book.get(s, p, "16", r, "detention_cases")
            if cases is not None and f.value + EPS < cases.value:
                out.add("impossible", f, cases.value, f"{cell(f)}: {f.where()} gives {f.shown()} detained persons "
                                                       f"for {cases.shown()} assemblies with detentions")
        elif c in ("participants", "duration_total_min") and t in ("14", "18", "19") and f.primary \
                and r in dimension_keys("city") and f.value > 0:
            counts = book.candidates(s, p, "2", r, "count")
            if counts and all(x.value == 0 for x in counts):
                a = counts[0]
                what = "participants" if c == "participants" else "minutes of assemblies"
                out.add("impossible", f, 0.0, f"{cell(f)}: {f.where()} gives {f.shown()} {what} in {r}, but "
                                               f"{a.where()} gives {r} no assembly in {p}")


# ------------------------------------------------------------------------------------------ entry point

def audit_published(published: pl.DataFrame, include_truncated: bool = False) -> pl.DataFrame:
    """One row per contradiction of the published report(s) with itself (see the module doc)."""
    book = Book(published)
    out = Findings(include_truncated, book.periods, book)
    rule_sum_total(book, out)
    rule_derived(book, out)
    rule_shares_sum(book, out)
    rule_same_figure(book, out)
    rule_impossible(book, out)
    from assets.derive.audit_reader import careful_reader_rules
    careful_reader_rules(book, out)
    return out.frame()


CELL_SCHEMA = {"source": pl.Utf8, "root_id": pl.Utf8, "level": pl.Utf8, "rule": pl.Utf8, "period": pl.Utf8,
               "table_no": pl.Utf8, "row_key": pl.Utf8, "col_key": pl.Utf8, "anchor": pl.Boolean}


def audit_cells(findings: pl.DataFrame) -> pl.DataFrame:
    """Every cell of every finding, one row each (the finding's own cell has anchor = true): a root cause with
    all its cells is `SELECT * FROM audit_cells WHERE root_id = ...`."""
    rows, seen = [], set()
    for r in findings.iter_rows(named=True):
        anchor = (r["period"], r["table_no"], r["row_key"], r["col_key"])
        cells = [tuple(c.split("|", 3)) for c in (r["cells"] or "").split("; ") if c]
        for c in [anchor] + [c for c in cells if c != anchor]:
            key = (r["source"], r["root_id"], r["rule"]) + tuple(c)
            if key in seen:
                continue
            seen.add(key)
            rows.append({"source": r["source"], "root_id": r["root_id"], "level": r["level"], "rule": r["rule"],
                         "period": c[0], "table_no": c[1], "row_key": c[2], "col_key": c[3], "anchor": c == anchor})
    return pl.DataFrame(rows, schema=CELL_SCHEMA, orient="row") if rows else pl.DataFrame(schema=CELL_SCHEMA)


def to_markdown(findings: pl.DataFrame) -> str:
    cols = ["root_id", "rule", "period", "table_no", "row_key", "col_key", "published", "expected", "message"]
    cols = [c for c in cols if c in findings.columns]
    lines = ["| # | " + " | ".join(cols) + " |", "|" + "---|" * (len(cols) + 1)]
    for i, row in enumerate(findings.iter_rows(named=True), 1):
        cells = [fmt(row[c]) if c in ("published", "expected") else str(row[c] if row[c] is not None else "-")
                 for c in cols]
        lines.append(f"| {i} | " + " | ".join(x.replace("|", "\\|") for x in cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    from assets.derive.published import load_published

    argv = sys.argv[1:] if argv is None else argv
    pub = load_published(Path(argv[0]) if argv else None)
    allf = audit_published(pub, include_truncated=True)
    for src in sorted(set(pub["source"].to_list())):
        a = allf.filter(pl.col("source") == src)
        contra = a.filter(pl.col("level") == "contradiction").sort("root_id", maintain_order=True)
        rounding = a.filter(pl.col("level") == "rounding")
        trunc = a.filter(pl.col("level") == "truncated")
        roots = contra["root_id"].n_unique()
        counts = contra.group_by("rule").len().sort("rule")
        print(f"## Contradictions in `{src}`: {roots} root causes, {contra.height} findings\n")
        print("Findings by rule: " + ", ".join(f"{r}: {n}" for r, n in counts.iter_rows()) + ". "
              "Findings with the same `root_id` are one cause (they share a cell, a column that does not add up, "
              "or a sentence); `cells` in the warehouse lists every cell a finding rests on.\n")
        print(to_markdown(contra))
        print(f"\n### Within the printed rounding (level 'rounding', not contradictions: {rounding.height})\n")
        print("The difference is smaller than the precision the table prints the column with elsewhere (e.g. "
              "15.5% in a table of whole per cents where 8/52 = 15.4%).\n")
        print(to_markdown(rounding))
        print(f"\n### Truncated instead of rounded (level 'truncated', informational: {trunc.height})\n")
        print(to_markdown(trunc))
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
