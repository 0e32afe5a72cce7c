"""Tests written to kill the refreshed hand mutants of session 22 (the stale batches rewritten for today's code,
scripts/mutate_by_hand_i14q.py, _i14s.py, _i14z.py) that the suite let live: every expected value below is worked
out by hand from the few figures or printings typed in the test (the comments say how), never taken from the code
under test. Hand-typed figures (tests/test_report_sentences_values.py's fixture helpers): no pipeline run."""
from __future__ import annotations

import dataclasses

import polars as pl

T = "total"


def _sentences(figs: dict, order: list[str], period: str = "2017") -> tuple[dict, dict]:
    from tests.test_report_sentences_values import sentences_of

    return sentences_of(figs, order, period)


def test_the_busiest_city_of_three_assemblies_agrees_its_noun_with_three():
    # Table 1 of 2017: Almaty 3 of 4 (75 %), Astana 1 (25 %); 75 % is no 1/k within 3 points (50, 33.3, 25, 20), so
    # no "каждое k-е"; after 3 Russian takes the genitive singular: "3 мирных собрания" (not "мирных собраний", nor
    # the genitive plural "3 мирных собраний" of an "из"-phrase); no city is left after the first two
    figs = {"2017": {("1", "almaty", "count"): 3.0, ("1", "astana", "count"): 1.0, ("1", T, "count"): 4.0,
                     ("1", "almaty", "share_pct"): 75.0, ("1", "astana", "share_pct"): 25.0}}
    ru, en = _sentences(figs, ["2017"])
    assert ru["cities"] == ("Самая высокая митинговая активность зафиксирована в городе Алматы — 3 мирных собрания, "
                            "75% от общего количества. На втором месте — Астана: 1 (25%).")
    assert en["cities"] == "Activity was highest in Almaty: 3 assemblies, 75% of all. Next comes Astana: 1 (25%)."


def test_the_busiest_city_of_one_and_twenty_assemblies_is_in_the_singular():
    # Almaty 21 of 30 (70 %), Astana 9 (30 %: 3.3 points from 1/3, no fraction): 21 takes the nominative singular
    figs = {"2017": {("1", "almaty", "count"): 21.0, ("1", "astana", "count"): 9.0, ("1", T, "count"): 30.0,
                     ("1", "almaty", "share_pct"): 70.0, ("1", "astana", "share_pct"): 30.0}}
    ru, _ = _sentences(figs, ["2017"])
    assert ru["cities"].startswith("Самая высокая митинговая активность зафиксирована в городе Алматы — 21 мирное "
                                   "собрание, 70% от общего количества.")


def test_cities_tied_for_the_tightest_police_control_are_named_in_alphabetical_order():
    # Table 14's index by city, typed Shymkent first: Shymkent 0.5, Almaty 0.5, Astana 0.25; two of three share the
    # highest (printed 0,50 / 0.50): named together, in the order of their names (Алматы before Шымкент; Almaty
    # before Shymkent), whatever order the figures come in
    figs = {"2017": {("14", "shymkent", "police_control_index"): 0.5, ("14", "almaty", "police_control_index"): 0.5,
                     ("14", "astana", "police_control_index"): 0.25}}
    ru, en = _sentences(figs, ["2017"])
    assert ru["police"] == "Самый плотный контроль — в городах Алматы и Шымкент (индекс 0,50 в каждом)."
    assert en["police"] == "Control was tightest in Almaty and Shymkent (index 0.50 each)."


def test_the_english_appendix_gives_a_figure_printed_in_words_as_its_number():
    # the reconciliation of Table 14's police in all: derived 100, published 104, printed in Russian words
    # "104 полицейских" (a mismatch, so it is listed). The Russian edition quotes the printing as it stands; the
    # English one gives its number, 104 (its digits as printed), never the Russian words
    from assets.report import appendix
    from assets.report.period_view import PeriodView
    from tests.test_report_sentences_values import _data

    d = _data({"2017": {("14", T, "police"): 100.0}}, ["2017"])
    rec = pl.DataFrame({"table_no": ["14"], "row_key": [T], "col_key": ["police"], "derived": [100.0],
                        "published": [104.0], "printed": ["104 полицейских"], "decimals": [0], "status": ["mismatch"],
                        "location": ["text"]})

    def differences_row(lang: str) -> list[str]:
        app = appendix.appendix(PeriodView(dataclasses.replace(d, reconciliation=rec), "2017", lang))
        lines = [x for x in app.splitlines() if x.startswith("| ")]
        return lines[5].strip("| ").split(" | ")  # summary (header, separator, 1 row), differences (header, separator)

    ru, en = differences_row("ru"), differences_row("en")
    assert (ru[4], ru[5]) == ("100", "104 полицейских")
    assert (en[4], en[5]) == ("100", "104")
