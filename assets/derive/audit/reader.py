"""The audit's rules that read like a careful reader (beside the arithmetic rules of the other modules).

    impossible_row  a ragged row of an index table (Table 3) whose values, wherever they are placed,
                    cannot all be assemblies / months of a period in which Table 2 gives the city
                    assemblies (the placement of such values is a judgement, so the finding is about the
                    row, not one cell)
    whole_base      the shares of one column (reasons, NGO share, …) that fit no common whole-number
                    base among the plausible denominators (the period's assemblies, its unsanctioned
                    assemblies as counted or as implied by Table 9)
    listed_count    a count the text states against the number of items it then lists
                    (`summary` rows `<col>_listed` beside `<col>`)
    cross_table     arithmetic that is impossible across tables: what is left for one group once the
                    other groups' rows are taken away (participants / police of cities that held only
                    unsanctioned assemblies exceed the figure printed "excluding sanctioned", or those of
                    cities that held only sanctioned ones exceed total minus that figure)
    trend           trend words ("снижение", "рост", "все чаще") against the numbers they describe
                    (`summary` rows `trend` whose row_key names the cell `table/row/col`; value -1 a
                    decrease, +1 an increase, 0 unchanged; compared from the previous period that has
                    the figure to this one)
    category_swap   a list total announced for one category that differs from that category's count
                    and equals another category's (`summary` rows `topics/<category>`,
                    `announced_list_total`)
"""
from __future__ import annotations

from itertools import permutations

from assets.derive.audit.book import Book, dimension_rows, values
from assets.derive.audit.derived import months_of
from assets.derive.audit.findings import Findings
from assets.derive.audit.printed import EPS, Fig, cell, fmt, table_name
from schemas.published import CHARACTERS, dimension_keys


def careful_reader_rules(book: Book, out: Findings) -> None:
    rule_ragged_rows(book, out)
    rule_whole_base(book, out)
    rule_listed(book, out)
    rule_cross_table(book, out)
    rule_trend(book, out)
    rule_category_swap(book, out)


# ------------------------------------------------------------------------------------------ ragged rows

def rule_ragged_rows(book: Book, out: Findings) -> None:
    """Table 3 rows placed by judgement: try every placement of their values over the periods in which
    Table 2 gives the city assemblies (and no other index is printed); report the values no placement fits."""
    rows: dict[tuple, list[Fig]] = {}
    for f in book.primaries():
        if f.table_no == "3" and f.judgement and not f.dash:
            rows.setdefault((f.source, f.row_key), []).append(f)
    for (s, r), placed in sorted(rows.items()):
        if any(x.get("row_key") == r for (s2, _, t, _), xs in book.missing.items() if s2 == s and t == "2"
               for x in xs):
            continue            # Table 2 itself cannot be read for this city
        fixed = {f.period for f in book.primaries() if f.source == s and f.table_no == "3" and f.row_key == r
                 and not f.judgement}
        slots = []
        for p in book.periods:
            if p in fixed:
                continue
            n = book.get(s, p, "2", r, "count")
            m = months_of(p)
            if n is not None and m:
                slots.append((p, n.value / m, n))
        best_unfit = None
        for perm in permutations(range(len(slots)), min(len(placed), len(slots))):
            unfit = [f for f, i in zip(placed, perm) if f.match(slots[i][1]) is None]
            unfit += placed[len(perm):]
            if best_unfit is None or len(unfit) < len(best_unfit):
                best_unfit = unfit
            if not unfit:
                break
        if best_unfit is None:
            best_unfit = placed
        if not best_unfit:
            continue
        with_assemblies = ", ".join(f"{p} ({fmt(n.value)}: {fmt(v)}/month)" for p, v, n in slots if n.value > 0) or "none"
        shown = ", ".join(f.shown() for f in best_unfit)
        anchor = best_unfit[0]
        out.add("impossible_row", anchor, None,
                f"Table 3, row '{r}' (line {anchor.line}): the row prints {', '.join(f.shown() for f in placed)} "
                f"for periods before its last column (where they stand is a judgement), but wherever they are placed "
                f"{shown} cannot be assemblies / months of a period: Table 2 gives '{r}' assemblies in "
                f"{with_assemblies}", cells=best_unfit)


# ------------------------------------------------------------------------------------------ whole bases

WHOLE_BASE_COLUMNS = (("10", "share_pct"),)


