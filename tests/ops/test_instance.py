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
