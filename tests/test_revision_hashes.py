"""Issue 15: card revisions hash each card once, cheaply (DuckDB's hash() beside the row, no md5 of its
JSON); a warehouse whose open revisions carry the old md5 hashes is converted on connect, and a re-run
on unchanged cards then opens no revision."""
from __future__ import annotations

import polars as pl

from assets.core import periods, revisions
from assets.core import warehouse as wh, writes
from assets.ingest.inbox import ingest
from assets.validate.validate import validate_period
from benchmarks.generate import generate_inbox

# the content hashes exactly as sql/tables/095_card_revisions.sql computed them before issue 15
OLD_CARD_HASHES = """
UPDATE card_revisions SET row_hash = h.row_hash FROM (
  SELECT 'card' AS kind, c.period, c.card_id, md5(CAST(to_json(c) AS VARCHAR)) AS row_hash
  FROM (SELECT * EXCLUDE (record_id, source_file) FROM cards) AS c
  UNION ALL
  SELECT 'event_not_held', e.period, e.card_id, md5(CAST(to_json(e) AS VARCHAR))
  FROM (SELECT * EXCLUDE (record_id, source_file) FROM events_not_held) AS e) AS h
WHERE h.period = card_revisions.period AND h.kind = card_revisions.kind AND h.card_id = card_revisions.card_id"""
OLD_PERSON_HASHES = """
UPDATE person_revisions SET row_hash = h.row_hash FROM (
  SELECT p.period, p.card_id, p.person_id, md5(CAST(to_json(p) AS VARCHAR)) AS row_hash
  FROM (SELECT * EXCLUDE (record_id, source_file) FROM persons) AS p) AS h
WHERE h.period = person_revisions.period AND h.card_id = person_revisions.card_id AND h.person_id = person_revisions.person_id"""
# the revisions as the code before issue 15 stored them: every revision a row of the tables
# card_revisions / person_revisions (today views over the stored rows and the implied ones)
OLD_LAYOUT = (
    "CREATE TABLE old_card_revisions AS SELECT * FROM card_revisions",
    "CREATE TABLE old_person_revisions AS SELECT * FROM person_revisions",
    "DROP VIEW card_revisions", "DROP VIEW person_revisions",
    "DROP VIEW card_revisions_implied", "DROP VIEW person_revisions_implied",
    "DROP TABLE card_revision_rows", "DROP TABLE person_revision_rows", "DROP TABLE revision_bases",
    "ALTER TABLE old_card_revisions RENAME TO card_revisions",
    "ALTER TABLE old_person_revisions RENAME TO person_revisions",
)
COUNTS = ("SELECT (SELECT count(*) FROM card_revisions), (SELECT count(valid_to) FROM card_revisions), "
          "(SELECT count(*) FROM person_revisions), (SELECT count(valid_to) FROM person_revisions)")


def _frames(tmp_path):
    generate_inbox(tmp_path / "inbox", 300, ("2017",), seed=3)
    got = ingest("2017", tmp_path / "inbox")
    res = validate_period(periods.get("2017"), got.records.sort(["source_file", "sheet", "row_no"]), got.files, tables=got.tables)
    return {"cards": res.cards, "persons": res.persons, "events_not_held": res.events}


def test_old_md5_hashes_are_converted_and_a_rerun_opens_nothing(tmp_path, monkeypatch):
    frames = _frames(tmp_path)
    n_cards = frames["cards"].height + frames["events_not_held"].height
    n_persons = frames["persons"].height
    assert n_cards > 250 and n_persons > 30
    path = tmp_path / "w.duckdb"
    with wh.connect(path) as con:
        writes.replace_partitions(con, "2017", frames)  # the period's first write: every card copied, nothing compared
        assert con.execute(COUNTS).fetchone() == (n_cards, 0, n_persons, 0)
        writes.replace_partitions(con, "2017", frames)  # unchanged: nothing opens, nothing closes
        assert con.execute(COUNTS).fetchone() == (n_cards, 0, n_persons, 0)
        for statement in OLD_LAYOUT:  # the warehouse as the code before issue 15 left it
            con.execute(statement)
        con.execute(OLD_CARD_HASHES)
        con.execute(OLD_PERSON_HASHES)
        assert con.execute("SELECT min(length(row_hash)) FROM card_revisions").fetchone()[0] == 32
    with wh.connect(path) as con:  # converts the open revisions' hashes
        assert con.execute("SELECT max(length(row_hash)) FROM card_revisions").fetchone()[0] <= 20
        assert con.execute("SELECT max(length(row_hash)) FROM person_revisions").fetchone()[0] <= 20
        writes.replace_partitions(con, "2017", frames)
        assert con.execute(COUNTS).fetchone() == (n_cards, 0, n_persons, 0)  # no spurious revision
        # one corrected card: its revision closes and one opens; the others keep theirs
        first = frames["cards"]["card_id"][0]
        changed = frames | {"cards": frames["cards"].with_columns(
            pl.when(pl.col("card_id") == first).then(pl.col("participants") + 1).otherwise(pl.col("participants")).alias("participants"))}
        writes.replace_partitions(con, "2017", changed)
        assert con.execute(COUNTS).fetchone() == (n_cards + 1, 1, n_persons, 0)
        assert [r[5] for r in revisions.history(con, "2017", first)] == [frames["cards"]["participants"][0],
                                                                        frames["cards"]["participants"][0] + 1]


def test_without_the_conversion_every_card_would_reopen(tmp_path, monkeypatch):
    """The conversion is what keeps the revisions: with it switched off, the md5 hashes differ from
    today's and a re-run opens a revision for every card (what the test above guards against)."""
    frames = _frames(tmp_path)
    n_cards = frames["cards"].height + frames["events_not_held"].height
    path = tmp_path / "w.duckdb"
    with wh.connect(path) as con:
        writes.replace_partitions(con, "2017", frames)
        for statement in OLD_LAYOUT:
            con.execute(statement)
        con.execute(OLD_CARD_HASHES)
    monkeypatch.setattr(revisions, "migrate_hashes", lambda con: 0)
    with wh.connect(path) as con:
        writes.replace_partitions(con, "2017", frames)
        assert con.execute(COUNTS).fetchone()[:2] == (2 * n_cards, n_cards)
