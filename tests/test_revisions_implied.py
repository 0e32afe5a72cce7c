"""Issue 15: a period's first write copies no card into the revisions (its cards are their own current
revision, from the period's base), yet `card_revisions` / `person_revisions` hold, write after write,
exactly the revisions that copying every card (the algorithm of issue 18, kept here as the reference)
gives: first write, unchanged re-run, correction, removal, a person's court outcome, a correction
undone, a removed card re-added, a new card, everything removed and written again."""
from __future__ import annotations

import polars as pl

from assets.core import periods, revisions
from assets.core import warehouse as wh, writes
from assets.ingest.inbox import ingest
from assets.validate.validate import validate_period
from benchmarks.generate import generate_inbox

# the reference: every card copied, closed and opened as issue 18 did (in its own tables)
REFERENCE = (
    "CREATE TABLE IF NOT EXISTS ref_cards AS SELECT * FROM card_revision_rows LIMIT 0",
    "CREATE TABLE IF NOT EXISTS ref_persons AS SELECT * FROM person_revision_rows LIMIT 0",
    """UPDATE ref_cards SET valid_to = now() WHERE valid_to IS NULL AND NOT EXISTS (
         SELECT 1 FROM current_card_hashes h WHERE h.period = ref_cards.period AND h.kind = ref_cards.kind
           AND h.card_id = ref_cards.card_id AND h.row_hash = ref_cards.row_hash)""",
    """INSERT INTO ref_cards BY NAME SELECT c.*, now() AS valid_from, CAST(NULL AS TIMESTAMPTZ) AS valid_to
       FROM (SELECT * FROM cards_hashed UNION ALL BY NAME SELECT * FROM events_not_held_hashed) c
       WHERE NOT EXISTS (SELECT 1 FROM ref_cards r WHERE r.valid_to IS NULL AND r.kind = c.kind
                           AND r.card_id = c.card_id AND r.row_hash = c.row_hash)""",
    """UPDATE ref_persons SET valid_to = now() WHERE valid_to IS NULL AND NOT EXISTS (
         SELECT 1 FROM current_person_hashes h WHERE h.period = ref_persons.period AND h.card_id = ref_persons.card_id
           AND h.person_id = ref_persons.person_id AND h.row_hash = ref_persons.row_hash)""",
    """INSERT INTO ref_persons BY NAME SELECT p.*, now() AS valid_from, CAST(NULL AS TIMESTAMPTZ) AS valid_to
       FROM persons_hashed p WHERE NOT EXISTS (SELECT 1 FROM ref_persons r WHERE r.valid_to IS NULL
         AND r.card_id = p.card_id AND r.person_id = p.person_id AND r.row_hash = p.row_hash)""",
)
# every column, the moments replaced by the number of the write that set them (the reference writes
# its rows in a transaction of its own, a moment later)
RANKED = """
WITH t AS (SELECT * FROM {table}),
     m AS (SELECT DISTINCT valid_from AS ts FROM t UNION SELECT valid_to FROM t WHERE valid_to IS NOT NULL),
     r AS (SELECT ts, dense_rank() OVER (ORDER BY ts) AS n FROM m)
SELECT t.* EXCLUDE (valid_from, valid_to), f.n AS written, o.n AS replaced
FROM t JOIN r f ON f.ts = t.valid_from LEFT JOIN r o ON o.ts = t.valid_to"""


def _frames(tmp_path):
    generate_inbox(tmp_path / "inbox", 300, ("2017",), seed=4)
    got = ingest("2017", tmp_path / "inbox")
    res = validate_period(periods.get("2017"), got.records.sort(["source_file", "sheet", "row_no"]), got.files, tables=got.tables)
    event = res.cards.tail(1).with_columns(pl.lit("2017-EV-1").alias("card_id"))  # an event not held (same columns)
    return {"cards": res.cards.head(res.cards.height - 1), "persons": res.persons, "events_not_held": event}


def _rows(con, table: str) -> list[tuple]:
    return sorted(con.execute(RANKED.format(table=table)).fetchall(), key=repr)


def _write(con, frames) -> None:
    writes.replace_partitions(con, "2017", frames)
    con.begin()  # one moment per write, as the write's own transaction
    for statement in REFERENCE:
        con.execute(statement)
    con.commit()
    got, ref = _rows(con, "card_revisions"), _rows(con, "ref_cards")
    assert got == ref, ([r[:4] + r[-2:] for r in got if r not in ref], [r[:4] + r[-2:] for r in ref if r not in got])
    assert _rows(con, "person_revisions") == _rows(con, "ref_persons")


def _set(df: pl.DataFrame, key: str, value, column: str, new) -> pl.DataFrame:
    return df.with_columns(pl.when(pl.col(key) == value).then(pl.lit(new)).otherwise(pl.col(column)).alias(column))


def test_implied_revisions_equal_copying_every_card(tmp_path):
    f = _frames(tmp_path)
    cards, persons = f["cards"], f["persons"]
    assert cards.height > 250 and persons.height > 30 and f["events_not_held"].height > 0
    a, b = cards["card_id"][0], cards["card_id"][1]
    corrected = _set(cards, "card_id", a, "participants", 999_999)
    with wh.connect(tmp_path / "w.duckdb") as con:
        _write(con, f)  # first write: nothing copied
        stored = con.execute("SELECT (SELECT count(*) FROM card_revision_rows), (SELECT count(*) FROM person_revision_rows), "
                             "(SELECT count(*) FROM revision_bases)").fetchone()
        assert stored == (0, 0, 1)
        _write(con, f)  # unchanged: nothing stored
        assert con.execute("SELECT count(*) FROM card_revision_rows").fetchone()[0] == 0
        changed_person = persons.with_columns(  # one person's court outcome corrected (person ids repeat across cards)
            pl.when(pl.int_range(pl.len()) == 0).then(pl.lit("ст. 488 (changed)")).otherwise(pl.col("article")).alias("article"))
        _write(con, f | {"cards": corrected.filter(pl.col("card_id") != b), "persons": changed_person,
                         "events_not_held": _set(f["events_not_held"], "card_id", "2017-EV-1", "participants", 5)})
        assert [r[5] for r in revisions.history(con, "2017", a)] == [cards["participants"][0], 999_999]
        assert revisions.history(con, "2017", b)[-1][1] is not None  # removed: closed
        assert con.execute("SELECT count(*) FROM person_revision_rows").fetchone()[0] == 2  # closed + opened
        _write(con, f)  # the correction undone, the removed card back, the person as before
        new = cards.head(1).with_columns(pl.lit("2017-NEW-1").alias("card_id"), pl.lit("new#1").alias("record_id"))
        _write(con, f | {"cards": pl.concat([cards, new])})
        _write(con, {"cards": cards.head(0), "persons": persons.head(0), "events_not_held": f["events_not_held"].head(0)})
        assert con.execute("SELECT count(*) FROM card_revisions WHERE valid_to IS NULL").fetchone()[0] == 0
        _write(con, f)  # everything again
        # a: as first written, corrected, undone, removed with everything, written again
        assert [r[1] is None for r in revisions.history(con, "2017", a)] == [False, False, False, True]
