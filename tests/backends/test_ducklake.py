"""The pipeline on a DuckLake warehouse (catalog in a real Postgres, data files in a folder) gives
exactly what it gives on the local DuckDB file: every table, every check, every export file -- even
with two periods written at once by two processes (concurrent writers), against the same periods
run one after another on the file.

The reference is the DuckDB-file run of the same cards in the same test, never numbers taken from
the code under test; the example's own figures are checked against the seed by test_example_2017.py.
Cards: the bundled 2017 example, and cards made by benchmarks/generate.py (seeded; ~2% bad ones of
every kind, persons with court outcomes) for 2016.
"""
from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import shutil
import zipfile

import dagster as dg
import duckdb
import pytest

from assets.resources import sync_write_pool
from benchmarks.generate import generate_inbox
from core import settings
from tests.backends.conftest import use_lake
from benchmarks.period_runner import ASSETS
from tests.conftest import EXAMPLE_2017, run_period, use_root

pytestmark = pytest.mark.slow  # `make test-slow` (docs/testing.md, "Two tiers")

# 2017: the example cards (with its checks); 2016 generated (bad cards, quarantine, persons). Two processes at
# once are concurrent writers as three or four were (the race is between two; the pool's limit stays 4):
# thirteenth pass, docs/testing.md (three periods before, four before that).
PERIODS = ("2016", "2017")
GENERATED = PERIODS[:-1]
EXAMPLE_ASSETS = ("raw_cards", "cards", "figures", "reconciliation", "exports")  # with their checks
# warehouse_schema: each backend's record of the layout it applied (assets/core/layout.ensure_tables), no data
LAKE_ONLY = {"warehouse_schema"}
RAW_STORAGE = {"raw_file_index", "raw_file_rows", "raw_record_parts", "raw_record_rows"}


def dump() -> dict[str, list]:
    """Every row of every table of the configured warehouse, sorted (load times, revision times and the time the
    pseudonym key was recorded left out)."""
    from assets.core import layout, warehouse

    out = {}
    with warehouse.connect(read_only=True) as con:
        # the raw layer as readers see it (views over the raw store on the file, the lake's own tables on a
        # DuckLake: assets/core/rawstore.py), not the tables that store it
        tables = [t for (t, kind) in con.execute(
            "SELECT table_name, table_type FROM information_schema.tables WHERE table_catalog = current_database() "
            "ORDER BY 1").fetchall() if (kind == "BASE TABLE" and t not in RAW_STORAGE) or t in ("raw_files", "raw_records")]
        for t in tables:
            cols = [c for (c,) in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_catalog = current_database() "
                "AND table_name = ? ORDER BY ordinal_position", [t]).fetchall() if c not in ("loaded_at", "erased_at", "valid_from", "valid_to", "since")]
            sel = ", ".join(f'"{c}"' for c in cols)
            # two first runs at once on a DuckLake may both record the key's fingerprint (appends never conflict
            # there): the same row twice, read as one (sql/pseudonym/recorded.sql)
            distinct = "DISTINCT " if t == "pseudonym_key" else ""
            out[t] = con.execute(f'SELECT {distinct}{sel} FROM "{t}" ORDER BY ALL').fetchall()
    return out


def exports_of(root: Path) -> dict[str, object]:
    """The export files' bytes (datapackage.json parsed, without its creation time)."""
    folder = root / "build" / "exports" / "2017"
    out: dict[str, object] = {}
    for p in sorted(folder.rglob("*")):
        if p.name == "datapackage.json":
            out[p.name] = {k: v for k, v in json.loads(p.read_text()).items() if k != "created"}
        elif p.suffix == ".xlsx":  # every part of the workbook but its creation time (docProps/core.xml)
            with zipfile.ZipFile(p) as z:
                out[p.name] = {n: z.read(n) for n in z.namelist() if n != "docProps/core.xml"}
        elif p.is_file():
            out[str(p.relative_to(folder))] = p.read_bytes()
    return out


def _cards(root: Path) -> dict:
    """The inbox: the 2017 example cards, and seeded generated cards (bad ones too) for 2015-2016."""
    shutil.copytree(EXAMPLE_2017, root / "inbox" / "cards" / "2017", dirs_exist_ok=True)
    return generate_inbox(root / "inbox", 160, GENERATED, seed=18)


