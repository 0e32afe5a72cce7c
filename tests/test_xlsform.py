"""The XLSForm generated from schemas/card.yaml: pyxform must convert it to an XForm."""
from __future__ import annotations

import re
from importlib.util import find_spec
import xml.etree.ElementTree as ET

import pytest
from openpyxl import load_workbook

from pipelines.cli import main
from schemas.card import spec

# pyxform (~0.5 CPU s to import) is imported by the fixture that uses it, not when the file is collected: every
# xdist worker collects every file, and only the one that runs this file needs it (docs/testing.md, fourteenth pass, i14j)
pytestmark = pytest.mark.skipif(find_spec("pyxform") is None, reason="pyxform is not installed")

XF = "{http://www.w3.org/2002/xforms}"


@pytest.fixture(scope="module")
def form(tmp_path_factory):
    path = tmp_path_factory.mktemp("form") / "card.xlsx"
    from pyxform import xls2xform

    assert main(["form", str(path), "--period", "2017"]) == 0
    result = xls2xform.convert(xlsform=str(path), validate=False)  # raises PyXFormError when rejected
    return path, result.xform, result.warnings


def _binds(xform: str) -> dict[str, dict[str, str]]:
    root = ET.fromstring(xform)
    return {b.get("nodeset"): dict(b.attrib) for b in root.iter(f"{XF}bind")}


def test_pyxform_converts_it_without_warnings(form):
    _, xform, warnings = form
    assert "<h:html" in xform
    assert warnings == []


def test_every_field_is_a_question_with_both_labels(form):
    _, xform, _ = form
    binds = _binds(xform)
    names = {n.rsplit("/", 1)[1] for n in binds}
    for f in spec().card:
        assert f in names, f
    for f in spec().person:
        assert f in names or f"p_{f}" in names, f
    assert any(n.startswith("/data/persons/") for n in binds)
    assert "<repeat nodeset=\"/data/persons\"" in xform
    assert 'lang="Русский (ru)"' in xform and 'lang="English (en)"' in xform
    assert "Одиночный пикет" in xform and "Single-person picket" in xform


def test_code_lists_are_choices(form):
    path, _, _ = form
    wb = load_workbook(path)
    choices = {(r[0], r[1]) for r in wb["choices"].iter_rows(min_row=2, values_only=True)}
    for kind in ("card", "person"):
        for f in spec().fields(kind).values():
            for code in f.codes:
                assert (f.name, code) in choices, (f.name, code)
    survey = {r[1]: r[0] for r in wb["survey"].iter_rows(min_row=2, values_only=True)}
    assert survey["attributes"] == "select_multiple attributes"
    assert survey["form"] == "select_one form"
    assert survey["permission_requested"] == "select_one yes_no"


def test_rules_are_constraints_and_relevance(form):
    _, xform, _ = form
    b = {k.rsplit("/", 1)[1]: v for k, v in _binds(xform).items()}
    assert "permission_requested" in b["reason_not_applied"]["relevant"] and "'no'" in b["reason_not_applied"]["relevant"]
    assert b["reason_not_applied"]["required"] == "true()"
    assert "'yes'" in b["permission_answer"]["relevant"]
    assert "police_present" in b["police_warned"]["relevant"]
    assert "participants_high" in b["detained"]["constraint"] and "preventive_detentions" in b["detained"]["constraint"]
    assert "'fine'" in b["fine_mrp"]["relevant"] and b["fine_mrp"]["required"] == "true()"
    assert re.search(r"date\('2017-01-01'\)", b["date"]["constraint"])
    for f in ("card_id", "date", "city", "form", "source_type"):
        assert b[f].get("required") == "true()", f
    # participants: required of an assembly held, not of a refused application or a prevented assembly
    assert "'refused'" in b["participants"]["required"] and "'prevented'" in b["participants"]["required"]
    assert "'prevented'" in b["detained"]["constraint"]
    assert "participants" not in b["p_detained"].get("constraint", "")  # the card's rule, not the person's
