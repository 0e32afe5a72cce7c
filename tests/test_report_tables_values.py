"""The report's tables, appendix, notable events and edition changes by value, on the hand-made
warehouse of tests/test_report_sentences_values.py (plus the cells below), without a pipeline run.
Every expected cell is worked out by hand from the figures; a table's rows are asserted line by line.
Kills the mutants of scripts/mutate.py's `report` area in period_tables.py, period_view.py,
appendix.py, notable_events.py and changes.py.

Cells added to the sentences' figures (none of them read by a sentence):
    2  cities 2016: almaty 9, astana 11; 2017: almaty 6, astana 3
    8  forms 2016: picket 2 (20 %); 2017: picket 5 (41.7 %), rally 4 (33.3 %)
    18 participants 2017: almaty 150, astana 90 (total 240); mean 25 / 15 / 20
    14 participants and police 2017: almaty 100 and 15, astana 60 and 24, total 160 and 39
    19 duration 2017: total 546 min
    topics 2017: social/жильё 3, social/тарифы 2, political/выборы 1
"""
from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from assets.report import appendix, changes, notable_events, period_tables, sentences, tables
from assets.report.period_view import PeriodView
from tests.test_report_sentences_values import FIGURES, ORDER, T, _data

EXTRA = {
    "2016": {("2", "almaty", "count"): 9.0, ("2", "astana", "count"): 11.0, ("8", "picket", "count"): 2.0,
             ("8", "picket", "share_pct"): 20.0},
    "2017": {("2", "almaty", "count"): 6.0, ("2", "astana", "count"): 3.0, ("8", "picket", "count"): 5.0,
             ("8", "picket", "share_pct"): 41.7, ("8", "rally", "count"): 4.0, ("8", "rally", "share_pct"): 33.3,
             ("14", "almaty", "participants"): 100.0, ("14", "astana", "participants"): 60.0, ("14", T, "participants"): 160.0,
             ("14", "almaty", "police"): 15.0, ("14", "astana", "police"): 24.0, ("14", T, "police"): 39.0,
             ("18", "almaty", "participants"): 150.0, ("18", "astana", "participants"): 90.0,
             ("18", "almaty", "participants_avg"): 25.0, ("18", "astana", "participants_avg"): 15.0,
             ("18", T, "participants_avg"): 20.0, ("19", T, "duration_total_min"): 546.0,
             ("topics", "social/жильё", "count"): 3.0, ("topics", "social/тарифы", "count"): 2.0,
             ("topics", "political/выборы", "count"): 1.0},
}
FIGS = {p: {**cells, **EXTRA.get(p, {})} for p, cells in FIGURES.items()}


@pytest.fixture(scope="module")
def data():
    return _data(FIGS)


@pytest.fixture(scope="module")
def ru(data) -> dict:
    return period_tables.fragments(PeriodView(data, "2017", "ru"))


def rows(fragment: str) -> list[str]:
    """The body rows of a pipe table (no header, no separator)."""
    lines = [x for x in fragment.splitlines() if x.startswith("| ")]
    return lines[2:]


def test_cities_tables(ru):
    assert rows(ru["t01"]) == ["| Алматы | 6 (50%) |", "| Астана | 3 (25%) |", "| Шымкент | 2 (17%) |", "| Тараз | 1 (8,3%) |",
                               "| **ВСЕГО** | 12 (100%) |"]
    assert rows(ru["t14"]) == ["| Алматы | 100 | 15 | 1,50 |", "| Астана | 60 | 24 | 4,00 |", "| **ВСЕГО** | 160 | 39 | 2,50 |"]


