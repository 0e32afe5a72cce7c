"""The nightly schedule and the inbox sensor, driven with Dagster's testing APIs over real files."""
from __future__ import annotations

import datetime as dt
import os
import shutil

import dagster as dg
import pytest

from assets.core import warehouse
from pipelines import automation, jobs
from pipelines.definitions import defs
from tests.conftest import EXAMPLE_2017, write
from tests.conftest import card


@pytest.mark.parametrize("today, expected", [
    (dt.date(2017, 6, 1), "2017"),             # inside a period
    (dt.date(2012, 9, 1), "2012-2013"),        # first day of a period
    (dt.date(2013, 9, 1), "2012-2013"),        # between periods: the latest that has started
    (dt.date(2018, 1, 1), "2018"),             # after the declared periods: the calendar year (no entry in the file)
    (dt.date(2026, 11, 25), "2026"),
    (dt.date(2031, 3, 1), "2031"),             # ahead of the clock too
    (dt.date(2009, 1, 1), "2010"),             # before every period: the first
])
def test_current_period(today, expected):
    assert automation.current_period(today) == expected


@pytest.mark.slow  # `make test-slow` (docs/testing.md, "Two tiers")
def test_nightly_schedule_requests_the_current_period_and_the_run_rebuilds_it(project, monkeypatch):
    # the report as HTML (the file looked at below); every format of a period's run is tests/test_report.py's and
    # tests/test_erasure.py's, so the PDFs, DOCX and PNG charts are not rendered again here (~5 CPU s)
    monkeypatch.setenv("MONITOR_REPORT_FORMATS", "html")
    shutil.copytree(EXAMPLE_2017, project / "inbox" / "cards" / "2017")
    repo = defs.get_repository_def()
    schedule = repo.get_schedule_def("nightly_rebuild")
    assert schedule.cron_schedule == "0 2 * * *" and schedule.job_name == "nightly_job"
    assert schedule.default_status == dg.DefaultScheduleStatus.RUNNING
    with dg.instance_for_test() as instance:
        night = dt.datetime(2017, 11, 25, 2, 0, tzinfo=dt.timezone(dt.timedelta(hours=5)))
        req = schedule.evaluate_tick(dg.build_schedule_context(instance=instance, scheduled_execution_time=night, repository_def=repo)).run_requests
        assert len(req) == 1 and req[0].partition_key == "2017" and req[0].run_key == "nightly-2017-11-25"
        job = defs.resolve_job_def(schedule.job_name)
        names = {k.to_user_string() for k in job.asset_layer.executable_asset_keys}
        assert {"raw_cards", "cards", "figures", "report"} <= names
        assert ("media_responses" in names) == jobs.HAS_MEDIA  # the media fetch, once its assets are in the defs
        assert job.op_retry_policy is not None and job.op_retry_policy.max_retries >= 1
        result = job.execute_in_process(partition_key=req[0].partition_key, tags=req[0].tags, instance=instance)
        assert result.success
        checks = result.get_asset_check_evaluations()
        assert checks and all(c.passed for c in checks)
    with warehouse.connect(read_only=True) as con:
        assert con.execute("SELECT count(*) FROM cards WHERE period = '2017'").fetchone()[0] == 36
    assert (project / "build" / "report" / "2017" / "report-2017-en.html").exists()


def _tick(instance, cursor):
    sensor = defs.get_repository_def().get_sensor_def("inbox_sensor")
    return sensor.evaluate_tick(dg.build_sensor_context(instance=instance, cursor=cursor, definitions=defs))


def _requested(result) -> dict[str, str]:
    return {r.partition_key or r.job_name: r.run_key for r in result.run_requests}


def _load(*periods_):
    """What the requested runs would load first: raw_cards of each period (the sensor compares with it)."""
    from tests.conftest import run_period

    for p in periods_:
        run_period(p, selection=("raw_cards",))


