"""Session 51: the survivors of the mutation run over the orchestration layer (pipelines/; scripts/mutate.py's area
"pipe"). Each test asserts what a user relies on: the period a schedule takes, the run a sensor requests and the
reason it gives when it requests none, the message of a refusal and its exit code, the alert's words (docs/testing.md,
"Session 51 — the orchestration layer (pipelines/) in the mutation run")."""
from __future__ import annotations

from pipelines.commands.backfill import _url_problem


def test_a_webserver_address_must_be_http_with_a_host():
    assert _url_problem("http://127.0.0.1:3000") is None
    assert _url_problem("https://dagster.example.org/base") is None
    assert "is not the address of a Dagster webserver" in _url_problem("ftp://127.0.0.1:3000")
    assert "is not the address of a Dagster webserver" in _url_problem("http://")


# --- pipelines/automation.py: the inbox compared, a failed run described, dead runs reaped --------------------------

import json  # noqa: E402
import os  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
from types import SimpleNamespace  # noqa: E402

import dagster as dg  # noqa: E402
import pytest  # noqa: E402

from pipelines import automation  # noqa: E402
from tests.conftest import card, write  # noqa: E402


def test_a_review_spreadsheet_and_a_loose_card_file_are_no_folder_of_an_unknown_period(project):
    # inbox/reviews/<file> and inbox/cards/<file> have two parts: neither is a folder cards/<period>/ that names no
    # period (only cards/1999/x.yaml is)
    inbox = project / "inbox"
    write(inbox / "reviews" / "review-1.xlsx", b"PK workbook")
    write(inbox / "cards" / "2017-ALA-04.yaml", card("2017-ALA-04", "2017-05-01"))
    write(inbox / "cards" / "1999" / "x.yaml", card("X", "1999-01-01"))
    ch = automation.scan_inbox(inbox, None, {})
    assert ch.unknown_periods == {"1999": ["cards/1999/x.yaml"]}
    assert ch.reviews == ["reviews/review-1.xlsx"]


def test_an_inbox_without_cards_or_reviews_is_read_as_empty_of_them(tmp_path):
    # a first inbox holding only review spreadsheets, or only cards: nothing else is looked for
    write(tmp_path / "a" / "reviews" / "review-1.xlsx", b"PK workbook")
    assert automation.inbox_files(tmp_path / "a") == ["reviews/review-1.xlsx"]
    write(tmp_path / "b" / "cards" / "2017" / "x.yaml", card("2017-X", "2017-03-01"))
    assert automation.inbox_files(tmp_path / "b") == ["cards/2017/x.yaml"]
    assert automation.inbox_files(tmp_path / "none") == []


def _failure_event(step_key: str, message: str, cause: str | None = None, user=None):
    err = SimpleNamespace(message=message, cause=SimpleNamespace(message=cause, cause=None) if cause else None)
    return SimpleNamespace(step_key=step_key, step_failure_data=SimpleNamespace(error=err, user_failure_data=user))


def test_a_failed_step_names_its_step_asset_and_the_first_line_of_its_cause():
    ev = _failure_event("cards_nothing_lost", "dagster._core.errors.DagsterExecutionStepExecutionError: wrapper\nmore",
                        cause="_duckdb.IOException: disk full\nline two")
    st = automation.failed_step(ev)
    assert (st.step, st.asset, st.error) == ("cards_nothing_lost", "check nothing_lost of cards", "IOException: disk full")
    # an error without a cause: its own first line
    st = automation.failed_step(_failure_event("raw_cards", "one line only"))
    assert (st.step, st.asset, st.error) == ("raw_cards", "raw_cards", "one line only")
    # an explained failure (assets/failures.py): its description, file, first cases and what to do
    user = SimpleNamespace(description="figures: 2 impossible shares\nthe rest",
                           metadata={"file": dg.MetadataValue.text("sql/figures/t07.sql"), "first_cases": "table 7, row total",
                                     "what_to_do": "fix the model"})
    st = automation.failed_step(_failure_event("figures", "wrapper", user=user))
    assert st.lines() == ["figures: figures: 2 impossible shares", "  file: sql/figures/t07.sql",
                          "  first cases: table 7, row total", "  what to do: fix the model"]


def _check_event(passed: bool, metadata: dict | None, description: str | None = "3 shares above 100%"):
    data = SimpleNamespace(passed=passed, metadata=metadata, check_name="figures_schema", description=description,
                           asset_key=dg.AssetKey("figures"))
    return SimpleNamespace(event_type_value="ASSET_CHECK_EVALUATION", event_specific_data=data, step_key="figures_figures_schema")