def test_tables_by_period(ru):
    assert "| Город | 2015 | 2016 | 2017 |" in ru["t02"]
    assert rows(ru["t02"]) == ["| Алматы | — | 9 | 6 |", "| Астана | — | 11 | 3 |", "| **ВСЕГО** | 45 | 20 | 12 |"]
    assert ru["t02"].splitlines()[-2].endswith("за 2015–2017 годы")
    # the activity index with one decimal, as every edition's Table 3 and the text print it
    assert rows(ru["t03"]) == ["| Алматы | — | 0,8 | 0,6 |", "| **ВСЕГО** | 3,8 | 1,7 | 1,0 |"]
    assert rows(ru["t06"]) == ["| Общественные организации | 7 (58%) |", "| Стихийные объединения граждан | — |",
                               "| Одиночки | 5 (42%) |"]
    assert "| Форма | 2016 | 2017 |" in ru["t08"]
    assert rows(ru["t08"]) == ["| Пикет | 2 (20%) | 5 (42%) |", "| Митинг | — | 4 (33%) |"]


def test_character_and_forms(ru):
    assert rows(ru["t04"]) == ["| 2016 | — | — | 30% |", "| 2017 | 3 (25%) | 4 (33%) | 5 (42%) |"]
    assert rows(ru["t07"]) == ["| Пикет | 5 (42%) |", "| Митинг | 4 (33%) |", "| Голодовка | 3 (25%) |", "| **ВСЕГО** | 12 |"]


def test_tables_across_periods_with_their_means(ru):
    assert rows(ru["t05"]) == ["| Общественные организации | 62% | 58% |"]
    assert rows(ru["t09"]) == ["| Доля несанкционированных | 62% | 80% | 75% |"]
    assert "В среднем за все периоды: 72%." in ru["t09"]  # (62 + 80 + 75) / 3 = 72.3
    assert rows(ru["t12"]) == ["| Индекс законопослушности | 38% | 20% | 25% |"]
    assert "В среднем за все периоды: 28%." in ru["t12"]  # (38 + 20 + 25) / 3 = 27.7
    assert rows(ru["t15"]) == ["| Индекс полицейского контроля | 1,00 | 2,50 |"] and "В среднем" not in ru["t15"]
    assert rows(ru["t17"]) == ["| Доля дошедших до суда | 40% | 50% | 33% |"] and "В среднем" not in ru["t17"]


def test_tables_of_cities_by_period(ru):
    assert "| Город | Всего, 2016 | Всего, 2017 | Среднее, 2017 |" in ru["t18"]
    assert rows(ru["t18"]) == ["| Алматы | — | 150 | 25 |", "| Астана | — | 90 | 15 |", "| **ВСЕГО** | 300 | 240 | 20 |"]
    assert "| Город | Всего, мин., 2017 | Среднее, мин., 2016 | Среднее, мин., 2017 |" in ru["t19"]
    assert rows(ru["t19"]) == ["| **ВСЕГО** | 546 | 60 | 45,5 |"]
    assert rows(ru["courts"]) == ["| **ВСЕГО** | — | 2 | 3 | 150 | 1 | 10 | 4 |"]


def test_topics(ru):
    tables = ru["topics"].split("::: {.table-wrap}")[1:]
    assert [rows(t) for t in tables] == [["| выборы | 1 |", "| **ВСЕГО** | 1 |"],
                                        ["| жильё | 3 |", "| тарифы | 2 |", "| **ВСЕГО** | 5 |"]]


def test_topics_beyond_the_limit_in_one_row(data):
    many = {("topics", f"social/тема {i:02d}", "count"): float(30 - i) for i in range(27)}  # 30, 29, ..., 4
    d = _data({"2017": {**FIGS["2017"], **many}})
    t = period_tables.fragments(PeriodView(d, "2017", "ru"))["topics"].split("::: {.table-wrap}")[2]
    body = rows(t)
    assert body[0] == "| тема 00 | 30 |" and body[24] == "| тема 24 | 6 |"
    # left: тема 25 (5), тема 26 (4), жильё (3), тарифы (2): 4 topics, 14; in all 30 + 29 + ... + 4 = 459, + 5 = 464
    assert body[25:] == ["| Другие темы (4; все — в выгрузке figures) | 14 |", "| **ВСЕГО** | 464 |"]


