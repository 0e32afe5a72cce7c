"""Quality gates: the Great Expectations suites over `figures`, their Data Docs, the blocking Dagster
check `figures_expectations` and `assert_figures_ok` (the report's own gate)."""
from __future__ import annotations

import re
import shutil

import dagster as dg
import duckdb
import polars as pl
import pytest

from core import settings
from assets.quality import gx_suite
from assets.quality.checks import QUALITY_CHECKS, figures_expectations
from tests.conftest import module_root, use_root


def run_with_quality(period: str, selection, checks_only=False, raise_on_error=False) -> dg.ExecuteInProcessResult:
    """Like conftest.run_period, with the quality checks added to the definitions. A selection of
    checks only has no asset to take the partitions from (dg.materialize refuses partition_key
    then), so the period goes in the run's partition tag, as a partitioned run has it."""
    from pipelines.definitions import defs

    return dg.materialize(
        assets=[*defs.assets, *defs.asset_checks, *QUALITY_CHECKS],
        selection=selection,
        **({"tags": {"dagster/partition": period}} if checks_only else {"partition_key": period}),
        resources=defs.resources,
        instance=dg.DagsterInstance.ephemeral(),
        raise_on_error=raise_on_error,
    )


def _evaluation(result, name="figures_expectations"):
    evs = [e for e in result.get_asset_check_evaluations() if e.check_name == name]
    assert len(evs) == 1, [e.check_name for e in result.get_asset_check_evaluations()]
    return evs[0]


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory):
    """One run of the 2017 example (raw_cards → cards → figures, every check): its folder and result."""
    with module_root(tmp_path_factory, "quality") as root, pytest.MonkeyPatch.context() as mp:
        mp.setenv("MONITOR_GX_DATA_DOCS", "1")  # the check's metadata points to the Data Docs it built
        result = run_with_quality("2017", dg.AssetSelection.assets("raw_cards", "cards", "figures"))
    return root, result


@pytest.fixture()
def env(pipeline, monkeypatch):
    root, _ = pipeline
    return use_root(monkeypatch, root)


@pytest.fixture()
def good(env) -> pl.DataFrame:
    with duckdb.connect(str(env / "warehouse.duckdb"), read_only=True) as con:
        return gx_suite.load_figures(con, "2017")


def _set(df: pl.DataFrame, table_no: str, row_key: str, col_key: str, value: float) -> pl.DataFrame:
    hit = (pl.col("table_no") == table_no) & (pl.col("row_key") == row_key) & (pl.col("col_key") == col_key)
    assert df.filter(hit).height == 1
    return df.with_columns(pl.when(hit).then(pl.lit(value)).otherwise(pl.col("value")).alias("value"))


def _value(df, table_no, row_key, col_key) -> float:
    return df.filter((pl.col("table_no") == table_no) & (pl.col("row_key") == row_key) & (pl.col("col_key") == col_key))["value"][0]


def test_good_figures_pass_every_expectation(good):
    assert good.height > 300
    outcome = gx_suite.validate_figures(good, "2017", data_docs=False)
    assert outcome.success, outcome.summary()
    assert outcome.failed == 0 and outcome.passed == len(outcome.outcomes) >= 13
    checks = {o.check for o in outcome.outcomes}
    assert {"one_value_per_cell", "provenance", "share_0_100", "count_not_negative", "index_not_negative",
            "total_exists", "rows_sum_to_total", "period_not_null", "col_key_not_null"} <= checks
    sums = gx_suite.figure_sums(good, "2017")
    # every per-category table with a total (1, 7, 11, 14, 16, 18), the shares of 4 and 6, 1 and 7 = 100
    assert {"1", "4", "6", "7", "11", "14", "16", "18"} <= set(sums["table_no"].to_list())
    assert sums.filter((pl.col("table_no") == "1") & (pl.col("rows") == "total row"))["total"].to_list() == [100.0]


