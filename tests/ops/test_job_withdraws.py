"""The nightly job and the UI materialize `report` and `exports` as Dagster assets, not through `monitor run`.
A period whose cards are all gone (removed, or every one quarantined) has no report: before, the job's `report`
step failed ("the warehouse holds no figures") and left the earlier report of cards the warehouse no longer
holds published in build/report/<period>/, beside exports of the old cards. Now both assets withdraw the
period's public outputs, say why in the log and the materialization's metadata, and succeed, as `monitor run`
does (tests/test_inbox_hostile.py)."""
from __future__ import annotations

import pytest

from tests.conftest import run_period, use_root

STEPS = ("raw_cards", "cards", "figures", "reconciliation", "report", "exports")


def _materializations(result, key: str) -> list:
    return [e.event_specific_data.materialization for e in result.all_events
            if e.event_type_value == "ASSET_MATERIALIZATION"
            and e.event_specific_data.materialization.asset_key.path[-1] == key]


@pytest.fixture
def published(tmp_path, monkeypatch):
    """The example cards in the warehouse, and the period's public outputs as a render leaves them (written here:
    what is withdrawn is the folders, whatever a render put in them)."""
    root = use_root(monkeypatch, tmp_path, example=True)
    assert run_period("2017", selection=("raw_cards", "cards"), checks=False).success
    build = root / "build"
    for f in ("report/2017/report-2017-ru.html", "report/2017/report-2017-en.pdf", "exports/2017/cards_public.csv",
              "report_src/2017-ru/index.md", "report_src/2017-en/index.md"):
        (build / f).parent.mkdir(parents=True, exist_ok=True)
        (build / f).write_text("rendered from the old cards", encoding="utf-8")
    return root


@pytest.mark.parametrize("how", ["removed", "quarantined"])
def test_a_period_whose_cards_are_gone_has_its_outputs_withdrawn_by_the_job(published, how):
    cards = published / "inbox" / "cards" / "2017"
    for f in cards.iterdir():
        if how == "removed":
            f.unlink()
        else:  # every card refused by validation: a date the period cannot hold
            f.write_text(f.read_text(encoding="utf-8").replace("date: '2017-", "date: '1917-", 1), encoding="utf-8")
    result = run_period("2017", selection=STEPS, checks=False, raise_on_error=False)
    assert result.success
    build = published / "build"
    assert not (build / "report" / "2017").exists() and not (build / "exports" / "2017").exists()
    assert not [p for p in (build / "report_src").iterdir() if p.name.startswith("2017-")]
    report = _materializations(result, "report")[-1]
    assert "no valid card" in report.metadata["no_report"].value
    withdrawn = report.metadata["withdrawn"].value
    assert any(w.endswith("report/2017") for w in withdrawn) and any(w.endswith("exports/2017") for w in withdrawn)


def test_a_period_with_assemblies_held_keeps_its_outputs(published):
    from assets.core import warehouse
    from assets.report.withdraw import withdraw_when_nothing_held

    with warehouse.connect(read_only=True) as con:
        assert withdraw_when_nothing_held(con, "2017") is None
    assert (published / "build" / "report" / "2017" / "report-2017-ru.html").is_file()
    assert (published / "build" / "exports" / "2017" / "cards_public.csv").is_file()