def test_title_subs_say_the_calendar_years_the_periods_span(data):
    # config/periods.yaml: 2010, 2011-2012, 2012-2013, 2014 … 2017 are 7 periods over 8 calendar years (2010–2017):
    # the title says the span, never "за 7 лет" / "over 7 years" (nor 8 of 8 periods up to 2018)
    b = PeriodView(data, "2017", "ru")
    seven = ["2010", "2011-2012", "2012-2013", "2014", "2015", "2016", "2017"]
    assert b.title_subs(seven) == {"over_years": "за 2010–2017 годы", "prev": "с 2016 годом"}
    assert b.title_subs(["2015", "2016", "2017"])["over_years"] == "за 2015–2017 годы"
    assert b.title_subs(["2017"]) == {"over_years": "за 2017 год"}
    assert b.title_subs(["2011-2012"]) == {"over_years": "за 2011–2012 годы"}  # one period of two years
    assert b.title_subs([]) == {}  # no period: no words (the title drops its placeholder)
    e = PeriodView(data, "2017", "en")
    assert e.title_subs(["2017"]) == {"over_years": "in 2017"}
    assert e.title_subs(seven + ["2018"]) == {"over_years": "in 2010–2018", "prev": "with 2016"}


def test_a_published_period_is_marked_and_noted(data):
    import dataclasses

    d = dataclasses.replace(data, published={("2015", "2"), ("2015", "9")})
    f = period_tables.fragments(PeriodView(d, "2017", "ru"))
    assert "| Город | 2015* | 2016 | 2017 |" in f["t02"]
    assert "Опубликованные данные прошлых отчётов" in f["t02"] and "Опубликованные" not in f["t03"]
    assert "| Период | 2015* | 2016 | 2017 |" in f["t09"] and "| Период | 2015 | 2016 | 2017 |" in f["t12"]


# ------------------------------------------------------------------------------ the appendix

def test_appendix_lists_the_differences_and_the_audit(data):
    import dataclasses

    rec = pl.DataFrame({"period": ["2017"] * 4, "table_no": ["9", "1", "14-1", "2"], "row_key": ["total", "almaty", "total", "total"],
                        "col_key": ["share_pct", "share_pct", "police_control_index", "count"],
                        "derived": [75.0, 50.0, 3.25, 12.0], "published": [70.0, 47.0, None, 12.0],
                        "printed": [None, "47%", None, "12"], "decimals": [0, 0, None, 0],
                        "status": ["mismatch", "mismatch", "not_published", "match"]})
    aud = pl.DataFrame({"source": ["s", "s"], "rule": ["sum_total", "sum_total"], "period": ["2017", "2017"],
                        "table_no": ["11", "2"], "row_key": ["total", "total"], "col_key": ["count", "count"],
                        "published": [30.0, None], "expected": [31.5, 12.0], "message": ["m", "m"]})
    app = appendix.appendix(PeriodView(dataclasses.replace(data, reconciliation=rec, audit=aud), "2017", "ru"))
    lines = [x for x in app.splitlines() if x.startswith("| ")]
    status_counts = lines[2:5]
    assert [x.split(" | ")[-1] for x in status_counts] == ["1 |", "2 |", "1 |"]  # match 1, mismatch 2, not_published 1
    diffs = lines[7:10]
    assert [x.split(" | ")[:1] + x.split(" | ")[4:6] for x in diffs] == [
        ["| 1", "50%", "47%"], ["| 9", "75%", "70%"], ["| 14-1", "3,25", "—"]]
    audit = lines[-2:]
    assert [x.split(" | ")[0] for x in audit] == ["| 2", "| 11"]
    assert audit[0].endswith("| — | 12 |") and audit[1].endswith("| 30 | 32 |")  # 31.5 → 32 (a count)
    assert appendix.appendix(PeriodView(dataclasses.replace(data, reconciliation=None, audit=aud), "2017", "ru")).count("| 11 |") == 1
    assert appendix.appendix(PeriodView(dataclasses.replace(data, reconciliation=None, audit=None), "2017", "ru")) == ""
    only_matches = appendix.appendix(PeriodView(dataclasses.replace(data, reconciliation=rec.filter(pl.col("status") == "match"),
                                                                     audit=None), "2017", "en"))
    assert [x for x in only_matches.splitlines() if x.startswith("| ")][-1].endswith("| 1 |")