def _materialize(period: str, selection, checks: bool) -> None:
    from pipelines.definitions import defs

    chosen = dg.AssetSelection.assets(*selection)
    r = dg.materialize(assets=[*defs.assets, *defs.asset_checks], resources=defs.resources, partition_key=period,
                       selection=chosen if checks else chosen.without_checks(), instance=dg.DagsterInstance.ephemeral())
    assert r.success, period


def _dagster_home(root: Path) -> Path:
    home = root / "dagster_home"
    home.mkdir()
    shutil.copy(settings.repo_root() / "dagster_home" / "dagster.yaml", home / "dagster.yaml")
    return home


def _steps(instance, run_id: str) -> tuple[list[tuple[float, float]], list]:
    """(start, end) of every step of the run (each writes the warehouse), and its check evaluations."""
    starts, spans, checks = {}, [], []
    for e in instance.all_logs(run_id):
        if not e.is_dagster_event:
            continue
        kind, step = e.dagster_event.event_type_value, e.dagster_event.step_key
        if kind == "STEP_START":
            starts[step] = e.timestamp
        elif kind == "STEP_SUCCESS" and step in starts:
            spans.append((starts[step], e.timestamp))
        elif kind == "ASSET_CHECK_EVALUATION":
            checks.append(e.dagster_event.event_specific_data)
    return spans, checks


@pytest.fixture(scope="module")
def file_run(tmp_path_factory):
    """The reference: the DuckDB file, the periods one after another in this process."""
    with pytest.MonkeyPatch.context() as mp:
        root = use_root(mp, tmp_path_factory.mktemp("file"))
        mp.setenv("MONITOR_WAREHOUSE_BACKEND", "duckdb")
        manifest = _cards(root)
        assert run_period(None, ("published_figures", "audit")).success
        for p in PERIODS:  # the checks run on the DuckLake side (the file's are tested elsewhere)
            _materialize(p, EXAMPLE_ASSETS if p == "2017" else ASSETS, checks=False)
        return {"tables": dump(), "exports": exports_of(root), "manifest": manifest}


@pytest.fixture(scope="module")
def lake_run(tmp_path_factory, postgres_server, forkserver):
    """The DuckLake: the published history first (as `monitor run` does), then the two periods at once,
    each in a process of its own sharing one Dagster instance (benchmarks/period_runner.py), both children
    of the fork server (tests/forkserver.py: processes of their own, run as `python -m benchmarks.period_runner`
    is, through runpy as __main__, without a new interpreter's imports), started together so that the two
    write at the same time. Neither is a new interpreter any more (fourteenth pass, docs/testing.md): the
    runner is a benchmark's helper, not a command of the product, and the fork server imports the module
    itself (its module-level code runs there); a new interpreter cost ~2.5-3 CPU s of imports, and the
    first runner had to be waited for before the second could start."""
    from assets.core import ducklake, layout, warehouse

    with pytest.MonkeyPatch.context() as mp:
        root = tmp_path_factory.mktemp("lake")
        use_lake(mp, postgres_server, root)
        _cards(root)
        assert run_period(None, ("published_figures", "audit")).success
        mp.setenv("DAGSTER_HOME", str(_dagster_home(root)))
        instance = dg.DagsterInstance.get()  # created here: processes creating its SQLite files at once race
        sync_write_pool(instance)
        env = {**os.environ, "MONITOR_HOME": str(settings.repo_root())}
        cmds = [[p, "--checks", *EXAMPLE_ASSETS] if p == "2017" else [p] for p in PERIODS]
        logs = [root / f"runner-{c[0]}.log" for c in cmds]
        procs = [forkserver.spawn("benchmarks.period_runner", c, env=env, cwd=settings.repo_root(), log=log)
                 for c, log in zip(cmds, logs)]
        reports = []
        for proc, log in zip(procs, logs):
            assert proc.wait(timeout=600) == 0, log.read_text()[-3000:]
            # the runner's one JSON line (stdout), among what its stderr said
            reports.append(json.loads([ln for ln in log.read_text().splitlines() if ln.startswith('{"period"')][-1]))
        steps = {r["period"]: _steps(instance, r["run_id"]) for r in reports}
        with warehouse.connect(read_only=True) as con:
            snaps = ducklake.snapshots(con)
        return {"tables": dump(), "exports": exports_of(root), "snapshots": snaps, "reports": reports,
                "spans": {p: s for p, (s, _) in steps.items()}, "checks": [c for _, cs in steps.values() for c in cs],
                "pool": instance.event_log_storage.get_concurrency_info("duckdb_write").slot_count,
                "data": sorted(p.name for p in (root / "lake-data").rglob("*.parquet")),
                "env": {k: os.environ[k] for k in ("MONITOR_DUCKLAKE_CATALOG", "MONITOR_DUCKLAKE_DATA", "MONITOR_INBOX")}}