def test_inbox_sensor_compares_the_inbox_with_the_warehouse(project):
    box = project / "inbox" / "cards"
    write(box / "2016" / "a.yaml", card("2016-A", "2016-03-01"))
    write(box / "2017" / "b.yaml", card("2017-B", "2017-03-01"))
    write(box / "2017" / "sub" / "c.yaml", card("2017-C", "2017-04-01"))
    write(box / "2017" / "~$lock.xlsx", b"office lock file")  # ignored
    with dg.instance_for_test() as instance:
        first = _tick(instance, None)
        assert set(_requested(first)) == {"2016", "2017"}
        assert {r.job_name for r in first.run_requests} == {"period_job"}
        # not loaded yet, nothing changed: not requested again (the runs are on their way)
        again = _tick(instance, first.cursor)
        assert not again.run_requests and "requested, waiting to be loaded" in again.skip_message
        _load("2016", "2017")
        loaded = _tick(instance, again.cursor)
        assert not loaded.run_requests and "the warehouse holds what the inbox holds" in loaded.skip_message
        # a file re-saved with the same bytes (new mtime) is not a change
        p = box / "2017" / "b.yaml"
        p.write_bytes(p.read_bytes())
        os.utime(p, ns=(p.stat().st_atime_ns, p.stat().st_mtime_ns + 10_000_000_000))
        same = _tick(instance, loaded.cursor)
        assert not same.run_requests
        # a changed card touches only its period
        write(box / "2016" / "a.yaml", card("2016-A", "2016-03-01", n=9))
        changed = _tick(instance, same.cursor)
        assert set(_requested(changed)) == {"2016"}
        assert _requested(changed)["2016"] != _requested(first)["2016"]
        # a removed card is a change of its period too
        (box / "2017" / "sub" / "c.yaml").unlink()
        removed = _tick(instance, changed.cursor)
        assert set(_requested(removed)) == {"2017"}
        # a folder that is no period: one run that records it (the current period's ingest), no period's run
        write(box / "1999" / "x.yaml", card("X", "1999-01-01"))
        unknown = _tick(instance, removed.cursor)
        assert [(r.partition_key, r.tags["monitor/first_changed"]) for r in unknown.run_requests] == [
            (automation.current_period(), "cards/1999")]
        # a lost cursor: the warehouse still says what was loaded - only what differs is requested,
        # with new run keys (Dagster would skip a key it has seen)
        lost = _tick(instance, None)
        assert set(_requested(lost)) == {"2016", "2017"}
        assert not set(_requested(lost).values()) & {*_requested(changed).values(), *_requested(removed).values()}


def test_an_item_outside_every_period_is_noticed_once_and_its_removal_runs_no_period(project):
    """A loose card file in cards/ (or a folder that names no period) is recorded once, at the inbox level, by
    ONE run; removing it starts one run again, never a run of every period (before: the sensor never saw it,
    each period's run recorded it, and its removal started period_job for every period)."""
    box = project / "inbox" / "cards"
    write(box / "2016" / "a.yaml", card("2016-A", "2016-03-01"))
    write(box / "2017" / "b.yaml", card("2017-B", "2017-03-01"))
    now = automation.current_period()
    with dg.instance_for_test() as instance:
        first = _tick(instance, None)
        _load("2016", "2017")
        held = _tick(instance, first.cursor)
        assert not held.run_requests and "the warehouse holds what the inbox holds" in held.skip_message
        loose = write(box / "2017-ALA-04.yaml", card("2017-ALA-04", "2017-05-01"))
        seen = _tick(instance, held.cursor)
        [req] = seen.run_requests
        assert (req.partition_key, req.tags["monitor/first_changed"]) == (now, "cards/2017-ALA-04.yaml")
        assert [k.to_user_string() for k in req.asset_selection] == ["raw_cards"]
        waiting = _tick(instance, seen.cursor)
        assert not waiting.run_requests and "waiting to be recorded" in waiting.skip_message
        _load(now)
        with warehouse.connect(read_only=True) as con:
            rows = con.execute("SELECT period, source_file, reason FROM quarantine WHERE source_file LIKE '%ALA-04%'").fetchall()
        assert [(p, f) for p, f, _ in rows] == [("inbox", "cards/2017-ALA-04.yaml")]
        assert "move it into the folder of its period, cards/<period>/ (e.g. cards/2017/)" in rows[0][2]
        recorded = _tick(instance, waiting.cursor)
        assert not recorded.run_requests and "the warehouse holds what the inbox holds" in recorded.skip_message
        _load("2017")  # any period's run records it again: still once
        loose.unlink()
        gone = _tick(instance, recorded.cursor)
        assert [r.partition_key for r in gone.run_requests] == [now]
        _load(now)
        with warehouse.connect(read_only=True) as con:
            assert con.execute("SELECT count(*) FROM quarantine WHERE period = 'inbox'").fetchone()[0] == 0
        assert not _tick(instance, gone.cursor).run_requests