def _failures(frame, period="2017") -> dict[str, list[str]]:
    outcome = gx_suite.validate_figures(frame, period, data_docs=False)
    assert not outcome.success
    return {o.check: o.explanations for o in outcome.failures}


def test_duplicated_key_fails_naming_the_cell(good):
    bad = pl.concat([good, good.filter((pl.col("table_no") == "16") & (pl.col("row_key") == "almaty")
                                       & (pl.col("col_key") == "detained_persons"))])
    fails = _failures(bad)
    assert "one_value_per_cell" in fails
    assert fails["one_value_per_cell"] == ["table 16, row almaty, column detained_persons (period 2017): 2 values for one cell"]


def test_share_above_100_fails_naming_table_column_and_value(good):
    fails = _failures(_set(good, "4", "political", "share_pct", 120.0))
    assert fails["share_0_100"] == ["table 4, row political, column share_pct: the share 120 % lies outside 0–100"]
    # the shares of Table 4 no longer make 100 either
    assert any(e.startswith("table 4, column share_pct: the category rows sum to") and "must make 100" in e
               for e in fails["rows_sum_to_total"])


def test_negative_count_and_index_fail(good):
    bad = _set(_set(good, "14", "almaty", "police", -3.0), "3", "almaty", "activity_index", -0.5)
    fails = _failures(bad)
    assert fails["count_not_negative"] == ["table 14, row almaty, column police: -3 is negative (a count or amount cannot be)"]
    assert fails["index_not_negative"] == ["table 3, row almaty, column activity_index: the index -0.5 is negative"]


def test_rows_not_summing_to_the_total_fail(good):
    total = _value(good, "11", "total", "sanctioned")
    fails = _failures(_set(good, "11", "total", "sanctioned", total + 2))
    assert list(fails) == ["rows_sum_to_total"]
    assert fails["rows_sum_to_total"] == [
        f"table 11, column sanctioned: the category rows sum to {total:g} but the total row is {total + 2:g} (difference -2)"]


def test_missing_total_and_bad_keys_fail(good):
    bad = good.filter(~((pl.col("table_no") == "14") & (pl.col("row_key") == "total") & (pl.col("col_key") == "police")))
    bad = bad.with_columns(pl.when((pl.col("table_no") == "2") & (pl.col("row_key") == "almaty"))
                           .then(pl.lit("guessed")).otherwise(pl.col("provenance")).alias("provenance"))
    fails = _failures(bad)
    assert any(e.startswith("table 14, column police: the category rows sum to 134") for e in fails["total_exists"])
    assert fails["provenance"] == ["table 2, row almaty, column count: provenance 'guessed' is neither 'derived' nor 'published'"]


def test_published_figures_need_not_add_up(good):
    published = _set(good, "11", "total", "sanctioned", 99.0).with_columns(pl.lit("published").alias("provenance"))
    outcome = gx_suite.validate_figures(published, "2017", data_docs=False)
    assert outcome.success, outcome.summary()


def test_data_docs_are_written_under_build_and_readable_offline(good, env):
    gx_suite.validate_figures(_set(good, "7", "picket", "share_pct", 150.0), "2017")
    outcome = gx_suite.validate_figures(good, "2017")
    index = env / "build" / "data_docs" / "index.html"
    assert outcome.data_docs == index and index.exists()
    assert (env / "build" / "gx" / "great_expectations.yml").exists()
    assert not (settings.repo_root() / "gx").exists()
    page = index.read_text(encoding="utf-8")
    assert gx_suite.SUITE in page and gx_suite.SUMS_SUITE in page
    # without the CDN: the result table is plain HTML and the status is written as text
    assert 'class="ge-offline-table"' in page and "<style>" in page
    assert "✔ passed" in page and "✘ failed" in page
    assert "great-expectations-web-assets" not in page
    for p in outcome.pages:
        assert p.exists() and str(p).startswith(str(env / "build" / "data_docs"))
        assert "✔ passed" in p.read_text(encoding="utf-8")
    analytics = (env / "build" / "gx" / "great_expectations.yml").read_text(encoding="utf-8")
    assert re.search(r"analytics_enabled: false", analytics) and "globally: false" in analytics


