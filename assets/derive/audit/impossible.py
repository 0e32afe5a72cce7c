"""Rule 6: values that cannot be (a percentage outside 0..100, a negative count, more assemblies with an
authority present than assemblies, participants or minutes in a city without assemblies, ...)."""
from __future__ import annotations

from assets.derive.audit.book import Book
from assets.derive.audit.findings import Findings
from assets.derive.audit.printed import EPS, cell, is_ratio, is_share_pct
from schemas.published import dimension_keys

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