def test_sensor_run_ingests_just_that_period(project):
    box = project / "inbox" / "cards"
    write(box / "2016" / "a.yaml", card("2016-A", "2016-03-01"))
    shutil.copytree(EXAMPLE_2017, box / "2017")
    from tests.conftest import run_period

    run_period(None, selection=("published_figures",))  # 2016 is partial: its figures are the published ones
    with dg.instance_for_test() as instance:
        first = _tick(instance, None)
        req = next(r for r in first.run_requests if r.partition_key == "2016")
        job = defs.resolve_job_def(req.job_name)
        # the requested job without its report: what is asserted is the warehouse and the run's tags; the
        # report of a run is rendered and read by the nightly test above (thirteenth pass, docs/testing.md)
        keys = [k for k in job.asset_layer.executable_asset_keys if k.to_user_string() != "report"]
        result = job.execute_in_process(partition_key="2016", tags=req.tags, instance=instance, asset_selection=keys)
        assert result.success
        runs = instance.get_runs(filters=dg.RunsFilter(tags={"monitor/trigger": "inbox"}))
        assert len(runs) == 1 and runs[0].tags["dagster/partition"] == "2016"
    with warehouse.connect(read_only=True) as con:
        assert con.execute("SELECT period, count(*) FROM cards GROUP BY ALL").fetchall() == [("2016", 1)]


def test_changed_review_spreadsheet(project):
    write(project / "inbox" / "reviews" / "review-1.xlsx", b"PK fake workbook")
    with dg.instance_for_test() as instance:
        first = _tick(instance, None)
        if jobs.media_review_job is not None:
            assert [r.job_name for r in first.run_requests] == ["media_review_job"]
        else:  # the media assets are not in the code location (yet): said, not run
            assert not first.run_requests and "review spreadsheet" in first.skip_message
        assert not _tick(instance, first.cursor).run_requests


def test_sensor_loads_every_change_edit_revert_remove_readd(project):
    """Each change of a card file starts one run of its period, also a return to an earlier state
    (Dagster never re-runs a run key: every request has its own)."""
    import hashlib

    box = project / "inbox" / "cards" / "2017"
    a = box / "a.yaml"
    keys: list[str] = []
    with dg.instance_for_test() as instance:
        cursor = None

        def tick(expect_run: bool) -> None:
            nonlocal cursor
            result = _tick(instance, cursor)
            cursor = result.cursor
            if not expect_run:
                assert not result.run_requests, result.run_requests
                return
            [req] = result.run_requests
            assert req.partition_key == "2017" and req.job_name == "period_job"
            keys.append(req.run_key)
            _load("2017")  # the requested run loads the inbox (its first asset is what the sensor compares with)
            assert not _tick(instance, cursor).run_requests  # loaded: nothing more to do

        def loaded() -> dict[str, str]:
            with warehouse.connect(read_only=True) as con:
                return dict(con.execute("SELECT source_file, sha256 FROM raw_files WHERE period = '2017'").fetchall())

        write(a, card("2017-A", "2017-03-01", n=5))
        original = hashlib.sha256(a.read_bytes()).hexdigest()
        tick(True)                                               # new
        assert loaded() == {"cards/2017/a.yaml": original}
        tick(False)                                              # nothing changed
        write(a, card("2017-A", "2017-03-01", n=9))
        tick(True)                                               # edited
        assert loaded()["cards/2017/a.yaml"] != original
        write(a, card("2017-A", "2017-03-01", n=5))
        tick(True)                                               # reverted: the earlier state again
        assert loaded() == {"cards/2017/a.yaml": original}
        a.unlink()
        tick(True)                                               # removed
        assert loaded() == {}
        write(a, card("2017-A", "2017-03-01", n=5))
        tick(True)                                               # re-added
        assert loaded() == {"cards/2017/a.yaml": original}
    assert len(keys) == 5 and len(set(keys)) == 5
    assert keys[0].rsplit("-", 1)[0] == keys[2].rsplit("-", 1)[0] == keys[4].rsplit("-", 1)[0]  # same state, own request


