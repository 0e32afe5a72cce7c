"""A backfill of three periods run as the README says (`monitor backfill --from 2014 --to 2016`):
digitized cards of past periods whose coverage is declared none are compared with what was published
(reconciliation, labelled partial with the share digitised) and do not replace it; once 2016 is
declared complete its cards are its figures, the other periods of the range stay published; and
the same backfill again gives the same warehouse, row for row. (The Dagster-native way, a backfill
submitted for the daemon, is tests/ops/test_backfill_submit.py.)

This file holds what tests/test_backfill.py proved too (the partial reconciliation of 2016, then
2016 declared complete, then a repeated backfill): one flow of three backfills instead of two flows
of five that proved the same."""
from __future__ import annotations

import dagster as dg
import polars as pl
import yaml
import pytest

from assets.core import warehouse
from core import settings
from pipelines import cli
from pipelines.commands import backfill
from tests.conftest import write
from tests.conftest import card
from tests.ops.conftest import snapshot

pytestmark = pytest.mark.slow  # `make test-slow` (docs/testing.md, "Two tiers")

DIGITIZED = {  # digitized cards of two past periods; 2015 has none and takes the published figures
    "2014": [card("2014-ALA-01", "2014-04-12", "Алматы", 12), card("2014-AST-01", "2014-09-01", "Астана", 3)],
    "2016": [card("2016-ATY-01", "2016-04-24", "Атырау", 40), card("2016-URA-01", "2016-05-21", "Орал", 9),
             card("2016-ALA-01", "2016-03-10", "Алматы", 10), card("2016-ALA-02", "2016-06-10", "Алматы", 10),
             card("2016-AST-01", "2016-07-10", "Астана", 10)],
}


def _provenance() -> dict[str, str]:
    with warehouse.connect(read_only=True) as con:
        return dict(con.execute("SELECT period, any_value(provenance) FROM figures WHERE period IN ('2014', '2015', '2016') "
                                "GROUP BY ALL").fetchall())