def _bases(book: Book, s: str, p: str) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    A = [int(a) for a in values(x for x in book.assemblies(s, p) if not x.implicit) if a > 0 and a == int(a)]
    for a in A:
        out.append((a, f"the {a} assemblies of {p}"))
    U = [int(u) for u in values(book.candidates(s, p, "11", "total", "unsanctioned")) if u > 0]
    for u in U:
        out.append((u, f"the {u} unsanctioned assemblies (Table 11)"))
    t9 = book.get(s, p, "9", "total", "share_pct")
    if t9 is not None and not U:
        for a in A:
            u = round(t9.value * a / 100)
            out.append((u, f"the {u} unsanctioned assemblies ({t9.shown()} of {a}, Table 9)"))
    seen, uniq = set(), []
    for d, how in out:
        if d not in seen:
            seen.add(d)
            uniq.append((d, how))
    return uniq


def _fits(f: Fig, d: int) -> bool:
    if f.dash:
        return True
    n = round(f.value * d / 100)
    return any(f.match(k / d * 100) is not None for k in (n - 1, n, n + 1) if 0 <= k <= d)


def rule_whole_base(book: Book, out: Findings) -> None:
    for s in book.sources:
        for p in book.periods:
            for t, c in WHOLE_BASE_COLUMNS:
                rows = book.rows(s, p, t, c)
                shares = [rows[r] for r in dimension_rows(t, rows) if not rows[r].approx and not rows[r].dash]
                if len(shares) < 2:
                    continue
                bases = _bases(book, s, p)
                if not bases or any(all(_fits(f, d) for f in shares) for d, _ in bases):
                    continue
                detail = "; ".join(f"over {how}: " + ", ".join(f.shown() for f in shares if not _fits(f, d))
                                   + " fit no whole number" for d, how in bases)
                misfits = [f for f in shares if not all(_fits(f, d) for d, _ in bases)] or shares
                out.add("whole_base", misfits[0], None,
                        f"{table_name(t)} ({p}, line {shares[0].line}): the shares "
                        f"{', '.join(f.shown() for f in shares)} are not shares of one whole number of assemblies "
                        f"— {detail}", cells=shares, groups=[("col", p, t, c)])


# ------------------------------------------------------------------------------------------ listed items

def rule_listed(book: Book, out: Findings) -> None:
    for f in book.primaries():
        if f.table_no != "summary" or not f.col_key.endswith("_listed"):
            continue
        base = f.col_key[: -len("_listed")]
        stated = [g for t in ("summary", "courts") for g in book.all(f.source, f.period, t, f.row_key, base)]
        for g in stated:
            if g.match(f.value) is None:
                out.add("listed_count", g, f.value,
                        f"{cell(g)}: {g.where()} states {g.shown()}, but the list that follows (line {f.line}) "
                        f"names {fmt(f.value)} items", cells=[f], groups=[("line", "listed_count", g.line)])


# ------------------------------------------------------------------------------------------ cross-table

MEASURES = {
    # measure: (city cells, totals, figures 'excluding the sanctioned assemblies')
    "participants": ([("18", "participants"), ("14", "participants")],
                     [("18", "total", "participants"), ("14", "total", "participants")],
                     [("18", "total_excl_sanctioned", "participants"), ("14-1", "total", "participants")]),
    "police": ([("14", "police")], [("14", "total", "police")], [("14-1", "total", "police")]),
}