def test_later_reports_rerendered_when_figures_change():
    """A period whose figures change: the reports of the later periods that were rendered are
    requested again (they compare with it); an unchanged re-materialization requests nothing."""
    with dg.instance_for_test() as instance:
        def mat(asset: str, period: str, digest: str | None = None) -> None:
            md = {"figures_digest": digest} if digest else {}
            instance.report_runless_asset_event(dg.AssetMaterialization(asset_key=asset, partition=period, metadata=md))

        mat("figures", "2016", "aaa")
        for p in ("2016", "2017"):
            mat("report", p)
        start = jobs.later_reports_result(instance, None)
        assert not start.run_requests and "from now on" in start.skip_reason.skip_message
        mat("figures", "2016", "bbb")   # 2016 changed
        mat("figures", "2015", "ccc")   # 2015 is new
        r = jobs.later_reports_result(instance, start.cursor)
        assert sorted(q.partition_key for q in r.run_requests) == ["2016", "2017"]  # after 2015: 2016, 2017; after 2016: 2017
        assert {q.job_name for q in r.run_requests} == {"report_job"}
        mat("figures", "2016", "bbb")   # the same figures again
        r2 = jobs.later_reports_result(instance, r.cursor)
        assert not r2.run_requests and "no figures changed" in r2.skip_reason.skip_message


def test_nightly_of_a_year_without_cards_yet_leaves_out_the_report(project):
    """The nightly run of a period that has just begun (no card yet) rebuilds everything but the
    report, which would have nothing to render and fail every night."""
    repo = defs.get_repository_def()
    schedule = repo.get_schedule_def("nightly_rebuild")
    with dg.instance_for_test() as instance:
        night = dt.datetime(2026, 1, 2, 2, 0, tzinfo=dt.timezone(dt.timedelta(hours=5)))
        [req] = schedule.evaluate_tick(dg.build_schedule_context(instance=instance, scheduled_execution_time=night,
                                                                 repository_def=repo)).run_requests
        assert req.partition_key == "2026" and "no card of 2026" in req.tags["monitor/report"]
        names = {k.to_user_string() for k in req.asset_selection}
        assert {"raw_cards", "cards", "figures"} <= names and not names & {"report", "exports"}
        write(project / "inbox" / "cards" / "2026" / "a.yaml", card("2026-A", "2026-01-01"))
        [req] = schedule.evaluate_tick(dg.build_schedule_context(instance=instance, scheduled_execution_time=night,
                                                                 repository_def=repo)).run_requests
        assert req.asset_selection is None  # the whole nightly_job, report included


def test_an_unusable_inbox_requests_no_run_and_says_why(project, monkeypatch):
    # the warehouse holds 2017's files; then MONITOR_INBOX points at a folder without cards/ (a disk not mounted),
    # then at a file: no run is requested (it would remove every card, or be refused), and the skip says why
    write(project / "inbox" / "cards" / "2017" / "b.yaml", card("2017-B", "2017-03-01"))
    _load("2017")
    with dg.instance_for_test() as instance:
        held = _tick(instance, None)
        assert not held.run_requests  # what the warehouse holds is what the inbox holds
        monkeypatch.setenv("MONITOR_INBOX", str(project / "elsewhere"))
        gone = _tick(instance, held.cursor)
        assert not gone.run_requests
        assert "(MONITOR_INBOX) does not exist, but the warehouse holds 1 card file of 2017" in gone.skip_message
        (project / "a-file").write_text("x", encoding="utf-8")
        monkeypatch.setenv("MONITOR_INBOX", str(project / "a-file"))
        a_file = _tick(instance, gone.cursor)
        assert not a_file.run_requests and "(MONITOR_INBOX) is a file, not a folder" in a_file.skip_message
        monkeypatch.setenv("MONITOR_INBOX", str(project / "inbox"))
        back = _tick(instance, a_file.cursor)
        assert not back.run_requests and "the warehouse holds what the inbox holds" in back.skip_message
