"""The audit's command line: `python -m assets.derive.audit [path]` prints the findings of
data/published/ (or of the folder given) as markdown."""
from __future__ import annotations

import sys
from pathlib import Path

import polars as pl

from assets.derive.audit.printed import fmt
from assets.derive.audit.run import audit_published


def to_markdown(findings: pl.DataFrame) -> str:
    cols = ["root_id", "rule", "period", "table_no", "row_key", "col_key", "published", "expected", "message"]
    cols = [c for c in cols if c in findings.columns]
    lines = ["| # | " + " | ".join(cols) + " |", "|" + "---|" * (len(cols) + 1)]
    for i, row in enumerate(findings.iter_rows(named=True), 1):
        cells = [fmt(row[c]) if c in ("published", "expected") else str(row[c] if row[c] is not None else "-")
                 for c in cols]
        lines.append(f"| {i} | " + " | ".join(x.replace("|", "\\|") for x in cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    from assets.derive.published import load_published

    argv = sys.argv[1:] if argv is None else argv
    pub = load_published(Path(argv[0]) if argv else None)
    allf = audit_published(pub, include_truncated=True)
    for src in sorted(set(pub["source"].to_list())):
        a = allf.filter(pl.col("source") == src)
        contra = a.filter(pl.col("level") == "contradiction").sort("root_id", maintain_order=True)
        rounding = a.filter(pl.col("level") == "rounding")
        trunc = a.filter(pl.col("level") == "truncated")
        roots = contra["root_id"].n_unique()
        counts = contra.group_by("rule").len().sort("rule")
        print(f"## Contradictions in `{src}`: {roots} root causes, {contra.height} findings\n")
        print("Findings by rule: " + ", ".join(f"{r}: {n}" for r, n in counts.iter_rows()) + ". "
              "Findings with the same `root_id` are one cause (they share a cell, a column that does not add up, "
              "or a sentence); `cells` in the warehouse lists every cell a finding rests on.\n")
        print(to_markdown(contra))
        print(f"\n### Within the printed rounding (level 'rounding', not contradictions: {rounding.height})\n")
        print("The difference is smaller than the precision the table prints the column with elsewhere (e.g. "
              "15.5% in a table of whole per cents where 8/52 = 15.4%).\n")
        print(to_markdown(rounding))
        print(f"\n### Truncated instead of rounded (level 'truncated', informational: {trunc.height})\n")
        print(to_markdown(trunc))
        print()
    return 0

