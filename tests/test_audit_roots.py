"""The audit's count of contradictions by root cause (its asset's metadata): several findings of one root count
once; roundings and truncations are no contradiction. Frames written by hand."""
import polars as pl

from assets.derive.audit import FINDING_SCHEMA, contradiction_roots


def _findings(rows: list[tuple[str, str]]) -> pl.DataFrame:
    return pl.DataFrame([{**{k: None for k in FINDING_SCHEMA}, "level": level, "root_id": root} for level, root in rows],
                        schema=FINDING_SCHEMA)


def test_one_root_found_by_several_rules_counts_once():
    f = _findings([("contradiction", "R1"), ("contradiction", "R1"), ("contradiction", "R2"),
                   ("rounding", "R3"), ("truncated", "R4"), ("rounding", "R3")])
    assert contradiction_roots(f) == 2


def test_no_contradiction_and_no_finding():
    assert contradiction_roots(_findings([("rounding", "R1"), ("truncated", "R2")])) == 0
    assert contradiction_roots(_findings([])) == 0
