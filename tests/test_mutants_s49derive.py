"""Session 49: the survivors of the mutation run over the figures of a period (assets/derive/figures.py), the
published reports read back (assets/derive/published.py), the audit of a printed report (assets/derive/audit/),
the card revisions (assets/core/revisions.py, sql/revisions/*.sql) and the card's schemas (schemas/card.py,
codebook.py, published.py): each test asserts what a user relies on, worked out by hand from the input."""
from __future__ import annotations

import datetime as dt

import duckdb
import polars as pl
import pytest

from assets.core import periods, revisions
from assets.core import warehouse as wh, writes
from assets.derive.published import PublishedDataError, load_published
from assets.ingest.inbox import ingest
from assets.validate.validate import validate_period
from benchmarks.generate import generate_inbox
from schemas.codebook import write_template
from tests.test_audit import audit, fig, table1


def test_figures_later_is_empty_on_a_warehouse_without_figure_bases():
    con = duckdb.connect()
    assert revisions.figures_later(con, dt.datetime(2020, 1, 1)) == []


# --- card revisions: two periods, corrections, and what each period's cards said as of a moment between writes


def _period_frames(root, period: str, seed: int) -> dict[str, pl.DataFrame]:
    generate_inbox(root / period, 120, (period,), seed=seed)
    got = ingest(period, root / period)
    res = validate_period(periods.get(period), got.records.sort(["source_file", "sheet", "row_no"]), got.files, tables=got.tables)
    event = res.cards.tail(1).with_columns(pl.lit(f"{period}-EV-1").alias("card_id"))  # an event not held (same columns)
    return {"cards": res.cards.head(res.cards.height - 1), "persons": res.persons, "events_not_held": event}


def _said(con) -> dict[str, list[tuple]]:
    """What `cards`, `events_not_held` and `persons` hold on this connection (the current tables, or their as-of shadows)."""
    return {"cards": sorted(con.execute("SELECT period, card_id, participants FROM cards").fetchall()),
            "events_not_held": sorted(con.execute("SELECT period, card_id, participants FROM events_not_held").fetchall()),
            "persons": sorted(con.execute("SELECT period, card_id, person_id, article FROM persons").fetchall())}