def test_table_order_of_the_appendix():
    assert sorted(["14-1", "2", "courts", "14", "10", None], key=tables.table_order) == ["2", "10", "14", "14-1", None, "courts"]


# ------------------------------------------------------------------------------ notable events

def _cards(n_political=1, more=0):
    base = [
        dict(date=dt.date(2017, 3, 10), city="almaty", settlement=None, form="rally", character="political", detained=0,
             obstruction=False, participants=40, notes="Митинг за выборы."),
        dict(date=dt.date(2017, 4, 2), city="astana", settlement=None, form="hunger_strike", character="social", detained=None,
             obstruction=None, participants=3, notes="Голодовка дольщиков."),
        dict(date=dt.date(2017, 5, 5), city="taraz", settlement=None, form="picket", character="social", detained=2,
             obstruction=False, participants=5, notes="Двое задержаны."),
        dict(date=dt.date(2017, 5, 6), city="taraz", settlement=None, form="picket", character="economic", detained=0,
             obstruction=True, participants=4, notes="Пикету помешали."),
        dict(date=dt.date(2017, 5, 7), city="taraz", settlement=None, form="picket", character="economic", detained=0,
             obstruction=False, participants=9, notes="Ничего не случилось."),
        dict(date=dt.date(2017, 5, 8), city="taraz", settlement=None, form="march", character="economic", detained=1,
             obstruction=False, participants=9, notes="  "),
    ]
    extra = [dict(date=dt.date(2017, 6, 1 + i), city="almaty", settlement=None, form="rally", character="political", detained=i % 3,
                  obstruction=False, participants=10 + i, notes=f"Событие {i}.") for i in range(more)]
    return pl.DataFrame(base + extra)


def test_notable_events_of_each_list(data):
    import dataclasses

    b = PeriodView(dataclasses.replace(data, cards=_cards()), "2017", "ru")
    pol = [x for x in notable_events.events(b, "political").splitlines() if x.startswith("- ")]
    assert pol == ["- **10 марта, Алматы** (митинг). Митинг за выборы."]
    forms = [x for x in notable_events.events(b, "forms").splitlines() if x.startswith("- ")]
    assert forms == ["- **2 апреля, Астана** (голодовка). Голодовка дольщиков."]
    det = [x for x in notable_events.events(b, "detentions").splitlines() if x.startswith("- ")]
    assert det == ["- **5 мая, Тараз** (пикет). Двое задержаны.", "- **6 мая, Тараз** (пикет). Пикету помешали."]
    assert notable_events.events(PeriodView(data, "2017", "ru"), "political") == ""


def test_notable_events_beyond_the_limit(data):
    """14 political events (March 10 and 13 in June): the 12 with most detained, then most participants, in
    date order. Detained i % 3: 2 for i = 2, 5, 8, 11; 1 for i = 1, 4, 7, 10; 0 for March (40 participants)
    and i = 12, 9, 6, 3, 0 (22, 19, 16, 13, 10): 'Событие 3' and 'Событие 0' are left out."""
    import dataclasses

    b = PeriodView(dataclasses.replace(data, cards=_cards(more=13)), "2017", "ru")
    text = notable_events.events(b, "political")
    shown = [x for x in text.splitlines() if x.startswith("- ")]
    # detained by i % 3: i = 0, 3, 6, 9, 12 have 0 (participants 10, 13, 16, 19, 22); the card of March 40
    assert len(shown) == 12
    assert not any("Событие 0." in x or "Событие 3." in x for x in shown)
    assert shown[0].startswith("- **10 марта") and shown[-1].endswith("Событие 12.")
    assert ("Здесь — 12 самых заметных из 14 описанных собраний (больше всего задержанных, затем участников); ещё 2 — в "
            "открытых данных периода") in text


