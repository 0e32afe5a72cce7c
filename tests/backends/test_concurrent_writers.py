"""Concurrent writers on a DuckLake: four periods' runs at once, in four processes, give exactly the
tables the same periods give run one after another (on the DuckDB file); the Dagster write pool lets
them write at the same time on a DuckLake and one at a time on the file.

The cards are made by benchmarks/generate.py (seeded, ~2% bad cards of every kind, persons with court
outcomes) for four periods; the published figures are loaded once before the runs, as `monitor run` does.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import dagster as dg
import pytest

from assets.resources import sync_write_pool
from benchmarks.generate import generate_inbox
from core import settings
from tests.backends.conftest import use_lake
from tests.backends.runner import ASSETS
from tests.backends.test_ducklake import LAKE_ONLY, dump
from tests.conftest import run_period, use_root

PERIODS = ("2014", "2015", "2016", "2017")
CARDS = 600  # over the four periods


def _run_serial(period: str) -> None:
    from pipelines.definitions import defs

    r = dg.materialize(assets=[*defs.assets, *defs.asset_checks], resources=defs.resources,
                       selection=dg.AssetSelection.assets(*ASSETS).without_checks(), partition_key=period,
                       instance=dg.DagsterInstance.ephemeral(), raise_on_error=False)
    assert r.success, period


def _dagster_home(root: Path) -> Path:
    home = root / "dagster_home"
    home.mkdir()
    shutil.copy(settings.repo_root() / "dagster_home" / "dagster.yaml", home / "dagster.yaml")
    return home


def _write_windows(instance, run_id: str) -> list[tuple[float, float]]:
    """(start, end) of every step of the run (each writes the warehouse)."""
    starts, out = {}, []
    for e in instance.all_logs(run_id):
        if not e.is_dagster_event or not e.dagster_event.step_key:
            continue
        kind = e.dagster_event.event_type_value
        if kind == "STEP_START":
            starts[e.dagster_event.step_key] = e.timestamp
        elif kind == "STEP_SUCCESS":
            out.append((starts[e.dagster_event.step_key], e.timestamp))
    return out


@pytest.fixture(scope="module")
def serial(tmp_path_factory):
    with pytest.MonkeyPatch.context() as mp:
        root = use_root(mp, tmp_path_factory.mktemp("serial"))
        mp.setenv("MONITOR_WAREHOUSE_BACKEND", "duckdb")
        manifest = generate_inbox(root / "inbox", CARDS, PERIODS, seed=18)
        assert run_period(None, ("published_figures", "audit")).success
        for p in PERIODS:
            _run_serial(p)
        return dump(), manifest


@pytest.fixture(scope="module")
def concurrent(tmp_path_factory, postgres_server):
    with pytest.MonkeyPatch.context() as mp:
        root = tmp_path_factory.mktemp("concurrent")
        use_lake(mp, postgres_server, root)
        generate_inbox(root / "inbox", CARDS, PERIODS, seed=18)
        assert run_period(None, ("published_figures", "audit")).success
        home = _dagster_home(root)
        mp.setenv("DAGSTER_HOME", str(home))
        instance = dg.DagsterInstance.get()  # created here: four processes creating its SQLite files at once race
        sync_write_pool(instance)
        env = {**os.environ, "MONITOR_HOME": str(settings.repo_root())}
        procs = [subprocess.Popen([sys.executable, "-m", "tests.backends.runner", p], cwd=settings.repo_root(), env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for p in PERIODS]
        outs = [p.communicate(timeout=300) for p in procs]
        reports = []
        for proc, (out, err) in zip(procs, outs):
            assert proc.returncode == 0, err[-3000:]
            reports.append(json.loads(out.strip().splitlines()[-1]))
        windows = {r["period"]: _write_windows(instance, r["run_id"]) for r in reports}
        return dump(), reports, windows, instance.event_log_storage.get_concurrency_info("duckdb_write").slot_count


def test_four_periods_at_once_equal_the_serial_run(serial, concurrent):
    (want, manifest), (got, reports, _, _) = serial, concurrent
    assert sorted(r["period"] for r in reports) == list(PERIODS) and all(r["success"] for r in reports)
    assert set(got) - LAKE_ONLY == set(want)
    for table, rows in want.items():
        assert got[table] == rows, table
    # not vacuous: every period has its clean cards, its quarantine and its figures
    clean = {p: sum(1 for t in ("cards", "events_not_held") for r in want[t] if r[0] == p) for p in PERIODS}
    assert clean == {p: m.good_cards for p, m in manifest.items()}
    assert {r[0] for r in want["quarantine"]} == set(PERIODS)
    assert {r[0] for r in want["derived_figures"]} == set(PERIODS)


def test_the_pool_let_them_write_at_the_same_time(concurrent):
    _, reports, windows, limit = concurrent
    assert limit == 4 and all(r["pool_limit"] == 4 for r in reports)
    spans = [(min(s for s, _ in w), max(e for _, e in w)) for w in windows.values()]
    overlapping = sum(1 for i, a in enumerate(spans) for b in spans[i + 1:] if a[0] < b[1] and b[0] < a[1])
    assert overlapping >= 1, f"no two periods wrote at the same time: {spans}"


def test_pool_limit_follows_the_backend(tmp_path, monkeypatch):
    monkeypatch.setenv("DAGSTER_HOME", str(_dagster_home(tmp_path)))
    instance = dg.DagsterInstance.get()
    pool = lambda: instance.event_log_storage.get_concurrency_info("duckdb_write").slot_count  # noqa: E731
    monkeypatch.setenv("MONITOR_WAREHOUSE_BACKEND", "ducklake")
    monkeypatch.setenv("MONITOR_DUCKLAKE_CATALOG", "dbname=monitor")
    monkeypatch.delenv("MONITOR_WRITE_POOL_LIMIT", raising=False)
    assert sync_write_pool(instance) == 4 and pool() == 4
    monkeypatch.setenv("MONITOR_WRITE_POOL_LIMIT", "3")
    assert sync_write_pool(instance) == 3 and pool() == 3
    monkeypatch.setenv("MONITOR_WAREHOUSE_BACKEND", "duckdb")  # back to the file: one writer
    assert sync_write_pool(instance) == 1 and pool() == 1