def _expected(*frames: dict[str, pl.DataFrame]) -> dict[str, list[tuple]]:
    def rows(table, cols):
        return sorted(r for f in frames for r in f[table].select(cols).iter_rows())
    return {"cards": rows("cards", ["period", "card_id", "participants"]),
            "events_not_held": rows("events_not_held", ["period", "card_id", "participants"]),
            "persons": rows("persons", ["period", "card_id", "person_id", "article"])}


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def test_each_period_s_cards_as_of_a_moment_are_what_was_written_then(tmp_path, monkeypatch):
    """Two periods written, one corrected twice (a card's participants, a card removed, a person's article, the event
    not held's participants; then the card and the removed card back, the event left as it is by a write that does not
    replace events_not_held; then the persons alone, then the cards alone, corrected again) and the other re-written
    unchanged: as of each moment between the writes, `cards`,
    `events_not_held` and `persons` hold, for both periods, exactly the rows written by then; the history of the
    corrected card has its three versions; only the revisions a write changes are copied in full."""
    p16, p17 = _period_frames(tmp_path, "2016", 6), _period_frames(tmp_path, "2017", 7)
    assert p16["cards"].height > 50 and p16["persons"].height > 5 and p17["cards"].height > 50
    a, b = p16["cards"]["card_id"][0], p16["cards"]["card_id"][1]
    a_was = p16["cards"]["participants"][0]
    corrected = {
        "cards": p16["cards"].with_columns(pl.when(pl.col("card_id") == a).then(pl.lit(999_999)).otherwise(pl.col("participants"))
                                           .alias("participants")).filter(pl.col("card_id") != b),
        "persons": p16["persons"].with_columns(pl.when(pl.int_range(pl.len()) == 0).then(pl.lit("ст. 488 (changed)"))
                                               .otherwise(pl.col("article")).alias("article")),
        "events_not_held": p16["events_not_held"].with_columns(pl.lit(7).alias("participants")),
    }
    back = {"cards": p16["cards"], "persons": p16["persons"], "events_not_held": corrected["events_not_held"]}
    copied = []
    record = revisions.record

    def spy(con, period):  # the implied revisions copied in full by the snapshot (those the write closes)
        copied.append((period, con.execute("SELECT count(*) FROM _implied_cards").fetchone()[0],
                       con.execute("SELECT count(*) FROM _implied_persons").fetchone()[0]))
        return record(con, period)

    monkeypatch.setattr(revisions, "record", spy)
    moments = []
    with wh.connect(tmp_path / "w.duckdb") as con:
        writes.replace_partitions(con, "2016", dict(p16))
        writes.replace_partitions(con, "2017", dict(p17))
        moments.append((_now(), _expected(p16, p17)))
        writes.replace_partitions(con, "2016", dict(corrected))
        moments.append((_now(), _expected(corrected, p17)))
        writes.replace_partitions(con, "2016", {"cards": p16["cards"], "persons": p16["persons"]})  # the event kept
        moments.append((_now(), _expected(back, p17)))
        writes.replace_partitions(con, "2017", dict(p17))
        moments.append((_now(), _expected(back, p17)))
        assert _said(con) == _expected(back, p17)
        assert [(r[1] is None, r[5]) for r in revisions.history(con, "2016", a)] == [(False, a_was), (False, 999_999), (True, a_was)]
        assert [r[1] is None for r in revisions.history(con, "2016", b)] == [False, True]  # removed, then back
        # writes that replace one table: the period's other tables keep their rows (and their current hashes)
        writes.replace_partitions(con, "2016", {"persons": corrected["persons"]})
        moments.append((_now(), _expected(back | {"persons": corrected["persons"]}, p17)))
        writes.replace_partitions(con, "2016", {"cards": corrected["cards"]})
        moments.append((_now(), _expected(corrected, p17)))
        assert _said(con) == _expected(corrected, p17)
        assert [(r[1] is None, r[5]) for r in revisions.history(con, "2016", a)] == \
            [(False, a_was), (False, 999_999), (False, a_was), (True, 999_999)]
        assert [r[1] is None for r in revisions.history(con, "2016", b)] == [False, False]  # removed again
        writes.replace_partitions(con, "2017", {"cards": p17["cards"]})  # 2017's event not held stays implied
        moments.append((_now(), _expected(corrected, p17)))
        # no open revision carries an old md5 hash: nothing to convert, none left
        assert revisions.migrate_hashes(con) == 0
        # a third period's first write, while others have stored revisions: its base alone, no card copied
        p18 = _period_frames(tmp_path, "2018", 8)
        writes.replace_partitions(con, "2018", dict(p18))
        assert con.execute("SELECT (SELECT count(*) FROM card_revision_rows WHERE period = '2018'), "
                           "(SELECT count(*) FROM person_revision_rows WHERE period = '2018'), "
                           "(SELECT count(*) FROM revision_bases WHERE period = '2018')").fetchone() == (0, 0, 1)
        assert con.execute("SELECT count(*) FROM card_revisions WHERE period = '2018' AND valid_to IS NULL").fetchone()[0] == \
            p18["cards"].height + p18["events_not_held"].height
        assert revisions.history(con, "2017", a) == []
        # nothing of 2017 was ever closed or stored: its cards are their own (implied) revision
        assert con.execute("SELECT count(*) FROM card_revision_rows WHERE period = '2017'").fetchone()[0] == 0
        assert con.execute("SELECT count(*) FROM person_revision_rows WHERE period = '2017'").fetchone()[0] == 0
    # the first writes copy nothing; the correction copies a's, b's and the event's implied revisions and the person's;
    # then nothing is implied any more of what changes (a and the person are stored rows), and 2017 copies nothing
    assert copied == [("2016", 0, 0), ("2017", 0, 0), ("2016", 3, 1), ("2016", 0, 0), ("2017", 0, 0), ("2016", 0, 0), ("2016", 0, 0),
                      ("2017", 0, 0), ("2018", 0, 0)]
    for when, expected in moments:
        with wh.connect(tmp_path / "w.duckdb", read_only=True) as con:
            revisions.shadow_as_of(con, when)
            assert _said(con) == expected, when
    with wh.connect(tmp_path / "w.duckdb", read_only=True) as con:  # before the first write: nothing
        revisions.shadow_as_of(con, moments[0][0] - dt.timedelta(days=1))
        assert _said(con) == {"cards": [], "events_not_held": [], "persons": []}