# ------------------------------------------------------------------------------ changes since an edition

def test_changes_section():
    ch = pl.DataFrame({"date": [dt.date(2017, 3, 10), dt.date(2017, 2, 1)], "city": ["almaty", "astana"],
                       "change": ["changed", "added"], "fields": [["participants", "persons"], []]})
    since = dt.datetime(2018, 1, 15, tzinfo=dt.timezone.utc)
    ru = changes.appendix_section(ch, since, None, "ru")
    assert "Карточки, добавленные, исправленные или удалённые с 15 января 2018." in ru
    assert "| 10 марта 2017 | Алматы | исправлена | " in ru and "Лица |" in ru
    assert "| 1 февраля 2017 | Астана | добавлена |  |" in ru
    en = changes.appendix_section(ch, since, dt.datetime(2018, 2, 1, tzinfo=dt.timezone.utc), "en")
    assert "Cards added, corrected or removed since 15 January 2018 up to 1 February 2018." in en
    assert changes.appendix_section(ch.head(0), since, None, "en").endswith("No card has changed since 15 January 2018.\n")


def test_moments():
    utc = dt.timezone.utc
    assert changes.parse_moment("2018-01-15") == dt.datetime(2018, 1, 15, 23, 59, 59, 999999, tzinfo=utc)
    assert changes.parse_moment("2018-01-15", end_of_day=False) == dt.datetime(2018, 1, 15, tzinfo=utc)
    assert changes.parse_moment(" 2018-01-15T10:30 ") == dt.datetime(2018, 1, 15, 10, 30, tzinfo=utc)
    with pytest.raises(ValueError):
        changes.parse_moment("15.01.2018")


# ------------------------------------------------------------------------------ the charts' figures

def test_charts_are_given_the_figures(data, monkeypatch):
    from types import SimpleNamespace

    from assets.report import chart_fragments, charts

    calls: dict[str, list] = {}

    def fake(kind):
        def draw(*args, **kwargs):
            calls.setdefault(kind, []).append((args, kwargs))
            return {"svg": kind.encode()}
        return draw

    for kind in ("by_period_bars", "ranked", "stacked_shares"):
        monkeypatch.setattr(charts, kind, fake(kind))
    ctx = SimpleNamespace(files={}, fragments={})
    chart_fragments.add_charts(PeriodView(data, "2017", "ru"), ctx)
    (dyn, dyn_kw), (police, police_kw) = calls["by_period_bars"]
    assert dyn == (["2015", "2016", "2017"], [45.0, 20.0, 12.0], [False, False, False])
    assert (dyn_kw["decimals"], dyn_kw["lang"], dyn_kw.get("line", False)) == (0, "ru", False)
    assert police == (["2016", "2017"], [1.0, 2.5], [False, False]) and (police_kw["decimals"], police_kw["line"]) == (2, True)
    (cities, _), (forms, _) = calls["ranked"]
    assert cities[:3] == (["Алматы", "Астана", "Шымкент", "Тараз"], [6.0, 3.0, 2.0, 1.0],
                          ["50%", "25%", "17%", "8,3%"])  # the shares as Table 1 shows them (fmt.pct)
    assert forms[:3] == (["Пикет", "Митинг", "Голодовка"], [5.0, 4.0, 3.0], ["42%", "33%", "25%"])
    (character, _), = calls["stacked_shares"]
    assert character[0] == ["2016", "2017"]
    assert character[1] == {"political": [None, 25.0], "economic": [None, 33.3], "social": [30.0, 41.7]}
    assert set(ctx.files) == {"dynamics.svg", "cities.svg", "character.svg", "forms.svg", "police.svg"}
    assert ctx.files["police.svg"] == b"by_period_bars" and ctx.files["forms.svg"] == b"ranked"
    for name in ("dynamics", "cities", "character", "forms", "police"):
        assert ctx.fragments[f"chart_{name}"].startswith("![") and ctx.fragments[f"chart_{name}"].endswith(
            f"](_generated/{name}.svg){{#fig-{name} width=100%}}\n")
    bare = SimpleNamespace(files={}, fragments={})
    chart_fragments.add_charts(PeriodView(_data({"2017": {("summary", T, "assemblies"): 1.0}}), "2017", "en"), bare)
    assert bare.files == {} and bare.fragments == {f"chart_{n}": "" for n in chart_fragments.CHARTS}


