"""The pipeline as Dagster runs it: definitions load, bad files land in quarantine while good cards
flow, nothing is lost, and re-running a partition replaces rather than appends."""
import dagster as dg
import polars as pl

from assets.core import warehouse
from tests.conftest import card, run_period, start_from, write

# The tests below that assert on the warehouse's rows only (a rerun replaces, a removed card goes, partitions are
# independent, a newcomer is held back) run the assets without their checks (`checks=False`): the checks of such a
# state are proved where they are asserted (the two nothing_lost tests here, tests/test_blocking_checks*.py,
# tests/test_quality.py); ~0.3 CPU s a run (docs/testing.md, "Fifteenth pass (branch i14j)").


def test_definitions_load_and_every_card_asset_is_partitioned_by_period():
    from pipelines.definitions import defs

    dg.Definitions.validate_loadable(defs)
    graph = defs.resolve_asset_graph()
    keys = {k.to_user_string() for k in graph.get_all_asset_keys()}
    assert {"raw_cards", "cards", "figures", "report"} <= keys
    for name in ("raw_cards", "cards", "figures", "report"):
        pdef = graph.get(dg.AssetKey(name)).partitions_def
        assert pdef is not None and "2017" in pdef.get_partition_keys() and "2011-2012" in pdef.get_partition_keys()


def _quarantine(period="2017") -> pl.DataFrame:
    with warehouse.connect(read_only=True) as con:
        return warehouse.query(con, "SELECT * FROM quarantine WHERE period = ?", [period])


def _count(table, period="2017") -> int:
    with warehouse.connect(read_only=True) as con:
        return con.execute(f"SELECT count(*) FROM {table} WHERE period = ?", [period]).fetchone()[0]


def test_bad_files_are_quarantined_and_good_cards_still_flow(example_inbox):
    box = example_inbox / "inbox" / "cards" / "2017"
    header = "card_id;date;city;form;topic;character;organizer_type;participants;permission_requested;reason_not_applied;source_type\n"
    write(box / "bad_encoding.csv", (header + "B-1;2017-02-01;Алматы;picket;Тема;social;spontaneous;5;нет;unknown;monitor\n").encode("koi8_r"))
    write(box / "bad_city.yaml", card("B-2", city="Москва", n=5))
    write(box / "bad_participants.yaml", card("B-3", city="Алматы", n=-4))
    write(box / "duplicate.yaml", card("2017-ALA-01", city="Алматы", n=5))
    write(box / "no_date.csv", header.replace("date;", "").replace(";", ",") + "B-5,Алматы,picket,Тема,social,spontaneous,5,нет,unknown,monitor\n")
    write(box / "empty.csv", "")
    result = run_period("2017", raise_on_error=False)
    assert result.success  # bad input never crashes the run

    q = _quarantine()
    by_file = {f: part for (f,), part in q.group_by(["source_file"])}
    reasons = {f.rsplit("/", 1)[-1]: " | ".join(p["reason"].to_list()) for f, p in by_file.items()}
    assert "not in UTF-8 or windows-1251" in reasons["bad_encoding.csv"]
    assert "'Москва' is not a city of the gazetteer" in reasons["bad_city.yaml"]
    assert "'-4' is negative" in reasons["bad_participants.yaml"]
    assert "card id '2017-ALA-01' is already used by cards/2017/2017-ALA-01.yaml row 1" in reasons["duplicate.yaml"]
    assert "'Дата проведения' (date) is required but empty" in reasons["no_date.csv"]
    assert reasons["empty.csv"] == "the file is empty"
    # every good card still flows: the card that had the id keeps it, the newcomer is held back
    assert _count("cards") == 36
    assert "2017-ALA-01.yaml" not in reasons


def test_nothing_lost_check_and_balance(example_inbox):
    write(example_inbox / "inbox" / "cards" / "2017" / "bad.yaml", card("X-1", city="Марс", n=3))
    result = run_period("2017")
    checks = result.get_asset_check_evaluations()
    assert checks and all(c.passed for c in checks)
    raw = _count("raw_records")
    quarantined = _quarantine().filter(pl.col("severity") == "error")["record_id"].n_unique()
    assert raw == _count("cards") + _count("events_not_held") + _count("persons") + quarantined
    assert raw == 36 + 1 + 13 + 1  # 36 example cards, 1 refused application (not held), 13 persons on them, 1 bad card


def test_rerunning_a_partition_replaces_its_rows(example_inbox, example_2017_run):
    start_from(example_inbox, example_2017_run)  # as after run_period("2017") on these cards
    with warehouse.connect(read_only=True) as con:
        first = {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in ("cards", "persons", "figures")}
    run_period("2017", checks=False)
    with warehouse.connect(read_only=True) as con:
        second = {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in ("cards", "persons", "figures")}
    assert first == second
    assert len(first["cards"]) == 36


def test_a_removed_card_disappears_on_rerun(example_inbox, example_2017_run):
    start_from(example_inbox, example_2017_run)
    (example_inbox / "inbox" / "cards" / "2017" / "2017-ATY-01.yaml").unlink()
    run_period("2017", checks=False)
    assert _count("cards") == 35
    with warehouse.connect(read_only=True) as con:
        assert con.execute("SELECT count(*) FROM figures WHERE period='2017' AND table_no='1' AND row_key='atyrau'").fetchone()[0] == 0


def test_partitions_are_independent(example_inbox, example_2017_run):
    write(example_inbox / "inbox" / "cards" / "2016" / "c.yaml", card("2016-1", "2016-06-01", city="Атырау", n=7))
    start_from(example_inbox, example_2017_run)
    run_period("2016", checks=False)
    assert _count("cards", "2016") == 1 and _count("cards", "2017") == 36
    run_period("2016", checks=False)
    assert _count("cards", "2017") == 36


def test_a_newcomer_with_a_taken_card_id_is_held_back_even_if_it_sorts_first(example_inbox, example_2017_run):
    start_from(example_inbox, example_2017_run)
    write(example_inbox / "inbox" / "cards" / "2017" / "0000-first.yaml", card("2017-AST-01", city="Астана", n=99))
    run_period("2017", checks=False)
    with warehouse.connect(read_only=True) as con:
        kept = con.execute("SELECT participants, source_file FROM cards WHERE card_id = '2017-AST-01'").fetchall()
    assert kept == [(15, "cards/2017/2017-AST-01.yaml")]
    q = _quarantine()
    assert q.filter(pl.col("source_file") == "cards/2017/0000-first.yaml")["rule"].to_list() == ["card_id_unique"]


def test_nothing_lost_looks_only_at_its_own_period(example_inbox, example_2017_run):
    """Another process may be between the raw and the clean write of another period: no loss."""
    start_from(example_inbox, example_2017_run)
    with warehouse.connect() as con:  # 2016 half-way: raw written, validation not yet
        con.execute("INSERT INTO raw_record_rows VALUES ('2016', 'r#x:2', 'cards/2016/x.csv', 'x', 2, 'card', 'h0', '[]', now())")
    result = run_period("2017")
    checks = {c.check_name: c.passed for c in result.get_asset_check_evaluations()}
    assert checks["nothing_lost"] is True
