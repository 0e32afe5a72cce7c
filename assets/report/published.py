"""The published figures as the report shows them, and the divergences of derived figures from them.

- A published figure is shown exactly as printed (its digits and decimals: 86,5 stays 86,5; 0,75 is not
  rounded), "—" where the report printed a dash or nothing (`value_status`, or a NULL value).
- A derived figure is shown at the precision the published report uses for that cell (or that column).
- A derived figure whose shown value differs from the published one carries a marker (¹ ² …) and a note
  under its table: the published value and why they differ, from `reconciliation` (status, audit,
  and the recorded choice `choice_reason_<lang>` where the warehouse has it).

Columns that another part of the pipeline adds later (`value_status`, `choice_reason_*`) are read only
when the table has them."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from assets.core.sqlfiles import sql
from assets.report import fmt, labels

NUMBER = re.compile(r"-?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?|-?\d+(?:[.,]\d+)?")
GROUPED = re.compile(r"\d[ \u00a0\u202f]\d")
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
NOT_A_VALUE = {"dash", "blank", "unreadable"}
DASHES = {"", "-", "–", "—", "−"}


@dataclass
class Printed:
    printed: str | None
    decimals: int | None
    value: float | None
    status: str = "value"          # value | dash | blank | unreadable


def columns_of(con, table: str) -> set[str]:
    return {r[0] for r in con.execute(sql("common/columns_of"), {"name": table}).fetchall()}


def load_printed(con) -> dict[tuple[str, str, str, str], Printed]:
    """(period, table, row, col) -> how the published report printed it (tables first, primary first)."""
    cols = columns_of(con, "published_figures")
    if not cols:
        return {}
    rows = con.execute(sql("report/published_printed")).fetchall()
    out: dict = {}
    for p, t, r, c, printed, dec, value, st in rows:
        out.setdefault((p, t, r, c), Printed(printed, dec, value, st or ("value" if value is not None else "dash")))
    return out


def column_decimals(printed: dict) -> dict[tuple[str, str], int]:
    """(table, col) -> the decimals the published report most often uses in that column."""
    seen: dict[tuple[str, str], dict[int, int]] = {}
    for (p, t, r, c), pr in printed.items():
        if pr.decimals is not None and pr.status == "value":
            d = seen.setdefault((t, c), {})
            d[pr.decimals] = d.get(pr.decimals, 0) + 1
    return {k: max(v, key=lambda d: (v[d], -d)) for k, v in seen.items()}


def number_as_printed(pr: Printed, col: str, lang: str) -> str:
    """The published figure with the digits the report printed (decimal separator of the edition)."""
    if pr.status in NOT_A_VALUE or pr.value is None or (pr.printed is not None and pr.printed.strip() in DASHES):
        return "—"
    m = NUMBER.search(pr.printed or "")
    if m and pr.printed and len(pr.printed) <= 24:
        digits = m.group(0)
        if GROUPED.search(digits):      # "12 345": the value at its decimals, grouped as the edition groups
            return at_decimals(pr.value, col, pr.decimals, lang)
        s = digits.replace(".", ",") if lang == "ru" else digits.replace(",", ".")
        return s + ("%" if col.endswith("_pct") else "")
    return at_decimals(pr.value, col, pr.decimals, lang)


def at_decimals(x: float | None, col: str, decimals: int | None, lang: str) -> str:
    if x is None:
        return "—"
    if decimals is None:
        return fmt.for_column(col, x, lang)
    return fmt.number(x, decimals, lang) + ("%" if col.endswith("_pct") else "")


@dataclass
class Notes:
    """The markers of one table and the notes printed under it."""
    lang: str
    items: list[str] = field(default_factory=list)

    def add(self, text: str) -> str:
        if text in self.items:
            return str(self.items.index(text) + 1).translate(SUPERSCRIPT)
        self.items.append(text)
        return str(len(self.items)).translate(SUPERSCRIPT)

    def block(self) -> str:
        if not self.items:
            return ""
        lines = [f"{str(i + 1).translate(SUPERSCRIPT)} {t}" for i, t in enumerate(self.items)]
        self.items = []
        return "\n::: {.divergence-notes}\n" + "\\\n".join(lines) + "\n:::\n"


def reason(rec: dict, lang: str) -> str:
    """Why a derived figure differs from the published one, for readers: the recorded choice, the
    audit's finding (the report contradicts itself), or the reconciliation's status."""
    own = rec.get(f"choice_reason_{lang}")
    if own:
        return str(own)
    if rec.get("audit_note") or rec.get("contradicted_in_report"):
        return labels.word("div_contradicted", lang)
    parts = []
    status = rec.get("status") or ""
    key = {"mismatch": "div_mismatch", "match_truncated": "div_truncated", "match_approximate": "div_approximate",
           "not_published": "div_not_published", "not_derived": "div_not_derived"}.get(status, "div_mismatch")
    parts.append(labels.word(key, lang))
    return " ".join(parts)