def test_data_docs_setting_of_the_check_and_the_gate(env, monkeypatch):
    """MONITOR_GX_DATA_DOCS off: the gate validates the same figures without writing the site; on (the default) or
    unset, it writes it; a value that is neither is refused, naming the variable."""
    from assets.quality import gx_context

    for raw, on in (("", True), ("1", True), ("on", True), ("0", False), ("off", False), ("No", False)):
        monkeypatch.setenv("MONITOR_GX_DATA_DOCS", raw)
        assert gx_context.data_docs_on() is on, raw
    monkeypatch.setenv("MONITOR_GX_DATA_DOCS", "sometimes")
    with pytest.raises(ValueError, match="MONITOR_GX_DATA_DOCS: 'sometimes'"):
        gx_context.data_docs_on()
    monkeypatch.setenv("MONITOR_BUILD", str(env / "build-off"))
    monkeypatch.setenv("MONITOR_GX_DATA_DOCS", "0")
    copy = env / "gate.duckdb"
    shutil.copy(env / "warehouse.duckdb", copy)
    with duckdb.connect(str(copy)) as con:
        gx_suite.assert_figures_ok(con, "2017")
        con.execute("UPDATE figures SET value = 130 WHERE period = '2017' AND table_no = '12' AND col_key = 'law_abidance_pct'")
        with pytest.raises(gx_suite.FiguresNotValid, match="law_abidance_pct: the share 130 %") as exc:
            gx_suite.assert_figures_ok(con, "2017")
    assert "Data Docs:" not in str(exc.value) and not (env / "build-off" / "data_docs").exists()


def test_assert_figures_ok_lists_every_failure(env, monkeypatch):
    monkeypatch.setenv("MONITOR_GX_DATA_DOCS", "1")  # the message points to the Data Docs
    path = env / "warehouse.duckdb"
    with duckdb.connect(str(path), read_only=True) as con:
        gx_suite.assert_figures_ok(con, "2017")  # the example passes
        with pytest.raises(gx_suite.FiguresNotValid, match="no figures of period 2016"):
            gx_suite.assert_figures_ok(con, "2016")
    copy = env / "broken.duckdb"
    shutil.copy(path, copy)
    with duckdb.connect(str(copy)) as con:
        con.execute("UPDATE figures SET value = 130 WHERE period = '2017' AND table_no = '12' AND col_key = 'law_abidance_pct'")
        con.execute("UPDATE figures SET value = -1 WHERE period = '2017' AND table_no = '16' AND row_key = 'almaty' AND col_key = 'detention_cases'")
        with pytest.raises(gx_suite.FiguresNotValid) as exc:
            gx_suite.assert_figures_ok(con, "2017")
    msg = str(exc.value)
    assert "table 12, row total, column law_abidance_pct: the share 130 % lies outside 0–100" in msg
    assert "table 16, row almaty, column detention_cases: -1 is negative" in msg
    assert "table 16, column detention_cases: the category rows sum to" in msg
    assert "Data Docs:" in msg and exc.value.outcome.failed == 3


