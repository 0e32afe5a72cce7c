"""build/exports/<period>/ is a Frictionless data package that `frictionless validate` passes."""
from __future__ import annotations

import csv
import json
from importlib.util import find_spec
from pathlib import Path

import duckdb
import pytest

from schemas.derived import RECONCILIATION_STATUSES
from tests.conftest import module_root, run_period

# the tests run the `frictionless` command (in process, `_validate`, only when a test runs): at collection the package
# is only looked for, not imported (~0.3 CPU s in every xdist worker, which collects every file; docs/testing.md,
# fourteenth pass, i14j)
pytestmark = pytest.mark.skipif(find_spec("frictionless") is None, reason="frictionless is not installed")


@pytest.fixture(scope="module")
def package(tmp_path_factory):
    with module_root(tmp_path_factory, "dp") as root:
        # the published figures first, as `monitor run` does: without them the reconciliation holds no printing,
        # and its statuses (not_derived, not_published among them) were never checked against the descriptor's enum
        assert run_period(None, selection=("published_figures",)).success
        assert run_period("2017", selection=("raw_cards", "cards", "figures", "reconciliation", "exports")).success
        yield root / "build" / "exports" / "2017"


def _validate(path: Path) -> dict:
    """`frictionless validate --json PATH`: the command itself (frictionless's console, the `frictionless`
    script's entry point) run in this process, not in a new interpreter each time (~1.3 CPU s of imports a call;
    its report compared equal to the script's, docs/testing.md, "Suite time", branch spd2)."""
    from frictionless.__main__ import console
    from typer.testing import CliRunner

    r = CliRunner().invoke(console, ["validate", "--json", str(path)], catch_exceptions=False)
    assert r.exit_code == int(not json.loads(r.stdout)["valid"]), r.stdout[-2000:]
    return json.loads(r.stdout)


def test_frictionless_validate_passes(package):
    report = _validate(package / "datapackage.json")
    errors = [e for t in report["tasks"] for e in t["errors"]]
    assert report["valid"], errors[:5]
    names = {t["name"] for t in report["tasks"]}
    assert {"figures-csv", "figures-parquet", "cards-public-csv", "cards-public-parquet", "reconciliation-csv"} <= names
    rows = {t["name"]: t["stats"].get("rows") for t in report["tasks"]}
    assert rows["cards-public-csv"] == 36 and rows["figures-csv"] > 100
    # every printing of 2017 (395) and the derived-only cells: all six statuses are in the file
    assert rows["reconciliation-csv"] > 395
    statuses = {r["status"] for r in csv.DictReader((package / "reconciliation.csv").open(encoding="utf-8"))}
    assert statuses == set(RECONCILIATION_STATUSES), statuses


def test_status_enum_is_the_reconciliation_schemas(package):
    """The descriptor's enum of `status` is the pandera schema's list, not a copy that can fall behind it."""
    desc = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    rec = next(r for r in desc["resources"] if r["name"] == "reconciliation-csv")
    status = next(f for f in rec["schema"]["fields"] if f["name"] == "status")
    assert status["constraints"]["enum"] == list(RECONCILIATION_STATUSES)


def test_parquet_twins_hold_the_csv_rows_with_types(package):
    import polars as pl

    for name in ("figures", "cards_public"):
        pq = pl.read_parquet(package / f"{name}.parquet")
        csv = pl.read_csv(package / f"{name}.csv", schema=pq.schema)
        assert pq.height > 0 and pq.equals(csv), name
    cards = pl.read_parquet(package / "cards_public.parquet")
    assert cards.schema["date"] == pl.Date and cards.schema["participants"] == pl.Int64
    assert cards["duration_min"].null_count() > 0  # missing stays missing (not NaN, not 0)


def test_a_changed_parquet_fails_validation(package, tmp_path):
    import shutil

    copy = tmp_path / "dp"
    shutil.copytree(package, copy)
    with open(copy / "figures.parquet", "ab") as fh:
        fh.write(b"x")
    assert not _validate(copy / "datapackage.json")["valid"]