def test_two_periods_at_once_on_ducklake_equal_the_serial_file_run(file_run, lake_run):
    assert sorted(r["period"] for r in lake_run["reports"]) == list(PERIODS)
    want, got = {t: r for t, r in file_run["tables"].items() if t not in LAKE_ONLY}, lake_run["tables"]
    assert set(got) - LAKE_ONLY == set(want)
    for table, rows in want.items():
        assert got[table] == rows, table
    # not vacuous: every period has its clean cards, quarantine and figures; the example its 36 cards
    clean = {p: sum(1 for t in ("cards", "events_not_held") for r in want[t] if r[0] == p) for p in GENERATED}
    assert clean == {p: m.good_cards for p, m in file_run["manifest"].items()}
    assert sum(1 for r in want["cards"] if r[0] == "2017") == 36
    assert {r[0] for r in want["quarantine"]} == set(GENERATED)
    assert {r[0] for r in want["derived_figures"]} == set(PERIODS)
    assert sum(1 for r in want["reconciliation"] if r[0] == "2017") > 300


def test_exports_identical_and_checks_ran(file_run, lake_run):
    assert "figures.csv" in file_run["exports"] and "reconciliation.csv" in file_run["exports"]
    assert lake_run["exports"] == file_run["exports"]
    names = {c.check_name for c in lake_run["checks"]}
    assert {"nothing_lost", "figures_schema", "figures_expectations"} <= names
    assert all(c.passed for c in lake_run["checks"])


def test_the_write_pool_let_the_periods_write_at_the_same_time(lake_run):
    assert lake_run["pool"] == 4 and all(r["pool_limit"] == 4 for r in lake_run["reports"])
    spans = [(min(s for s, _ in w), max(e for _, e in w)) for w in lake_run["spans"].values()]
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


def test_writes_are_labelled_snapshots_with_files_in_the_data_folder(lake_run):
    messages = [s["commit_message"] for s in lake_run["snapshots"]]
    for p in PERIODS:
        assert f"figures, derived_figures, coverage of period {p}" in messages
        assert f"reconciliation of period {p}" in messages
    assert messages.count("warehouse tables (sql/tables/)") == 1  # the DDL once, not at every connection
    assert lake_run["data"], "no Parquet file in the data folder"


def test_as_of_a_snapshot_sees_the_warehouse_as_it_was(lake_run, monkeypatch):
    from assets.core import layout, warehouse

    for k, v in lake_run["env"].items():
        monkeypatch.setenv(k, v)
    monkeypatch.setenv("MONITOR_WAREHOUSE_BACKEND", "ducklake")
    snaps = lake_run["snapshots"]
    first_rec = min(s["snapshot_id"] for s in snaps if (s["commit_message"] or "").startswith("reconciliation of"))
    with warehouse.connect(as_of=first_rec - 1) as con:  # just before the first reconciliation was written
        assert con.execute("SELECT count(*) FROM reconciliation").fetchone()[0] == 0
        assert con.execute("SELECT count(*) FROM published_figures").fetchone()[0] == len(lake_run["tables"]["published_figures"])
    with warehouse.connect(as_of=snaps[-1]["snapshot_time"]) as con:  # a time: the last snapshot's
        assert con.execute("SELECT count(*) FROM reconciliation").fetchone()[0] == len(lake_run["tables"]["reconciliation"])
    with pytest.raises(duckdb.Error, match="read-only"):
        with warehouse.connect(as_of=first_rec - 1) as con:
            con.execute("DELETE FROM figures")
    with pytest.raises(duckdb.Error):  # before the lake existed: nothing to attach
        with warehouse.connect(as_of=dt.date(2000, 1, 1)):
            pass


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