def test_a_failed_check_names_its_first_failing_cases():
    events = [None, _check_event(True, {"first": "x"}), SimpleNamespace(event_type_value="STEP_SUCCESS"),
              _check_event(False, {"first": dg.MetadataValue.text("table 7, row total, share_pct = 1000")}),
              _check_event(False, None, description=None)]
    got = automation.check_failures(events)
    assert [(s.asset, s.error, s.cases) for s in got] == [
        ("check figures_schema of figures", "3 shares above 100%", "table 7, row total, share_pct = 1000"),
        ("check figures_schema of figures", "the check failed", "")]
    assert got[0].action.startswith("the data breaks this check")


def test_the_failure_report_says_the_run_the_period_and_each_failed_step():
    steps = [automation.FailedStep("raw_cards", "raw_cards", "boom", files="cards/2017/a.csv")]
    r = automation.FailureReport("abc", "period_job", "2017", "the run failed", steps, {"monitor/trigger": "inbox"})
    assert r.summary() == "run abc of period_job (period 2017) failed in raw_cards: boom"
    assert r.text() == "run abc of period_job (period 2017) failed in raw_cards: boom\n- raw_cards: boom\n  file: cards/2017/a.csv"
    j = r.as_json()
    assert j["failed"] == [{"step": "raw_cards", "asset": "raw_cards", "error": "boom", "file": "cards/2017/a.csv",
                            "cases": "", "what_to_do": ""}]
    assert automation.FailureReport("abc", "report_job", None, "killed", [], {}).summary() == "run abc of report_job failed: killed"


def _dead_pid() -> int:
    p = subprocess.Popen([sys.executable, "-c", "pass"])
    p.wait()
    return p.pid


def test_a_run_whose_process_is_gone_is_marked_failed_and_only_on_this_host():
    import socket

    dead = _dead_pid()
    with dg.instance_for_test() as instance:
        def started(run_id: str, tags: dict) -> None:
            instance.add_run(dg.DagsterRun(job_name="period_job", run_id=run_id, status=dg.DagsterRunStatus.STARTED, tags=tags))

        host = socket.gethostname()
        started("dead-here", {"monitor/pid": str(dead), "monitor/host": host, "dagster/partition": "2017"})
        started("dead-elsewhere", {"monitor/pid": str(dead), "monitor/host": host + "-other"})
        started("alive-here", {"monitor/pid": str(os.getpid()), "monitor/host": host})
        started("no-tag", {})  # no pid tag and no event with a pid: not judged
        lines = automation.reap_dead_runs(instance)
        assert lines == [f"run dead-here (period_job, 2017): the process of this run (pid {dead}) is gone - killed or "
                         "crashed mid-way; its unfinished warehouse transaction was rolled back; run it again"]
        status = {r.run_id: r.status for r in instance.get_runs()}
        assert status == {"dead-here": dg.DagsterRunStatus.FAILURE, "dead-elsewhere": dg.DagsterRunStatus.STARTED,
                          "alive-here": dg.DagsterRunStatus.STARTED, "no-tag": dg.DagsterRunStatus.STARTED}
        assert automation.reap_dead_runs(instance) == []  # once


# --- pipelines/jobs.py: what each job materializes, the runs the inbox sensor requests ------------------------------

def _job_assets(name: str) -> set[str]:
    from pipelines.definitions import defs

    return {k.to_user_string() for k in defs.resolve_job_def(name).asset_layer.executable_asset_keys}


def test_the_period_job_runs_every_card_stage_and_the_report_job_only_the_report():
    from pipelines import jobs

    assert _job_assets("period_job") == {"raw_cards", "cards", "figures", "reconciliation", "report", "exports"}
    assert _job_assets("report_job") == {"report"}
    # the runs are told apart by kind in the UI (Runs, filtered by the tag)
    assert jobs.period_job.tags["monitor/kind"] == "period" and jobs.report_job.tags["monitor/kind"] == "report"
    # the media review import is a job of this checkout (its assets are in the code location)
    assert _job_assets("media_review_job") == {"media_review_decisions", "media_review_queue"}


def test_a_changed_card_s_run_names_its_first_changed_file(project):
    from pipelines import jobs

    write(project / "inbox" / "cards" / "2017" / "b.yaml", card("2017-B", "2017-03-01"))
    write(project / "inbox" / "cards" / "2017" / "a.yaml", card("2017-A", "2017-03-01"))
    result = jobs.inbox_result(None)
    [req] = result.run_requests
    assert req.tags["monitor/first_changed"] == "cards/2017/a.yaml" and req.tags["monitor/changed_files"] == "2"
    assert req.tags["monitor/inbox_state"] == req.run_key.split("-")[2]


# --- pipelines/notify.py: the file's settings, the channels that are configured --------------------------------------

from pipelines import notify  # noqa: E402