# ------------------------------------------------------------------------------ printed figures, divergence marks, footnotes

def _with_published(data):
    import dataclasses

    from assets.report.published import Printed, column_decimals

    rec = pl.DataFrame({
        "table_no": ["9", "1", "1"], "row_key": ["total", "shymkent", "taraz"], "col_key": ["share_pct", "share_pct", "count"],
        "derived": [75.0, 16.7, 1.0], "published": [70.0, 16.7, 2.0], "printed": ["70%", "16,7%", "2"], "decimals": [0, 1, 0],
        "status": ["mismatch", "match", "mismatch"], "location": ["table", "table", "text"], "primary": [True, True, True],
        "choice_reason_ru": ["Так решили.", None, "Текст."], "choice_reason_en": ["Decided so.", None, "Text."]})
    printed = {("2015", "9", "total", "share_pct"): Printed("61,9%", 1, 61.9), ("2016", "9", "total", "share_pct"): Printed("80,0%", 1, 80.0),
               ("2017", "13", "police", "warned"): Printed("-", None, None, "dash")}
    figs = {p: dict(c) for p, c in FIGS.items()}
    figs["2017"][("13", "police", "warned")] = 0.0
    figs["2017"][("13", "akimat", "warned")] = 0.0
    return dataclasses.replace(data, figs=figs, reconciliation=rec, printed=printed, col_decimals=column_decimals(printed),
                               published={("2015", "9")})


def test_cells_as_printed_with_their_marks_and_notes(data):
    d = _with_published(data)
    f = period_tables.fragments(PeriodView(d, "2017", "ru"))
    # 2015 published: as printed; 2016 derived at the printed decimals (1); 2017 at the column's (1), marked
    assert rows(f["t09"]) == ["| Доля несанкционированных | 61,9% | 80,0% | 75,0%¹ |"]
    assert "¹ В опубликованном отчёте — 70%. Так решили." in f["t09"] and "Опубликованные данные" in f["t09"]
    assert rows(f["t01"])[2:4] == ["| Шымкент | 2 (17%) |", "| Тараз | 1 (8,3%) |"]  # a match, and a divergence of the text only
    assert "divergence-notes" not in f["t01"]
    assert rows(f["t13"]) == ["| Прокуратура | — | — |", "| Акимат | — | 0 |", "| Полиция | — | — |"]  # the printed dash agrees with 0


def test_a_sentence_carries_the_footnote_of_its_figure(data):
    d = _with_published(data)
    ru = sentences.build(PeriodView(d, "2017", "ru"))
    assert ru["law"].count("^[") == 1
    assert "75% (в 2016 году — 80,0%).^[" not in ru["law"]
    assert ru["law"].startswith("Без разрешения прошли 9 из 12 собраний, то есть 75% (в 2016 году — 80,0%).")
    assert ru["law"].endswith("(см. табл. №12).^[В опубликованном отчёте — 70% (Таблица №9, доля). Так решили.]")
    assert "^[" not in ru["police"] and "^[" not in ru["forms"]
    en = sentences.build(PeriodView(d, "2017", "en"))
    assert en["law"].endswith("(Table 12).^[The published report gives 70% (Table 9, share). Decided so.]")


