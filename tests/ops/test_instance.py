"""The instance files: the local one (dagster_home/dagster.yaml) as Dagster loads it, the
production example against Dagster's instance schema, and the UI on the loopback only."""
from __future__ import annotations

import dagster as dg
import yaml

from tests.ops.conftest import REPO


def test_local_instance(dagster_home):
    with dg.DagsterInstance.get() as instance:
        pools = instance.get_concurrency_config().pool_config
        assert pools.default_pool_limit == 1 and pools.pool_granularity.value == "op"
        assert instance.run_retries_enabled and instance.run_retries_max_retries == 1
        assert not instance.run_retries_retry_on_asset_or_op_failure
        assert instance.run_monitoring_enabled
        assert type(instance.run_coordinator).__name__ == "QueuedRunCoordinator"
        assert instance.event_log_storage.supports_global_concurrency_limits
        assert str(instance.root_directory) == str(dagster_home)


def test_production_instance_matches_dagsters_schema():
    from dagster._config import validate_config
    from dagster._core.instance.config import dagster_instance_config_schema

    cfg = yaml.safe_load((REPO / "deploy" / "dagster.production.yaml").read_text())
    result = validate_config(dagster_instance_config_schema(), cfg)
    assert result.success, result.errors
    assert "postgres" in cfg["storage"] and cfg["concurrency"]["pools"]["default_limit"] == 1
    assert cfg["run_launcher"]["class"] in ("DockerRunLauncher", "K8sRunLauncher")


def test_ui_binds_to_loopback_only():
    assert "dg dev --host 127.0.0.1" in (REPO / "Makefile").read_text()
    compose = yaml.safe_load((REPO / "deploy" / "docker-compose.yaml").read_text())
    assert compose["services"]["webserver"]["ports"] == ["127.0.0.1:3000:3000"]


def test_monitor_defaults_dagster_home_to_the_projects_folder(tmp_path, monkeypatch):
    """DAGSTER_HOME unset: `monitor` records its runs in the project's dagster_home/ (as the README says), read at
    call time, made with the project's dagster.yaml (telemetry off: no welcome banner) when missing (before: a
    temporary instance, its runs seen by no sensor, `ops reap` or the UI)."""
    from pipelines.commands import runs

    monkeypatch.delenv("DAGSTER_HOME", raising=False)
    monkeypatch.setenv("MONITOR_HOME", str(tmp_path))
    home = runs.dagster_home()
    assert home == tmp_path / "dagster_home"
    import os

    assert os.environ["DAGSTER_HOME"] == str(home)
    cfg = yaml.safe_load((home / "dagster.yaml").read_text())
    assert cfg["telemetry"] == {"enabled": False} and cfg["concurrency"]["pools"]["default_limit"] == 1
    with dg.DagsterInstance.get() as instance:
        assert str(instance.root_directory) == str(home) and not instance.is_ephemeral


def test_backfill_submit_says_plainly_that_no_daemon_runs(project, dagster_home, capsys):
    """--submit into the local instance with no daemon: said, with how to start one, nothing submitted (before:
    "the daemon runs it", and the runs stayed QUEUED forever). A fresh heartbeat of the backfill daemon is a daemon."""
    import time

    from dagster._daemon.types import DaemonHeartbeat

    from pipelines import cli
    from pipelines.commands import runs

    assert cli.main(["backfill", "--from", "2015", "--to", "2015", "--submit"]) == 1
    err = capsys.readouterr().err
    assert f"no Dagster daemon is running for the instance {dagster_home}" in err and "dagster-daemon run" in err
    with dg.DagsterInstance.get() as instance:
        assert not instance.get_backfills()
        assert not runs.daemon_alive(instance)
        instance.add_daemon_heartbeat(DaemonHeartbeat(timestamp=time.time(), daemon_type="BACKFILL", daemon_id="t", errors=[]))
        assert runs.daemon_alive(instance)
        assert not runs.daemon_alive(instance, now=time.time() + runs.DAEMON_FRESH_S + 1)


def test_a_webserver_that_is_no_http_address_is_refused(project, capsys):
    import pytest

    from pipelines import cli

    with pytest.raises(SystemExit) as exit_:
        cli.main(["backfill", "--from", "2015", "--to", "2015", "--submit", "--webserver", "ftp://x"])
    assert exit_.value.code == 2
    assert "'ftp://x' is not the address of a Dagster webserver: give http://HOST:PORT" in capsys.readouterr().err