# --- the published figures' rows: every numbered table's rows are checked against its dimension

PUBLISHED_HEADER = "source,period,table_no,row_key,col_key,value,value_status,printed,decimals,location,line,primary,note\n"


def _published_problems(tmp_path, body: str) -> list[str]:
    p = tmp_path / "x.csv"
    p.write_text(PUBLISHED_HEADER + body, encoding="utf-8")
    with pytest.raises(PublishedDataError) as e:
        load_published(p)
    return e.value.problems


@pytest.mark.parametrize("table, good, bad, col", [
    ("4", "political", "almaty", "count"),     # characters, not cities
    ("14-1", "total", "almaty", "participants"),  # a table of one row, its total
    ("13", "police", "total", "present"),       # the authorities, no total row
])
def test_a_row_not_of_its_table_s_dimension_is_refused_naming_file_line_and_field(tmp_path, table, good, bad, col):
    problems = _published_problems(tmp_path, f"kibhr-2017,2017,{table},{good},{col},3.0,value,3,0,table,10,true,\n"
                                             f"kibhr-2017,2017,{table},{bad},{col},3.0,value,3,0,table,11,true,\n")
    assert problems == [f"{tmp_path / 'x.csv'}, line 3, field 'row_key': '{bad}' is not a row of table {table}"]


def _figure_rows(con, table: str, period: str) -> list[tuple]:
    return sorted(con.execute(f"SELECT table_no, row_key, col_key, value FROM {table} WHERE period = $p", {"p": period}).fetchall(),
                  key=repr)


