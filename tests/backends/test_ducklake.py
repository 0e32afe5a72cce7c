"""The pipeline on a DuckLake warehouse (catalog in a real Postgres, data files in a folder) gives
exactly what it gives on the local DuckDB file: every table, every check, every export file.

The reference is the DuckDB-file run of the same cards in the same test, never numbers taken from
the code under test; the example's own figures are checked against the seed by test_example_2017.py.
"""
from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import duckdb
import pytest

from tests.backends.conftest import use_lake
from tests.conftest import run_period, use_root

PERIOD_ASSETS = ("raw_cards", "cards", "figures", "reconciliation", "exports")
# warehouse_schema: DuckLake's record of the DDL applied (assets/core/warehouse.ensure_tables), no data
LAKE_ONLY = {"warehouse_schema"}


def dump() -> dict[str, list]:
    """Every row of every table of the configured warehouse, sorted (load times left out)."""
    from assets.core import warehouse

    out = {}
    with warehouse.connect(read_only=True) as con:
        tables = [t for (t,) in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_catalog = current_database() "
            "AND table_type = 'BASE TABLE' ORDER BY 1").fetchall()]
        for t in tables:
            cols = [c for (c,) in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_catalog = current_database() "
                "AND table_name = ? ORDER BY ordinal_position", [t]).fetchall() if c not in ("loaded_at", "erased_at")]
            sel = ", ".join(f'"{c}"' for c in cols)
            out[t] = con.execute(f'SELECT {sel} FROM "{t}" ORDER BY ALL').fetchall()
    return out


def exports_of(root: Path) -> dict[str, object]:
    """The export files' bytes (datapackage.json parsed, without its creation time)."""
    folder = root / "build" / "exports" / "2017"
    out: dict[str, object] = {}
    for p in sorted(folder.rglob("*")):
        if p.name == "datapackage.json":
            out[p.name] = {k: v for k, v in json.loads(p.read_text()).items() if k != "created"}
        elif p.is_file():
            out[str(p.relative_to(folder))] = p.read_bytes()
    return out


def run_example() -> list:
    """The published history, then 2017 with its checks and exports, as `monitor run` does."""
    results = [run_period(None, ("published_figures", "audit")), run_period("2017", PERIOD_ASSETS)]
    assert all(r.success for r in results)
    return results


@pytest.fixture(scope="module")
def runs(tmp_path_factory, postgres_server):
    from assets.core import ducklake, warehouse

    with pytest.MonkeyPatch.context() as mp:
        root = use_root(mp, tmp_path_factory.mktemp("file"), example=True)
        mp.setenv("MONITOR_WAREHOUSE_BACKEND", "duckdb")
        run_example()
        file_run = {"tables": dump(), "exports": exports_of(root)}
    with pytest.MonkeyPatch.context() as mp:
        root = tmp_path_factory.mktemp("lake")
        use_lake(mp, postgres_server, root, example=True)
        results = run_example()
        with warehouse.connect(read_only=True) as con:
            snaps = ducklake.snapshots(con)
        checks = [e.asset_check_evaluation_data for r in results for e in r.all_events if e.event_type_value == "ASSET_CHECK_EVALUATION"]
        lake_run = {"tables": dump(), "exports": exports_of(root), "snapshots": snaps, "checks": checks,
                    "data": sorted(p.name for p in (root / "lake-data").rglob("*.parquet")),
                    "env": {k: os.environ[k] for k in ("MONITOR_DUCKLAKE_CATALOG", "MONITOR_DUCKLAKE_DATA")}}
    return file_run, lake_run


def test_every_table_identical_to_the_file_run(runs):
    file_run, lake_run = runs
    assert set(lake_run["tables"]) - LAKE_ONLY == set(file_run["tables"])
    for table, rows in file_run["tables"].items():
        assert lake_run["tables"][table] == rows, table
    # not vacuous: the example's figures and reconciliation are there
    assert len(file_run["tables"]["figures"]) > 300 and len(file_run["tables"]["reconciliation"]) > 300
    assert len(file_run["tables"]["cards"]) == 36


def test_exports_identical_and_checks_ran(runs):
    file_run, lake_run = runs
    assert "figures.csv" in file_run["exports"] and "reconciliation.csv" in file_run["exports"]
    assert lake_run["exports"] == file_run["exports"]
    names = {c.check_name for c in lake_run["checks"]}
    assert {"nothing_lost", "figures_schema", "figures_expectations"} <= names
    assert all(c.passed for c in lake_run["checks"])


