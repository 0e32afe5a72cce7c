"""A card's topic can never take a key the report keeps for itself (issue 14's bug list, i14ah).

The topics' row key is "<character>/<topic>" (sql/figures/t04_topics.sql); the published topic lists name their
total row "<character>/total" (data/published/README.md), which sql/reconciliation.sql reads as Table 4's
count. A card whose topic is "total" would make the key "social/total": one key, two quantities. Such a card
is quarantined — one row naming file, row, field and value, with a reason a monitor can act on — and its
topic never reaches the figures. The words are listed once, under the field's `reserved` in
schemas/card.yaml. Expected rows are typed by hand.
"""
from __future__ import annotations

import json
from pathlib import Path

import duckdb
import polars as pl
import pytest

from assets.core import periods
from assets.validate.validate import validate_period, validate_period_by_record

ROOT = Path(__file__).resolve().parents[1]
GOOD = {
    "card_id": "2017-T-1", "date": "2017-05-03", "city": "Алматы", "form": "picket", "topic": "Тема",
    "character": "social", "organizer_type": "spontaneous", "participants": "15", "permission_requested": "нет",
    "reason_not_applied": "unknown", "source_type": "monitor",
}
FILE = "cards/2017/topics.csv"
NO_FILES = pl.DataFrame(schema={"source_file": pl.Utf8, "problem": pl.Utf8, "warnings": pl.Utf8})
REASON = ("'Тема' (topic): 'total' cannot be used: the word 'total' is the key of the total row of each list of "
          "topics; write what the assembly was about")


def _raw(*cards: dict) -> pl.DataFrame:
    return pl.DataFrame([{"record_id": f"{FILE}#cards:{i}", "source_file": FILE, "sheet": "cards", "row_no": i,
                          "kind": "card", "data": json.dumps({**GOOD, **c}, ensure_ascii=False)}
                         for i, c in enumerate(cards, start=2)])


def test_the_collision_the_key_of_a_topic_written_total_is_the_published_total():
    """What the quarantine prevents: sql/figures/t04_topics.sql makes "social/total" of such a card, the very
    key of the published list's total (data/published/kibhr-2017.csv)."""
    con = duckdb.connect(":memory:")
    con.execute("CREATE TABLE stg_cards AS SELECT * FROM (VALUES ('social', 'total'), ('social', 'Тема')) t(character, topic)")
    keys = {r[1] for r in con.execute((ROOT / "sql/figures/t04_topics.sql").read_text(encoding="utf-8")).fetchall()}
    assert keys == {"social/total", "social/Тема"}
    published = pl.read_csv(ROOT / "data/published/kibhr-2017.csv", infer_schema=False)
    assert "social/total" in published.filter(pl.col("table_no") == "topics")["row_key"].to_list()


@pytest.mark.parametrize("validate", [validate_period, validate_period_by_record], ids=["by_column", "by_record"])
@pytest.mark.parametrize("topic", ["total", "  total "])
def test_a_topic_written_total_is_quarantined_naming_file_row_and_field(validate, topic):
    """Failed before the fix: the card was clean and its topic became the key "social/total"."""
    res = validate(periods.get("2017"), _raw({"card_id": "2017-T-2"}, {"topic": topic}), NO_FILES)
    assert res.cards["card_id"].to_list() == ["2017-T-2"]
    got = [(r["source_file"], r["row_no"], r["card_id"], r["field"], r["value"], r["rule"], r["reason"])
           for r in res.quarantine.iter_rows(named=True)]
    assert got == [(FILE, 3, "2017-T-1", "topic", "total", "topic_not_reserved", REASON)]


@pytest.mark.parametrize("validate", [validate_period, validate_period_by_record], ids=["by_column", "by_record"])
def test_words_that_make_another_key_pass(validate):
    # "Total", "ВСЕГО", "total cost" make the keys social/Total, social/ВСЕГО, social/total cost: no published key
    topics = ["Total", "ВСЕГО", "total cost", "Тема total"]
    res = validate(periods.get("2017"), _raw(*({"card_id": f"2017-T-{i}", "topic": t} for i, t in enumerate(topics))),
                   NO_FILES)
    assert res.quarantine.height == 0
    assert res.cards["topic"].to_list() == topics


def test_the_reserved_words_are_one_list_in_card_yaml():
    from schemas.card import spec

    assert spec().card["topic"].reserved == {
        "total": "the word 'total' is the key of the total row of each list of topics; write what the assembly "
                 "was about"}
    assert all(not f.reserved for n, f in spec().card.items() if n != "topic")
