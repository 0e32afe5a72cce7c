"""What a validation found, in words: each expectation's outcome with the cells that failed it
(SuiteOutcome, ExpectationOutcome), and the error that lists them (FiguresNotValid)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assets.quality.gx_expectations import KEYS

MAX_EXPLANATIONS = 50  # per expectation


class FiguresNotValid(RuntimeError):
    """The figures of a period failed the quality suite; the message lists every failure."""

    def __init__(self, message: str, outcome: "SuiteOutcome | None" = None):
        super().__init__(message)
        self.outcome = outcome


@dataclass
class ExpectationOutcome:
    check: str            # a stable id, e.g. "share_0_100"
    suite: str
    expectation: str      # the GX expectation type
    description: str
    success: bool
    unexpected: int = 0
    explanations: list[str] = field(default_factory=list)


@dataclass
class SuiteOutcome:
    period: str
    outcomes: list[ExpectationOutcome]
    data_docs: Path | None = None           # index.html
    pages: list[Path] = field(default_factory=list)   # this run's validation pages

    @property
    def success(self) -> bool:
        return all(o.success for o in self.outcomes)

    @property
    def failures(self) -> list[ExpectationOutcome]:
        return [o for o in self.outcomes if not o.success]

    @property
    def passed(self) -> int:
        return sum(o.success for o in self.outcomes)

    @property
    def failed(self) -> int:
        return len(self.failures)

    def explanations(self) -> list[str]:
        return [e for o in self.failures for e in o.explanations]

    def summary(self) -> str:
        head = (f"the figures of {self.period} passed all {len(self.outcomes)} quality expectations" if self.success
                else f"the figures of {self.period} failed {self.failed} of {len(self.outcomes)} quality expectations")
        lines = [head + (f" (Data Docs: {self.data_docs})" if self.data_docs else "")]
        for o in self.failures:
            lines.append(f"- {o.description} [{o.check}]:")
            lines += [f"    {e}" for e in o.explanations]
        return "\n".join(lines)


# ------------------------------------------------------------------------------------ explanations

def _num(v: Any) -> str:
    try:
        f = float(v)
    except (TypeError, ValueError):
        return repr(v)
    return f"{f:.10g}"


def _cell(d: dict) -> str:
    return f"table {d.get('table_no')}, row {d.get('row_key')}, column {d.get('col_key')}"


def _explain(check: str, row: dict) -> str:
    if check.endswith("_not_null"):
        col = check[: -len("_not_null")]
        return f"{_cell(row)} (period {row.get('period')}): no {col}"
    if check == "provenance":
        return f"{_cell(row)}: provenance {row.get('provenance')!r} is neither 'derived' nor 'published'"
    if check == "table_no":
        return f"{_cell(row)}: table_no {row.get('table_no')!r} is no table of the report"
    if check == "share_0_100":
        return f"{_cell(row)}: the share {_num(row.get('value'))} % lies outside 0–100"
    if check == "count_not_negative":
        return f"{_cell(row)}: {_num(row.get('value'))} is negative (a count or amount cannot be)"
    if check == "index_not_negative":
        return f"{_cell(row)}: the index {_num(row.get('value'))} is negative"
    if check == "total_exists":
        return (f"table {row.get('table_no')}, column {row.get('col_key')}: the {row.get('rows')} sum to "
                f"{_num(row.get('sum_of_rows'))} but there is no total to compare them with ({row.get('against')})")
    if check == "rows_sum_to_total":
        s, t = row.get("sum_of_rows"), row.get("total")
        diff = f" (difference {float(s) - float(t):+.10g})" if s is not None and t is not None else ""
        against = "they must make 100" if row.get("against") == "100" else f"{row.get('against')} is {_num(t)}"
        return (f"table {row.get('table_no')}, column {row.get('col_key')}: the {row.get('rows')} sum to {_num(s)} "
                f"but {against}{diff}")
    return f"{row}"


def _explanations(check: str, result: dict) -> list[str]:
    rows = result.get("unexpected_index_list") or []
    if check == "one_value_per_cell":
        counts: dict[tuple, int] = {}
        for r in rows:
            k = tuple(r.get(c) for c in KEYS)
            counts[k] = counts.get(k, 0) + 1
        out = [f"table {t}, row {rk}, column {ck} (period {p}): {n} values for one cell"
               for (p, t, rk, ck), n in counts.items()]
    else:
        out = [_explain(check, r) for r in rows]
        if not rows and result.get("unexpected_count"):
            out = [f"{result.get('unexpected_count')} unexpected values: {result.get('partial_unexpected_list')}"]
    if len(out) > MAX_EXPLANATIONS:
        out = out[:MAX_EXPLANATIONS] + [f"… and {len(out) - MAX_EXPLANATIONS} more"]
    return out


def read_outcomes(suite_name: str, validation_result) -> list[ExpectationOutcome]:
    out = []
    for r in validation_result.results:
        cfg = r.expectation_config
        check = (cfg.meta or {}).get("check", cfg.type)
        desc = cfg.description or cfg.type
        if r.exception_info and r.exception_info.get("raised_exception"):
            expl = [f"the expectation could not run: {r.exception_info.get('exception_message')}"]
            out.append(ExpectationOutcome(check, suite_name, cfg.type, desc, False, 0, expl))
            continue
        res = r.result or {}
        out.append(ExpectationOutcome(
            check=check, suite=suite_name, expectation=cfg.type, description=desc, success=bool(r.success),
            unexpected=int(res.get("unexpected_count") or 0),
            explanations=[] if r.success else _explanations(check, res)))
    return out
