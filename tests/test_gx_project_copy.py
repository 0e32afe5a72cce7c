"""A new build folder's GX project is a copy of one the process made from scratch
(assets/quality/gx_context.project, issue 14: ~0.04 CPU s instead of ~0.11–0.15 per build folder). The copy
must be the project `_Project.__init__` writes: the same files and configuration, and the same outcomes
and Data Docs from the same figures; a build folder with a project of its own is not overwritten."""
from __future__ import annotations

import json
import re
from pathlib import Path

import polars as pl
import pytest
import yaml

from assets.quality import gx_context, gx_suite

FIGURES = pl.DataFrame({
    "period": ["2017"] * 4,
    "table_no": ["7", "7", "7", "11"],
    "row_key": ["picket", "rally", "total", "total"],
    "col_key": ["share_pct", "share_pct", "share_pct", "sanctioned"],
    "value": [40.0, 60.0, 100.0, 3.0],
    "provenance": ["derived"] * 4,
})

_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _files(gx: Path) -> dict[str, object]:
    """The project's files by path, YAML and JSON parsed, GX's generated ids blanked."""
    out = {}
    for f in sorted(p for p in gx.rglob("*") if p.is_file()):
        text = _ID.sub("<id>", f.read_text(encoding="utf-8"))
        rel = str(f.relative_to(gx))
        out[rel] = json.loads(text) if f.suffix == ".json" else yaml.safe_load(text) if f.suffix == ".yml" else text
    return out


def _at(monkeypatch, build: Path) -> gx_context._Project:
    monkeypatch.setenv("MONITOR_BUILD", str(build))
    return gx_context.project()


@pytest.fixture()
def copied_and_scratch(tmp_path, monkeypatch):
    made = []
    real = gx_context._Project._copy
    monkeypatch.setattr(gx_context._Project, "_copy", lambda self, *a: made.append(real(self, *a)) or made[-1])
    monkeypatch.setattr(gx_context, "_PROJECTS", {})  # as in a new process
    _at(monkeypatch, tmp_path / "first")
    assert made == []  # a process's first project is made from scratch: no template for a pipeline's one folder
    copy = _at(monkeypatch, tmp_path / "copy")
    assert made == [True]  # a copy of the process's template
    scratch = gx_context._Project(tmp_path / "scratch")  # no template: made from scratch
    assert made == [True]
    return copy, scratch, tmp_path


def test_a_copied_project_is_the_one_made_from_scratch(copied_and_scratch):
    copy, scratch, root = copied_and_scratch
    assert Path(copy.ctx.root_directory) == root / "copy" / "gx"
    a, b = _files(root / "copy" / "gx"), _files(root / "scratch" / "gx")
    assert a.keys() == b.keys() and "great_expectations.yml" in a
    config_variables = "uncommitted/config_variables.yml"  # GX's instance id (analytics): its own per project
    assert {k: v for k, v in a.items() if k != config_variables} == {k: v for k, v in b.items() if k != config_variables}
    assert set(copy.validations) == set(copy.checkpoints) == set(scratch.validations) == {gx_suite.SUITE, gx_suite.SUMS_SUITE}
    for name in copy.validations:
        assert copy.validations[name].suite.name == name
        assert [e.expectation_type for e in copy.validations[name].suite.expectations] == \
            [e.expectation_type for e in scratch.validations[name].suite.expectations]


def test_a_copied_project_validates_and_builds_its_data_docs_in_its_own_folder(tmp_path, monkeypatch):
    bad = FIGURES.with_columns(pl.when(pl.col("row_key") == "rally").then(150.0).otherwise(pl.col("value")).alias("value"))
    outcomes = {}
    for name in ("one", "two"):  # two build folders of one process: the second (at least) a copy
        monkeypatch.setenv("MONITOR_BUILD", str(tmp_path / name))
        good = gx_suite.validate_figures(FIGURES, "2017")
        failed = gx_suite.validate_figures(bad, "2017")
        outcomes[name] = [(o.check, o.success, o.explanations) for o in good.outcomes + failed.outcomes]
        assert good.success and not failed.success
        assert good.data_docs == tmp_path / name / "data_docs" / "index.html"
        assert good.data_docs.exists() and "✘ failed" in good.data_docs.read_text(encoding="utf-8")
        assert all(str(p).startswith(str(tmp_path / name)) for p in good.pages + failed.pages)
        stored = list((tmp_path / name / "gx" / "uncommitted" / "validations").rglob("*.json"))
        assert len(stored) == 4  # two suites, two checks: this folder's own results only
    assert outcomes["one"] == outcomes["two"]


def test_a_build_folder_with_a_project_keeps_it(tmp_path, monkeypatch):
    p = _at(monkeypatch, tmp_path / "b")
    marker = Path(p.ctx.root_directory) / "plugins" / "mine.txt"
    marker.parent.mkdir(parents=True, exist_ok=True)
    marker.write_text("kept")
    gx_context._PROJECTS.clear()  # another process opening the same build folder
    again = _at(monkeypatch, tmp_path / "b")
    assert again is not p and marker.read_text() == "kept"
    assert set(again.checkpoints) == {gx_suite.SUITE, gx_suite.SUMS_SUITE}