def test_writes_are_labelled_snapshots_with_files_in_the_data_folder(runs):
    _, lake_run = runs
    messages = [s["commit_message"] for s in lake_run["snapshots"]]
    assert "figures, derived_figures, coverage of period 2017" in messages
    assert "reconciliation of period 2017" in messages
    assert messages.count("warehouse tables (sql/tables/)") == 1  # the DDL once, not at every connection
    assert lake_run["data"], "no Parquet file in the data folder"


def test_as_of_a_snapshot_sees_the_warehouse_as_it_was(runs, monkeypatch):
    from assets.core import warehouse

    _, lake_run = runs
    for k, v in lake_run["env"].items():
        monkeypatch.setenv(k, v)
    monkeypatch.setenv("MONITOR_WAREHOUSE_BACKEND", "ducklake")
    snaps = lake_run["snapshots"]
    before = next(s for s in snaps if s["commit_message"] == "reconciliation of period 2017")["snapshot_id"] - 1
    with warehouse.connect(as_of=before) as con:
        assert con.execute("SELECT count(*) FROM reconciliation").fetchone()[0] == 0
        assert con.execute("SELECT count(*) FROM figures WHERE period = '2017'").fetchone()[0] == len(
            [r for r in lake_run["tables"]["figures"] if r[0] == "2017"])
    with warehouse.connect(as_of=snaps[-1]["snapshot_time"]) as con:  # a time: the last snapshot's
        assert con.execute("SELECT count(*) FROM reconciliation").fetchone()[0] == len(lake_run["tables"]["reconciliation"])
    with pytest.raises(duckdb.Error):  # before the lake existed: nothing to attach
        with warehouse.connect(as_of=dt.date(2000, 1, 1)):
            pass
    with pytest.raises(duckdb.Error, match="read-only"):
        with warehouse.connect(as_of=before) as con:
            con.execute("DELETE FROM figures")


def test_settings_said_clearly(monkeypatch, tmp_path):
    from core import warehouse_config
    from core.warehouse_config import WarehouseConfigError

    monkeypatch.setenv("MONITOR_WAREHOUSE_BACKEND", "ducklake")
    monkeypatch.delenv("MONITOR_DUCKLAKE_CATALOG", raising=False)
    monkeypatch.delenv("MONITOR_WAREHOUSE_CONFIG", raising=False)
    with pytest.raises(WarehouseConfigError, match="MONITOR_DUCKLAKE_CATALOG"):
        warehouse_config.load()
    monkeypatch.setenv("MONITOR_WAREHOUSE_BACKEND", "sqlite")
    with pytest.raises(WarehouseConfigError, match="duckdb, ducklake"):
        warehouse_config.load()
    cfg = tmp_path / "warehouse.yaml"
    cfg.write_text("backend: ducklake\nducklake:\n  catalog: 'postgresql://mon:s3cret@db/monitor'\n  write_pool: 6\n"
                   "  data_path: s3://lake/monitor\n  s3: {endpoint: 'minio:9000', use_ssl: false}\n")
    monkeypatch.delenv("MONITOR_WAREHOUSE_BACKEND")
    monkeypatch.setenv("MONITOR_WAREHOUSE_CONFIG", str(cfg))
    c = warehouse_config.load()
    assert (c.backend, c.write_pool, c.data_path, c.s3["endpoint"]) == ("ducklake", 6, "s3://lake/monitor/", "minio:9000")
    assert "s3cret" not in c.describe() and "***" in c.describe()
    monkeypatch.setenv("MONITOR_WAREHOUSE_BACKEND", "duckdb")  # the environment wins over the file
    assert warehouse_config.load().write_pool == 1


def test_media_ddl_variant_differs_only_by_primary_keys():
    """DuckLake has no PRIMARY KEY: sql/media/*.ducklake.sql are their base files without it, nothing else."""
    from core import settings

    variants = sorted(settings.sql_dir().rglob("*.ducklake.sql"))
    assert variants
    for v in variants:
        base = v.with_name(v.name.replace(".ducklake", ""))
        strip = [ln for ln in v.read_text().splitlines() if not ln.startswith("--")]
        want = [ln.replace(" PRIMARY KEY", "") for ln in base.read_text().splitlines() if not ln.startswith("--")]
        assert strip == want, v.name
