"""Tests for the survivors of issue 14's fifth draw of the report's other files (period_tables.py, appendix.py,
chart_fragments.py, media_sources.py) with the second family of operators (`--family 2`, mutmut's and cosmic-ray's:
string literals changed to "XX…", values to None, comparisons turned round, …), seed 113 (branch i14ai;
docs/testing.md, "Measured score"), each on a tiny hand-made fixture with its expected values worked out by hand (the
words typed from config/labels.yaml and schemas/card.yaml).

1. The character and forms charts: drawn from Table 4's shares and Table 7's counts (forms largest first, a tie by
   key), their titles and files.
"""
from __future__ import annotations

from tests.test_mutants_i14z import T, _view


# 1. the character and forms charts ---------------------------------------------------------------------------------------------

def test_the_character_and_forms_charts_and_their_figures(monkeypatch):
    # Table 4's shares of 2016 (political 50, economic 20, social 30) and 2017 (10, 30, 60); Table 7 of 2017: march 3,
    # picket 2, rally 2 (a tie: by key, picket before rally), hunger_strike 0 (not drawn), total 7 (not a form).
    # No Table 2, 1 or 15: only the character and forms charts (titles from config/labels.yaml charts)
    from types import SimpleNamespace

    from assets.report import chart_fragments, charts

    calls = []
    monkeypatch.setattr(charts, "stacked_shares", lambda *a, **k: calls.append(("stacked", a)) or {"svg": b"c"})
    monkeypatch.setattr(charts, "ranked", lambda *a, **k: calls.append(("ranked", a)) or {"svg": b"f"})
    monkeypatch.setattr(charts, "by_period_bars", lambda *a, **k: calls.append(("bars", a)) or {"svg": b"b"})
    v = _view({"2016": {("4", "political", "share_pct"): 50.0, ("4", "economic", "share_pct"): 20.0,
                        ("4", "social", "share_pct"): 30.0},
               "2017": {("4", "political", "share_pct"): 10.0, ("4", "economic", "share_pct"): 30.0,
                        ("4", "social", "share_pct"): 60.0,
                        ("7", "picket", "count"): 2.0, ("7", "rally", "count"): 2.0, ("7", "march", "count"): 3.0,
                        ("7", "hunger_strike", "count"): 0.0, ("7", T, "count"): 7.0,
                        ("7", "march", "share_pct"): 42.9, ("7", "picket", "share_pct"): 28.6,
                        ("7", "rally", "share_pct"): 28.6}}, lang="en")
    ctx = SimpleNamespace(files={}, fragments={})
    chart_fragments.add_charts(v, ctx)
    assert calls == [
        ("stacked", (["2016", "2017"], {"political": [50.0, 10.0], "economic": [20.0, 30.0], "social": [30.0, 60.0]},
                     {"political": "Political", "economic": "Economic", "social": "Social"}, "en",
                     "Share of assemblies, %")),
        ("ranked", (["March", "Picket", "Rally"], [3.0, 2.0, 2.0], ["43%", "29%", "29%"], "en", "Number of assemblies"))]
    assert ctx.fragments == {
        "chart_character": "![Character of peaceful assemblies by year (%)](_generated/character.svg)"
                           "{#fig-character width=100%}\n",
        "chart_forms": "![Forms of peaceful assemblies in 2017](_generated/forms.svg){#fig-forms width=100%}\n",
        "chart_dynamics": "", "chart_cities": "", "chart_police": ""}
    assert ctx.files == {"character.svg": b"c", "forms.svg": b"f"}


# 2. Table 8's forms: this period's count first, then the largest over the periods, then the key ----------------------------------

def _rows(fragment: str) -> list[str]:
    return [x for x in fragment.splitlines() if x.startswith("| ")][2:]


def test_table_8s_forms_follow_this_periods_count_then_the_largest_of_the_periods():
    # Table 8 of 2016: rally 9, picket 1; of 2017: picket 5, rally 4, march 4. This period first: picket (5); rally and
    # march tie at 4, rally's 9 of 2016 beats march's 4 (by the largest over the periods alone, rally 9 would come first)
    from assets.report import period_tables

    v = _view({"2016": {("8", "rally", "count"): 9.0, ("8", "picket", "count"): 1.0},
               "2017": {("8", "picket", "count"): 5.0, ("8", "rally", "count"): 4.0, ("8", "march", "count"): 4.0}})
    t08 = period_tables.fragments(v)["t08"]
    assert "| Форма | 2016 | 2017 |" in t08
    assert _rows(t08) == ["| Пикет | 1 | 5 |", "| Митинг | 9 | 4 |", "| Шествие | — | 4 |"]


# 3. the appendix's differences: the printed words, the recorded decimals, no place -------------------------------------------------

def test_the_appendix_differences_keep_the_printed_words_and_the_recorded_decimals():
    # Table 2's total: cards 12, the text printed "более 10 собраний" (10): in Russian the printed words, in English the
    # number "10". Table 9's share: cards 75 %, published 70.04 with no printed text kept, 1 decimal recorded, no place
    # recorded: "70,0%" / "70.0%" (not 70 % at the column's default), the place's cell a dash. Table 2 before 9.
    import polars as pl

    from assets.report import appendix

    rec = pl.DataFrame({"table_no": ["9", "2"], "row_key": [T, T], "col_key": ["share_pct", "count"],
                        "derived": [75.0, 12.0], "published": [70.04, 10.0], "printed": [None, "более 10 собраний"],
                        "decimals": [1, 0], "location": [None, "text"], "status": ["mismatch", "mismatch"]})
    figs = {"2017": {("9", T, "share_pct"): 75.0, ("2", T, "count"): 12.0}}
    ru, en = _view(figs), _view(figs, lang="en")
    ru.data.reconciliation = en.data.reconciliation = rec
    assert _rows(appendix.appendix(ru))[3:] == [
        "| 2 | ВСЕГО | Количество | текст | 12 | более 10 собраний | расхождение |",
        "| 9 | ВСЕГО | Доля | — | 75% | 70,0% | расхождение |"]
    assert _rows(appendix.appendix(en))[3:] == [
        "| 2 | Total | Number | text | 12 | 10 | differs |",
        "| 9 | Total | Share | — | 75% | 70.0% | differs |"]
