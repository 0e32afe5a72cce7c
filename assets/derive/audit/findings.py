"""The findings of all rules: the level of each (contradiction, rounding, truncated), their grouping into
root causes, the findings frame and the table of the cells they rest on."""
from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Iterable

import polars as pl

from assets.derive.audit.printed import EPS, Fig, is_ratio
from schemas.figures import TABLE_NOS

if TYPE_CHECKING:
    from assets.derive.audit.book import Book

RULES = ("sum_total", "share_from_counts", "shares_sum_100", "same_figure", "average", "impossible",
         "whole_base", "listed_count", "cross_table", "trend", "category_swap", "impossible_row", "truncated")
LEVELS = ("contradiction", "rounding", "truncated")
FINDING_SCHEMA = {"source": pl.Utf8, "rule": pl.Utf8, "period": pl.Utf8, "table_no": pl.Utf8, "row_key": pl.Utf8,
                  "col_key": pl.Utf8, "published": pl.Float64, "expected": pl.Float64, "message": pl.Utf8,
                  "level": pl.Utf8, "root_id": pl.Utf8, "cells": pl.Utf8}

TABLE_ORDER = TABLE_NOS  # schemas/figures.py: the one list of table numbers, in the report's order

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


CELL_SCHEMA = {"source": pl.Utf8, "root_id": pl.Utf8, "level": pl.Utf8, "rule": pl.Utf8, "period": pl.Utf8,
               "table_no": pl.Utf8, "row_key": pl.Utf8, "col_key": pl.Utf8, "anchor": pl.Boolean}


def contradiction_roots(findings: pl.DataFrame) -> int:
    """How many root causes the contradictions have: one root may be found by several rules, on several cells."""
    if findings.is_empty():
        return 0
    return findings.filter(pl.col("level") == "contradiction")["root_id"].n_unique()


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