def test_backfill_partial_then_complete_then_again_gives_the_same_warehouse(project, dagster_home, capsys, monkeypatch):
    # the reports as HTML only, the cheapest format (looked at below: the backfill renders the report of each
    # period with cards); the PDF (Typst, ~1.5 CPU s a language), DOCX and the charts' PNG, which nothing here
    # reads, are proved by tests/test_report.py and tests/ops/test_report_refresh.py (thirteenth pass)
    monkeypatch.setenv("MONITOR_REPORT_FORMATS", "html")
    for period, cards in DIGITIZED.items():
        for i, text in enumerate(cards):
            write(project / "inbox" / "cards" / period / f"card-{i}.yaml", text)
    # 1. coverage as declared in config/periods.yaml: none for 2014-2016
    assert cli.main(["backfill", "--from", "2014", "--to", "2016"]) == 0
    out = capsys.readouterr().out
    assert "3 of 3 periods ok" in out and "2014: 2 cards" in out and "2016: 5 cards" in out and "2015:" in out
    assert "cards partial: 10% of the published assemblies" in out  # 2016: 5 of 52
    with warehouse.connect(read_only=True) as con:
        with_cards = dict(con.execute("SELECT period, count(*) FROM cards GROUP BY ALL").fetchall())
        derived = dict(con.execute("SELECT period, count(*) FROM derived_figures GROUP BY ALL").fetchall())
        coverage = con.execute("SELECT period, coverage, cards, published_assemblies FROM coverage ORDER BY period").fetchall()
        rec = warehouse.query(con, "SELECT * FROM reconciliation WHERE period = '2016'")
    assert with_cards == {"2014": 2, "2016": 5}
    # the periods' coverage is declared none (config/periods.yaml): the cards do not replace the
    # published figures; their derived figures are kept beside them for the reconciliation
    assert _provenance() == {"2014": "published", "2015": "published", "2016": "published"}
    assert set(derived) == {"2014", "2016"} and min(derived.values()) > 0
    assert coverage == [("2014", "partial", 2, 114.0), ("2015", "none", 0, 71.0), ("2016", "partial", 5, 52.0)]
    total = rec.filter((pl.col("table_no") == "2") & (pl.col("row_key") == "total") & (pl.col("col_key") == "count")).row(0, named=True)
    assert (total["published"], total["derived"], total["status"], total["coverage"]) == (52, 5, "mismatch", "partial")
    assert abs(total["digitised_share"] - 5 / 52) < 1e-12
    for p in DIGITIZED:  # reports where there are cards, and none where there are not
        assert (project / "build" / "report" / p / f"report-{p}-ru.html").exists()
    assert not (project / "build" / "report" / "2015").exists()

    # 2. 2016 declared complete: its cards are its figures; 2014 (partial) and 2015 stay published
    raw = yaml.safe_load((settings.config_dir() / "periods.yaml").read_text(encoding="utf-8"))
    for p in raw["periods"]:
        if p["id"] == "2016":
            p.update(coverage="complete", basis="monitors")
    write(project / "periods.yaml", yaml.safe_dump(raw))
    monkeypatch.setenv("MONITOR_PERIODS", str(project / "periods.yaml"))
    # From here on the warehouse is what is compared, so (decisions of the thirteenth pass, docs/testing.md):
    # - no report is rendered: the backfill renders a period's report where the inbox has its cards
    #   (commands/backfill.py's periods_in_inbox); told there are none, it runs each period's raw_cards, cards, figures and
    #   reconciliation only. The reports were looked at above; a complete period's is tests/test_report.py's.
    # - the range is 2015..2016: 2016 is the period whose coverage changed, 2015 the period of the range
    #   that must stay published (coverage none, no cards); 2014 (partial, left out of the range) must stay
    #   as the first backfill left it. Two periods prove "only the declared period changes" and "the same
    #   backfill again gives the same warehouse" as three did.
    monkeypatch.setattr(backfill, "periods_in_inbox", lambda: [])
    assert cli.main(["backfill", "--from", "2015", "--to", "2016"]) == 0
    assert "2 of 2 periods ok" in capsys.readouterr().out
    first = snapshot()
    assert _provenance() == {"2014": "published", "2015": "published", "2016": "derived"}

    # 3. the same backfill again: every row of every table the same (load timestamps aside)
    assert cli.main(["backfill", "--from", "2015", "--to", "2016"]) == 0
    assert snapshot() == first

    with dg.DagsterInstance.get() as instance:
        runs = instance.get_runs(filters=dg.RunsFilter(tags={"monitor/trigger": "backfill"}))
        # the first backfill: the published step, each period's assets, and the report of the two periods with
        # cards as a run of its own (commands/runs.py's _period_steps: rendered only once a valid card came out); then 3 and 3
        assert len(runs) == 6 + 3 + 3 and all(r.status == dg.DagsterRunStatus.SUCCESS for r in runs)
        assert len({r.tags["monitor/backfill"] for r in runs}) == 3  # each backfill its own id
        assert sorted(r.tags.get("dagster/partition", "-") for r in runs) == \
            ["-"] * 3 + ["2014"] * 2 + ["2015"] * 3 + ["2016"] * 4


def test_unknown_period_in_range_is_a_clear_error(project, dagster_home, capsys):
    assert cli.main(["backfill", "--from", "2014", "--to", "2099"]) == 2
    assert "unknown period in range 2014..2099" in capsys.readouterr().err


def test_backfill_rejects_an_unknown_or_reversed_range(project, monkeypatch, capsys):
    monkeypatch.delenv("DAGSTER_HOME", raising=False)  # an ephemeral Dagster instance
    assert cli.main(["backfill", "--from", "2099", "--to", "2016"]) == 2
    assert "unknown period" in capsys.readouterr().err
    assert cli.main(["backfill", "--from", "2016", "--to", "2014"]) == 2
