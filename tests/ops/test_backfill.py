"""A backfill of three periods run as the README says (`monitor backfill --from 2014 --to 2016`),
then again: the warehouse is the same row for row. (The Dagster-native way, a backfill submitted
for the daemon, is tests/ops/test_backfill_submit.py.)"""
from __future__ import annotations

import dagster as dg

from assets.core import warehouse
from pipelines import cli
from tests.conftest import write
from tests.conftest import card
from tests.ops.conftest import snapshot

DIGITIZED = {  # digitized cards of two past periods; 2015 has none and takes the published figures
    "2014": [card("2014-ALA-01", "2014-04-12", "Алматы", 12), card("2014-AST-01", "2014-09-01", "Астана", 3)],
    "2016": [card("2016-ATY-01", "2016-04-24", "Атырау", 40), card("2016-URA-01", "2016-05-21", "Орал", 9)],
}


def test_backfill_three_periods_twice_gives_the_same_warehouse(project, dagster_home, capsys):
    for period, cards in DIGITIZED.items():
        for i, text in enumerate(cards):
            write(project / "inbox" / "cards" / period / f"card-{i}.yaml", text)
    assert cli.main(["backfill", "--from", "2014", "--to", "2016"]) == 0
    first = snapshot()
    out = capsys.readouterr().out
    assert "3 of 3 periods ok" in out
    with warehouse.connect(read_only=True) as con:
        with_cards = dict(con.execute("SELECT period, count(*) FROM cards GROUP BY ALL").fetchall())
        provenance = dict(con.execute("SELECT period, any_value(provenance) FROM figures WHERE period IN ('2014', '2015', '2016') GROUP BY ALL").fetchall())
        derived = dict(con.execute("SELECT period, count(*) FROM derived_figures GROUP BY ALL").fetchall())
        coverage = con.execute("SELECT period, coverage, cards, published_assemblies FROM coverage ORDER BY period").fetchall()
    assert with_cards == {"2014": 2, "2016": 2}
    # the periods' coverage is declared none (config/periods.yaml): two cards do not replace the
    # published figures; their derived figures are kept beside them for the reconciliation
    assert provenance == {"2014": "published", "2015": "published", "2016": "published"}
    assert set(derived) == {"2014", "2016"} and min(derived.values()) > 0
    assert coverage == [("2014", "partial", 2, 114.0), ("2015", "none", 0, 71.0), ("2016", "partial", 2, 52.0)]
    for p in DIGITIZED:  # reports where there are cards
        assert (project / "build" / "report" / p / f"report-{p}-ru.pdf").exists()

    assert cli.main(["backfill", "--from", "2014", "--to", "2016"]) == 0
    assert snapshot() == first  # every row of every table (load timestamps aside)

    with dg.DagsterInstance.get() as instance:
        runs = instance.get_runs(filters=dg.RunsFilter(tags={"monitor/trigger": "backfill"}))
        assert len(runs) == 2 * 4 and all(r.status == dg.DagsterRunStatus.SUCCESS for r in runs)
        assert len({r.tags["monitor/backfill"] for r in runs}) == 2  # each backfill its own id
        assert sorted(r.tags.get("dagster/partition", "-") for r in runs) == ["-", "-", "2014", "2014", "2015", "2015", "2016", "2016"]


def test_unknown_period_in_range_is_a_clear_error(project, dagster_home, capsys):
    assert cli.main(["backfill", "--from", "2014", "--to", "2099"]) == 2
    assert "unknown period in range 2014..2099" in capsys.readouterr().err