def test_the_notifications_file_is_read_field_by_field(tmp_path):
    path = write(tmp_path / "n.yaml", "enabled: true\nui_url: http://ui:3000\n"
                 "webhook:\n  url: http://hook/x\n  headers: {X-Token: abc}\n"
                 "email:\n  enabled: true\n  smtp_host: smtp.example.org\n  from: monitor@example.org\n  to: [a@example.org]\n")
    cfg = notify.load(path)
    assert cfg.enabled and cfg.ui_url == "http://ui:3000"
    assert not cfg.webhook.enabled  # a channel is on only when it says so
    assert (cfg.webhook.url, cfg.webhook.headers) == ("http://hook/x", {"X-Token": "abc"})
    assert (cfg.email.enabled, cfg.email.smtp_host, cfg.email.sender, cfg.email.to) == (
        True, "smtp.example.org", "monitor@example.org", ["a@example.org"])
    # an e-mail section without `from` or `to`: their defaults
    cfg = notify.load(write(tmp_path / "m.yaml", "enabled: true\nemail:\n  smtp_host: h\n"))
    assert (cfg.email.sender, cfg.email.to, cfg.email.smtp_port) == ("", [], 587)
    with pytest.raises(ValueError, match=r"unknown notification settings \['smtp_hots'\]"):
        notify.load(write(tmp_path / "bad.yaml", "email:\n  smtp_hots: h\n"))


def test_the_webhook_s_address_from_the_environment_else_the_file(monkeypatch):
    monkeypatch.setenv("MONITOR_TEST_HOOK", "http://from-env/x")
    assert notify.WebhookConfig(url="http://from-file/x", url_env="MONITOR_TEST_HOOK").target() == "http://from-env/x"
    assert notify.WebhookConfig(url="http://from-file/x", url_env="MONITOR_TEST_NO_SUCH_VAR").target() == "http://from-file/x"
    assert notify.WebhookConfig(url="http://from-file/x").target() == "http://from-file/x"


def test_a_channel_enabled_without_its_address_is_no_channel(monkeypatch):
    sent = []
    monkeypatch.setattr(notify, "post_webhook", lambda cfg, payload: sent.append(payload) or 204)
    monkeypatch.setattr(notify, "send_email", lambda cfg, payload: sent.append(payload))
    cfg = notify.NotificationConfig(enabled=True, webhook=notify.WebhookConfig(enabled=True, url=""),
                                    email=notify.EmailConfig(enabled=True, smtp_host="", to=["a@example.org"]))
    assert notify.notify({"summary": "x"}, cfg) == ["notifications enabled but no channel is configured"]
    cfg.email = notify.EmailConfig(enabled=True, smtp_host="smtp.example.org", to=[])
    assert notify.notify({"summary": "x"}, cfg) == ["notifications enabled but no channel is configured"]
    assert sent == []
    cfg.webhook.url, cfg.email.to = "http://hook/x", ["a@example.org", "b@example.org"]
    assert notify.notify({"summary": "x", "run_id": "r1"}, cfg) == ["webhook: HTTP 204", "e-mail sent to a@example.org, b@example.org"]
    assert len(sent) == 2


def test_the_e_mail_names_each_failed_step_s_file_cases_and_action_and_links_the_run():
    cfg = notify.EmailConfig(sender="m@example.org", to=["a@example.org", "b@example.org"])
    msg = notify.email_message(cfg, {"job": "report_job", "summary": "run r failed in report: boom", "url": "http://ui/runs/r",
                                     "failed": [{"step": "report", "asset": None, "error": "boom", "file": "report/x.qmd",
                                                 "cases": "", "what_to_do": "fix the template"}]})
    assert msg["Subject"] == "[assembly monitor] report_job failed" and msg["To"] == "a@example.org, b@example.org"
    assert msg.get_content().rstrip("\n") == ("run r failed in report: boom\n\n- report: boom\n  file: report/x.qmd\n"
                                              "  what to do: fix the template\n\nhttp://ui/runs/r")


# --- pipelines/waiting.py: whom a step waiting for the write pool waits for ----------------------------------------

from itertools import islice  # noqa: E402

from pipelines import waiting  # noqa: E402


class _Pool:
    """A Dagster instance as PoolWatch reads it: its runs and the write pool's slots."""

    def __init__(self, runs: dict):
        self.runs, self.claimed, self.pending = runs, [], []
        self.event_log_storage = self

    def get_run_by_id(self, run_id):
        return self.runs.get(run_id)

    def get_concurrency_info(self, pool):
        assert pool == "duckdb_write"
        return SimpleNamespace(claimed_slots=list(self.claimed), pending_steps=list(self.pending))