def test_text_figures_carry_the_footnote_of_the_table_that_holds_them(data):
    import dataclasses

    from assets.report import text_figures

    rec = pl.DataFrame({"table_no": ["2", "summary", "18", "14"], "row_key": ["total", "total", "total", "total"],
                        "col_key": ["count", "cities", "participants", "police"], "derived": [12.0, 4.0, 240.0, 31.0],
                        "published": [13.0, 5.0, 250.0, 30.0], "printed": ["13", "5", "250", "30"], "decimals": [0, 0, 0, 0],
                        "status": ["mismatch", "match", "mismatch", "mismatch"], "location": ["table", "text", "table", "table"],
                        "primary": [True, True, True, True]})
    b = PeriodView(dataclasses.replace(data, reconciliation=rec), "2017", "ru")
    s = text_figures.text_variables(b)
    # 'assemblies' is also Table 2's total (SUMMARY_IN_TABLES); the reason: the status' word of labels.yaml
    assert s["assemblies"].startswith("12^[В опубликованном отчёте — 13 (Таблица №2, количество). ")
    assert s["cities"] == "4" and s["unsanctioned"] == "9" and b.used is None
    assert s["participants"].startswith("240^[В опубликованном отчёте — 250 (Таблица №18, ")
    assert s["police"].startswith("31^[В опубликованном отчёте — 30 (Таблица №14, ")
    # 2017's basis is `reconstructed` (config/periods.yaml); its figures derived and a reconciliation: the legend of marks
    basis = text_figures.basis(b)
    assert basis.startswith("::: {.basis}\nПоказатели этого периода рассчитаны по картам наблюдения, восстановленным")
    assert basis.endswith(" Цифрами ¹ ² … отмечены числа, отличающиеся от опубликованных; пояснение — под таблицей.\n:::\n")
    assert "Цифрами" not in text_figures.basis(PeriodView(data, "2017", "ru"))
    published = PeriodView(dataclasses.replace(data, published={("2015", t) for t in ("2", "3", "9", "12", "17")}), "2015", "ru")
    assert text_figures.basis(published).startswith("::: {.basis}\nДля этого периода в хранилище нет карт наблюдения")


def test_text_figures_of_a_period_with_tables_only():
    figs = {"2017": {("2", T, "count"): 30.0, ("2", "almaty", "count"): 20.0, ("2", "astana", "count"): 10.0,
                     ("2", "taraz", "count"): 0.0, ("3", T, "activity_index"): 2.5}}
    from assets.report import text_figures

    s = text_figures.text_variables(PeriodView(_data(figs), "2017", "ru"))
    assert (s["assemblies"], s["cities"], s["activity_index"]) == ("30", "2", "2,5")  # Taraz held none: 2 cities
    assert (s["assemblies_phrase"], s["cities_phrase"]) == ("30 мирных собраний", "в 2 городах")
    assert s["unsanctioned_gen"] == "—" and s["obstructed_gen"] == "—" and s["police"] == "—"
    only3 = text_figures.text_variables(PeriodView(_data({"2017": {("3", T, "activity_index"): 2.5}}), "2017", "ru"))
    assert (only3["cities"], only3["assemblies"], only3["activity_index"]) == ("—", "—", "2,5")  # no Table 2: no count of cities


def test_a_two_year_period_is_explained_once():
    figs = {p: dict(c) for p, c in FIGS.items()}
    figs["2012-2013"] = {("2", T, "count"): 70.0, ("9", T, "share_pct"): 90.0}
    f = period_tables.fragments(PeriodView(_data(figs, ["2012-2013", *ORDER]), "2017", "ru"))
    note = "Многолетние периоды подписаны единообразно («2011–2012»)"
    assert "| Город | 2012-2013 | 2015 | 2016 | 2017 |" in f["t02"] and f["t02"].count(note) == 1
    assert rows(f["t02"])[-1] == "| **ВСЕГО** | 70 | 45 | 20 | 12 |" and f["t02"].splitlines()[-4].endswith("за 2012–2017 годы")
    # 4 periods over 6 calendar years (2012-2013 is two of them, 2014 none): never "за 4 года"
    assert "| Период | 2012-2013 | 2015 | 2016 | 2017 |" in f["t09"] and note not in f["t09"]
    assert "В среднем за все периоды: 77%." in f["t09"]  # (90 + 62 + 80 + 75) / 4 = 76.75


