"""Markdown tables of the report, built from `figures` rows. Every cell is a figure of the warehouse;
labels come from the label dictionary. Pipe tables with a caption render alike in Quarto and pandoc."""
from __future__ import annotations

import re

from assets.report import fmt, labels


def table_order(t: str | None) -> tuple:
    """The order of report tables by number, not by text: 2, 10, 14, 14-1, then tables without a number by name, a
    missing one first among them (None, courts, ...; tests/test_report_tables_values.py); the workbook's sheets
    (exports.py) and the appendix's rows (appendix.py)."""
    t = t or ""
    m = re.match(r"(\d+)(?:-(\d+))?", t)
    return (0, int(m.group(1)), int(m.group(2) or 0), t) if m else (1, 0, 0, t)


def _cell(fig: dict, table_no: str, row: str, col: str):
    return fig.get((table_no, row, col))


def md_escape(text: str) -> str:
    """Text from outside (notes, topics, media titles) shown literally: no markdown, no HTML."""
    out = []
    for ch in str(text):
        if ch in "\\`*_{}[]()<>#+!|~^$@&\"'":
            out.append("&#%d;" % ord(ch))
        else:
            out.append(ch)
    return "".join(out).replace("\n", " ")


def caption(table_no: str, lang: str, year: str, **subs: str) -> str:
    if not table_no[:1].isdigit():  # 'courts', 'topics': tables of the text, without a number
        return f": {labels.title(table_no, lang, year, **subs)}"
    return f": {labels.word('table', lang)}{table_no}. {labels.title(table_no, lang, year, **subs)}"


def pipe_table(header: list[str], rows: list[list[str]], align: list[str] | None = None, cap: str = "") -> str:
    align = align or ["l"] + ["r"] * (len(header) - 1)
    # columns size to their content: the renderer reads with a wide --columns, so that pandoc never
    # turns the dashes below into relative widths (which squeeze number columns in Typst)
    sep = ["---:" if a == "r" else ":---" for a in align]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(sep) + " |"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    # a wide table scrolls inside its own box on a narrow screen (HTML; other formats ignore the div)
    return "::: {.table-wrap}\n" + "\n".join(lines) + ("\n\n" + cap if cap else "") + "\n:::\n"


def ordered_rows(fig: dict, table_no: str, order_col: str) -> list[str]:
    keys = {r for (t, r, c) in fig if t == table_no and c == order_col and not r.startswith("total")}
    return sorted(keys, key=lambda r: (-(fig.get((table_no, r, order_col)) or 0), labels.row(r, "ru")))


def keyed_table(fig: dict, table_no: str, cols: list[str], lang: str, year: str, *, row_field: str | None,
                rows: list[str] | None = None, order_col: str | None = None, totals: tuple[str, ...] = ("total",),
                first_header: str | None = None, share_with: dict[str, str] | None = None, cell=None) -> str:
    """Rows × columns of one table. share_with={'count': 'share_pct'} prints '17 (47%)'.
    cell(table_no, row, col) -> str formats a cell (default: the figure at the column's precision)."""
    share_with = share_with or {}
    show = cell or (lambda t, r, c: fmt.for_column(c, _cell(fig, t, r, c), lang))
    if rows is None:
        rows = ordered_rows(fig, table_no, order_col or cols[0])
    rows = rows + [t for t in totals if any(k[0] == table_no and k[1] == t for k in fig)]
    shown_cols = [c for c in cols if c not in share_with.values()]
    header = [first_header or labels.word("city" if row_field == "city" else "figure", lang)]
    header += [labels.column(c, lang) for c in shown_cols]
    body = []
    for r in rows:
        line = [("**%s**" % labels.row(r, lang, row_field)) if r.startswith("total") else labels.row(r, lang, row_field)]
        for c in shown_cols:
            s = show(table_no, r, c)
            if c in share_with:
                sv = _cell(fig, table_no, r, share_with[c])
                if sv is not None:
                    s = f"{s} ({show(table_no, r, share_with[c])})"
            line.append(s)
        body.append(line)
    return pipe_table(header, body, cap=caption(table_no, lang, year))