def test_a_step_waiting_for_the_pool_names_each_new_holder_once_and_never_its_own_runs():
    dead = _dead_pid()
    mine = {"monitor/pid": str(os.getpid())}
    inst = _Pool({
        "mine0001-run": SimpleNamespace(job_name="period_job", tags={**mine, "dagster/partition": "2017"}),
        "mine0002-run": SimpleNamespace(job_name="period_job", tags=mine),
        "other001-run": SimpleNamespace(job_name="nightly_job", tags={"monitor/pid": str(dead), "dagster/partition": "2016"}),
        "other002-run": SimpleNamespace(job_name="report_job", tags={}),
    })
    watch = waiting.PoolWatch(inst, say=lambda m: None)
    inst.claimed = [SimpleNamespace(run_id="mine0002-run", step_key="cards"),  # this process's: no one to wait for
                    SimpleNamespace(run_id="other001-run", step_key="figures")]
    inst.pending = [SimpleNamespace(run_id="mine0001-run", step_key="raw_cards", assigned_timestamp=None),
                    SimpleNamespace(run_id="other002-run", step_key="report", assigned_timestamp=None),   # not ours
                    SimpleNamespace(run_id="mine0002-run", step_key="figures", assigned_timestamp=1.0)]   # has its slot
    assert watch.check() == [f"raw_cards waits for the write pool 'duckdb_write' (one writer at a time): held by "
                             f"run other001 (nightly_job, period 2016; pid {dead}), step figures"]
    assert watch.check() == []  # said once
    inst.claimed = [SimpleNamespace(run_id="other002-run", step_key="report")]
    assert watch.check() == ["raw_cards waits for the write pool 'duckdb_write' (one writer at a time): held by "
                             "run other002 (report_job), step report"]
    assert waiting.describe_run(inst, "gone0001-run") == "run gone0001"


def test_the_watch_beside_a_command_says_the_wait_and_stops_with_it():
    import threading

    inst = _Pool({"mine0001-run": SimpleNamespace(job_name="period_job", tags={"monitor/pid": str(os.getpid())}),
                  "other001-run": SimpleNamespace(job_name="report_job", tags={})})
    inst.claimed = [SimpleNamespace(run_id="other001-run", step_key="report")]
    inst.pending = [SimpleNamespace(run_id="mine0001-run", step_key="cards", assigned_timestamp=None)]
    said, told = [], threading.Event()
    with waiting.PoolWatch(inst, say=lambda m: (said.append(m), told.set()), every_s=0.01, at_most_s=0.02) as watch:
        assert told.wait(30), "the watch said nothing in 30 s"
    assert not watch._thread.is_alive()  # stopped with the command
    assert said == ["cards waits for the write pool 'duckdb_write' (one writer at a time): held by run other001 "
                    "(report_job), step report"]


def test_the_watch_looks_again_ever_less_often_up_to_its_longest_pause():
    watch = waiting.PoolWatch(_Pool({}), say=lambda m: None, every_s=0.5, at_most_s=2.0)
    assert list(islice(watch.waits(), 6)) == [0.5, 0.75, 1.125, 1.6875, 2.0, 2.0]


# --- pipelines/backfill_submit.py: the mutation through the dagster-graphql command ---------------------------------

from pipelines import backfill_submit  # noqa: E402


def test_the_dagster_graphql_command_gets_the_mutation_and_its_answer_is_read(tmp_path, monkeypatch):
    calls = []
    answer = {"data": {"launchPartitionBackfill": {"__typename": "LaunchBackfillSuccess", "backfillId": "ид-42"}}}

    def run(cmd, **kw):
        calls.append((cmd, kw["cwd"]))
        out = cmd[cmd.index("--output") + 1]
        with open(out, "w", encoding="utf-8") as fh:  # the command writes its answer as UTF-8
            json.dump(answer, fh, ensure_ascii=False)
        return subprocess.CompletedProcess(cmd, 0, "", "")

    monkeypatch.setattr(backfill_submit.subprocess, "run", run)
    v = backfill_submit.variables(["2015", "2016"], ["raw_cards", "a/b"], {"monitor/trigger": "backfill"})
    workspace = write(tmp_path / "ws" / "workspace.yaml", "load_from: []\n")
    assert backfill_submit.backfill_id(backfill_submit.via_cli(v, workspace)) == "ид-42"
    [(cmd, cwd)] = calls
    assert cwd == workspace.parent and cmd[cmd.index("--workspace") + 1] == str(workspace)
    assert cmd[cmd.index("--text") + 1] == backfill_submit.LAUNCH_BACKFILL
    assert json.loads(cmd[cmd.index("--variables") + 1]) == {"params": {
        "partitionNames": ["2015", "2016"], "assetSelection": [{"path": ["raw_cards"]}, {"path": ["a", "b"]}],
        "tags": [{"key": "monitor/trigger", "value": "backfill"}], "title": "periods 2015..2016",
        "description": "monitor backfill --submit"}}
    # the command failed: its exit code and the end of what it said
    monkeypatch.setattr(backfill_submit.subprocess, "run",
                        lambda cmd, **kw: subprocess.CompletedProcess(cmd, 3, "", "line 1\nno code location"))
    with pytest.raises(backfill_submit.SubmitError, match="dagster-graphql exited with 3:\nline 1\nno code location"):
        backfill_submit.via_cli(v, workspace)


