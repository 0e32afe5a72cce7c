"""A re-write copies in full only the implied revisions it changes (assets/core/revisions.py, snapshot):
the hashes of the frames it is about to store are computed as the table computes them, so an unchanged
re-write copies no card, and a correction copies exactly the corrected card's old revision."""
from __future__ import annotations

import polars as pl

from assets.core import periods, revisions, warehouse, writes
from assets.ingest.streamed import ingest_validated
from benchmarks.generate import generate_inbox


def test_an_unchanged_rewrite_copies_no_card_and_a_correction_only_its_card(tmp_path, monkeypatch):
    generate_inbox(tmp_path / "in", 300, ("2017",), seed=5)
    _, res = ingest_validated(periods.get("2017"), tmp_path / "in")
    seen = []
    record = revisions.record

    def spy(con, period):
        seen.append(tuple(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                          for t in ("_implied_cards", "_implied_card_keys", "_implied_persons", "_implied_person_keys")))
        return record(con, period)

    monkeypatch.setattr(revisions, "record", spy)
    n_cards, n_persons = res.cards.height, res.persons.height
    assert n_cards > 200 and n_persons > 0
    changed = res.cards.with_columns(pl.when(pl.int_range(pl.len()) == 7).then(pl.col("participants") + 1)
                                     .otherwise(pl.col("participants")).alias("participants"))
    with warehouse.connect(tmp_path / "w.duckdb") as con:
        for cards in (res.cards, res.cards, changed):
            writes.replace_partitions(con, "2017", {"cards": cards, "persons": res.persons})
        history = con.execute("SELECT count(*) FILTER (WHERE valid_to IS NULL), count(*) FROM card_revisions").fetchone()
    assert seen[0] == (0, 0, 0, 0)  # the first write: no base, nothing implied
    assert seen[1] == (0, n_cards, 0, n_persons)  # unchanged: every card implied, none copied
    assert seen[2] == (1, n_cards, 0, n_persons)  # one card corrected: its old revision alone is copied
    assert history == (n_cards, n_cards + 1)  # and stored closed beside the new one
