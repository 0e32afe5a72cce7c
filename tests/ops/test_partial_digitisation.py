"""Partial digitisation: cards of a past period do not replace its published figures until the
period is declared complete (config/periods.yaml `coverage`); their derived figures go to
derived_figures and the reconciliation, labelled partial with the share digitised. And a
property-based test: any combination of periods, coverage and cards renders every period's report
(HTML, both languages: PDF and DOCX are left out to keep it fast) with no NULL arithmetic."""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from assets.core import periods, warehouse
from core import settings
from tests.conftest import card, examples, run_period, use_root, write

REPO = settings.repo_root()
CITIES = ["Алматы", "Астана", "Атырау", "Орал", "Шымкент"]


def declare(tmp: Path, coverage: dict[str, str]) -> Path:
    """A copy of config/periods.yaml with some periods' coverage changed (basis to match)."""
    raw = yaml.safe_load((REPO / "config" / "periods.yaml").read_text(encoding="utf-8"))
    for p in raw["periods"]:
        if p["id"] in coverage:
            p["coverage"] = coverage[p["id"]]
            p["basis"] = "monitors" if coverage[p["id"]] == "complete" else "published"
    path = tmp / f"periods-{abs(hash(tuple(sorted(coverage.items()))))}.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


def render_html(period: str, out: Path) -> list[Path]:
    from assets.report import charts, prepare, render
    from assets.report.labels import LANGS

    with warehouse.connect(read_only=True) as con:
        wh = prepare.load(con, period)
    files = []
    for lang in LANGS:
        with charts.drawing(("html",)):  # as a refresh of HTML only: the charts as SVG, no PNG (DOCX's)
            ctx = prepare.build(None, period, lang, wh)
        files.append(render.render(ctx, formats=("html",), out_dir=out).files["html"])
    return files


def fig(period: str, table: str, row: str, col: str, source: str = "figures"):
    with warehouse.connect(read_only=True) as con:
        r = con.execute(f"SELECT value, provenance FROM {source} WHERE period = ? AND table_no = ? AND row_key = ? AND col_key = ?",
                        [period, table, row, col]).fetchone()
    return r


@pytest.mark.slow  # `make test-slow` (docs/testing.md, "Two tiers")
def test_one_card_of_2016_keeps_the_published_figures_until_declared_complete(example_inbox, monkeypatch, base_warehouse):
    shutil.copy(base_warehouse, example_inbox / "warehouse.duckdb")  # the published figures and audit, loaded once
    run_period("2017", selection=("raw_cards", "cards", "figures", "reconciliation"))
    write(example_inbox / "inbox" / "cards" / "2016" / "a.yaml", card("2016-ATY-01", "2016-04-24", "Атырау", 40))
    run_period("2016", selection=("raw_cards", "cards", "figures", "reconciliation"))

    assert fig("2016", "2", "total", "count") == (52.0, "published")      # as the 2017 report printed it
    assert fig("2016", "2", "total", "count", "derived_figures") == (1.0, "derived")
    with warehouse.connect(read_only=True) as con:
        cov = con.execute("SELECT coverage, declared, basis, cards, published_assemblies, digitised_share FROM coverage "
                          "WHERE period = '2016'").fetchone()
        rec = con.execute("SELECT DISTINCT coverage, digitised_share FROM reconciliation WHERE period = '2016'").fetchall()
        # missing is not zero, and no NULL stands for a number: a NULL value is a '-', blank or unreadable cell
        nulls = con.execute("SELECT count(*) FROM figures WHERE (value IS NULL AND value_status = 'value') "
                            "OR (value IS NOT NULL AND value_status <> 'value') OR isnan(value)").fetchone()[0]
    assert cov == ("partial", "none", "published", 1, 52.0, pytest.approx(1 / 52))
    assert rec == [("partial", pytest.approx(1 / 52))]
    assert nulls == 0
    # 2017's report renders, comparing with 2016's published figures while 2016 holds a card. 2016's own
    # partial report is not rendered again here: tests/ops/test_backfill.py renders and looks at it (2016 partial,
    # 5 cards), and the property test below renders every period in any coverage (fourteenth pass, docs/testing.md)
    assert all(f.stat().st_size > 10_000 for f in render_html("2017", example_inbox / "html" / "2017"))

    # declared complete: the cards are the figures now
    monkeypatch.setenv("MONITOR_PERIODS", str(declare(example_inbox, {"2016": "complete"})))
    run_period("2016", selection=("figures", "reconciliation"))
    assert fig("2016", "2", "total", "count") == (1.0, "derived")
    with warehouse.connect(read_only=True) as con:
        assert con.execute("SELECT DISTINCT coverage FROM reconciliation WHERE period = '2016'").fetchall() == [("complete",)]