def test_a_run_config_refusal_names_each_of_its_errors():
    refused = {"data": {"launchPartitionBackfill": {"__typename": "RunConfigValidationInvalid",
                                                    "errors": [{"message": "a"}, {"message": "b"}]}}}
    with pytest.raises(backfill_submit.SubmitError, match="^RunConfigValidationInvalid: a; b$"):
        backfill_submit.backfill_id(refused)
    with pytest.raises(backfill_submit.SubmitError, match="^no result: "):
        backfill_submit.backfill_id({"data": None})


# --- pipelines/cli.py: exit codes and words of what the user gave ---------------------------------------------------

from pipelines import cli  # noqa: E402


def test_an_error_of_what_the_user_gave_is_said_in_its_own_words_with_exit_2():
    assert cli.classify(KeyError("no period '1999' in config/periods.yaml")) == (2, ["monitor: no period '1999' in config/periods.yaml"])
    # a missing file without its name: the error's own words; without words either: what to check
    assert cli.classify(FileNotFoundError("the warehouse build/w.duckdb does not exist")) == (
        2, ["monitor: the warehouse build/w.duckdb does not exist"])
    assert cli.classify(FileNotFoundError()) == (2, ["monitor: no such file or folder: check the path"])
    code, lines = cli.classify(RuntimeError("boom"))
    assert code == 1 and lines[0].startswith("monitor: ") and lines[1].startswith("  what to do: ")


def test_extract_without_the_media_package_says_it_is_not_installed(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "assets.media.cli", None)  # an import of it fails, as in a checkout without it
    assert cli.main(["extract", "x.html"]) == 2
    assert capsys.readouterr().err == "media extraction is not installed in this checkout\n"


# --- pipelines/commands/backfill.py and runs.py: a range of periods, each its own run -----------------------------

import re  # noqa: E402

from pipelines.commands import backfill as backfill_cmd  # noqa: E402
from pipelines.commands import runs  # noqa: E402


@pytest.fixture()
def stepped(project, monkeypatch):
    """`monitor backfill` and `monitor run` with each step's run stood in for: what a step is given, and whether it
    succeeds (FAIL: the labels and periods whose step fails)."""
    steps: list[tuple] = []
    fail: set = set()

    def step(selection, period, instance, tags, label, summary=True):
        steps.append((tuple(selection), period, label, dict(tags)))
        return period not in fail and label not in fail

    for mod in (runs, backfill_cmd):
        monkeypatch.setattr(mod, "_step", step)
    for name, value in (("_instance", lambda: None), ("_reap", lambda i: None), ("inbox_usable", lambda: None),
                        ("_figures_cursor", lambda i: 0), ("_refresh_later_reports", lambda *a: True),
                        ("_say_inbox_level", lambda: None), ("periods_in_inbox", lambda: [])):
        monkeypatch.setattr(backfill_cmd, name, value)
    return SimpleNamespace(steps=steps, fail=fail)


def test_a_backfill_runs_each_period_and_names_the_ones_that_failed(stepped, capsys):
    args = SimpleNamespace(first="2015", last="2017", submit=False, webserver=None)
    stepped.fail.add("2016")
    assert backfill_cmd.cmd_backfill(args) == 1
    out = capsys.readouterr().out
    assert re.fullmatch(r"backfill 2015\.\.2017-[0-9a-f]+: 2 of 3 periods ok; failed: 2016 \(re-run them alone: "
                        r"monitor backfill --from P --to P\)\n", out), out
    assert [(s[1], s[2]) for s in stepped.steps] == [(None, "published figures and audit"), ("2015", "2015"),
                                                    ("2016", "2016"), ("2017", "2017")]
    assert {s[3]["monitor/backfill"] for s in stepped.steps} == {out.split()[1].rstrip(":")}  # one tag for its runs
    stepped.fail.clear()
    assert backfill_cmd.cmd_backfill(args) == 0
    assert re.fullmatch(r"backfill 2015\.\.2017-[0-9a-f]+: 3 of 3 periods ok\n", capsys.readouterr().out)


class _Answers:
    """A warehouse connection answering each of the project's SQL files (by name) with given rows."""

    def __init__(self, answers: dict[str, list[tuple]]):
        from assets.core.sqlfiles import sql

        self.by_text = {sql(name): rows for name, rows in answers.items()}

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def execute(self, text, params=None):
        rows = self.by_text[text]
        return SimpleNamespace(fetchone=lambda: rows[0] if rows else None, fetchall=lambda: list(rows))


def _summary_of(monkeypatch, reconciliation: list[tuple], coverage: tuple | None) -> str:
    from assets.core import warehouse

    con = _Answers({"cli/summary_cards": [(3,)], "cli/summary_quarantined": [(1,)], "cli/summary_figures": [(12, "derived")],
                    "common/table_exists": [(coverage is not None,)], "derive/coverage_of_period": [coverage],
                    "cli/summary_reconciliation": reconciliation, "checks/possible_duplicate_events": []})
    monkeypatch.setattr(warehouse, "connect", lambda *a, **k: con)
    return runs._summary("2017")