def test_lake_ddl_is_the_media_ddl_without_its_primary_keys():
    """DuckLake has no PRIMARY KEY: layout.without_primary_keys drops exactly those constraints
    from the media DDL (the columns, their types and every other clause stay)."""
    from assets.core import layout, warehouse
    from core import settings

    files = [f for f in sorted((settings.sql_dir() / "media").glob("*.sql")) if "PRIMARY KEY" in f.read_text()]
    assert [f.name for f in files] == ["010_tables.sql", "020_claims.sql"]
    for f in files:
        base = [ln for ln in f.read_text().splitlines() if not ln.startswith("--")]
        lake = layout.without_primary_keys("\n".join(base)).splitlines()
        assert "PRIMARY" not in "\n".join(lake).upper(), f.name
        assert lake == [ln.replace(" PRIMARY KEY", "") for ln in base], f.name
    assert layout.without_primary_keys("id TEXT primary  key, n INT") == "id TEXT, n INT"


def test_media_tables_are_made_on_ducklake_without_their_keys(lake_run, monkeypatch):
    from assets.core import layout, warehouse
    from assets.media import archive

    for k, v in lake_run["env"].items():
        monkeypatch.setenv(k, v)
    monkeypatch.setenv("MONITOR_WAREHOUSE_BACKEND", "ducklake")
    with warehouse.connect() as con:
        archive.ensure_tables(con)  # sql/media/*.sql without their keys; the card views over `cards` too
        names = {t for (t,) in con.execute("SELECT table_name FROM information_schema.tables "
                                            "WHERE table_catalog = current_database()").fetchall()}
        assert {"media_responses", "media_candidates", "media_claims", "card_sources", "media_source_counts"} <= names
        assert con.execute("SELECT sum(cards) FROM media_source_counts").fetchone()[0] == len(lake_run["tables"]["cards"])


def test_zz_erasure_on_ducklake_leaves_no_earlier_version(lake_run, monkeypatch, tmp_path, capsys):
    """Last in the module (it changes the shared lake): `monitor erase-person` on a DuckLake redacts the
    person and purges the history, so no snapshot and no data file still holds the name."""
    from assets.core import ducklake, layout, warehouse
    from pipelines import cli

    for k, v in lake_run["env"].items():
        monkeypatch.setenv(k, v)
    monkeypatch.setenv("MONITOR_WAREHOUSE_BACKEND", "ducklake")
    monkeypatch.setenv("MONITOR_BUILD", str(tmp_path / "build"))  # no outputs to re-render here
    name = next(r[4] for r in lake_run["tables"]["persons"] if r[4] and r[0] == "2017")
    assert cli.main(["erase-person", "--name", name, "--by", "test"]) == 0
    assert "history was purged" in capsys.readouterr().out
    with warehouse.connect(read_only=True) as con:
        assert con.execute("SELECT count(*) FROM persons WHERE name = ?", [name]).fetchone()[0] == 0
        assert len(ducklake.snapshots(con)) == 1
    import polars as pl

    found = []
    for f in Path(lake_run["env"]["MONITOR_DUCKLAKE_DATA"]).rglob("*.parquet"):
        df = pl.read_parquet(f)
        for col, dtype in df.schema.items():
            if dtype == pl.Utf8 and df[col].str.contains(name, literal=True).any():
                found.append((f.parent.name, col))
            elif dtype == pl.Binary and df[col].bin.contains(name.encode()).any():
                found.append((f.parent.name, col))
    assert not found, f"{name!r} is still in data files of the lake: {found}"


def test_s3_data_path_makes_a_secret_from_the_settings(monkeypatch):
    """An s3:// data path: httpfs loaded from its wheel and an S3 secret made of the settings and the
    AWS_* keys (no object store here: the secret is what DuckDB will use for the data files)."""
    from assets.core import ducklake
    from core.warehouse_config import WarehouseConfig

    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "it's-secret")  # a quote in it: quoted, not broken
    cfg = WarehouseConfig("ducklake", catalog="dbname=x", data_path="s3://lake/monitor/",
                          s3={"endpoint": "minio.internal:9000", "region": "eu-1", "url_style": "path", "use_ssl": "false"})
    con = duckdb.connect()
    try:
        ducklake._s3_secret(con, cfg)
        name, typ, scope = con.execute("SELECT name, type, scope FROM duckdb_secrets()").fetchone()
        assert (name, typ) == ("monitor_lake", "s3") and "s3://" in scope
        which = con.execute("SELECT secret_string FROM duckdb_secrets()").fetchone()[0]  # the secret itself redacted
        for part in ("minio.internal:9000", "eu-1", "AKIDEXAMPLE", "url_style=path", "use_ssl=false"):
            assert part in which, (part, which)
        assert "it's-secret" not in which
    finally:
        con.close()
