"""The public exports' guards, on hand-made frames: every character a spreadsheet reads as the start of a formula
(OWASP CSV injection, the full-width forms too) is neutralised by both paths; the allow-list keeps the figures'
provenance; private names are redacted in every free-text column of the cards and in the figures' row keys.
(Mutants of the exports survived the tests that ran whole periods: issue 14, the re-run after the copy's fix.)"""
import polars as pl
import pytest

from assets.report import exports

# written out by hand, not read from exports.FORMULA_START
STARTS = ["=1+1", "+7 777", "-2", "@SUM(A1)", "\tx", "\rx", "\nx", "＝1", "＋1", "－1", "＠x"]
PLAIN = ["1-2", "Алматы", "a=b", " =x"]


@pytest.mark.parametrize("text", STARTS)
def test_every_formula_start_is_neutralised_cell_by_cell_and_by_frame(text):
    assert exports.neutralise(text) == "'" + text
    out = exports.neutralise_frame(pl.DataFrame({"t": [text, "ok"]}))
    assert out["t"].to_list() == ["'" + text, "ok"]


def test_text_that_only_contains_a_formula_sign_is_left_alone():
    assert [exports.neutralise(t) for t in PLAIN] == PLAIN
    assert exports.neutralise_frame(pl.DataFrame({"t": PLAIN}))["t"].to_list() == PLAIN


def test_the_figures_export_keeps_their_provenance():
    df = pl.DataFrame({"period": ["2017"], "table_no": ["2"], "row_key": ["total"], "col_key": ["count"],
                       "value": [36.0], "provenance": ["derived"], "model": ["figures/table_02"]})
    out = exports.public_frame("figures", df, [])
    assert out.columns == ["period", "table_no", "row_key", "col_key", "value", "provenance"]
    assert out["provenance"].to_list() == ["derived"]


@pytest.mark.parametrize("column", ["settlement", "place", "topic", "organizer_name", "source_links"])
def test_a_private_name_is_redacted_in_each_free_text_column_of_the_cards(column):
    df = pl.DataFrame({c: ["нейтральный текст"] for c in exports.PUBLIC_CARD_COLUMNS if c != column})
    df = df.with_columns(pl.lit("пикет Серика Жумабаева у акимата").alias(column))
    out = exports.public_frame("cards_public", df, ["Серик Жумабаев"])
    assert "Жумабаев" not in out[column][0] and "акимата" in out[column][0]


def test_a_private_name_is_redacted_in_the_figures_row_keys():
    df = pl.DataFrame({"period": ["2017"], "table_no": ["7"], "row_key": ["social/за Серика Жумабаева"],
                       "col_key": ["count"], "value": [1.0], "provenance": ["derived"]})
    out = exports.public_frame("figures", df, ["Серик Жумабаев"])
    assert "Жумабаев" not in out["row_key"][0] and out["row_key"][0].startswith("social/")


@pytest.mark.parametrize("model", ["exports/cards_public", "exports/reconciliation", "exports/figures", "exports/audit"])
def test_each_export_query_reads_its_own_period_only(model):
    """Three periods in the table; the export of the middle one holds its rows and no other period's."""
    import duckdb

    from assets.core import warehouse as wh

    con = duckdb.connect()
    con.execute("CREATE TABLE base AS SELECT * FROM (VALUES ('2016', 'a'), ('2017', 'b'), ('2017', 'c'), ('2018', 'd')) "
                "v(period, card_id)")
    for ddl in ("CREATE TABLE cards AS SELECT *, 'x' AS table_no, 'r' AS row_key, 'c' AS col_key FROM base",
                "CREATE TABLE reconciliation AS SELECT * FROM cards", "CREATE TABLE figures AS SELECT * FROM cards",
                "CREATE TABLE audit AS SELECT * FROM cards"):
        con.execute(ddl)
    out = wh.query(con, wh.read_sql(model), {"period": "2017"})
    assert sorted(out["card_id"].to_list()) == ["b", "c"]