def test_an_edition_as_of_a_moment_has_the_figures_of_then_and_only_the_periods_run_by_then(tmp_path):
    """2016's and 2017's cards written, 2016's figures written (t1), then 2017's (t2), then a 2016 card corrected and
    another removed: figures_later names the periods first run after each moment (a period re-run keeps its first
    moment); the edition as of t2 derives each period's figures from the cards of then (those derived at t2), the
    edition as of t1 leaves 2017 out (its figures were written later), and before any card was written there is
    nothing to show (refused, naming when the period's first revision is)."""
    from assets.derive.figures import derive_figures
    from assets.report.asof import NothingThen, recompute_as_of

    p16, p17 = _period_frames(tmp_path, "2016", 6), _period_frames(tmp_path, "2017", 7)
    a, b = p16["cards"]["card_id"][0], p16["cards"]["card_id"][1]
    corrected = dict(p16) | {"cards": p16["cards"].with_columns(
        pl.when(pl.col("card_id") == a).then(pl.lit(999_999)).otherwise(pl.col("participants")).alias("participants"))
        .filter(pl.col("card_id") != b)}
    with wh.connect(tmp_path / "w.duckdb") as con:
        t0 = _now()
        writes.replace_partitions(con, "2016", dict(p16))
        writes.replace_partitions(con, "2017", dict(p17))
        then = {p: derive_figures(con, periods.get(p)) for p in ("2016", "2017")}
        assert then["2016"].height > 20 and then["2017"].height > 20
        # Table 3: a city's assemblies per month, over 2016's 12 months (config/periods.yaml)
        count = {r: v for t, r, c, v in then["2016"].select("table_no", "row_key", "col_key", "value").rows() if (t, c) == ("1", "count")}
        index = {r: v for t, r, c, v in then["2016"].select("table_no", "row_key", "col_key", "value").rows() if t == "3"}
        assert len(index) > 3 and index == pytest.approx({r: count[r] / 12 for r in index})
        writes.replace_partitions(con, "2016", {"figures": then["2016"], "derived_figures": then["2016"]})
        t1 = _now()
        writes.replace_partitions(con, "2017", {"figures": then["2017"], "derived_figures": then["2017"]})
        t2 = _now()
        writes.replace_partitions(con, "2016", dict(corrected))
        now = derive_figures(con, periods.get("2016"))
        writes.replace_partitions(con, "2016", {"figures": now, "derived_figures": now})  # re-run: its base stays
        assert sorted(now.select("table_no", "row_key", "col_key", "value").rows(), key=repr) != \
            sorted(then["2016"].select("table_no", "row_key", "col_key", "value").rows(), key=repr)
        assert revisions.figures_later(con, t0) == ["2016", "2017"]
        assert revisions.figures_later(con, t1) == ["2017"]
        assert revisions.figures_later(con, t2) == []
    expected = {p: sorted(f.select("table_no", "row_key", "col_key", "value").rows(), key=repr) for p, f in then.items()}
    with wh.connect(tmp_path / "w.duckdb", read_only=True) as con:
        recompute_as_of(con, "2016", t2)
        assert _figure_rows(con, "derived_figures", "2016") == expected["2016"]
        assert _figure_rows(con, "derived_figures", "2017") == expected["2017"]
        # the period's coverage row of then: declared none, its basis the published report, its cards those of then
        assert con.execute("SELECT declared, basis, cards FROM coverage WHERE period = '2016'").fetchall() == \
            [("none", "published", p16["cards"].height)]
    with wh.connect(tmp_path / "w.duckdb", read_only=True) as con:
        recompute_as_of(con, "2016", t1)
        assert _figure_rows(con, "derived_figures", "2016") == expected["2016"]
        assert _figure_rows(con, "figures", "2017") == [] and _figure_rows(con, "derived_figures", "2017") == []
    with wh.connect(tmp_path / "w.duckdb", read_only=True) as con:  # the warehouse's own tables are untouched
        assert _figure_rows(con, "derived_figures", "2017") == expected["2017"]
        with pytest.raises(NothingThen, match=r"the warehouse recorded no card of 2016 at or before .* \(the first revision "
                                              r"of 2016 is of "):
            recompute_as_of(con, "2016", t0)


def test_a_folder_without_choices_reads_as_no_choices_with_the_file_s_columns(tmp_path):
    """No choices.csv: no choices, in a frame of the same columns and types as a file's, so that joining it on the
    cell's key (period, table_no, row_key, col_key) works the same."""
    from assets.derive.published import CHOICE_COLUMNS, load_choices

    none = load_choices(tmp_path / "choices.csv")
    p = tmp_path / "one.csv"
    p.write_text(",".join(CHOICE_COLUMNS) + "\n2017,1,almaty,share_pct,47,47.222,по картам,from the cards\n", encoding="utf-8")
    one = load_choices(p)
    assert none.height == 0 and one.height == 1
    assert none.schema == one.schema and none.columns == list(CHOICE_COLUMNS)
    assert one.row(0) == ("2017", "1", "almaty", "share_pct", 47.0, 47.222, "по картам", "from the cards")


# --- the audit of a printed report (assets/derive/audit/)


def test_a_character_s_count_in_table_4_and_in_the_topics_list_is_one_figure():
    """Table 4's political assemblies (5) and the topics list's political total (6, its topics summing to it) are the
    same quantity printed twice differently: one same_figure finding on the topics list, Table 4 the reference."""
    out = audit(fig("4", "political", "count", "5"), fig("4", "total", "count", "5"),
                fig("topics", "political/a", "count", "6"), fig("topics", "political/total", "count", "6"))
    rows = out.select("rule", "table_no", "row_key", "col_key", "published", "expected").rows()
    assert rows == [("same_figure", "topics", "political/total", "count", 6.0, 5.0)]
    assert "Table 4 (line 1) gives '5'" in out["message"][0]


