"""Tests written to kill the hand mutants of a seventh reviewer (scripts/mutate_by_hand_i14z.py) that the suite let
live: every expected value below is worked out by hand from the few figures, cards or rows typed in the test (the
comments say how), never taken from the code under test. Tiny fixtures, no pipeline run, no GX validation."""
from __future__ import annotations

from types import SimpleNamespace

import duckdb
import pytest

T = "total"


def _data(figs: dict, order: list[str]):
    from tests.test_report_sentences_values import _data as data

    return data(figs, order)


def _sentences(figs: dict, order: list[str], period: str = "2017") -> tuple[dict, dict]:
    from assets.report import sentences
    from assets.report.period_view import PeriodView

    d = _data(figs, order)
    return sentences.build(PeriodView(d, period, "ru")), sentences.build(PeriodView(d, period, "en"))


# ---- the report's sentences
def test_an_activity_index_highest_of_two_periods_is_said_to_be_the_highest():
    # Table 3: 2016 2.0, 2017 3.0 a month: 3 / 2 = 1.5 -> "на 50% больше" (below twice: in percent), and with two
    # periods 2017 is already the highest of all ("наивысшее значение за все периоды")
    ru, en = _sentences({"2016": {("3", T, "activity_index"): 2.0}, "2017": {("3", T, "activity_index"): 3.0}},
                        ["2016", "2017"])
    assert ru["activity"] == ("В 2017 году «индекс митинговой активности» (мирных собраний в месяц) равнялся 3,0, что на 50% "
                              "больше, чем в 2016 году; это наивысшее значение за все периоды мониторинга.")
    assert en["activity"] == ("In 2017 the activity index (assemblies per month) was 3.0, 50% higher than in 2016; "
                              "the highest of all periods.")


# ---- nothing_lost: a later period's imbalance, the redacted records of every period
def test_nothing_lost_of_a_period_ignores_a_later_unbalanced_period_and_sums_the_redacted(tmp_path):
    from assets.core import warehouse as wh
    from tests.test_blocking_checks import _balanced, _cards, _nothing_lost_on, _raw

    db = tmp_path / "w.duckdb"
    _balanced(db)  # 2017 balanced, one raw record redacted
    with wh.connect(db) as con:
        _raw(con, "2018", 3)
        _cards(con, "2018", 1)  # 2018 (after 2017): 3 raw records, 1 card -> unbalanced
        _raw(con, "2016", 1)
        _cards(con, "2016", 1)  # 2016 balanced, its one raw record redacted too
        con.execute("""UPDATE raw_record_rows SET cells = '["REDACTED-0a"]' WHERE record_id = '2016-r0'""")
    assert _nothing_lost_on(db, "2017").passed is True
    assert _nothing_lost_on(db, "2016").passed is True
    r = _nothing_lost_on(db, None)  # every period: 2016, 2017, 2018; redacted 1 + 1
    assert r.passed is False
    assert r.metadata["redacted_records"].value == 2
    assert r.metadata["unbalanced"].value == "2018: raw 3 != 1+0+0"


# ---- the media counts: a card resting on media only is not a monitor's card confirmed by media
def test_media_attached_to_a_media_only_card_confirms_no_monitors_card():
    from assets.media import archive
    from assets.report import media_sources
    from tests.test_report_media_sources import _cards

    con = _cards()  # 2017: M1, M2 (monitor), S1 (media), S2 (social)
    archive.ensure_tables(con)
    con.executemany("INSERT INTO media_card_sources VALUES (?, '2017', ?, ?, 1.0, 'match')",
                    [("S1", "k1", "https://a.kz/1"), ("M2", "k2", "https://b.kz/2"), ("M2", "k3", "https://c.kz/3")])
    # attached: S1 and M2 (2 cards; M2's two links are one card); confirmed: M2 only (S1 rests on media already)
    assert media_sources.load(con, "2017") == {"cards": 4, "cards_media_only": 2, "cards_with_attached_media": 2,
                                               "monitor_cards_confirmed_by_media": 1}


# ---- sql/reconciliation.sql: a truncation judged on the printed digits, not on the float's last bits
def _reconcile(derived: list[tuple], published: list[tuple]) -> dict:
    import tests.test_reconciliation_values as rv

    con = rv.warehouse()
    con.executemany("INSERT INTO derived_figures (period, table_no, row_key, col_key, value, provenance) "
                    "VALUES ('2018', ?, ?, ?, ?, 'derived')", derived)
    con.executemany("INSERT INTO published_figures (source, period, table_no, row_key, col_key, value, value_status, "
                    "provenance, printed, decimals, location, \"primary\", note) "
                    "VALUES ('p', '2018', ?, ?, ?, ?, 'value', 'published', ?, ?, 'table', true, ?)", published)
    return {(r["table_no"], r["row_key"], r["col_key"]): r for r in rv.reconcile(con, "2018")}


def test_an_index_of_29_hundredths_printed_28_is_no_truncation():
    # 29 police / 100 participants = 0.29 (as a double 0.28999…, ×100 = 28.999999999999996); printed "0.28" at 2
    # decimals: 0.29 - 0.28 = 0.01 > ½ hundredth, and truncated to 2 decimals 0.29 is still 0.29 -> mismatch
    got = _reconcile([("14", T, "police_control_index", 29 / 100)],
                     [("14", T, "police_control_index", 0.28, "0.28", 2, None)])
    assert got[("14", T, "police_control_index")]["status"] == "mismatch"


# ---- redaction: a name in a refused file that a clean person marks public stays named
def test_a_refused_files_name_marked_public_on_a_clean_person_is_not_private():
    # the refused YAML names Открытов Пётр and Закрытова Анна; the persons table marks Открытов Пётр public: only
    # Закрытова Анна is a private name
    from assets.validate.redaction import private_names
    from tests.test_redaction_values import _refused

    con = _refused(("k.yaml", "- name: Открытов Пётр\n- name: Закрытова Анна\n".encode()))
    con.execute("CREATE TABLE persons (period VARCHAR, name VARCHAR, public BOOLEAN)")
    con.execute("INSERT INTO persons VALUES ('2016', 'Открытов Пётр', true)")
    assert private_names(con, "2017") == ["Закрытова Анна"]
