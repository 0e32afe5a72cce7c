"""The audit's command line (`python -m assets.derive.audit`, assets/derive/audit/__main__.py) prints, per
source, the contradictions of the published figures as a markdown table: one row per finding that
audit_published gives at level 'contradiction', in the same order."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import polars as pl

from assets.derive.audit import audit_published
from assets.derive.published import load_published

ROOT = Path(__file__).resolve().parents[1]


def _table_after(text: str, heading: str) -> list[str]:
    """The data rows (not header or rule) of the first markdown table after the heading."""
    rest = text.split(heading, 1)[1]
    rows = []
    for line in rest.splitlines():
        if line.startswith("|"):
            rows.append(line)
        elif rows:
            break
    return rows[2:]


def test_the_command_line_prints_every_contradiction():
    env = {**os.environ, "MONITOR_HOME": str(ROOT)}
    out = subprocess.run([sys.executable, "-m", "assets.derive.audit"], cwd=ROOT, env=env, capture_output=True,
                         text=True, timeout=120, check=True).stdout
    pub = load_published()
    findings = audit_published(pub)
    for src in sorted(set(pub["source"].to_list())):
        contra = findings.filter((pl.col("source") == src) & (pl.col("level") == "contradiction"))
        assert contra.height > 0
        m = re.search(rf"## Contradictions in `{re.escape(src)}`: (\d+) root causes, (\d+) findings", out)
        assert m, out[:500]
        assert int(m.group(1)) == contra["root_id"].n_unique() and int(m.group(2)) == contra.height
        rows = _table_after(out, m.group(0))
        assert len(rows) == contra.height
        # each row carries its finding's root and rule
        for row, (root, rule) in zip(rows, sorted(contra.select("root_id", "rule").iter_rows(),
                                                  key=lambda r: r[0])):
            cells = [c.strip() for c in row.strip("|").split("|")]
            assert cells[1] == root and cells[2] == rule
