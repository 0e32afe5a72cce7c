"""Operator messages count with the project's plural rule (core/plural.py): '1 record', '2 records', never
'record(s)' (the CLI's lines, the sensors' skip reasons, the figures' and failures' messages)."""
from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from pipelines.commands import privacy, runs

_HEDGED = re.compile(r"\w\(s\)")


def test_no_report_counts_each_kind_with_its_noun():
    one = runs._no_report("2018", refused=1, prevented=1, quarantined=0)
    assert "only 1 refused application record and 1 prevented assembly record, kept" in one
    two = runs._no_report("2018", refused=2, prevented=0, quarantined=3)
    assert "only 2 refused application records and 0 prevented assembly records, kept" in two
    assert not _HEDGED.search(one + two)


@pytest.mark.parametrize("n, said", [(1, "inbox: 1 item in cards/"), (2, "inbox: 2 items in cards/"),
                                     (21, "inbox: 21 items in cards/")])
def test_the_inbox_level_heading(n, said):
    line = runs.inbox_level_heading(n)
    assert line.startswith(said) and not _HEDGED.search(line)


def test_the_erasure_summary():
    e = SimpleNamespace(erasure_id="ab12", marker="REDACTED-ab12", persons=["2017/C-1/P1"], records=1, cells=2,
                        files=["2017/a.csv", "2017/b.csv"], inbox_files=["a.csv"], responses=[])
    line = privacy.erasure_summary(e, "the warehouse file was rewritten")
    assert line == ("erasure ab12: 1 person record (2017/C-1/P1), 1 raw record, 2 text cells, 2 archived files, "
                    "1 inbox file, 0 archived media responses redacted as REDACTED-ab12; the warehouse file was rewritten")
    e2 = SimpleNamespace(erasure_id="cd34", marker="REDACTED-cd34", persons=[], records=3, cells=1, files=["x"],
                         inbox_files=[], responses=["r1"])
    assert privacy.erasure_summary(e2, "done").startswith(
        "erasure cd34: 0 person records (none), 3 raw records, 1 text cell, 1 archived file, 0 inbox files, "
        "1 archived media response redacted")


def test_the_sensors_changed_files_and_dead_runs():
    from pipelines import jobs

    assert jobs._changed_files("1") == "1 changed file"
    assert jobs._changed_files("3") == "3 changed files"
    assert jobs._changed_files(None) == "None changed files"


def test_no_figures_reason_counts_records_and_cards():
    from assets.quality import gx_suite

    class Con:
        def __init__(self, held, refused, prevented):
            self.row = (held, refused, prevented)

        def execute(self, *_a, **_k):
            return SimpleNamespace(fetchone=lambda: self.row)

    assert "only 2 records of events not held" in gx_suite.no_figures_reason(Con(0, 1, 1), "2018")
    assert "only 3 records of events not held" in gx_suite.no_figures_reason(Con(0, 0, 3), "2018")
    assert "only 1 record of events not held" in gx_suite.no_figures_reason(Con(0, 1, 0), "2018")


def test_the_report_formats(monkeypatch):
    from assets.report import render

    monkeypatch.setenv("MONITOR_REPORT_FORMATS", "html,nope")
    with pytest.raises(ValueError, match=r"unknown format \['nope'\]"):
        render.requested_formats()
    monkeypatch.setenv("MONITOR_REPORT_FORMATS", "nope,nix")
    with pytest.raises(ValueError, match=r"unknown formats \['nope', 'nix'\]"):
        render.requested_formats()


def test_the_failure_explanation_counts_failure_cases():
    pandera = pytest.importorskip("pandera.polars")
    import polars as pl

    from assets import failures

    schema = pandera.DataFrameSchema({"n": pandera.Column(int, pandera.Check.ge(0))})
    for values, said in (([-1, 1], "(1 failure case)"), ([-1, -2], "(2 failure cases)")):
        try:
            schema.validate(pl.DataFrame({"n": values}), lazy=True)
        except Exception as exc:  # noqa: BLE001 - pandera's SchemaErrors
            assert said in failures.explain(exc, asset="figures").what
        else:
            raise AssertionError("the schema passed")


def test_no_hedged_plural_is_left_in_a_message():
    """No string literal of pipelines/, assets/ or core/ (docstrings aside) says 'record(s)': a count takes its noun
    by core/plural.py."""
    import io
    import tokenize
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    found = []
    for folder in ("pipelines", "assets", "core"):
        for path in sorted((root / folder).rglob("*.py")):
            prev = None
            for tok in tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline):
                docstring = tok.type == tokenize.STRING and tok.string.lstrip("rbfuRBFU").startswith(('"""', "'''")) \
                    and (prev is None or prev.type in (tokenize.INDENT, tokenize.NEWLINE, tokenize.DEDENT))
                if tok.type == tokenize.STRING and not docstring:
                    text = re.sub(r"\{[^{}]*\}", "", tok.string).replace("http(s)", "")  # {float(s)}: code
                    if re.search(r"[a-z]\(s\)", text):
                        found.append(f"{path.relative_to(root)}:{tok.start[0]}")
                if tok.type not in (tokenize.NL, tokenize.COMMENT):
                    prev = tok
    assert not found, found
