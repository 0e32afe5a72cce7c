"""Rules 1 and 3: rows that do not add up to their total, and shares of a partition that do not sum to 100."""
from __future__ import annotations

from collections import defaultdict

from assets.derive.audit.book import CLOSED_DIMENSIONS, Book, dimension_rows
from assets.derive.audit.findings import Findings
from assets.derive.audit.printed import Fig, cell, fmt, is_ratio, table_name
from core import plural
from schemas.published import CHARACTERS, TABLE_DIMENSION, dimension_keys

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
                    cond = (f"; {plural.en_count(len(lost), 'cell')} of the column cannot be read ("
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


