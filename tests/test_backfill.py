"""Backfill: digitized cards of a past period are compared with what was published (reconciliation,
labelled partial); they turn its figures from published to derived only once the period is
declared complete in the periods file; the other periods of the range stay published."""
import polars as pl

from assets.core import warehouse
from pipelines.cli import main
from tests.conftest import card, write



def test_backfill_2014_to_2016_with_digitized_2016_cards(project, monkeypatch, capsys):
    monkeypatch.delenv("DAGSTER_HOME", raising=False)  # an ephemeral Dagster instance
    cities = ["Алматы"] * 3 + ["Астана"] * 2
    for i, city in enumerate(cities, start=1):
        write(project / "inbox" / "cards" / "2016" / f"c{i}.yaml", card(f"2016-D-{i}", f"2016-0{i}-10", city=city, n=10))
    assert main(["backfill", "--from", "2014", "--to", "2016"]) == 0
    out = capsys.readouterr().out
    assert "2014:" in out and "2015:" in out and "2016: 5 cards" in out

    with warehouse.connect(read_only=True) as con:
        prov = dict(con.execute("SELECT period, any_value(provenance) FROM figures GROUP BY period").fetchall())
        rec = warehouse.query(con, "SELECT * FROM reconciliation WHERE period = '2016'")
        again_before = con.execute("SELECT * FROM figures ORDER BY ALL").fetchall()
    assert prov == {"2014": "published", "2015": "published", "2016": "published"}  # 2016: coverage none, 5 cards
    total = rec.filter((pl.col("table_no") == "2") & (pl.col("row_key") == "total") & (pl.col("col_key") == "count"))
    assert total.row(0, named=True)["published"] == 52 and total.row(0, named=True)["derived"] == 5
    assert total.row(0, named=True)["status"] == "mismatch"
    assert total.row(0, named=True)["coverage"] == "partial" and abs(total.row(0, named=True)["digitised_share"] - 5 / 52) < 1e-12
    assert "cards partial: 10% of the published assemblies" in out

    # declared complete: the cards are 2016's figures
    import yaml

    from core import settings

    raw = yaml.safe_load((settings.config_dir() / "periods.yaml").read_text(encoding="utf-8"))
    for p in raw["periods"]:
        if p["id"] == "2016":
            p.update(coverage="complete", basis="monitors")
    write(project / "periods.yaml", yaml.safe_dump(raw))
    monkeypatch.setenv("MONITOR_PERIODS", str(project / "periods.yaml"))
    assert main(["backfill", "--from", "2014", "--to", "2016"]) == 0
    with warehouse.connect(read_only=True) as con:
        prov = dict(con.execute("SELECT period, any_value(provenance) FROM figures GROUP BY period").fetchall())
        again_before = con.execute("SELECT * FROM figures ORDER BY ALL").fetchall()
    assert prov == {"2014": "published", "2015": "published", "2016": "derived"}

    # a second backfill of the same range changes nothing
    assert main(["backfill", "--from", "2014", "--to", "2016"]) == 0
    with warehouse.connect(read_only=True) as con:
        assert con.execute("SELECT * FROM figures ORDER BY ALL").fetchall() == again_before


def test_backfill_rejects_an_unknown_or_reversed_range(project, monkeypatch, capsys):
    monkeypatch.delenv("DAGSTER_HOME", raising=False)
    assert main(["backfill", "--from", "2099", "--to", "2016"]) == 2
    assert "unknown period" in capsys.readouterr().err
    assert main(["backfill", "--from", "2016", "--to", "2014"]) == 2
