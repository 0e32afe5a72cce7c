"""Session 26's mutation re-run (issue 14): the survivors of `scripts/mutate.py --area checks --sample 0.15 --seed 131`,
each killed by a hand-made fixture with values worked out by hand (docs/testing.md, "Measured score")."""
from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import duckdb

from assets.core import warehouse as wh
from assets.quality import gx_outcomes
from assets.resources import WarehouseResource
from assets.validate.assets import _possible_duplicate_events

LONG = "cards/2017/" + "a" * 65 + ".yaml"  # 11 + 65 + 5 = 81 characters: one more than the 80 shown


def _cards(path, cards):
    with wh.connect(path) as con:
        con.executemany("INSERT INTO cards (period, card_id, date, city, form, place, topic, character, organizer_type, "
                        "participants, permission_requested, source_type, sanctioned, record_id, source_file) "
                        "VALUES ('2017', ?, ?, 'almaty', 'picket', ?, ?, 'social', 'ngo', 1, false, 'monitor', false, ?, ?)",
                        [(c, d, place, topic, f"r-{c}", f) for c, d, place, topic, f in cards])
    return WarehouseResource(database=str(path))


def test_two_places_exactly_at_the_similarity_bound_pair(tmp_path):
    # "dom 1234" / "dom 5236" (ASCII: DuckDB compares bytes, a Cyrillic letter is two): 8 letters each, 6 match in place (the 5th and 8th differ), no transposition, a common
    # prefix of 4: Jaro = (6/8 + 6/8 + 6/6) / 3 = 5/6, Jaro-Winkler = 5/6 + 4 * 0.1 * (1 - 5/6) = 0.9 exactly: a pair
    # (the bound is "0.9 or more"); "dom 1234" / "dom 9876" shares only the prefix and is no pair
    res = _cards(tmp_path / "w.duckdb", [("A1", "2017-05-03", "dom 1234", "Тарифы", "a.yaml"),
                                         ("A2", "2017-05-03", "Dom 5236", "Другое", "b.yaml"),
                                         ("B1", "2017-05-04", "dom 1234", "Тарифы", "c.yaml"),
                                         ("B2", "2017-05-04", "dom 9876", "Тарифы", "d.yaml")])
    with wh.connect(res.database, read_only=True) as con:
        pairs = con.execute(wh.read_sql("checks/possible_duplicate_events"), {"period": "2017"}).fetchall()
    assert pairs == [("A1", "A2", "a.yaml", "b.yaml", dt.date(2017, 5, 3), "almaty", "picket")]


def test_a_long_file_name_is_cut_at_80_characters(tmp_path):
    res = _cards(tmp_path / "w.duckdb", [("A1", "2017-05-03", "у акимата", "Тарифы", LONG),
                                         ("A2", "2017-05-03", "у акимата", "Тарифы", "b.yaml")])
    r = _possible_duplicate_events(SimpleNamespace(partition_key="2017"), res)
    shown = "cards/2017/" + "a" * 65 + ".yam" + "… (81 characters)"
    assert r.metadata["pairs"].value == 1
    assert r.metadata["possible_duplicates"].value == f"A1 ({shown}) and A2 (b.yaml): 2017-05-03 almaty picket"


def test_the_figures_check_reads_while_another_reader_holds_the_warehouse(tmp_path, monkeypatch):
    # the check only reads: a read-only connection of this process (the report's) must not stop it (DuckDB refuses a
    # second connection of another configuration to one file)
    from assets.quality import checks, gx_suite
    from assets.quality.gx_outcomes import ExpectationOutcome, SuiteOutcome

    db = tmp_path / "w.duckdb"
    with wh.connect(db) as con:
        con.execute("INSERT INTO figures (period, table_no, row_key, col_key, value, provenance, value_status) "
                    "VALUES ('2017', '1', 'total', 'count', 4, 'derived', 'value')")
    monkeypatch.setattr(gx_suite, "validate_figures",
                        lambda df, p, **kw: SuiteOutcome(p, [ExpectationOutcome("share_0_100", "figures", "e", "d", True)]))
    monkeypatch.setattr(checks, "_result", lambda o: SimpleNamespace(passed=o.success), raising=True)
    from assets.quality import gx_cache
    monkeypatch.setattr(gx_cache, "record_pass", lambda p, df: None)
    reader = duckdb.connect(str(db), read_only=True)
    try:
        log = SimpleNamespace(info=lambda m: None, error=lambda m: None)
        r = checks._figures_expectations(SimpleNamespace(has_partition_key=True, partition_key="2017", log=log),
                                         WarehouseResource(database=str(db)))
    finally:
        reader.close()
    assert r.passed is True


def _result(success, result):
    cfg = SimpleNamespace(meta={"check": "share_0_100"}, type="expect_column_values_to_be_between", description="d")
    return SimpleNamespace(expectation_config=cfg, exception_info={}, success=success, result=result)


def test_a_met_expectation_counts_no_unexpected_value():
    out = gx_outcomes.read_outcomes("figures", SimpleNamespace(results=[_result(True, {}), _result(True, {"unexpected_count": 0}),
                                                                        _result(False, {"unexpected_count": 3})]))
    assert [o.unexpected for o in out] == [0, 0, 3]


def test_another_city_is_no_pair_and_the_second_long_name_is_cut_too(tmp_path):
    res = _cards(tmp_path / "w.duckdb", [("A1", "2017-05-03", "у акимата", "Тарифы", "a.yaml"),
                                         ("A2", "2017-05-03", "у акимата", "Тарифы", LONG)])
    with wh.connect(res.database) as con:  # one more card of that day, form and place, in another city: no pair
        con.execute("INSERT INTO cards (period, card_id, date, city, form, place, topic, character, organizer_type, "
                    "participants, permission_requested, source_type, sanctioned, record_id, source_file) VALUES "
                    "('2017', 'A3', '2017-05-03', 'astana', 'picket', 'у акимата', 'Тарифы', 'social', 'ngo', 1, false, "
                    "'monitor', false, 'r-A3', 'c.yaml')")
    r = _possible_duplicate_events(SimpleNamespace(partition_key="2017"), res)
    shown = "cards/2017/" + "a" * 65 + ".yam" + "… (81 characters)"
    assert r.metadata["possible_duplicates"].value == f"A1 (a.yaml) and A2 ({shown}): 2017-05-03 almaty picket"
