"""The Data Docs stay bounded: the GX project keeps the newest MONITOR_GX_KEEP_RESULTS results of each
suite (assets/quality/gx_context.prune_results), their pages, and the index lists only those."""
from __future__ import annotations

import re

import duckdb
import pytest

from assets.quality import gx_context, gx_suite
from tests.conftest import use_root


@pytest.fixture(scope="module")
def figures_2017(example_2017_run):
    with duckdb.connect(str(example_2017_run), read_only=True) as con:
        return gx_suite.load_figures(con, "2017")


def _stored(build) -> dict[str, list[str]]:
    """The stored results' run times by suite, as files of the GX project."""
    root = build / "gx" / "uncommitted" / "validations"
    return {s: sorted(p.parent.name for p in (root / s).rglob("*.json")) for s in (gx_suite.SUITE, gx_suite.SUMS_SUITE)}


def test_only_the_newest_results_of_each_suite_are_kept(figures_2017, tmp_path, monkeypatch):
    root = use_root(monkeypatch, tmp_path)
    build = root / "build"
    monkeypatch.setenv("MONITOR_GX_KEEP_RESULTS", "2")
    bad = figures_2017.with_columns(value=figures_2017["value"].abs() * -1 - 1)  # every count negative
    assert not gx_suite.validate_figures(bad, "2017").success
    assert "✘ failed" in (build / "data_docs" / "index.html").read_text(encoding="utf-8")
    newest = [gx_suite.validate_figures(figures_2017, "2017") for _ in range(2)]
    assert all(o.success for o in newest)
    stored = _stored(build)
    assert [len(v) for v in stored.values()] == [2, 2]
    pages = sorted(p.relative_to(build / "data_docs").as_posix() for p in (build / "data_docs" / "validations").rglob("*.html"))
    assert len(pages) == 4 and all(any(t in p for t in stored[p.split("/")[1]]) for p in pages)
    assert {p.relative_to(build / "data_docs").as_posix() for o in newest for p in o.pages} == set(pages)
    index = (build / "data_docs" / "index.html").read_text(encoding="utf-8")
    assert "✔ passed" in index and "✘ failed" not in index  # the failed (oldest) result is gone from the index
    listed = set(re.findall(r"validations/[\w/]+/2017/(\d{8}T\d{6}\.\d+Z)/", index))
    assert listed == set(stored[gx_suite.SUITE]) | set(stored[gx_suite.SUMS_SUITE])

    monkeypatch.setenv("MONITOR_GX_KEEP_RESULTS", "1")  # lowered: the next check drops all but its own
    gx_suite.validate_figures(figures_2017, "2017")
    assert [len(v) for v in _stored(build).values()] == [1, 1]
    assert len(list((build / "data_docs" / "validations").rglob("*.html"))) == 2


def test_the_default_keeps_thirty_and_a_bad_setting_is_named(monkeypatch):
    monkeypatch.delenv("MONITOR_GX_KEEP_RESULTS", raising=False)
    assert gx_context.keep_results() == 30
    monkeypatch.setenv("MONITOR_GX_KEEP_RESULTS", " 7 ")
    assert gx_context.keep_results() == 7
    for bad in ("0", "-3", "ten", "2.5"):
        monkeypatch.setenv("MONITOR_GX_KEEP_RESULTS", bad)
        with pytest.raises(ValueError, match="MONITOR_GX_KEEP_RESULTS"):
            gx_context.keep_results()