def test_a_period_s_summary_counts_each_reconciliation_status_and_says_partial_cards(monkeypatch):
    line = _summary_of(monkeypatch, [("match", 5), ("mismatch", 1), ("not_published", 2)], None)
    assert line == ("2017: 3 cards, 1 quarantined record, 12 derived figures; reconciliation: 5 match, 0 truncated, "
                    "0 approximate, 1 mismatch, 0 not derived, 2 not published")
    line = _summary_of(monkeypatch, [("match", 5)], ("partial", 0.25))
    assert line == ("2017: 3 cards, 1 quarantined record, 12 derived figures (cards partial: 25% of the published "
                    "assemblies; the figures stay the published ones until the period is declared complete); "
                    "reconciliation: 5 match, 0 truncated, 0 approximate, 0 mismatch, 0 not derived, 0 not published")
    assert _summary_of(monkeypatch, [], ("complete", None)) == "2017: 3 cards, 1 quarantined record, 12 derived figures"


def test_a_step_without_a_period_is_said_by_its_label(monkeypatch, capsys):
    monkeypatch.setattr(runs, "_execute", lambda *a, **k: SimpleNamespace(success=True))
    monkeypatch.setattr(runs, "_summary", lambda period: pytest.fail(f"no summary of {period!r} for the published step"))
    assert runs._step(runs.PUBLISHED_ASSETS, None, None, {}, "published figures and audit") is True
    assert re.fullmatch(r"ok  published figures and audit \(\d+\.\ds\)\n", capsys.readouterr().out)


def test_a_period_the_warehouse_never_held_keeps_its_published_report_and_fails(project, monkeypatch, capsys):
    """A period with no valid record in this warehouse, whose report and exports were rendered from another one (a
    wrong MONITOR_WAREHOUSE): nothing is withdrawn and the period fails (the command exits 1)."""
    from assets.core import warehouse

    report = project / "build" / "report" / "2017"
    report.mkdir(parents=True)
    monkeypatch.setattr(runs, "_step", lambda *a, **k: True)
    monkeypatch.setattr(runs, "_valid_records", lambda period: (0, 0, 0, 0))
    nothing = SimpleNamespace(execute=lambda *a, **k: SimpleNamespace(fetchone=lambda: (0,)))
    monkeypatch.setattr(warehouse, "connect", lambda *a, **k: _Con(nothing))
    assert runs._period_steps("2017", False, None, {}) == (False, False)
    assert capsys.readouterr().out.startswith("FAILED 2017: ") and report.is_dir()


def test_no_report_of_a_period_of_events_not_held_says_why_in_one_sentence():
    assert runs._no_report("2018", refused=1, prevented=2, quarantined=3) == (
        "2018: no assembly held, only 1 refused application record and 2 prevented assembly records, kept in the "
        "warehouse (events_not_held); 3 quarantined (see monitor quarantine --period 2018): a report counts assemblies "
        "held, so none is rendered")
    assert runs._no_report("2018", 0, 0, 4) == \
        "2018: no valid card (4 quarantined): no report (see monitor quarantine --period 2018)"


def test_run_example_copies_the_example_cards_once_and_runs_every_declared_period(project, monkeypatch, capsys):
    from assets.core import periods
    from core import settings

    given = []
    ok = [True]
    monkeypatch.setattr(runs, "run_periods", lambda todo, with_report: given.append((todo, with_report)) or ok[0])
    args = SimpleNamespace(example=True, period=None)
    assert runs.cmd_run(args) == 0
    example = sorted(p.relative_to(settings.example_dir() / "inbox") for p in (settings.example_dir() / "inbox").rglob("*")
                     if p.is_file())
    copied = sorted(p.relative_to(settings.inbox_dir()) for p in settings.inbox_dir().rglob("*") if p.is_file())
    assert copied == example and len(example) > 30
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"example cards: {len(example)} copied into {settings.inbox_dir()}"
    assert out[-1] == f"report:    {settings.build_dir() / 'report'}"
    # every declared period (those without cards too), the calendar years after them only with cards
    declared = [p.id for p in periods.all_periods() if not p.generated]
    assert given[0] == (declared, {"2017"}) and "2010" in declared
    ok[0] = False
    assert runs.cmd_run(args) == 1
    assert capsys.readouterr().out.splitlines()[0] == "example cards already in the inbox"


def test_the_figures_cursor_is_the_latest_materialization_of_the_figures():
    with dg.instance_for_test() as instance:
        assert runs._figures_cursor(instance) == 0
        for p in ("2016", "2017"):
            instance.report_runless_asset_event(dg.AssetMaterialization(asset_key="figures", partition=p))
        latest = instance.fetch_materializations(dg.AssetKey("figures"), limit=5).records
        assert runs._figures_cursor(instance) == max(r.storage_id for r in latest)


