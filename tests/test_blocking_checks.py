"""Every blocking asset check (grep "blocking=True") FAILS on a warehouse corrupted so that it must
fail, and passes on the same warehouse uncorrupted (so the failure is the corruption's doing).
`figures_expectations` fails in tests/test_quality.py (test_checks_fail_on_a_corrupted_warehouse,
test_a_failing_check_keeps_the_report_from_rendering). The warehouses live under tmp_path only."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from assets.core import warehouse as wh
from assets.derive.assets import figures_schema
from assets.validate.assets import _nothing_lost
from assets.resources import WarehouseResource


def _raw(con, period, n, start=0):
    con.executemany("INSERT INTO raw_record_rows VALUES (?, ?, 'f.csv', 's', ?, 'card', 'h0', '[]', now())",
                    [(period, f"{period}-r{i}", i) for i in range(start, start + n)])


def _cards(con, period, n):
    con.executemany("INSERT INTO cards (period, card_id, date, city, form, topic, character, organizer_type, participants, "
                    "permission_requested, source_type, sanctioned, record_id, source_file) "
                    "VALUES (?, ?, DATE '2017-01-01', 'almaty', 'picket', 't', 'social', 'ngo', 1, false, 'observer', false, ?, 'f.csv')",
                    [(period, f"{period}-c{i}", f"{period}-r{i}") for i in range(n)])


def _balanced(path):
    """2017: 5 raw records = 2 cards + 1 event not held + 1 person + 1 quarantined record (2 errors)."""
    with wh.connect(path) as con:
        _raw(con, "2017", 5)
        # an erased person's record stays a record (`monitor erase-person`): counted, and reported as redacted
        con.execute("""UPDATE raw_record_rows SET cells = '["REDACTED-1f2e"]' WHERE record_id = '2017-r4'""")
        _cards(con, "2017", 2)
        con.execute("INSERT INTO events_not_held SELECT * REPLACE ('2017-e' AS card_id) FROM cards LIMIT 1")
        con.execute("INSERT INTO persons (period, person_id, card_id, role, pseudonym, record_id, source_file) "
                    "VALUES ('2017', 'p', '2017-c0', 'participant', 'x', '2017-r4', 'f.csv')")
        con.executemany("INSERT INTO quarantine (period, record_id, source_file, kind, reason, rule, severity) VALUES (?, ?, 'f.csv', ?, 'bad', 'r', ?)",
                        [("2017", "2017-r3", "card", "error"), ("2017", "2017-r3", "card", "error"),
                         ("2017", "2017-r9", "card", "warning"), ("2017", "f.csv", "file", "error")])


def _nothing_lost_on(path, partition="2017"):
    ctx = SimpleNamespace(has_partition_key=partition is not None, partition_key=partition)
    return _nothing_lost(ctx, WarehouseResource(database=str(path)))


def test_nothing_lost_passes_when_balanced(tmp_path):
    db = tmp_path / "w.duckdb"
    _balanced(db)
    r = _nothing_lost_on(db)
    assert r.passed is True
    assert r.metadata["unbalanced"].value == "none"
    assert r.metadata["redacted_records"].value == 1
    assert r.metadata["periods"].value == "2017"


@pytest.mark.parametrize("corrupt", [
    "DELETE FROM cards WHERE card_id = '2017-c1'",                                  # a card lost
    "DELETE FROM events_not_held",                                                  # an event not held lost
    "DELETE FROM persons",                                                          # a person lost
    "DELETE FROM quarantine WHERE severity = 'error' AND kind = 'card'",          # a quarantined record lost
    "INSERT INTO raw_record_rows VALUES ('2017', 'extra', 'f.csv', 's', 99, 'card', 'h0', '[]', now())",  # a raw record unaccounted
])
def test_nothing_lost_fails_when_something_is_lost(tmp_path, corrupt):
    db = tmp_path / "w.duckdb"
    _balanced(db)
    with wh.connect(db) as con:
        con.execute(corrupt)
    r = _nothing_lost_on(db)
    assert r.passed is False
    assert r.metadata["unbalanced"].value.startswith("2017: raw ")


def test_nothing_lost_fails_on_warnings_counted_as_losses_not(tmp_path):
    """Warnings and file-level entries are not records: counting them would hide a loss."""
    db = tmp_path / "w.duckdb"
    _balanced(db)
    with wh.connect(db) as con:
        con.execute("DELETE FROM persons")  # one record lost, while a warning and a file entry exist
    assert _nothing_lost_on(db).passed is False


@pytest.mark.parametrize("period, setup", [
    ("2018", "INSERT INTO quarantine (period, record_id, source_file, kind, reason, rule, severity) VALUES ('2018', '2018-r0', 'f.csv', 'card', 'bad', 'r', 'error')"),
    ("2019", "INSERT INTO cards SELECT * REPLACE ('2019' AS period, '2019-c0' AS card_id) FROM cards LIMIT 1"),
    ("2020", "INSERT INTO persons (period, person_id, card_id, role, pseudonym, record_id, source_file) VALUES ('2020', 'p', 'x', 'participant', 'x', '2020-r0', 'f.csv')"),
])
def test_nothing_lost_passes_when_one_kind_accounts_for_everything(tmp_path, period, setup):
    """One raw record, accounted for by a quarantined record only / a card only / a person only."""
    db = tmp_path / "w.duckdb"
    _balanced(db)
    with wh.connect(db) as con:
        _raw(con, period, 1)
        con.execute(setup)
    assert _nothing_lost_on(db, period).passed is True


def test_nothing_lost_looks_only_at_its_partition(tmp_path):
    db = tmp_path / "w.duckdb"
    _balanced(db)
    with wh.connect(db) as con:
        _raw(con, "2016", 3)
        _cards(con, "2016", 1)  # 2016 unbalanced
    assert _nothing_lost_on(db, "2017").passed is True
    assert _nothing_lost_on(db, "2016").passed is False
    assert _nothing_lost_on(db, None).passed is False


GOOD = [("2017", "1", "almaty", "count", 3.0, "derived", "value"),
        ("2017", "1", "almaty", "share_pct", 75.0, "derived", "value"),
        ("2017", "14", "total", "trend", -1.0, "published", "value"),
        ("2017", "4", "other", "share_pct", None, "published", "dash"),
        ("2017", "4", "other", "count", 0.0, "derived", "value"),        # zero is no negative
        ("2017", "4", "political", "share_pct", 0.0, "derived", "value"),  # 0 is a share
        ("2017", "1", "astana", "share_pct", 100.0, "derived", "value")]  # 100 is a share


def _figures(path, rows):
    with wh.connect(path) as con:
        con.executemany("INSERT INTO figures VALUES (?, ?, ?, ?, ?, ?, ?)", rows)


def test_figures_schema_passes_on_good_figures(tmp_path):
    db = tmp_path / "w.duckdb"
    _figures(db, GOOD)
    r = figures_schema(warehouse=WarehouseResource(database=str(db)))
    assert r.passed is True and r.metadata["figures"].value == 7


@pytest.mark.parametrize("bad", [
    ("2017", "1", "taraz", "share_pct", 100.5, "derived", "value"),      # a percentage over 100
    ("2017", "1", "astana", "count", -1.0, "derived", "value"),          # a negative count
    ("2017", "1", "almaty", "count", 4.0, "derived", "value"),           # a second value for a cell
    ("2017", "1", "astana", "count", None, "derived", "value"),          # missing value marked as a value
    ("2017", "1", "astana", "count", 0.0, "derived", "dash"),            # a dash stored as 0
    ("2017", "99x", "astana", "count", 1.0, "derived", "value"),         # no such table
    ("2017", "1", "", "count", 1.0, "derived", "value"),                 # empty row key
    ("2017", "1", "astana", "", 1.0, "derived", "value"),                # empty column key
    ("2017", "1", "astana", "count", 1.0, "guessed", "value"),           # unknown provenance
    ("2017", "1", "astana", "count", 1.0, "derived", "maybe"),           # unknown status
    ("2017", "1", "astana", "trend", 2.0, "derived", "value"),           # a trend is -1, 0 or +1
])
def test_figures_schema_fails_on_a_bad_figure(tmp_path, bad):
    db = tmp_path / "w.duckdb"
    _figures(db, GOOD + [bad])
    r = figures_schema(warehouse=WarehouseResource(database=str(db)))
    assert r.passed is False
    assert r.metadata["failures"].value >= 1


def test_nothing_lost_fails_for_a_period_with_no_cards(tmp_path):
    """Two raw records, one quarantined, no card at all: one is lost (the period must not drop out)."""
    db = tmp_path / "w.duckdb"
    _balanced(db)
    with wh.connect(db) as con:
        _raw(con, "2018", 2)
        con.execute("INSERT INTO quarantine (period, record_id, source_file, kind, reason, rule, severity) "
                    "VALUES ('2018', '2018-r0', 'f.csv', 'card', 'bad', 'r', 'error')")
    r = _nothing_lost_on(db, "2018")
    assert r.passed is False
    assert r.metadata["unbalanced"].value == "2018: raw 2 != 0+0+1"
