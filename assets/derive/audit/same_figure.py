"""Rule 4: the same quantity given differently in two places (a text figure against its table cell; one
table against another holding the same quantity)."""
from __future__ import annotations

from assets.derive.audit.book import Book, canonical, values
from assets.derive.audit.findings import Findings
from assets.derive.audit.printed import Fig, cell, fmt, is_ratio, table_name

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


