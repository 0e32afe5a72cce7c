"""A figure as the published report prints it, and how a value matches it.

Precision: a figure printed with d decimals matches x when |x - value| <= 0.5 * 10^-d (+ 1e-6), or
when value is x truncated to d decimals. Counts (columns that are not shares, indices, averages or
ratios) match exactly. A printed "-" is exactly 0. Figures whose note starts with "approximate"
(verbal: "половина", "каждом втором", "около 15") match within 25% of their value.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Iterable

EPS = 1e-6
APPROX_TOL = 0.25

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
        if -EPS <= d < self.unit - EPS:  # no sign test: an x across zero from v is within EPS of it, a rounding above
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


def cell(f: Fig) -> str:
    return f"{table_name(f.table_no)}, row '{f.row_key}', column '{f.col_key}' ({f.period})"

