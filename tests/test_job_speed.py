"""The shortcuts that keep period_job fast (issue 15) give exactly what the long way gave."""
import polars as pl
from hypothesis import given, settings, strategies as st

from assets.report import charts, exports
from assets.validate import redaction

NAMES = ["Гульнара Секретова", "Dana Tikhaya", "Ёлкин Пётр", "Иван Иванов"]
PIECES = ["Секретовой", "секретова", "СЕКРЕТОВЫХ", "Tikhaya", "tikhoy", "Елкину", "Ёлкина", "Иванов", "https://x.kz/sekretova",
          "пикет", "у акимата", " ", "\x1b[31m", "\u200b", "\x07", "\t", "\n", "é", "İvanov", "ſekretova", "=1+1", "Ж"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.one_of(st.none(), st.lists(st.sampled_from(PIECES), max_size=6).map("".join)), min_size=1, max_size=40),
       st.lists(st.sampled_from(NAMES), max_size=4))
def test_distinct_redaction_equals_the_redaction_of_every_cell(cells, names):
    """redact_frame_columns redacts each distinct text once and maps it back: the same as redacting
    every cell on its own."""
    df = pl.DataFrame({"place": cells, "topic": list(reversed(cells)), "n": range(len(cells))},
                      schema={"place": pl.Utf8, "topic": pl.Utf8, "n": pl.Int64})
    got = redaction.redact_frame_columns(df, ["place", "topic"], names)
    if not names:
        assert got.equals(df)
        return
    assert got["place"].to_list() == [redaction.redact(v, names) for v in cells]
    assert got["topic"].to_list() == [redaction.redact(v, names) for v in reversed(cells)]
    assert got["n"].to_list() == list(range(len(cells)))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=8).map("".join))
def test_the_plain_text_shortcut_cleans_as_the_long_way(text):
    """_plain returns plain text (ASCII, Cyrillic, tab, line feed) as it is without walking it: only
    where the character-by-character clean-up would leave it as it is."""
    assert redaction._plain(text) == redaction._cleaned(text)


def test_distinct_redaction_redacts_and_cleans():
    df = pl.DataFrame({"place": ["у дома Секретовой", "у дома Секретовой", None, "ok\u200b", "ссылка https://x.kz/sekretova"]})
    got = redaction.redact_frame_columns(df, ["place"], NAMES)["place"].to_list()
    assert got == ["у дома […]", "у дома […]", None, "ok", "ссылка https://x.kz/[…]"]


def test_a_chart_is_measured_only_when_its_layout_is_read(monkeypatch):
    """Saving a chart no longer draws it a third time for the tests' layout; reading LAST_LAYOUT does,
    and finds crowded labels as before."""
    calls = []
    real = charts.layout
    monkeypatch.setattr(charts, "layout", lambda fig: calls.append(1) or real(fig))
    per = [str(2000 + i) for i in range(40)]
    charts.by_period_bars.__wrapped__(per, [123456.0 + i for i in range(40)], [False] * 40, ylabel="n", legend=None,
                                      decimals=0, lang="ru")
    assert calls == []
    assert charts.LAST_LAYOUT["overlaps"]  # forty six-digit labels side by side run into each other
    assert calls == [1]
    assert charts.LAST_LAYOUT["legend_handles"] == [] and calls == [1]  # measured once


# ------------------------------------------------------------------ the long sheets' rows written by Polars

def _sheets(path):
    import zipfile

    with zipfile.ZipFile(path) as z:  # every part but the creation time
        return {n: z.read(n) for n in sorted(z.namelist()) if n != "docProps/core.xml"}


def _both_ways(tmp_path, monkeypatch, frames):
    from assets.report import xlsx_rows

    fast, slow = tmp_path / "fast.xlsx", tmp_path / "slow.xlsx"
    exports._write_xlsx(fast, frames)
    with monkeypatch.context() as m:
        m.setattr(xlsx_rows, "can_write", lambda df: False)  # every cell through xlsxwriter
        exports._write_xlsx(slow, frames)
    return _sheets(fast), _sheets(slow)


TEXT = st.lists(st.sampled_from(["a", "Ж", " ", "\n", "\r", "\t", "\x1b", "_x0041_", "_X00ff_", "<r>", "</r>", "&", "<", ">",
                                 '"', "'", "=", "\u3000", "\u00a0", "\ufffe", "\uffff", "\u200b", "_x00", "1"]),
                max_size=8).map("".join)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.one_of(st.none(), TEXT), st.one_of(st.none(), st.integers(-10**16, 10**16)),
                          st.one_of(st.none(), st.booleans()),
                          st.one_of(st.none(), st.dates(min_value=__import__("datetime").date(1899, 12, 1)))),
                min_size=0, max_size=30))
def test_the_rows_written_by_polars_are_xlsxwriters_own(tmp_path_factory, rows):
    import pytest

    tmp = tmp_path_factory.mktemp("x")
    df = pl.DataFrame(rows, schema={"t": pl.Utf8, "n": pl.Int64, "b": pl.Boolean, "d": pl.Date}, orient="row")
    with pytest.MonkeyPatch.context() as mp:
        fast, slow = _both_ways(tmp, mp, [("cards_public", df), ("texts", df.select("t", "b"))])
    assert fast == slow


def test_the_fast_rows_are_taken_for_the_cards_and_equal_xlsxwriters(tmp_path, monkeypatch):
    import datetime as dt

    from assets.report import xlsx_rows

    n = 3_000
    df = pl.DataFrame({
        "card_id": [f"C-{i}" for i in range(n)], "date": [dt.date(2017, 1, 1) + dt.timedelta(days=i % 365) for i in range(n)],
        "place": [None if i % 7 == 0 else ["у акимата", " пробел", "a & b < c", "_x0041_", "строка\rдве"][i % 5] for i in range(n)],
        "participants": [None if i % 5 == 0 else i * 3 for i in range(n)], "sanctioned": [None if i % 3 == 0 else i % 2 == 0 for i in range(n)],
    })
    assert xlsx_rows.can_write(exports._escape_illegal(exports.neutralise_frame(df)))
    assert not xlsx_rows.can_write(pl.DataFrame({"x": [1.5]}))  # floats: xlsxwriter's "%.16G" stays with xlsxwriter
    assert not xlsx_rows.can_write(pl.DataFrame({"x": [10**15]}))
    fast, slow = _both_ways(tmp_path, monkeypatch, [("table 1", pl.DataFrame({"row_key": ["a"], "count": [1.0]})), ("cards_public", df)])
    assert fast == slow
    sheet = fast["xl/worksheets/sheet2.xml"].decode()
    assert '<dimension ref="A1:E3001"/>' in sheet and '<c r="C2"' not in sheet and "_x005F_x0041_" in sheet