def test_basis_must_match_coverage(tmp_path, monkeypatch):
    raw = yaml.safe_load((REPO / "config" / "periods.yaml").read_text(encoding="utf-8"))
    raw["periods"][0]["coverage"] = "partial"
    raw["periods"][0]["basis"] = "monitors"
    bad = write(tmp_path / "periods.yaml", yaml.safe_dump(raw))
    monkeypatch.setenv("MONITOR_PERIODS", str(bad))
    with pytest.raises(ValueError, match="period 2010: coverage partial with basis monitors"):
        periods.all_periods()


# Two adjacent periods (thirteenth pass, docs/testing.md; three before): a period's coverage, cards and
# provenance are its own, and the one thing a period takes from another is its report's comparison with the
# period before (2017's with 2016's, whatever 2016's coverage and cards). Two adjacent periods hold every
# combination of that; a third only repeated it, at a third of the test's CPU.
PLAYED = ["2016", "2017"]


@st.composite
def scenarios(draw):
    out = {}
    for p in PLAYED:
        coverage = draw(st.sampled_from(["none", "partial", "complete"]))
        n = draw(st.integers(min_value=0, max_value=3))
        cards = [(draw(st.sampled_from(CITIES)), draw(st.integers(min_value=1, max_value=400)),
                  draw(st.sampled_from(["social", "political", "economic"]))) for _ in range(n)]
        out[p] = (coverage, cards)
    return out


@pytest.fixture(scope="module")
def base_warehouse(tmp_path_factory):
    """The published figures and their audit, loaded once; each example starts from a copy."""
    with pytest.MonkeyPatch.context() as mp:
        root = use_root(mp, tmp_path_factory.mktemp("base"))
        run_period(None, selection=("published_figures", "audit"))
        return Path(root / "warehouse.duckdb")


@pytest.mark.slow  # `make test-slow` (docs/testing.md, "Two tiers")
@hsettings(max_examples=examples(2, 12), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(scenario=scenarios())
def test_any_combination_of_coverage_and_cards_renders_every_report(scenario, base_warehouse, monkeypatch):
    root = Path(tempfile.mkdtemp(prefix="hyp-"))
    try:
        use_root(monkeypatch, root)
        shutil.copy(base_warehouse, root / "warehouse.duckdb")
        monkeypatch.setenv("MONITOR_PERIODS", str(declare(root, {p: c for p, (c, _) in scenario.items()})))
        for p, (_, cards) in scenario.items():
            for i, (city, n, character) in enumerate(cards):
                write(root / "inbox" / "cards" / p / f"c{i}.yaml", card(f"{p}-X-{i}", f"{p}-0{i + 3}-1{i}", city, n, character))
            run_period(p, selection=("raw_cards", "cards", "figures", "reconciliation") if cards else ("figures",))
        with warehouse.connect(read_only=True) as con:
            assert con.execute("SELECT count(*) FROM figures WHERE (value IS NULL AND value_status = 'value') "
                               "OR (value IS NOT NULL AND value_status <> 'value') OR isnan(value)").fetchone()[0] == 0
            prov = dict(con.execute("SELECT period, any_value(provenance) FROM figures GROUP BY ALL").fetchall())
            labels = dict(con.execute("SELECT period, coverage FROM coverage").fetchall())
        for p, (coverage, cards) in scenario.items():
            derived = coverage == "complete" and bool(cards)
            assert prov.get(p) == ("derived" if derived else "published"), (p, coverage, len(cards))
            assert labels[p] == ("complete" if coverage == "complete" else "partial" if cards else "none")
        for p in PLAYED:
            for f in render_html(p, root / "html" / p):
                assert f.stat().st_size > 10_000
    finally:
        shutil.rmtree(root, ignore_errors=True)