def test_the_report_gate_reuses_the_check_until_a_figure_changes(pipeline, env, monkeypatch):
    """The suite runs once per job: the report's gate takes the blocking check's pass for the same
    figures (assets/quality/gx_cache.py); one changed figure and the suite runs again, and fails."""
    from assets.quality import gx_cache
    from assets.report import freshness, refresh

    _, result = pipeline
    assert _evaluation(result).passed
    monkeypatch.setattr(freshness, "gate_passed", lambda period, digest: False)  # not the report's own cache
    monkeypatch.setattr(freshness, "record_gate", lambda period, digest: None)
    calls = []
    real = gx_suite.assert_figures_ok
    monkeypatch.setattr(gx_suite, "assert_figures_ok", lambda con, period, **kw: (calls.append(period), real(con, period, **kw)))
    with duckdb.connect(str(env / "warehouse.duckdb"), read_only=True) as con:
        assert gx_cache.passed(con, "2017") and not gx_cache.passed(con, "2016")
        refresh.quality_gate(con, "2017")
    assert calls == []  # the check of the run passed exactly these figures
    copy = env / "changed.duckdb"
    shutil.copy(env / "warehouse.duckdb", copy)
    with duckdb.connect(str(copy)) as con:
        con.execute("UPDATE figures SET value = 130 WHERE period = '2017' AND table_no = '12' AND col_key = 'law_abidance_pct'")
        assert not gx_cache.passed(con, "2017")
        with pytest.raises(gx_suite.FiguresNotValid, match="law_abidance_pct: the share 130 %"):
            refresh.quality_gate(con, "2017")
    assert calls == ["2017"]


def test_dagster_check_passes_then_fails_on_a_corrupted_figure(pipeline, env):
    _, result = pipeline
    assert result.success
    ev = _evaluation(result)
    assert ev.passed and ev.partition == "2017"
    assert ev.metadata["failed"].value == 0 and ev.metadata["passed"].value >= 13
    assert ev.metadata["data_docs"].value.endswith("data_docs/index.html")
    assert figures_expectations.check_keys == {dg.AssetCheckKey(dg.AssetKey("figures"), "figures_expectations")}

    copy = env / "corrupt.duckdb"
    shutil.copy(env / "warehouse.duckdb", copy)
    with duckdb.connect(str(copy)) as con:
        con.execute("UPDATE figures SET value = value + 1 WHERE period = '2017' AND table_no = '14' AND row_key = 'astana' AND col_key = 'participants'")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("MONITOR_WAREHOUSE", str(copy))
        rerun = run_with_quality("2017", dg.AssetSelection.checks(figures_expectations), checks_only=True)
    ev = _evaluation(rerun)
    assert ev.partition == "2017" and not ev.passed and ev.severity == dg.AssetCheckSeverity.ERROR
    assert "table 14, column participants: the category rows sum to" in ev.metadata["failures"].value
    assert ev.metadata["failing"].value == "rows_sum_to_total"
    from assets.quality import gx_cache

    with duckdb.connect(str(env / "warehouse.duckdb"), read_only=True) as con:
        assert not gx_cache.passed(con, "2017")  # a failing check leaves no pass for the report to reuse


def test_a_failing_check_keeps_the_report_from_rendering(tmp_path, monkeypatch):
    """A figure model that goes wrong (a city counted twice in Table 11's sanctioned column) passes
    pandera's shape checks but not the sums: the blocking check fails and `report` does not run."""
    sql = tmp_path / "sql"
    shutil.copytree(settings.sql_dir(), sql)
    model = sql / "figures" / "t11_law_abidance_cities.sql"
    text = model.read_text(encoding="utf-8")
    model.write_text(text.replace("('sanctioned', s::DOUBLE)",
                                  "('sanctioned', (s + CASE WHEN row_key = 'astana' THEN 1 ELSE 0 END)::DOUBLE)"), encoding="utf-8")
    assert model.read_text(encoding="utf-8") != text
    monkeypatch.setattr(settings, "sql_dir", lambda: sql)
    use_root(monkeypatch, tmp_path, example=True)

    result = run_with_quality("2017", dg.AssetSelection.assets("raw_cards", "cards", "figures", "report"))
    ev = _evaluation(result)
    assert not ev.passed
    assert "table 11, column sanctioned: the category rows sum to 6 but the total row is 5 (difference +1)" in ev.metadata["failures"].value
    assert _evaluation(result, "figures_schema").passed  # the shape was fine
    materialized = {e.asset_key.to_user_string() for e in result.get_asset_materialization_events()}
    assert "figures" in materialized and "report" not in materialized
    assert not (tmp_path / "build" / "report" / "2017").exists()