def rule_cross_table(book: Book, out: Findings) -> None:
    for s in book.sources:
        for p in book.periods:
            uns = book.rows(s, p, "11", "unsanctioned")
            san = book.rows(s, p, "11", "sanctioned")
            cities = [r for r in dimension_rows("11", uns) if r in san]
            if not cities:
                continue
            only_uns = [r for r in cities if san[r].value == 0 and uns[r].value > 0]
            only_san = [r for r in cities if uns[r].value == 0 and san[r].value > 0]
            for what, (city_cells, totals, excl) in MEASURES.items():
                def city_sum(group):
                    figs = []
                    for r in group:
                        for t, c in city_cells:
                            g = book.get(s, p, t, r, c)
                            if g is not None:
                                figs.append(g)
                                break
                        else:
                            return None, []
                    return sum(g.value for g in figs), figs
                ex = [g for t, r, c in excl for g in book.all(s, p, t, r, c) if g.primary]
                tot = [g for t, r, c in totals for g in book.all(s, p, t, r, c) if g.primary]
                U, ufigs = city_sum(only_uns)
                if U is not None and ex and ufigs and all(U > e.value + EPS for e in ex):
                    e = ex[0]
                    out.add("cross_table", e, U,
                            f"{cell(e)}: the {what} of assemblies excluding the sanctioned ones are printed as "
                            + " and ".join(f"{x.shown()} ({x.where()})" for x in ex)
                            + f", but the cities whose assemblies were all unsanctioned by Table 11 "
                              f"({', '.join(only_uns)}) alone had {fmt(U)} ("
                            + " + ".join(f"{g.row_key} {g.shown()}" for g in ufigs) + ")",
                            cells=ex + ufigs, groups=[("excl", p, what)])
                S, sfigs = city_sum(only_san)
                if S and tot and ex:
                    bad = [(t_, e_) for t_ in tot for e_ in ex if t_.value - e_.value + EPS < S]
                    if len(bad) == len(tot) * len(ex):
                        t_, e_ = bad[0]
                        out.add("cross_table", e_, t_.value - S,
                                f"{cell(e_)}: {e_.where()} gives {e_.shown()} {what} excluding the sanctioned "
                                f"assemblies, out of {t_.shown()} in all ({t_.where()}), which leaves "
                                f"{fmt(t_.value - e_.value)} for the sanctioned ones; but the cities whose assemblies "
                                f"were all sanctioned by Table 11 ({', '.join(only_san)}) alone had {fmt(S)} ("
                                + " + ".join(f"{g.row_key} {g.shown()}" for g in sfigs) + ")",
                                cells=[e_, t_] + sfigs, groups=[("excl", p, what)])


# ------------------------------------------------------------------------------------------ trends

def rule_trend(book: Book, out: Findings) -> None:
    for f in book.primaries():
        if f.table_no != "summary" or f.col_key != "trend":
            continue
        parts = f.row_key.split("/")
        if len(parts) != 3:
            continue
        t, r, c = parts
        s, p = f.source, f.period
        if p not in book.periods:
            continue
        cur = book.get(s, p, t, r, c)
        prev = None
        for q in reversed(book.periods[: book.periods.index(p)]):
            prev = book.get(s, q, t, r, c)
            if prev is not None:
                break
        if cur is None or prev is None:
            continue
        diff = cur.value - prev.value
        said = (f.value > 0) - (f.value < 0)
        if said != 0:
            ok = diff * said > EPS
        else:
            ok = cur.match(prev.value) is not None or prev.match(cur.value) is not None
        if not ok:
            word = {1: "an increase", -1: "a decrease", 0: "no change"}[said]
            # anchored at the number the word contradicts (a table cell); the word's own row is among its cells
            out.add("trend", cur, None,
                    f"{f.where()} says {f.shown()} ({word}) of {table_name(t)} '{r}' '{c}', but it goes from "
                    f"{prev.shown()} ({prev.period}) to {cur.shown()} ({p})",
                    cells=[prev, f], groups=[("line", "trend", f.line)])


# ------------------------------------------------------------------------------------------ swapped lists

def rule_category_swap(book: Book, out: Findings) -> None:
    for f in book.primaries():
        if f.table_no != "summary" or f.col_key != "announced_list_total" or not f.row_key.startswith("topics/"):
            continue
        cat = f.row_key.split("/", 1)[1]
        if cat not in CHARACTERS:
            continue
        s, p = f.source, f.period

        def count(ch):
            return book.candidates(s, p, "4", ch, "count") or book.all(s, p, "topics", f"{ch}/total", "count")
        own = count(cat)
        if not own or any(g.match(f.value) is not None for g in own):
            continue
        others = [(ch, g) for ch in CHARACTERS if ch != cat for g in count(ch)[:1] if g.match(f.value) is not None]
        if not others:
            continue
        ch, g = others[0]
        # anchored at the list's own total (the topics list printed on this line), when transcribed
        listed = [x for x in book.primaries() if x.source == s and x.period == p and x.table_no == "topics"
                  and x.row_key.endswith("/total") and x.line == f.line]
        anchor = listed[0] if listed else f
        out.add("category_swap", anchor, own[0].value,
                f"{f.where()} announces a list of {cat} topics whose total is {f.shown()}, but the report counts "
                f"{own[0].shown()} {cat} assemblies ({own[0].where()}), and {f.shown()} is the number of {ch} "
                f"assemblies ({g.where()}): the lists' headings are swapped",
                cells=[f, own[0], g], groups=[("category_swap", p)])


__all__ = ["careful_reader_rules", "dimension_keys"]