def test_a_daemon_is_running_while_its_backfill_heartbeat_is_fresh():
    beat = SimpleNamespace(timestamp=1000.0)
    inst = SimpleNamespace(get_daemon_heartbeats=lambda: {"BACKFILL": beat})
    assert runs.daemon_alive(inst, now=1000.0 + runs.DAEMON_FRESH_S) is True
    assert runs.daemon_alive(inst, now=1000.0 + runs.DAEMON_FRESH_S + 1) is False
    assert runs.daemon_alive(SimpleNamespace(get_daemon_heartbeats=lambda: None), now=1000.0) is False


# --- pipelines/commands/cards.py: `monitor quarantine` and `monitor form` ------------------------------------------

def test_quarantine_lists_each_problem_and_counts_the_records_refused(project, monkeypatch, capsys):
    from assets.core import warehouse

    rows = [("2017", "cards/2017/a.xlsx", "Лист1", 3, "date", "32.13.2017", "not a day", "r1", "error"),
            ("2017", "cards/2017/a.xlsx", "Лист1", 3, "city", "Х", "unknown city", "r1", "error"),
            ("2017", "cards/2017/b.csv", "", 5, "", "", "unknown column 'Штраф'", "r2", "warning"),
            ("2017", "cards/2017/c.yaml", None, None, "participants", "", "missing", "r3", "error")]
    monkeypatch.setattr(warehouse, "connect", lambda *a, **k: _Answers({"cli/quarantine": rows}))
    assert cli.main(["quarantine", "--period", "2017"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "[2017] cards/2017/a.xlsx, sheet Лист1, row 3, field date = '32.13.2017': not a day",
        "[2017] cards/2017/a.xlsx, sheet Лист1, row 3, field city = 'Х': unknown city",
        "[2017] cards/2017/b.csv, row 5: unknown column 'Штраф'",
        "[2017] cards/2017/c.yaml, field participants: missing",
        "4 quarantine rows (3 errors refusing 2 records, 1 warning)"]


def test_form_without_a_path_is_written_into_the_build_folder(project, capsys):
    assert cli.main(["form"]) == 0
    path = project / "build" / "forms" / "assembly_card.xlsx"
    assert path.is_file() and path.read_bytes()[:2] == b"PK"
    assert capsys.readouterr().out == (f"wrote {path} (upload it to ODK Central or KoboToolbox; submissions come back "
                                       "through the inbox)\n")


# --- pipelines/commands/privacy.py: the key, the erasure's words ----------------------------------------------------

def test_rotating_without_a_key_and_without_a_warehouse_refuses_naming_the_warehouse(project, monkeypatch, capsys):
    key = project / "keys" / "pseudonym.key"
    monkeypatch.setenv("MONITOR_PSEUDONYM_KEY_FILE", str(key))
    assert cli.main(["pseudonym-key", "--rotate"]) == 2
    err = capsys.readouterr().err
    assert str(project / "warehouse.duckdb") in err and "no pseudonym key" not in err and not key.exists()


def test_rotating_a_key_says_where_the_new_one_is_and_where_the_old_one_is_kept(project, monkeypatch, capsys):
    import duckdb

    key = project / "keys" / "pseudonym.key"
    monkeypatch.setenv("MONITOR_PSEUDONYM_KEY_FILE", str(key))
    duckdb.connect(str(project / "warehouse.duckdb")).close()
    cli.main(["pseudonym-key", "--rotate"])  # (an empty warehouse: whether its rekey succeeds is not asked here)
    assert capsys.readouterr().out.splitlines()[0] == f"new key {key}"
    first = key.read_bytes()
    cli.main(["pseudonym-key", "--rotate"])
    line = capsys.readouterr().out.splitlines()[0]
    backup = line.split("; the old one is kept as ")[1]
    assert line == f"new key {key}; the old one is kept as {backup}" and open(backup, "rb").read() == first


def test_an_erasure_re_renders_the_outputs_of_its_periods_and_names_what_it_could_not_read(project, monkeypatch, capsys):
    """What `monitor erase-person` does after the erasure (assets/validate/erasure.py, tested in its own files): the
    warehouse file replaced, the report and exports of each period concerned that exist rendered again, the files it
    could not read named, the backups' warning."""
    from assets.core import ducklake, warehouse
    from assets.validate import erasure
    from pipelines.commands import privacy

    (project / "warehouse.duckdb").write_bytes(b"")
    for d in ("report/2017", "exports/2017", "report/2016"):
        (project / "build" / d).mkdir(parents=True)
    done = []
    con = SimpleNamespace(checkpoint=lambda: done.append("checkpoint"))
    monkeypatch.setattr(warehouse, "connect", lambda *a, **k: _Con(con))
    monkeypatch.setattr(ducklake, "is_lake", lambda c: False)
    monkeypatch.setattr(erasure, "erase", lambda c, **k: erasure.Erasure(
        "e1", "REDACTED-e1", periods=["2016", "2017", "2018"], persons=["2017/C-1/P1"], records=1,
        unreadable=["cards/2017/broken.xlsx: not a workbook"]))
    monkeypatch.setattr(erasure, "copy_to_fresh_file", lambda c, path: path.with_suffix(".fresh"))
    monkeypatch.setattr(erasure, "replace_file", lambda fresh, path: done.append(("replace", fresh.name, path.name)))
    monkeypatch.setattr(privacy, "materialize", lambda outputs, period: done.append((tuple(outputs), period)) or period != "2016")
    assert cli.main(["erase-person", "--name", "Имя Фамилия"]) == 1  # 2016's report could not be rendered again
    assert done == ["checkpoint", ("replace", "warehouse.fresh", "warehouse.duckdb"), (("report",), "2016"),
                    (("exports", "report"), "2017")]
    out, err = capsys.readouterr()
    assert out.splitlines()[1:] == ["FAILED to re-render report of 2016", "re-rendered exports, report of 2017",
                                    "backups made before this erasure still hold the name: replace or destroy them"]
    assert out.splitlines()[0].endswith("redacted as REDACTED-e1; the warehouse file was rewritten")
    assert err == "monitor: could not read cards/2017/broken.xlsx: not a workbook; if it holds the name, fix or remove it\n"


def test_gc_says_what_it_deleted_from_the_store_or_that_there_is_none(project, monkeypatch, capsys):
    from assets.core import rawstore, warehouse

    (project / "warehouse.duckdb").write_bytes(b"")
    monkeypatch.setattr(warehouse, "connect", lambda *a, **k: _Con(None))
    answers = iter([{"store": "/data/store", "files": 1, "bytes": 1234567}, {"store": None, "files": 0, "bytes": 0}])
    monkeypatch.setattr(rawstore, "gc", lambda con, grace_s: next(answers))
    assert cli.main(["gc", "--grace", "60"]) == 0
    assert capsys.readouterr().out == "monitor gc: deleted 1 unreferenced file, 1,234,567 bytes, from /data/store\n"
    assert cli.main(["gc"]) == 0
    assert capsys.readouterr().out == "monitor gc: this warehouse keeps its raw layer inside (no raw store): nothing to do\n"


class _Con:
    def __init__(self, con):
        self.con = con

    def __enter__(self):
        return self.con

    def __exit__(self, *exc):
        return False


# --- pipelines/commands/report.py: `monitor report` ----------------------------------------------------------------

def test_a_report_since_a_future_date_is_refused_before_the_warehouse_is_looked_for(project, capsys):
    assert cli.main(["report", "--period", "2017", "--changes-since", "2999-01-01"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("monitor: report 2017: --changes-since 2999-01-01 is in the future") and "warehouse" not in err


def test_a_report_of_a_period_without_an_assembly_held_says_why_and_what_it_withdrew(project, monkeypatch, capsys):
    from pipelines.commands import report

    (project / "warehouse.duckdb").write_bytes(b"")
    mat = dg.AssetMaterialization(asset_key="report", partition="2017",
                                  metadata={"no_report": "no assembly held in 2017", "withdrawn": ["build/report/2017"]})
    other = dg.AssetMaterialization(asset_key="exports", partition="2017", metadata={"no_report": "not this one"})
    events = [SimpleNamespace(event_specific_data=SimpleNamespace(materialization=m)) for m in (other, mat)]
    result = SimpleNamespace(success=True, get_asset_materialization_events=lambda: events)
    monkeypatch.setattr(report, "_instance", lambda: None)
    monkeypatch.setattr(report, "_reap", lambda i: None)
    monkeypatch.setattr(report, "_execute", lambda *a, **k: result)
    assert cli.main(["report", "--period", "2017"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert re.fullmatch(r"no report of 2017 \(\d+\.\ds\): no assembly held in 2017", out[0]), out
    assert out[1:] == ["2017: withdrew build/report/2017 (rendered from cards the period no longer has)"]


def test_the_inbox_sensor_logs_each_run_it_requests_with_its_period_and_first_file(project):
    from pipelines import jobs

    write(project / "inbox" / "cards" / "2017" / "a.yaml", card("2017-A", "2017-03-01"))
    said: list[str] = []
    ctx = dg.build_sensor_context(cursor=None)
    ctx._logger = SimpleNamespace(info=said.append)  # the tick's log (the daemon's; Dagster's test context keeps none)
    jobs.inbox_sensor(ctx)
    assert said == ["period_job 2017: 1 changed file, first cards/2017/a.yaml"]


def test_the_help_names_both_forms_of_a_moment_and_what_not_in_warehouse_is_for(capsys):
    with pytest.raises(SystemExit):
        cli.main(["report", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "(YYYY-MM-DD: end of that day, UTC; or YYYY-MM-DDTHH:MM:SS)" in text
    with pytest.raises(SystemExit):
        cli.main(["erase-person", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "(e.g. a name only in a workbook the pipeline could not open)" in text
