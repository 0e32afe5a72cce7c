"""Tests for the survivors of the first family of operators (comparisons, constants, booleans, keys misspelt, …) over
the report's view of a figure (period_view.py) and its sources line (media_sources.py): the 192 mutants the seven
earlier first-family draws (seeds 15, 23, 31, 17, 53, 59, 71) had not run (branch i14as; docs/testing.md, "Measured
score"). Each on a tiny hand-made fixture, its expected values worked out by hand (the words typed from
config/labels.yaml and config/periods.yaml).

1. The second period of config/periods.yaml (2011-2012) has the first (2010) as its previous period.
2. media_sources.py: a period whose cards are all the monitors' own (none from media) has its sources line ("0 of 2").
"""
from __future__ import annotations

from tests.test_mutants_i14z import T, _view


# 1. the second period of all compares with the first ---------------------------------------------------------------------

def test_the_second_period_of_all_has_the_first_as_its_previous_one():
    # config/periods.yaml: 2010 first, 2011-2012 second. Table 2's total: 2010 5, 2011-2012 6: the view of 2011-2012
    # has 2010 as its previous period, and a table of both periods says "с 2010 годом" / "with 2010" in its title
    figs = {"2010": {("2", T, "count"): 5.0}, "2011-2012": {("2", T, "count"): 6.0}}
    ru, en = _view(figs, "2011-2012"), _view(figs, "2011-2012", "en")
    assert (ru.prev, en.prev) == ("2010", "2010")
    assert ru.title_subs(["2010", "2011-2012"]) == {"over_years": "за 2010–2012 годы", "prev": "с 2010 годом"}
    assert en.title_subs(["2010", "2011-2012"]) == {"over_years": "in 2010–2012", "prev": "with 2010"}


# 2. the sources line of a period whose cards are all the monitors' own ------------------------------------------------------

def test_a_period_with_no_media_only_card_still_has_its_sources_line():
    # 2018: two monitors' cards (source_type 'monitor'), none from media: 0 of 2 rest on media only, none confirmed
    # (no media read). The line is said all the same (config/labels.yaml media_only_line, media_confirmed_line)
    from assets.report import media_sources
    from tests.test_report_media_sources import _cards

    con = _cards()
    con.execute("INSERT INTO cards VALUES "
                "('2018', 'N1', DATE '2018-03-01', 'almaty', 'rally', 'a', 20, 'monitor', NULL), "
                "('2018', 'N2', DATE '2018-04-01', 'astana', 'picket', 'b', 5, 'monitor', NULL)")
    counts = media_sources.load(con, "2018")
    assert counts == {"cards": 2, "cards_media_only": 0, "cards_with_attached_media": 0,
                      "monitor_cards_confirmed_by_media": 0}
    assert media_sources.fragment(counts, "ru") == (
        "::: {.media-sources}\nСобраний, известных только по сообщениям СМИ и социальных сетей: 0 из 2 (в описаниях "
        "событий отмечены знаком ◊). Карт мониторов, подтверждённых публикациями СМИ: 0.\n:::\n")
    assert media_sources.fragment(counts, "en") == (
        "::: {.media-sources}\nAssemblies known only from media and social-media reports: 0 of 2 (marked ◊ in the "
        "accounts of events). Monitors' cards confirmed by media reports: 0.\n:::\n")
