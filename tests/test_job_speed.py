"""The shortcuts that keep period_job fast (issue 15) give exactly what the long way gave."""
import polars as pl
from hypothesis import given, settings, strategies as st

from assets.report import charts, exports
from assets.validate import redaction

NAMES = ["Гульнара Секретова", "Dana Tikhaya", "Ёлкин Пётр", "Иван Иванов"]
PIECES = ["Секретовой", "секретова", "СЕКРЕТОВЫХ", "Tikhaya", "tikhoy", "Елкину", "Ёлкина", "Иванов", "https://x.kz/sekretova",
          "пикет", "у акимата", " ", "\x1b[31m", "\u200b", "\x07", "\t", "\n", "é", "İvanov", "ſekretova", "=1+1", "Ж"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.none(), st.lists(st.sampled_from(PIECES), max_size=6).map("".join)), min_size=1, max_size=40),
       st.lists(st.sampled_from(NAMES), max_size=4))
def test_distinct_redaction_equals_the_redaction_of_every_cell(cells, names):
    df = pl.DataFrame({"place": cells, "topic": list(reversed(cells)), "n": range(len(cells))},
                      schema={"place": pl.Utf8, "topic": pl.Utf8, "n": pl.Int64})
    want = redaction.redact_frame_columns(df, ["place", "topic"], names)
    got = exports.redact_distinct(df, ["place", "topic"], names)
    assert got.equals(want)


def test_distinct_redaction_redacts_and_cleans():
    df = pl.DataFrame({"place": ["у дома Секретовой", "у дома Секретовой", None, "ok\u200b", "ссылка https://x.kz/sekretova"]})
    got = exports.redact_distinct(df, ["place"], NAMES)["place"].to_list()
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
