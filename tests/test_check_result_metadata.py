"""The metadata of the figures' quality check, assembled from an outcome made by hand (no Great Expectations
run, no Data Docs build): every key and value typed here from the outcome below."""
from pathlib import Path

import dagster as dg

from assets.quality import checks
from assets.quality.gx_outcomes import ExpectationOutcome, SuiteOutcome

OK = ExpectationOutcome("keys_present", "figures_2017", "expect_column_values_to_not_be_null", "Keys are present", True)
BAD = ExpectationOutcome("share_0_100", "figures_2017", "expect_column_values_to_be_between", "Shares lie in 0-100 %",
                         False, unexpected=2, explanations=["Table 1, almaty, share_pct = 120", "Table 7, rally, share_pct = -1"])


def test_metadata_of_a_failed_check_with_data_docs_in_the_build(tmp_path, monkeypatch):
    build = tmp_path / "build"
    monkeypatch.setenv("MONITOR_BUILD", str(build))
    index = build / "data_docs" / "index.html"
    pages = [build / "data_docs" / "validations" / "a.html", build / "data_docs" / "validations" / "b.html"]
    r = checks._result(SuiteOutcome("2017", [OK, BAD], data_docs=index, pages=pages))
    assert isinstance(r, dg.AssetCheckResult)
    assert r.passed is False and r.severity == dg.AssetCheckSeverity.ERROR
    assert r.description == f"the figures of 2017 failed 1 of 2 quality expectations (Data Docs: {index})"
    md = r.metadata
    assert set(md) == {"period", "expectations", "passed", "failed", "failing", "data_docs", "data_docs_url",
                       "data_docs_in_build", "validation_page_1", "validation_page_2", "failures"}
    assert md["period"].value == "2017" and md["expectations"].value == 2
    assert md["passed"].value == 1 and md["failed"].value == 1 and md["failing"].value == "share_0_100"
    assert md["data_docs_in_build"].value == "data_docs/index.html"
    assert md["data_docs"].value == str(index)
    assert md["data_docs_url"].value == index.resolve().as_uri()
    assert md["validation_page_1"].value == str(pages[0]) and md["validation_page_2"].value == str(pages[1])
    assert md["failures"].value == ("- **Shares lie in 0-100 %** (`share_0_100`, expect_column_values_to_be_between)\n"
                                    "    - Table 1, almaty, share_pct = 120\n"
                                    "    - Table 7, rally, share_pct = -1")


def test_metadata_of_a_passed_check_with_data_docs_outside_the_build(tmp_path, monkeypatch):
    monkeypatch.setenv("MONITOR_BUILD", str(tmp_path / "build"))
    index = tmp_path / "elsewhere" / "index.html"
    r = checks._result(SuiteOutcome("2016", [OK], data_docs=index))
    assert r.passed is True
    assert r.description == f"the figures of 2016 passed all 1 quality expectations (Data Docs: {index})"
    assert set(r.metadata) == {"period", "expectations", "passed", "failed", "failing", "data_docs", "data_docs_url"}
    assert r.metadata["failing"].value == "none" and r.metadata["failed"].value == 0


def test_metadata_without_data_docs(tmp_path, monkeypatch):
    monkeypatch.setenv("MONITOR_BUILD", str(tmp_path / "build"))
    r = checks._result(SuiteOutcome("2015", [BAD]))
    assert r.passed is False
    assert r.description == "the figures of 2015 failed 1 of 1 quality expectations"
    assert set(r.metadata) == {"period", "expectations", "passed", "failed", "failing", "failures"}
