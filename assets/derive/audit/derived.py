"""Rules 2 and 5: percentages, indices and ratios that do not follow from the counts they are defined on,
and averages that are not total / count (at the printed precision; any printed value of an input)."""
from __future__ import annotations

import math
from itertools import product
from typing import Callable, Iterable

from assets.derive.audit.book import Book, canonical, dimension_rows, values
from assets.derive.audit.findings import Findings
from assets.derive.audit.printed import EPS, Fig, best, cell, fmt, is_ratio, table_name

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
    trunc_d = None  # the number of assemblies a truncation was found at (not always the first printed)
    for d in dens:
        n = round(f.value * d / 100)
        got = [f.match(k / d * 100) for k in (n - 1, n, n + 1) if 0 <= k <= d]
        if trunc_d is None and "trunc" in got:
            trunc_d = d
        kinds += got
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
        d = trunc_d
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