def test_a_city_left_out_of_a_table_without_a_total_row_is_not_a_zero():
    """Table 1 lists almaty 2 and astana 1 (total 3); Table 11 prints almaty alone and no total row: it does not claim
    to list every city, so astana's absence from it is no zero contradicting Table 1 (no finding)."""
    assert audit(*table1({"almaty": 2, "astana": 1}, 3), fig("11", "almaty", "count", "2")).height == 0
    # with its total row Table 11 lists every city with assemblies: astana's absence is a 0 against Table 1's 1
    out = audit(*table1({"almaty": 2, "astana": 1}, 3), fig("11", "almaty", "count", "2"), fig("11", "total", "count", "3"))
    assert ("astana", 0.0, 1.0) in out.filter(pl.col("rule") == "same_figure").select("row_key", "published", "expected").rows()


def test_a_city_s_law_abidance_without_its_sanctioned_count_is_not_checked_against_a_zero():
    """Table 11 prints almaty's 3 assemblies and its law-abidance 67% but not its sanctioned count (and no total row):
    nothing printed gives the share's numerator, so there is nothing to contradict (not 0 / 3 = 0%)."""
    assert audit(fig("11", "almaty", "count", "3"), fig("11", "almaty", "law_abidance_pct", "67%")).height == 0


def _share_findings(out: pl.DataFrame) -> list[tuple]:
    return out.filter(pl.col("rule") == "share_from_counts").select("table_no", "row_key", "published", "expected").rows()


def test_an_organiser_s_share_in_table_6_follows_from_its_count():
    """3 assemblies (Table 1); Table 6: NGOs 2 of them printed as 50% (2 / 3 = 66.7%), spontaneous 1 as 33%."""
    rows = [*table1({"almaty": 2, "astana": 1}, 3), fig("6", "spontaneous", "count", "1"), fig("6", "spontaneous", "share_pct", "33%"),
            fig("6", "ngo", "count", "2")]
    assert _share_findings(audit(*rows, fig("6", "ngo", "share_pct", "50%"))) == [("6", "ngo", 50.0, pytest.approx(200 / 3))]
    assert audit(*rows, fig("6", "ngo", "share_pct", "67%")).height == 0


def test_table_17_s_total_share_is_court_cases_of_the_unsanctioned_assemblies():
    """4 unsanctioned assemblies (Table 11), 2 court cases: Table 17's total share is 50%, not the 25% printed."""
    rows = [fig("11", "total", "count", "6"), fig("11", "total", "unsanctioned", "4"), fig("11", "total", "sanctioned", "2"),
            fig("courts", "total", "court_cases", "2")]
    out = audit(*rows, fig("17", "total", "share_pct", "25%"))
    assert _share_findings(out) == [("17", "total", 25.0, 50.0)]
    assert "court cases / unsanctioned assemblies = 2 / 4" in out.filter(pl.col("rule") == "share_from_counts")["message"][0]
    assert _share_findings(audit(*rows, fig("17", "total", "share_pct", "50%"))) == []


def test_the_summary_s_number_of_cities_is_the_cities_with_assemblies():
    """Table 1 gives assemblies in almaty and astana: the text's "3 cities" contradicts it (2), "2 cities" does not."""
    out = audit(*table1({"almaty": 2, "astana": 1}, 3), fig("summary", "total", "cities", "3"))
    assert _share_findings(out) == [("summary", "total", 3.0, 2.0)]
    assert "the cities with assemblies in Table 1 = 2" in out["message"][0]
    assert audit(*table1({"almaty": 2, "astana": 1}, 3), fig("summary", "total", "cities", "2")).height == 0