def test_descriptor_has_types_enums_licence_period(package):
    dp = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    assert dp["licenses"][0]["name"] and dp["sources"] and dp["period"]["id"] == "2017"
    cards = next(r for r in dp["resources"] if r["name"] == "cards-public-csv")
    fields = {f["name"]: f for f in cards["schema"]["fields"]}
    assert fields["form"]["constraints"]["enum"][:2] == ["rally", "picket"]
    assert fields["date"]["type"] == "date" and fields["participants"]["type"] == "integer"
    assert fields["dispersal"]["type"] == "boolean" and "Dispersal" in fields["dispersal"]["title"]
    assert "name" not in fields and "notes" not in fields


def test_a_broken_file_fails_validation(package, tmp_path):
    """The check can fail: a value outside its enum and a non-number are caught."""
    import shutil

    copy = tmp_path / "dp"
    shutil.copytree(package, copy)
    text = (copy / "cards_public.csv").read_text(encoding="utf-8").replace(",picket,", ",parade,", 1)
    (copy / "cards_public.csv").write_text(text, encoding="utf-8")
    report = _validate(copy / "datapackage.json")
    assert not report["valid"]
    codes = {e["type"] for t in report["tasks"] for e in t["errors"]}
    assert "constraint-error" in codes


def test_duckdb_reads_the_parquet(package):
    n = duckdb.sql(f"SELECT count(*) FROM '{package / 'figures.parquet'}'").fetchone()[0]
    m = duckdb.sql(f"SELECT count(*) FROM read_csv('{package / 'figures.csv'}')").fetchone()[0]
    assert n == m > 100


def test_a_long_table_leaves_the_workbook_not_the_package(package, tmp_path, monkeypatch):
    """Above exports.xlsx_max_rows (here 10; the example has 36 cards) the cards are not a sheet of
    the workbook, a README sheet says where they are, and the CSV/Parquet/datapackage stay complete."""
    import polars as pl
    from openpyxl import load_workbook

    from assets.core import warehouse
    from assets.report import exports
    from assets.report.datapackage import write_datapackage

    monkeypatch.setenv("MONITOR_XLSX_MAX_ROWS", "10")
    assert exports.xlsx_max_rows() == 10
    out = tmp_path / "dp"
    with warehouse.connect(read_only=True) as con:
        exports.export_period(con, "2017", out=out)
        write_datapackage(con, "2017", out)
    wb = load_workbook(out / "tables-2017.xlsx", read_only=True)
    assert wb.sheetnames[0] == "README" and "cards_public" not in wb.sheetnames and "table 1" in wb.sheetnames
    readme = "\n".join(str(r[0]) for r in wb["README"].iter_rows(values_only=True))
    assert "cards_public: 36 rows in cards_public.csv and cards_public.parquet" in readme
    full = load_workbook(package / "tables-2017.xlsx", read_only=True)  # the default limit: the cards are a sheet
    assert "cards_public" in full.sheetnames and "README" not in full.sheetnames
    assert pl.read_csv(out / "cards_public.csv").height == pl.read_parquet(out / "cards_public.parquet").height == 36
    report = _validate(out / "datapackage.json")
    assert report["valid"], [e for t in report["tasks"] for e in t["errors"]][:5]
    assert {t["name"]: t["stats"].get("rows") for t in report["tasks"]}["cards-public-csv"] == 36


def test_a_table_of_exactly_the_limit_stays_in_the_workbook(package, tmp_path):
    """The limit is the most rows a sheet may hold: the example's 36 cards stay a sheet at 36, leave it at 35."""
    from openpyxl import load_workbook

    from assets.core import warehouse
    from assets.report import exports

    with warehouse.connect(read_only=True) as con:
        exports.export_period(con, "2017", out=tmp_path / "at", max_rows=36)
        exports.export_period(con, "2017", out=tmp_path / "below", max_rows=35)
    at_wb = load_workbook(tmp_path / "at" / "tables-2017.xlsx", read_only=True)
    below_wb = load_workbook(tmp_path / "below" / "tables-2017.xlsx", read_only=True)
    at, below = at_wb.sheetnames, below_wb.sheetnames

    def readme(wb) -> str:  # the reconciliation (402 rows) and the audit are longer than 36: they leave it in both
        return "\n".join(str(r[0]) for r in wb["README"].iter_rows(values_only=True)) if "README" in wb.sheetnames else ""

    assert "cards_public" in at and "cards_public" not in readme(at_wb)
    assert "cards_public" not in below and below[0] == "README" and "cards_public: 36 rows" in readme(below_wb)
