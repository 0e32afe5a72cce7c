"""The Kubernetes deployment files (deploy/k8s/, issue 18 item 6): every file is valid YAML, the
instance validates against Dagster's instance schema and its K8sRunLauncher block against
dagster-k8s' own config schema (when dagster-k8s is installed: it is not in the lock, ~100 MB with
the kubernetes client), and the Helm values say what the instance file says (the chart renders the
instance from them). Storage on Postgres is exercised for real in test_postgres_instance.py."""
from __future__ import annotations

import re

import pytest
import yaml

from tests.ops.conftest import REPO

K8S = REPO / "deploy" / "k8s"


def _load(name: str):
    return yaml.safe_load((K8S / name).read_text())


def test_every_deploy_file_is_valid_yaml():
    files = sorted(REPO.glob("deploy/**/*.yaml"))
    assert {f.name for f in files} >= {"dagster.production.yaml", "docker-compose.yaml", "workspace.yaml",
                                       "dagster.yaml", "values.yaml", "config.yaml"}
    for f in files:
        docs = [d for d in yaml.safe_load_all(f.read_text()) if d is not None]
        assert docs and all(isinstance(d, dict) for d in docs), f


def test_k8s_instance_matches_dagsters_schema():
    from dagster._config import validate_config
    from dagster._core.instance.config import dagster_instance_config_schema

    cfg = _load("dagster.yaml")
    result = validate_config(dagster_instance_config_schema(), cfg)
    assert result.success, result.errors
    assert (cfg["run_launcher"]["module"], cfg["run_launcher"]["class"]) == ("dagster_k8s", "K8sRunLauncher")
    # the same storage as the one-host production instance
    prod = yaml.safe_load((REPO / "deploy" / "dagster.production.yaml").read_text())
    assert cfg["storage"] == prod["storage"]


def test_k8s_run_launcher_matches_dagster_k8s_schema():
    dagster_k8s = pytest.importorskip("dagster_k8s", reason="dagster-k8s is not in the lock (kubernetes client, ~100 MB)")
    from dagster._config import validate_config

    result = validate_config(dagster_k8s.K8sRunLauncher.config_type(), _load("dagster.yaml")["run_launcher"]["config"])
    assert result.success, result.errors


def _names(items) -> list[str]:
    return [i["name"] for i in items]


def test_helm_values_say_what_the_instance_says():
    inst, values = _load("dagster.yaml"), _load("values.yaml")
    launcher, k8s = inst["run_launcher"]["config"], values["runLauncher"]["config"]["k8sRunLauncher"]
    assert values["runLauncher"]["type"] == inst["run_launcher"]["class"]
    assert _names(k8s["envConfigMaps"]) == launcher["env_config_maps"]
    assert _names(k8s["envSecrets"]) == launcher["env_secrets"]
    assert k8s["volumes"] == launcher["volumes"] and k8s["volumeMounts"] == launcher["volume_mounts"]
    assert k8s["jobNamespace"] == launcher["job_namespace"]
    assert k8s["runK8sConfig"]["containerConfig"] == launcher["run_k8s_config"]["container_config"]
    pools, runs = values["concurrency"]["pools"], values["concurrency"]["runs"]
    assert (pools["defaultLimit"], pools["granularity"]) == (inst["concurrency"]["pools"]["default_limit"],
                                                             inst["concurrency"]["pools"]["granularity"])
    assert runs["maxConcurrentRuns"] == inst["concurrency"]["runs"]["max_concurrent_runs"]
    # the chart fails when both the queued coordinator and `concurrency` set the run limit
    assert "maxConcurrentRuns" not in values["dagsterDaemon"]["runCoordinator"]["config"]["queuedRunCoordinator"]
    mon = values["dagsterDaemon"]["runMonitoring"]
    assert {"enabled": mon["enabled"], "start_timeout_seconds": mon["startTimeoutSeconds"],
            "max_resume_run_attempts": mon["maxResumeRunAttempts"], "poll_interval_seconds": mon["pollIntervalSeconds"],
            "free_slots_after_run_end_seconds": mon["freeSlotsAfterRunEndSeconds"]} == inst["run_monitoring"]
    assert values["additionalInstanceConfig"]["run_retries"] == inst["run_retries"]
    pg = values["postgresql"]
    assert not pg["enabled"] and pg["postgresqlScheme"] == inst["storage"]["postgres"]["postgres_db"]["scheme"]
    assert not values["telemetry"]["enabled"] and not inst["telemetry"]["enabled"]
    [code] = values["dagster-user-deployments"]["deployments"]
    assert code["dagsterApiGrpcArgs"] == ["-m", "pipelines.definitions", "-a", "defs"]
    assert code["volumes"] == launcher["volumes"] and _names(code["envSecrets"]) == launcher["env_secrets"]
    assert f'{code["image"]["repository"]}:{code["image"]["tag"]}' == launcher["job_image"]


def test_every_variable_the_instance_reads_is_provided():
    """Each {env: X} of the instance comes from the ConfigMap, or is a secret named in the docs."""
    text = (K8S / "dagster.yaml").read_text()
    wanted = set(re.findall(r"\{env: (\w+)\}", text))
    [cm, pvc] = list(yaml.safe_load_all((K8S / "config.yaml").read_text()))
    assert cm["kind"] == "ConfigMap" and cm["metadata"]["name"] in _load("dagster.yaml")["run_launcher"]["config"]["env_config_maps"]
    assert pvc["kind"] == "PersistentVolumeClaim" and pvc["spec"]["accessModes"] == ["ReadWriteMany"]
    secrets = {"DAGSTER_PG_PASSWORD"}
    assert wanted - secrets <= set(cm["data"]), wanted - secrets - set(cm["data"])
    assert not any(re.search(r"PASSWORD|SECRET|_KEY$", k) for k in cm["data"])  # no secret in a ConfigMap
    ops = (REPO / "docs" / "operations.md").read_text()
    for s in secrets | {"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "PGPASSWORD"}:
        assert s in ops, s


def test_image_installs_the_integrations_at_the_pinned_version():
    docker = (REPO / "deploy" / "Dockerfile").read_text()
    pins = dict(re.findall(r'"(dagster-[a-z]+)==([\d.]+)"', (REPO / "pyproject.toml").read_text()))
    assert pins.get("dagster-postgres") == "0.29.27"
    for pkg in ("dagster-k8s", "dagster-docker"):
        assert f"{pkg}=={pins['dagster-postgres']}" in docker
