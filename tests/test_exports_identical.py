"""Identical runs give identical exports (a red-team probe, 2026-12-02: datapackage.json and the workbook differed
between two runs of the same data, by their "created" timestamp - the moment of the run). They now carry the
moment the period's cards last changed in the warehouse."""
from __future__ import annotations

import datetime as dt
import json
import zipfile

import duckdb
import pytest

from core import settings
from tests.conftest import run_period

pytestmark = pytest.mark.slow  # `make test-slow` (docs/testing.md, "Two tiers")


def _files(out):
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file()}


def test_two_runs_of_the_same_data_write_the_same_bytes(example_inbox):
    assert run_period("2017", selection=("raw_cards", "cards", "figures", "reconciliation", "exports")).success
    out = example_inbox / "build" / "exports" / "2017"
    first = _files(out)
    assert run_period("2017", selection=("exports",), checks=False).success
    assert _files(out) == first
    con = duckdb.connect(str(settings.warehouse_path()), read_only=True)
    try:
        loaded = con.execute("SELECT max(valid_from) FROM card_revisions WHERE period = '2017'").fetchone()[0]
    finally:
        con.close()
    loaded = loaded.astimezone(dt.timezone.utc).replace(microsecond=0)
    package = json.loads(first["datapackage.json"])
    assert package["created"] == loaded.isoformat() and package["version"] == f"2017.{loaded:%Y%m%d}"
    with zipfile.ZipFile(out / "tables-2017.xlsx") as z:
        core = z.read("docProps/core.xml").decode()
    assert f"<dcterms:created xsi:type=\"dcterms:W3CDTF\">{loaded:%Y-%m-%dT%H:%M:%SZ}</dcterms:created>" in core
