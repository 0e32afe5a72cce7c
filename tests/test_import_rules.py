"""The import rule of issue 14 (pyproject's [tool.importlinter]): pipelines > assets > schemas >
core, no cycle, and no private Dagster API in the project's code."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
LINT = Path(sys.executable).with_name("lint-imports")

# The one private import left: Dagster has no public Python API to create an asset backfill for the
# daemon (`monitor backfill --submit`); everything else uses `dagster` / `dg.` names only.
PRIVATE_ALLOWED = {("pipelines/cli.py", "dagster._core.execution.backfill"), ("pipelines/cli.py", "dagster._core.utils"),
                   ("pipelines/cli.py", "dagster._time")}


def test_import_contracts_are_kept():
    out = subprocess.run([str(LINT), "--no-cache"], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-2000:]
    assert "6 kept, 0 broken" in out.stdout


def test_no_private_dagster_api():
    found = set()
    for pkg in ("pipelines", "assets", "schemas", "core"):
        for f in (REPO / pkg).rglob("*.py"):
            for m in re.finditer(r"^\s*(?:from|import)\s+(dagster(?:_\w+)?\._[\w.]*)", f.read_text(encoding="utf-8"), re.M):
                found.add((f.relative_to(REPO).as_posix(), m.group(1)))
    assert found - PRIVATE_ALLOWED == set(), sorted(found - PRIVATE_ALLOWED)