@pytest.mark.parametrize("printed, level", [("33,38%", "rounding"), ("33,39%", "contradiction")])
def test_a_share_printed_finer_than_its_column_is_a_rounding_within_half_the_column_s_unit(printed, level):
    """Table 1's shares are printed with one decimal (100,0%, 66,7%); almaty's 1 of 3 (33.333%) printed with two: 33,38%
    is within 0.05 of it (half a unit of the column's one decimal), a rounding; 33,39% (0.057 off) a contradiction."""
    out = audit(*table1({"almaty": 1, "astana": 2}, 3, {"almaty": printed, "astana": "66,7%"}, "100,0%"))
    got = out.filter(pl.col("rule") == "share_from_counts").select("row_key", "level").rows()
    assert got == [("almaty", level)]


def test_the_cells_of_a_finding_are_its_own_cell_and_those_it_rests_on():
    """Table 1's total 4 against its rows 2 + 1: one root cause, its cells the total (the anchor) and the two rows."""
    from assets.derive.audit import audit_cells

    cells = audit_cells(audit(*table1({"almaty": 2, "astana": 1}, 4)))
    assert cells.columns == ["source", "root_id", "level", "rule", "period", "table_no", "row_key", "col_key", "anchor"]
    assert cells.rows() == [("t", "t#01", "contradiction", "sum_total", "2017", "1", "total", "count", True),
                            ("t", "t#01", "contradiction", "sum_total", "2017", "1", "almaty", "count", False),
                            ("t", "t#01", "contradiction", "sum_total", "2017", "1", "astana", "count", False)]


def test_a_dash_in_a_partition_of_shares_is_exactly_nothing():
    """Table 4's shares 50,0% + 49,7% + "-": the dash is none at all, so they sum to 99.7%, not 100% (a finding); a
    printed 0,0% may be up to 0.1% (truncated), which closes the gap (no finding)."""
    rows = [fig("4", "political", "share_pct", "50,0%"), fig("4", "economic", "share_pct", "49,7%")]
    out = audit(*rows, fig("4", "social", "share_pct", "-", decimals=1))
    assert out.select("rule", "table_no", "row_key", "published", "expected").rows() == [("shares_sum_100", "4", "total", 99.7, 100.0)]
    assert audit(*rows, fig("4", "social", "share_pct", "0,0%")).height == 0


def test_reasons_shares_are_checked_over_the_unsanctioned_assemblies_table_9_implies():
    """10 assemblies, Table 9: 40% unsanctioned, so 4 of them (Table 11 printing no count). Table 10's reasons 25% and
    75% are 1 and 3 of those 4 (no finding); 33% and 67% are whole shares neither of 10 nor of 4 (a finding naming both)."""
    base = [fig("1", "almaty", "count", "10"), fig("1", "total", "count", "10"), fig("9", "total", "share_pct", "40%")]
    assert audit(*base, fig("10", "principled", "share_pct", "25%"), fig("10", "unaware", "share_pct", "75%")).height == 0
    out = audit(*base, fig("10", "principled", "share_pct", "33%"), fig("10", "unaware", "share_pct", "67%"))
    assert out["rule"].to_list() == ["whole_base"]
    assert "over the 10 assemblies of 2017" in out["message"][0]
    assert "over the 4 unsanctioned assemblies ('40%' of 10, Table 9)" in out["message"][0]


def test_a_trend_word_of_no_change_agrees_with_an_unchanged_figure():
    """Table 1's total is 5 in 2016 and in 2017: the text's "no change" (0) is right; its "decrease" (-1) is not."""
    rows = [fig("1", "almaty", "count", "5", period="2016"), fig("1", "total", "count", "5", period="2016"),
            fig("1", "almaty", "count", "5"), fig("1", "total", "count", "5")]
    assert audit(*rows, fig("summary", "1/total/count", "trend", "0", location="text", line=9)).height == 0
    out = audit(*rows, fig("summary", "1/total/count", "trend", "-1", location="text", line=9))
    assert out["message"].to_list() == ["the text (line 9) says '-1' (a decrease) of Table 1 'total' 'count', but it goes "
                                        "from '5' (2016) to '5' (2017)"]