# ------------------------------------------------------------------------------ sql/derive/ read by the report's notes

def test_coverage_and_published_figures_of_one_period():
    import duckdb

    from assets.core.sqlfiles import sql

    con = duckdb.connect()
    con.execute("CREATE TABLE coverage (period VARCHAR, coverage VARCHAR, digitised_share DOUBLE)")
    con.execute("INSERT INTO coverage VALUES ('2016', 'partial', 0.4), ('2017', 'complete', 1.0)")
    assert con.execute(sql("derive/coverage_of_period"), {"period": "2017"}).fetchall() == [("complete", 1.0)]
    con.execute('CREATE TABLE published_figures (period VARCHAR, table_no VARCHAR, row_key VARCHAR, col_key VARCHAR, '
                'value DOUBLE, value_status VARCHAR, "primary" BOOLEAN)')
    con.execute("INSERT INTO published_figures VALUES ('2017', '1', 'almaty', 'count', 17, 'value', true), "
                "('2017', '1', 'almaty', 'count', 18, 'value', false), ('2017', '1', 'aktau', 'count', 0, 'dash', true), "
                "('2016', '1', 'almaty', 'count', 9, 'value', true)")
    got = sorted(con.execute(sql("derive/published_as_figures"), {"period": "2017"}).fetchall())
    assert got == [("1", "aktau", "count", None, "dash"), ("1", "almaty", "count", 17.0, "value")]


def test_the_courts_table_prints_its_court_cases(data):
    # the fixture has no court_cases figure ("—" above): with 7 the first column shows it
    import dataclasses

    d = dataclasses.replace(data, figs={**data.figs, "2017": {**data.figs["2017"], ("courts", T, "court_cases"): 7.0}})
    out = period_tables.fragments(PeriodView(d, "2017", "ru"))
    assert rows(out["courts"]) == ["| **ВСЕГО** | 7 | 2 | 3 | 150 | 1 | 10 | 4 |"]


def test_the_dynamics_chart_marks_the_periods_whose_table_2_is_published(data, monkeypatch):
    # 2015's Table 2 published, 2016's Tables 1 and 3 published (not 2): only 2015's bar is a published one
    import dataclasses
    from types import SimpleNamespace

    from assets.report import chart_fragments, charts

    calls = []
    monkeypatch.setattr(charts, "by_period_bars", lambda *a, **k: calls.append(a) or {"svg": b""})
    monkeypatch.setattr(charts, "ranked", lambda *a, **k: {"svg": b""})
    monkeypatch.setattr(charts, "stacked_shares", lambda *a, **k: {"svg": b""})
    d = dataclasses.replace(data, published={("2015", "2"), ("2016", "1"), ("2016", "3")})
    chart_fragments.add_charts(PeriodView(d, "2017", "ru"), SimpleNamespace(files={}, fragments={}))
    assert calls[0] == (["2015", "2016", "2017"], [45.0, 20.0, 12.0], [True, False, False])


def test_topics_tables_header_and_alignment(ru):
    tables = ru["topics"].split("::: {.table-wrap}")[1:]
    for t in tables:
        lines = [x for x in t.splitlines() if x.startswith("| ")]
        assert lines[:2] == ["| Тема | Количество |", "| :--- | ---: |"]


def test_cities_over_periods_count_a_zero_as_zero():
    # Almaty 0 in 2016 and in 2017, Astana 1 in 2017: Astana first by the sum (1 > 0) and by this period
    d = _data({"2016": {("18", "almaty", "participants"): 0.0},
               "2017": {("18", "almaty", "participants"): 0.0, ("18", "astana", "participants"): 1.0}}, ["2016", "2017"])
    b = PeriodView(d, "2017", "ru")
    assert b.cities_over("18", "participants", ["2016", "2017"], by_sum=True) == ["astana", "almaty"]
    assert b.cities_over("18", "participants", ["2016", "2017"]) == ["astana", "almaty"]
