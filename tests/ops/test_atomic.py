"""Atomic output folders (assets/core/atomic.py): an exception or a SIGKILL in the middle of writing
a set of files leaves the previous complete set; the next write cleans up and replaces it whole."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assets.core.atomic import atomic_dir
from core import settings

REPO = settings.repo_root()


def _write_set(folder: Path, tag: str) -> None:
    for name in ("a.csv", "b.xlsx", "c.html"):
        (folder / name).write_text(f"{name} {tag}")


def _contents(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text() for p in sorted(folder.iterdir())}


def test_exception_mid_write_keeps_the_previous_set(tmp_path):
    target = tmp_path / "exports" / "2017"
    with atomic_dir(target) as tmp:
        _write_set(tmp, "v1")
    assert _contents(target) == {"a.csv": "a.csv v1", "b.xlsx": "b.xlsx v1", "c.html": "c.html v1"}
    with pytest.raises(RuntimeError, match="disk full"):
        with atomic_dir(target) as tmp:
            (tmp / "a.csv").write_text("a.csv v2")  # a new CSV ...
            raise RuntimeError("disk full")          # ... and no new XLSX
    assert _contents(target) == {"a.csv": "a.csv v1", "b.xlsx": "b.xlsx v1", "c.html": "c.html v1"}
    assert [p.name for p in target.parent.iterdir()] == ["2017"]  # nothing left beside it
    with atomic_dir(target) as tmp:
        (tmp / "only.csv").write_text("v3")
    assert _contents(target) == {"only.csv": "v3"}  # replaced as a whole: no stale file of the old set


CHILD = r"""
import sys, pathlib
from assets.core.atomic import atomic_dir
target, ready = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
with atomic_dir(target) as tmp:
    (tmp / "a.csv").write_text("a.csv v2")
    ready.write_text(str(tmp))
    sys.stdin.read()          # blocks until killed
    (tmp / "b.xlsx").write_text("b.xlsx v2")
"""


def test_sigkill_mid_write_keeps_the_previous_set(tmp_path):
    target = tmp_path / "report" / "2017"
    with atomic_dir(target) as tmp:
        _write_set(tmp, "v1")
    before = _contents(target)
    ready = tmp_path / "ready"
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(target), str(ready)], cwd=REPO, stdin=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not ready.exists():
        assert proc.poll() is None, "the writer ended before writing"
        assert time.monotonic() < deadline, "the writer never got to write"
        time.sleep(0.02)  # polling with a deadline
    leftover = Path(ready.read_text())
    assert leftover.exists() and (leftover / "a.csv").exists()
    proc.send_signal(signal.SIGKILL)
    assert proc.wait() == -signal.SIGKILL
    proc.stdin.close()
    assert _contents(target) == before  # the killed write is invisible
    with atomic_dir(target) as tmp:  # the next write removes the dead writer's folder
        _write_set(tmp, "v3")
    assert not leftover.exists()
    assert _contents(target) == {"a.csv": "a.csv v3", "b.xlsx": "b.xlsx v3", "c.html": "c.html v3"}
    assert sorted(p.name for p in target.parent.iterdir()) == ["2017"]


def test_killed_between_the_two_renames_is_put_back(tmp_path, monkeypatch):
    """Where the system cannot exchange two folders in one call, the previous set is parked for a
    moment: a kill then leaves it parked, and the next use puts it back before anything else."""
    from assets.core import atomic

    target = tmp_path / "exports" / "2017"
    with atomic_dir(target) as tmp:
        _write_set(tmp, "v1")
    parked = target.parent / f".2017{atomic.OLD_TAG}999999999-deadbeef"  # a pid that does not exist
    os.rename(target, parked)
    atomic.recover(target)
    assert _contents(target)["a.csv"] == "a.csv v1" and not parked.exists()
    monkeypatch.setattr(atomic, "exchange", lambda a, b: False)  # the two-rename path
    with atomic_dir(target) as tmp:
        _write_set(tmp, "v2")
    assert _contents(target)["b.xlsx"] == "b.xlsx v2"


def test_exports_asset_failing_mid_way_keeps_the_previous_exports(example_inbox, monkeypatch):
    from assets.report import exports as exports_mod
    from tests.conftest import run_period

    # the state before the failing run, built without the assets' checks (nothing here asserts them; they are
    # proved in tests/test_pipeline.py, tests/test_blocking_checks*.py, tests/test_quality.py; docs/testing.md,
    # "Suite time", branch spd2)
    assert run_period(None, selection=("published_figures", "audit"), checks=False).success
    assert run_period("2017", selection=("raw_cards", "cards", "figures", "reconciliation", "exports"), checks=False).success
    out = example_inbox / "build" / "exports" / "2017"
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    assert {"figures.csv", "cards_public.csv", "tables-2017.xlsx"} <= set(before)

    # the warehouse changes before the failing run (a card withdrawn), so a run that wrote its CSVs into the public
    # folder in place, not beside it, would leave different bytes there, not the same ones again
    first = sorted((example_inbox / "inbox" / "cards" / "2017").glob("*.yaml"))[0]
    first.unlink()
    assert run_period("2017", selection=("raw_cards", "cards", "figures", "reconciliation"), checks=False).success

    def broken(path, sheets):
        raise OSError(28, "No space left on device")  # after the CSVs were written, the workbook fails

    monkeypatch.setattr(exports_mod, "_write_xlsx", broken)
    monkeypatch.setenv("MONITOR_RETRY_DELAY_S", "0")
    result = run_period("2017", selection=("exports",), raise_on_error=False)
    assert not result.success
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert sorted(p.name for p in out.parent.iterdir()) == ["2017"]