def test_a_figure_of_the_text_is_named_as_the_text_s_line():
    """The text (line 7) gives Table 1's total as 4, the table 3: the finding names the text's line, not the table."""
    out = audit(*table1({"almaty": 2, "astana": 1}, 3), fig("1", "total", "count", "4", location="text", line=7, primary=False))
    assert out.select("rule", "published", "expected").rows() == [("same_figure", 4.0, 3.0)]
    assert "the text (line 7) gives '4', but Table 1 (line 1) gives '3'" in out["message"][0]


def test_only_an_announced_list_total_is_read_as_a_list_s_heading():
    """Table 4: 5 political, 3 economic assemblies. The text announcing a list of political topics totalling 3 swaps
    the headings (a finding); another figure of the text's political topics row (a column `lists`) announces no list."""
    t4 = [fig("4", "political", "count", "5"), fig("4", "economic", "count", "3"), fig("4", "social", "count", "2"),
          fig("4", "total", "count", "10")]
    out = audit(*t4, fig("summary", "topics/political", "announced_list_total", "3", location="text", line=4))
    assert out.select("rule", "published", "expected").rows() == [("category_swap", 3.0, 5.0)]
    assert audit(*t4, fig("summary", "topics/political", "lists", "3", location="text", line=4)).height == 0


def test_a_character_s_topics_sum_to_its_own_total_only():
    """The topics list: political a (2) totalling 2, economic b (3) totalling 3: each total is its own topics' sum."""
    rows = [fig("topics", "political/a", "count", "2"), fig("topics", "political/total", "count", "2"),
            fig("topics", "economic/b", "count", "3"), fig("topics", "economic/total", "count", "3")]
    assert audit(*rows).height == 0
    out = audit(*rows[:3], fig("topics", "economic/total", "count", "4"))
    assert out.select("rule", "row_key", "published", "expected").rows() == [("sum_total", "economic/total", 4.0, 3.0)]


# --- the card's schema and the template


@pytest.mark.parametrize("header, kind, expected", [
    ("Штраф", "person", "'Штраф, МРП' (fine_mrp)"),        # the first word of a label followed by a comma
    ("Арест", "person", "'Арест, суток' (arrest_days)"),
])
def test_an_unknown_column_named_by_a_label_s_first_word_before_a_comma_is_told_that_field(header, kind, expected):
    from schemas.card import nearest_fields

    assert nearest_fields(header, kind) == [expected]


def test_the_template_s_input_messages_hold_card_yaml_s_meaning_whole_or_cut_at_a_word(tmp_path):
    """The input message of a column: its type in Russian, then card.yaml's meaning (English). Where it fits in Excel's
    255 characters it is there whole (the date's); where it does not (card_id's, 187 characters after a long Russian
    hint) it is cut at a word and ends with "…", never past 255 characters."""
    from openpyxl import load_workbook

    from schemas.card import spec
    from tests.test_template import validations

    wb = load_workbook(write_template(tmp_path / "t.xlsx"))
    dvs = validations(wb, "cards")
    fields = spec().fields("card")
    whole, cut = 0, 0
    for name in ("date", "card_id", "participants", "notes", "place"):
        prompt, meaning = dvs[name].prompt, fields[name].meaning
        assert len(prompt) <= 255 and meaning, name
        if prompt.endswith(". " + meaning):
            whole += 1
            continue
        at = prompt.find(". " + meaning[:20])  # the meaning begins after the Russian hint
        assert at > 0, (name, prompt)
        tail = prompt[at + 2:]
        assert tail.endswith("…") and meaning.startswith(tail[:-1]) and meaning[len(tail) - 1] == " ", (name, prompt)
        cut += 1
    assert dvs["date"].prompt.endswith(". " + fields["date"].meaning)
    assert not dvs["card_id"].prompt.endswith(". " + fields["card_id"].meaning) and dvs["card_id"].prompt.endswith("…")
    assert whole >= 3 and cut >= 1
