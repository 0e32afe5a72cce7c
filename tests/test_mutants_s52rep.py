"""Session 52: the survivors of a second draw of the mutation run over the report's outputs (scripts/mutate.py's
area "rep", `--sample 0.05 --seed 52 --not-drawn 0.05:51`). Each test asserts what a reader of the report or of its
exports relies on, its expected value typed from what the code must do (docs/testing.md, "Session 52 — a second draw
of `store` and `rep`")."""
from __future__ import annotations

from assets.report import tables


def test_report_tables_sort_by_their_numbers_then_by_name():
    names = ["topics", "10", "2-10", "2", "courts", "2-9"]
    assert sorted(names, key=tables.table_order) == ["2", "2-9", "2-10", "10", "courts", "topics"]
