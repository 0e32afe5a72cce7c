"""A nightly run broken three ways - a broken SQL model, a model producing impossible shares, a
locked warehouse - and what the alert says: the asset, the file, the first failure cases, what to
do. Deterministic failures fail at once; only the lock is retried (with backoff)."""
from __future__ import annotations

import shutil
import subprocess
import sys

import dagster as dg
import pytest

from core import settings
from pipelines import automation, cli, notify
from pipelines.commands import runs
from pipelines.definitions import defs

REPO = settings.repo_root()


@pytest.fixture()
def sql_copy(tmp_path, monkeypatch):
    """A copy of sql/ the test may break (the pipeline reads its models through settings.sql_dir)."""
    copy = tmp_path / "sql"
    shutil.copytree(REPO / "sql", copy)
    monkeypatch.setattr(settings, "sql_dir", lambda: copy)
    return copy


def _nightly(instance) -> dg.ExecuteInProcessResult:
    job = defs.resolve_job_def("nightly_job")
    return job.execute_in_process(partition_key="2017", instance=instance, raise_on_error=False,
                                  tags={"monitor/trigger": "nightly"})


def _retries(instance, run_id: str) -> int:
    return len(instance.get_records_for_run(run_id, of_type=dg.DagsterEventType.STEP_UP_FOR_RETRY).records)


def _retries_by_step(instance, run_id: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for r in instance.get_records_for_run(run_id, of_type=dg.DagsterEventType.STEP_UP_FOR_RETRY).records:
        out[r.event_log_entry.step_key] = out.get(r.event_log_entry.step_key, 0) + 1
    return out


def _alert(instance, result) -> tuple[str, dict]:
    run = instance.get_run_by_id(result.run_id)
    report = automation.describe_failure(instance, run, "run failed")
    payload = report.as_json()
    mail = notify.email_message(notify.EmailConfig(sender="m@example.org", to=["a@example.org"]), payload).get_content()
    assert report.text() in payload["text"] and payload["text"].splitlines()[0] in mail
    return report.text(), payload


def test_broken_sql_model_fails_at_once_naming_the_file(example_inbox, sql_copy):
    model = sql_copy / "figures" / "t07_forms.sql"
    model.write_text(model.read_text().replace("FROM int_code_counts", "FROM FROM int_code_counts", 1))
    with dg.instance_for_test() as instance:
        result = _nightly(instance)
        assert not result.success
        assert _retries(instance, result.run_id) == 0  # a syntax error cannot recover: no retry
        text, payload = _alert(instance, result)
    [failed] = payload["failed"]
    assert failed["asset"] == "figures" and failed["file"] == "sql/figures/t07_forms.sql"
    assert "syntax error" in failed["error"].lower() and "t07_forms.sql" in failed["error"]
    assert "fix sql/figures/t07_forms.sql" in failed["what_to_do"]
    assert "Traceback" not in text and "period 2017" in text


def test_impossible_shares_name_the_cell_and_the_model(example_inbox, sql_copy):
    model = sql_copy / "figures" / "t07_forms.sql"
    model.write_text(model.read_text().replace("100.0 * assemblies", "1000.0 * assemblies"))
    with dg.instance_for_test() as instance:
        result = _nightly(instance)
        assert not result.success
        assert _retries(instance, result.run_id) == 0
        text, payload = _alert(instance, result)
    [failed] = payload["failed"]
    assert failed["asset"] == "figures" and failed["file"] == "sql/figures/t07_forms.sql"
    assert "table 7, row total, share_pct = 1000" in failed["cases"]
    assert "impossible value" in failed["error"] and "what to do: fix sql/figures/t07_forms.sql" in text
    # nothing of the run was written: the report was not rendered from wrong numbers
    assert not (example_inbox / "build" / "report" / "2017").exists()


@pytest.mark.slow  # `make test-slow` (docs/testing.md, "Two tiers")
def test_locked_warehouse_is_retried_then_names_the_writer(example_inbox, monkeypatch):
    monkeypatch.setenv("MONITOR_LOCK_WAIT_S", "0.3")
    monkeypatch.setenv("MONITOR_RETRY_DELAY_S", "0.05")
    path = settings.warehouse_path()
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys; c = duckdb.connect(sys.argv[1]); print('holding', flush=True); sys.stdin.read()",
         str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "holding"
        with dg.instance_for_test() as instance:
            result = _nightly(instance)
            assert not result.success
            by_step = _retries_by_step(instance, result.run_id)
            assert by_step and set(by_step.values()) == {2}  # the lock may clear: every writer tried three times
            text, payload = _alert(instance, result)
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    first = payload["failed"][0]
    assert f"a writer: pid {holder.pid}" in first["error"] and "being written by another process" in first["error"]
    assert "after 3 tries" in first["error"] and f"kill {holder.pid}" in first["what_to_do"]
    assert "MONITOR_LOCK_WAIT_S" in text


@pytest.mark.slow  # `make test-slow` (docs/testing.md, "Two tiers")
def test_cli_prints_the_failure_not_a_traceback_nor_old_counts(example_inbox, sql_copy, dagster_home, capsys,
                                                              example_2017_run):
    from tests.conftest import start_from

    # an earlier good run: 36 cards in the warehouse. A copy of the test process's one build of it (thirteenth
    # pass, docs/testing.md), not a run of its own; the published figures and audit were a run of their own
    # here too, and `monitor run` below runs them again anyway
    start_from(example_inbox, example_2017_run)
    assert runs._summary("2017").startswith("2017: 36 cards")
    model = sql_copy / "figures" / "t07_forms.sql"
    model.write_text(model.read_text() + "\nSELEC nonsense")
    assert cli.main(["run", "--period", "2017"]) == 1
    out, err = capsys.readouterr()
    assert "FAILED 2017" in out and "figures: figure model sql/figures/t07_forms.sql failed" in out
    assert "what to do: fix sql/figures/t07_forms.sql" in out
    assert "36 cards" not in out  # the counts of the earlier run are not this run's
    assert "Traceback" not in out + err and "Stack Trace" not in out + err
    assert cli.main(["--debug", "run", "--period", "2017"]) == 1  # --debug: the stack of the failure
    assert "Stack Trace:" in capsys.readouterr().out
