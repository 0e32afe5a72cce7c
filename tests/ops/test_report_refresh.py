"""The reporter's refresh: one command re-renders only the report of one period, from the
warehouse as it is."""
from __future__ import annotations

import shutil

import dagster as dg
import pytest

from pipelines import cli
from tests.conftest import EXAMPLE_2017, start_from
from tests.ops.conftest import snapshot

pytestmark = pytest.mark.slow  # `make test-slow` (docs/testing.md, "Two tiers")


def test_monitor_report_rerenders_only_the_report(project, dagster_home, capsys, monkeypatch, example_2017_run):
    # the refresh as HTML only (MONITOR_REPORT_FORMATS, as a reporter's quick look): what is asserted is that one
    # command renders the period's report and recomputes nothing; the PDF (Typst, ~1.5 CPU s a language), DOCX
    # and the charts' PNG were rendered here unread: every format is rendered and read by tests/test_report.py's
    # fixture and tests/test_erasure.py (fourteenth pass, branch i14i, docs/testing.md)
    monkeypatch.setenv("MONITOR_REPORT_FORMATS", "html")
    shutil.copytree(EXAMPLE_2017, project / "inbox" / "cards" / "2017")
    start_from(project, example_2017_run)  # as after run_period("2017")
    before = snapshot()
    out = project / "build" / "report" / "2017" / "report-2017-en.html"
    assert not out.exists()
    assert cli.main(["report", "--period", "2017"]) == 0
    assert out.exists() and "rendered report 2017" in capsys.readouterr().out
    assert snapshot() == before  # nothing recomputed, nothing written to the warehouse
    with dg.DagsterInstance.get() as instance:
        [run] = instance.get_runs()
        assert run.status == dg.DagsterRunStatus.SUCCESS and run.tags["dagster/partition"] == "2017"
        assert run.tags["monitor/trigger"] == "report"
        mats = instance.fetch_materializations(dg.AssetKey("report"), limit=5).records
        assert len(mats) == 1 and mats[0].asset_materialization.metadata["render_seconds"].value > 0
        assert not instance.fetch_materializations(dg.AssetKey("cards"), limit=5).records


def test_report_of_unknown_period(project, dagster_home, capsys):
    assert cli.main(["report", "--period", "1999"]) == 2
    assert "unknown monitoring period '1999'" in capsys.readouterr().err
