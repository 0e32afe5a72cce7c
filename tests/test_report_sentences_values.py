"""The report's generated sentences and text figures, asserted by value in both languages on a small
hand-made warehouse of three periods (no pipeline run: the figures are typed below, the comparisons
come from sql/report/ over them). Every expected sentence is worked out by hand from the FIGURES
table; the arithmetic is written beside it. Kills the mutants of scripts/mutate.py's `report` area.

    period             2015   2016   2017 (the report's period; 2016 is the previous one)
    2  assemblies        45     20     12          12/20 = 0.6 → 40 % fewer; peak 45: 45/12 = 3.75 → 4 times (en: 12/45 = 0.267 → 73 % fewer)
    3  activity index   3.8    1.7    1.0          1.0/1.7 = 0.588 → 41 % lower; peak 3.8 → 3.8 times → 4 times (en: 1/3.8 = 0.263 → 74 % lower)
    3  almaty index       -    0.8    0.6          0.6/0.8 = 0.75 → 25 % lower
    1  cities 2017: almaty 6 (50 %), astana 3 (25 %), shymkent 2 (16.7 %), taraz 1 (8.3 %), total 12
    4  character 2017: political 3 (25 %), economic 4 (33.3 %), social 5 (41.7 %); social 2016: 30 %
    5  ngo share 2017 58.3 %, 2016 62.4 %; 6 organisers 2017: ngo 7 (58.3 %), individual 5 (41.7 %)
    7  forms 2017: picket 5 (41.7 %), rally 4 (33.3 %), hunger_strike 3 (25 %)
    9  unsanctioned share 62 / 80 / 75 → mean 72.33;   12 law-abidance 38 / 20 / 25 → mean 27.67
    14 police control index total 2.5, almaty 1.5, astana 4.0 (total_excl_sanctioned 9.0: no city); 14-1 total 3.25; 15 total 1.0 → 2.5 (2.5 times)
    summary detention_cases_pct 50 → 25 (2 times lower); courts 2 warned, 3 fined (150 MRP), 1 arrested
    (10 days), 4 released; 17 share 40 / 50 / 33.3 → mean 41.1; 18 participants 300 → 240 (20 % fewer);
    19 mean duration 60 → 45.5 min.
"""
from __future__ import annotations

import duckdb
import pytest

from assets.report import fmt, sentences, stats, text_figures
from assets.report.period_view import PeriodView
from assets.report.report_data import ReportData

ORDER = ["2015", "2016", "2017"]
T = "total"
FIGURES = {
    "2015": {("2", T, "count"): 45.0, ("3", T, "activity_index"): 3.8, ("9", T, "share_pct"): 62.0,
             ("12", T, "law_abidance_pct"): 38.0, ("17", T, "share_pct"): 40.0},
    "2016": {("2", T, "count"): 20.0, ("3", T, "activity_index"): 1.7, ("3", "almaty", "activity_index"): 0.8,
             ("4", "social", "share_pct"): 30.0, ("5", "ngo", "share_pct"): 62.4, ("9", T, "share_pct"): 80.0,
             ("12", T, "law_abidance_pct"): 20.0, ("15", T, "police_control_index"): 1.0,
             ("summary", T, "detention_cases_pct"): 50.0, ("17", T, "share_pct"): 50.0,
             ("18", T, "participants"): 300.0, ("19", T, "duration_avg_min"): 60.0},
    "2017": {
        ("2", T, "count"): 12.0, ("3", T, "activity_index"): 1.0, ("3", "almaty", "activity_index"): 0.6,
        ("1", "almaty", "count"): 6.0, ("1", "astana", "count"): 3.0, ("1", "shymkent", "count"): 2.0,
        ("1", "taraz", "count"): 1.0, ("1", T, "count"): 12.0,
        ("1", "almaty", "share_pct"): 50.0, ("1", "astana", "share_pct"): 25.0, ("1", "shymkent", "share_pct"): 16.7,
        ("1", "taraz", "share_pct"): 8.3, ("1", T, "share_pct"): 100.0,
        ("4", "political", "count"): 3.0, ("4", "political", "share_pct"): 25.0,
        ("4", "economic", "count"): 4.0, ("4", "economic", "share_pct"): 33.3,
        ("4", "social", "count"): 5.0, ("4", "social", "share_pct"): 41.7,
        ("5", "ngo", "share_pct"): 58.3,
        ("6", "ngo", "count"): 7.0, ("6", "ngo", "share_pct"): 58.3,
        ("6", "individual", "count"): 5.0, ("6", "individual", "share_pct"): 41.7,
        ("7", "picket", "count"): 5.0, ("7", "picket", "share_pct"): 41.7, ("7", "rally", "count"): 4.0,
        ("7", "rally", "share_pct"): 33.3, ("7", "hunger_strike", "count"): 3.0, ("7", "hunger_strike", "share_pct"): 25.0,
        ("7", T, "count"): 12.0,
        ("9", T, "share_pct"): 75.0, ("12", T, "law_abidance_pct"): 25.0,
        ("14", T, "police_control_index"): 2.5, ("14", "almaty", "police_control_index"): 1.5,
        ("14", "astana", "police_control_index"): 4.0, ("14-1", T, "police_control_index"): 3.25,
        ("14", "total_excl_sanctioned", "police_control_index"): 9.0, ("1", "total_excl_sanctioned", "count"): 10.0,
        ("15", T, "police_control_index"): 2.5,
        ("summary", T, "assemblies"): 12.0, ("summary", T, "cities"): 4.0, ("summary", T, "unsanctioned"): 9.0,
        ("summary", T, "obstructed_unsanctioned"): 2.0, ("summary", T, "detention_cases_pct"): 25.0,
        ("summary", T, "police"): 31.0, ("summary", T, "participants"): 240.0, ("summary", T, "duration_avg_min"): 45.5,
        ("courts", T, "warnings"): 2.0, ("courts", T, "fines"): 3.0, ("courts", T, "fine_mrp_total"): 150.0,
        ("courts", T, "arrests"): 1.0, ("courts", T, "arrest_days_total"): 10.0,
        ("courts", T, "released_without_charge"): 4.0,
        ("17", T, "share_pct"): 33.3, ("18", T, "participants"): 240.0, ("19", T, "duration_avg_min"): 45.5,
    },
}


def _data(figs: dict, order: list[str] = ORDER) -> ReportData:
    con = duckdb.connect()
    con.execute("CREATE TABLE figures (period VARCHAR, table_no VARCHAR, row_key VARCHAR, col_key VARCHAR, value DOUBLE, "
                "provenance VARCHAR)")
    rows = [(p, t, r, c, v) for p, cells in figs.items() for (t, r, c), v in cells.items()]
    # one statement (executemany runs one per row: 60 times slower)
    con.execute("INSERT INTO figures VALUES " + ", ".join(["(?, ?, ?, ?, ?, 'derived')"] * len(rows)), [x for r in rows for x in r])
    import polars as pl

    return ReportData(figs=figs, published=set(), cards=pl.DataFrame(), private_names=[], reconciliation=None,
                      audit=None, changes=stats.changes(con, order), remainders=stats.remainders(con))


def sentences_of(figs: dict, order: list[str], period: str = "2017") -> tuple[dict, dict]:
    """The Russian and the English sentences of `period` from hand-typed figures (the mutant tests' fixture)."""
    d = _data(figs, order)
    return sentences.build(PeriodView(d, period, "ru")), sentences.build(PeriodView(d, period, "en"))


@pytest.fixture(scope="module")
def data() -> ReportData:
    return _data(FIGURES)


@pytest.fixture(scope="module")
def ru(data) -> dict:
    return sentences.build(PeriodView(data, "2017", "ru"))


@pytest.fixture(scope="module")
def en(data) -> dict:
    return sentences.build(PeriodView(data, "2017", "en"))


def test_general_dynamics(ru, en):
    assert ru["general_dynamics"] == (
        "Данные хранилища позволяют отследить общую динамику ситуации с мирными собраниями за 3 периода мониторинга "
        "(2015 — 2017; см. табл. №2). Количество мирных собраний — 12, на 40% меньше, чем в 2016 году (20). "
        "Наибольшее число собраний — 45 — было в 2015 году; с тех пор количество собраний стало в 4 раза меньше.")
    assert en["general_dynamics"] == (
        "The warehouse holds 3 monitoring periods (2015 to 2017; see Table 2). The number of assemblies, 12, is 40% lower "
        "than in 2016 (20). The most, 45, were recorded in 2015; this period had 73% fewer.")  # 12/45 = 0.267


def test_activity(ru, en):
    assert ru["activity"] == ("В 2017 году «индекс митинговой активности» (мирных собраний в месяц) равнялся 1,0, что на 41% "
                              "меньше, чем в 2016 году, и в 4 раза меньше, чем в 2015 году, когда этот индекс был наивысшим (3,8).")
    assert en["activity"] == ("In 2017 the activity index (assemblies per month) was 1.0, 41% lower than in 2016, and 74% "
                              "lower than in 2015, when it was highest (3.8).")


def test_cities(ru, en):
    assert ru["cities"] == (
        "Самая высокая митинговая активность зафиксирована в городе Алматы — 6 мирных собраний, 50% от общего количества "
        "(примерно каждое второе собрание). В среднем там проходило 0,6 собрания в месяц; индекс активности на 25% меньше, "
        "чем в 2016 году. На втором месте — Астана: 3 (25%). В остальных 2 городах — 3 собрания.")
    assert en["cities"] == (
        "Activity was highest in Almaty: 6 assemblies, 50% of all (about every second assembly). That is 0.6 a month; "
        "the index is 25% lower than in 2016. Next comes Astana: 3 (25%). The other 2 cities had 3.")


def test_character(ru, en):
    assert ru["character"] == (
        "В 2017 году политическим темам было посвящено 3 собрания (25%), экономическим — 4 (33%), социальным — 5 (42%). "
        "По сравнению с 2016 годом доля социальных собраний выросла с 30% до 42%.")
    assert en["character"] == (
        "In 2017, 3 (25%) were political, 4 (33%) were economic, 5 (42%) were social. "
        "Compared with 2016, the share of social assemblies rose from 30% to 42%.")


def test_organizers(ru, en):
    assert ru["organizers"] == ("Организаторами собраний были: общественные организации и партии — 7 (58%), одиночки — 5 (42%). "
                                "По сравнению с 2016 годом доля собраний общественных организаций снизилась с 62% до 58% "
                                "(см. табл. №5).")
    assert en["organizers"] == ("The organisers were: NGOs and parties — 7 (58%), individuals — 5 (42%). "
                                "Compared with 2016, the NGOs' share fell from 62% to 58% (Table 5).")
    assert ru["individual_share"] == "42%" and en["individual_share"] == "42%"


def test_forms(ru, en):
    assert ru["forms"] == ("Самая распространённая форма — пикет: 5 (42%); всего зафиксировано 3 формы мирных собраний "
                           "(см. табл. №7).")
    assert en["forms"] == "The most common form was the picket: 5 (42%); 3 forms were recorded in all (Table 7)."


def test_law(ru, en):
    assert ru["law"] == (
        "Без разрешения прошли 9 из 12 собраний, то есть 75% (в 2016 году — 80%). В среднем за 3 периода мониторинга "
        "без разрешения проводились 72% собраний (см. табл. №9). «Индекс законопослушности» составил 25% "
        "(в 2016 году — 20%); в среднем за все периоды — 28% (см. табл. №12).")
    assert en["law"] == (
        "9 of 12 assemblies were held without permission, that is 75% (80% in 2016). Over 3 monitoring periods, 72% of "
        "assemblies on average were unsanctioned (Table 9). The law-abidance index was 25% (20% in 2016); 28% on average "
        "over all periods (Table 12).")


def test_police(ru, en):
    assert ru["police"] == (
        "«Индекс полицейского контроля» по всем собраниям составил 2,50, по несанкционированным — 3,25 (см. табл. №14-1). "
        "Это в 2,5 раза больше, чем в 2016 году (см. табл. №15). Самый плотный контроль — в городе Астана (индекс 4,00).")
    assert en["police"] == (
        "The police control index over all assemblies was 2.50, over unsanctioned ones 3.25 (Table 14-1). "
        "That is 2.5 times higher than in 2016 (Table 15). Control was tightest in Astana (index 4.00).")


def test_detentions(ru, en):
    # shares compared in percentage points (50% -> 25%), not as a ratio ('2 times lower')
    assert ru["detentions"] == "По сравнению с 2016 годом доля собраний с задержаниями снизилась с 50% до 25%."
    assert en["detentions"] == "Compared with 2016, the share of assemblies with detentions fell from 50% to 25%."


def test_courts(ru, en):
    assert ru["courts"] == (
        "В ходе судебного разбирательства предупреждения получили 2 человека, денежные штрафы — 3 (всего 150 МРП), "
        "административный арест — 1 (всего 10 сут.). Задержанных, отпущенных без суда: 4. "
        "Таким образом, до суда дошли 33% несанкционированных собраний (в 2016 году — 50%); "
        "в среднем за 3 периода — 41% (см. табл. №17).")
    assert en["courts"] == (
        "The courts warned 2, fined 3 (150 MRP in all) and sent 1 to administrative arrest (10 days in all). "
        "4 detainees were released without charge. So 33% of unsanctioned assemblies reached court (50% in 2016); "
        "41% on average over 3 periods (Table 17).")


def test_statistics(ru, en):
    # the mean duration (a text figure of 2017: 45.5) is said once, by the narrative's duration sentence, with 2016's 60
    assert ru["statistics"] == "Участников было на 20% меньше, чем в 2016 году (300)."
    assert en["statistics"] == "The number of participants was 20% lower than in 2016 (300)."


def test_text_figures(data):
    s = text_figures.text_variables(PeriodView(data, "2017", "ru"))
    assert (s["assemblies"], s["cities"], s["unsanctioned"], s["police"], s["participants"]) == ("12", "4", "9", "31", "240")
    assert s["detention_cases_pct"] == "25%" and s["duration_avg_min"] == "45,5"
    assert s["assemblies_phrase"] == "12 мирных собраний" and s["cities_phrase"] == "в 4 городах"
    assert s["unsanctioned_gen"] == "9 несанкционированных собраний"
    assert s["obstructed_gen"] == "2 несанкционированных акций"
    e = text_figures.text_variables(PeriodView(data, "2017", "en"))
    assert e["assemblies_phrase"] == "12 peaceful assemblies" and e["cities_phrase"] == "in 4 cities"
    assert e["unsanctioned_gen"] == "9 unsanctioned assemblies" and e["obstructed_gen"] == "2 unsanctioned assemblies"
    assert e["duration_avg_min"] == "45.5"


def test_text_figures_in_the_singular():
    """21 assemblies in 1 city, 1 unsanctioned, 1 obstructed: the forms of one (and of 21, which agrees as one)."""
    figs = {"2017": {("summary", T, "assemblies"): 21.0, ("summary", T, "cities"): 1.0, ("summary", T, "unsanctioned"): 1.0,
                     ("summary", T, "obstructed_unsanctioned"): 1.0, ("3", T, "activity_index"): 1.75}}
    s = text_figures.text_variables(PeriodView(_data(figs), "2017", "ru"))
    assert s["assemblies_phrase"] == "21 мирное собрание" and s["cities_phrase"] == "в 1 городе"
    assert s["unsanctioned_gen"] == "1 несанкционированного собрания"
    assert s["obstructed_gen"] == "1 несанкционированной акции"
    assert s["activity_index"] == "1,8"  # one decimal (1.75 → 1,8), not the index's two
    e = text_figures.text_variables(PeriodView(_data(figs), "2017", "en"))
    assert e["assemblies_phrase"] == "21 peaceful assemblies" and e["cities_phrase"] == "in 1 city"
    assert e["unsanctioned_gen"] == "1 unsanctioned assembly" and e["activity_index"] == "1.8"


# ------------------------------------------------------------------------------ numbers and words (fmt)

@pytest.mark.parametrize("x, decimals, lang, expected", [
    (1697, 0, "ru", "1697"), (9999.4, 0, "ru", "9999"), (10000, 0, "ru", "10\u202f000"), (12345.67, 1, "ru", "12\u202f345,7"),
    (12345.67, 1, "en", "12\u202f345.7"), (2.25, 1, "ru", "2,3"), (12.5, 0, "ru", "13"), (0.125 * 100, 0, "en", "13"), (-2.5, 0, "en", "-3"), (-10000, 0, "en", "-10\u202f000"), (None, 0, "ru", "—"),
    (float("nan"), 1, "en", "—"),
])
def test_number(x, decimals, lang, expected):
    assert fmt.number(x, decimals, lang) == expected


@pytest.mark.parametrize("x, expected", [(47.2, "47%"), (10.0, "10%"), (9.96, "10,0%"), (2.8, "2,8%"), (0.0, "0%"),
                                         (0.04, "0,0%"), (-12.4, "-12%"), (-9.5, "-9,5%"), (None, "—")])
def test_pct(x, expected):
    assert fmt.pct(x, "ru") == expected


def test_index_mean_and_column():
    assert fmt.index(1.5) == "1,50" and fmt.index(2, "en") == "2.00" and fmt.count(12.6, "en") == "13"
    assert fmt.mean(45.0) == "45" and fmt.mean(45.25, "en") == "45.3" and fmt.mean(None) == "—"
    assert fmt.for_column("share_pct", 8.25) == "8,3%" and fmt.for_column("police_control_index", 1) == "1,00"
    assert fmt.for_column("duration_avg_min", 30.5) == "30,5" and fmt.for_column("participants_median", 4.0) == "4"
    assert fmt.for_column("duration_median_min", 7.5) == "7,5" and fmt.for_column("participants_avg", 3.5) == "3,5"
    assert fmt.for_column("police_per_assembly", 2.5) == "2,5" and fmt.for_column("participants", 2.5) == "3"


@pytest.mark.parametrize("n, word, expected", [
    (1, "мирное собрание", "1 мирное собрание"), (2, "мирное собрание", "2 мирных собрания"),
    (5, "мирное собрание", "5 мирных собраний"), (11, "город", "11 городов"), (21, "город", "21 город"),
    (22, "период", "22 периода"), (3, "человек", "3 человека"), (5, "человек", "5 человек"), (1.6, "форма", "2 формы"),
])
def test_agree_in_russian(n, word, expected):
    assert fmt.agree(n, word) == expected


def test_agree_in_english_and_in_a_case():
    assert fmt.agree(1, "city", "en", "cities") == "1 city" and fmt.agree(2, "city", "en", "cities") == "2 cities"
    assert fmt.agree(3, "period", "en") == "3 periods" and fmt.agree(0.6, "form", "en") == "1 form"
    assert fmt.agree_case(1, "город", "loct") == "1 городе" and fmt.agree_case(11, "город", "loct") == "11 городах"
    assert fmt.agree_case(21, "город", "loct") == "21 городе" and fmt.agree_case(2, "город", "loct") == "2 городах"
    assert fmt.agree_case(111, "город", "gent") == "111 городов" and fmt.agree_case(101, "город", "gent") == "101 города"


def test_periods_in_words():
    assert fmt.period_in("2016", "en") == "in 2016" and fmt.period_in("2011-2012", "en") == "in 2011–2012"
    assert fmt.period_with("2016") == "с 2016 годом" and fmt.period_with("2011-2012") == "с 2011–2012 годами"
    assert fmt.period_with("2011-2012", "en") == "with 2011–2012"


@pytest.mark.parametrize("k, ru, en", [
    (0.15, "в 0,2 раза", "0.2 times"), (2.0, "в 2 раза", "2 times"), (2.14, "в 2 раза", "2 times"), (2.16, "в 2,2 раза", "2.2 times"), (2.5, "в 2,5 раза", "2.5 times"),
    (2.84, "в 2,8 раза", "2.8 times"), (2.9, "в 3 раза", "3 times"), (3.0, "в 3 раза", "3 times"), (3.49, "в 3 раза", "3 times"),
    (3.5, "в 4 раза", "4 times"), (4.5, "в 5 раз", "5 times"), (11.6, "в 12 раз", "12 times"), (12.2, "в 12 раз", "12 times"),
    (22.0, "в 22 раза", "22 times"), (-4.0, "в 4 раза", "4 times"), (1.0, "в 1 раз", "1 times"), (21.0, "в 21 раз", "21 times"),
    (13.0, "в 13 раз", "13 times"), (14.0, "в 14 раз", "14 times"), (23.0, "в 23 раза", "23 times"), (24.0, "в 24 раза", "24 times"),
    (25.0, "в 25 раз", "25 times"), (112.0, "в 112 раз", "112 times"), (102.0, "в 102 раза", "102 times"),
])
def test_times(k, ru, en):
    assert fmt.times(k, "ru") == ru and fmt.times(k, "en") == en


def test_change():
    assert fmt.change(*_vs(3.0, 4.3), "en") == "30% lower" and fmt.change(*_vs(5.0, 4.0), "ru") == "на 25% больше"
    assert fmt.change(*_vs(5.0, 4.0), "en", "count") == "25% more" and fmt.change(*_vs(3.0, 4.0), "en", "count") == "25% fewer"
    assert fmt.change(*_vs(8.0, 4.0), "ru") == "в 2 раза больше" and fmt.change(*_vs(8.0, 4.0), "en") == "2 times higher"
    assert fmt.change(*_vs(7.8, 4.0), "ru") == "на 95% больше"  # below twice: in percent
    assert fmt.change(*_vs(2.0, 3.98), "ru") == "на 50% меньше"  # 3.98/2 = 1.99, below twice
    assert fmt.change(*_vs(1.0, 2.0), "ru") == "в 2 раза меньше"
    assert fmt.change(*_vs(100.4, 100.0), "en") == "the same" and fmt.change(*_vs(100.6, 100.0), "en") == "1% higher"
    assert fmt.change(*_vs(99.6, 100.0), "ru") == "на том же уровне" and fmt.change(*_vs(99.4, 100.0), "en") == "1% lower"
    assert fmt.change(1.0, None, None) is None and fmt.change(float("nan"), 1.0, 0.0) is None
    # fallen to zero: no "на 100% меньше" (the sentence gives the other figure); English falls in percent
    assert fmt.change(*_vs(0.0, 4.0), "ru") is None and fmt.change(*_vs(0.0, 4.0), "en", "count") is None
    assert fmt.change(*_vs(1.0, 5.0), "en", "count") == "80% fewer" and fmt.change(*_vs(1.0, 5.0), "ru") == "в 5 раз меньше"


def _vs(cur, prev):
    """(ratio, inverse, change %) as sql/report/figure_changes.sql gives them."""
    return cur / prev, (prev / cur if cur else None), (cur / prev - 1) * 100


def test_share_change():
    assert fmt.share_change(42.0, 30.0) == "выросла с 30% до 42%" and fmt.share_change(30.0, 42.0, "en") == "fell from 42% to 30%"
    assert fmt.share_change(30.0, 42.0) == "снизилась с 42% до 30%" and fmt.share_change(42.0, 30.0, "en") == "rose from 30% to 42%"
    assert fmt.share_change(42.2, 41.8) == "осталась на уровне 42%" and fmt.share_change(42.2, 41.8, "en") == "stayed at 42%"
    assert fmt.share_change(None, 3.0) is None and fmt.share_change(3.0, None) is None


@pytest.mark.parametrize("share, ru, en", [
    (53.0, "каждое второе собрание", "every second assembly"), (47.0, "каждое второе собрание", "every second assembly"),
    (53.1, None, None), (30.4, "каждое третье собрание", "every third assembly"), (25.0, "каждое четвёртое собрание", "every fourth assembly"),
    (17.0, "каждое пятое собрание", "every fifth assembly"), (21.9, "каждое пятое собрание", "every fifth assembly"),
    (16.9, None, None), (None, None, None),
])
def test_fraction_phrase(share, ru, en):
    assert fmt.fraction_phrase(share) == ru and fmt.fraction_phrase(share, "en") == en


def test_date():
    import datetime as dt

    months = ["января", "февраля", "марта"]
    assert fmt.date(dt.date(2017, 3, 10), "ru", months) == "10 марта" and fmt.date(dt.date(2017, 2, 1)) == "1 2"


def test_comparisons_with_a_one_and_a_zero():
    """sql/report/figure_changes.sql where a previous value, a peak or the value itself is exactly 1 (a
    division by it is fine) or 0 (none): a 3, c 1 → 0.5 → 0.25, z 1 → 0."""
    con = duckdb.connect()
    con.execute("CREATE TABLE figures (period VARCHAR, table_no VARCHAR, row_key VARCHAR, col_key VARCHAR, value DOUBLE, "
                "provenance VARCHAR)")
    con.executemany("INSERT INTO figures VALUES (?, '3', ?, 'activity_index', ?, 'derived')",
                    [("2015", "c", 1.0), ("2016", "c", 0.5), ("2017", "c", 0.25), ("2016", "z", 1.0), ("2017", "z", 0.0),
                     ("2016", "o", 0.5), ("2017", "o", 1.0), ("2015", "p", 4.0), ("2016", "p", 2.0), ("2017", "p", 3.0)])
    ch = stats.changes(con, ORDER)
    c = ch[("2017", "3", "c", "activity_index")]
    assert (c["prev_period"], c["prev_value"], c["ratio_to_prev"], c["prev_to_value"], c["change_pct"]) == ("2016", 0.5, 0.5, 2.0, -50.0)
    assert (c["peak_period"], c["peak_value"], c["ratio_to_peak"], c["peak_ratio"], c["change_pct_vs_peak"]) == ("2015", 1.0, 0.25, 4.0, -75.0)
    assert (c["n_upto"], round(c["mean_upto"], 9)) == (3, round(1.75 / 3, 9))
    z = ch[("2017", "3", "z", "activity_index")]
    assert (z["ratio_to_prev"], z["prev_to_value"], z["change_pct"], z["peak_ratio"], z["ratio_to_peak"]) == (0.0, None, -100.0, None, 0.0)
    o = ch[("2017", "3", "o", "activity_index")]  # the value itself is 1: 0.5 / 1
    assert (o["ratio_to_prev"], o["prev_to_value"], o["change_pct"], o["peak_period"], o["peak_ratio"]) == (2.0, 0.5, 100.0, "2017", 1.0)
    first = ch[("2016", "3", "o", "activity_index")]  # 2015 has no such figure: a previous period, no previous value
    assert (first["prev_period"], first["prev_value"], first["ratio_to_prev"], first["n_upto"]) == ("2015", None, None, 1)
    p = ch[("2017", "3", "p", "activity_index")]  # a peak of 4: 3 / 4 = 0.75, 25 % lower; 3 / 2 = 1.5, 50 % higher
    assert (p["ratio_to_peak"], p["peak_ratio"], p["change_pct_vs_peak"], p["ratio_to_prev"], p["change_pct"]) == (0.75, 4 / 3, -25.0, 1.5, 50.0)
    earliest = ch[("2015", "3", "c", "activity_index")]  # the first period of the order: no previous period at all
    assert (earliest["prev_period"], earliest["change_pct"], earliest["peak_period"], earliest["mean_upto"]) == (None, None, "2015", 1.0)


def test_one_period_alone():
    """Only 2017 in the warehouse: no comparison, no mean over periods; the sentences still read."""
    d = _data({"2017": FIGURES["2017"]})
    ru, en = sentences.build(PeriodView(d, "2017", "ru")), sentences.build(PeriodView(d, "2017", "en"))
    assert ru["general_dynamics"] == "Данных за прошлые периоды в хранилище нет, поэтому динамику по годам проследить нельзя."
    assert en["general_dynamics"] == "The warehouse holds no earlier period, so there is no comparison by year."
    assert ru["activity"] == "В 2017 году «индекс митинговой активности» (мирных собраний в месяц) равнялся 1,0."
    assert en["activity"] == "In 2017 the activity index (assemblies per month) was 1.0."
    assert ru["cities"].split(". ")[1] == "В среднем там проходило 0,6 собрания в месяц"
    assert en["cities"].split(". ")[1] == "That is 0.6 a month"
    assert ru["character"] == ("В 2017 году политическим темам было посвящено 3 собрания (25%), экономическим — 4 (33%), "
                               "социальным — 5 (42%).")
    assert ru["law"] == "Без разрешения прошли 9 из 12 собраний, то есть 75%. «Индекс законопослушности» составил 25%."
    assert en["law"] == "9 of 12 assemblies were held without permission, that is 75%. The law-abidance index was 25%."
    assert ru["courts"].endswith(" Таким образом, до суда дошли 33% несанкционированных собраний.")
    assert en["courts"].endswith(" So 33% of unsanctioned assemblies reached court.")
    assert (ru["detentions"], ru["statistics"], en["detentions"], en["statistics"]) == ("", "", "", "")
    assert ru["police"] == ("«Индекс полицейского контроля» по всем собраниям составил 2,50, по несанкционированным — 3,25 "
                            "(см. табл. №14-1). Самый плотный контроль — в городе Астана (индекс 4,00).")


def test_a_period_without_tables_says_nothing_of_them():
    d = _data({"2016": {("2", T, "count"): 20.0}, "2017": {("summary", T, "assemblies"): 12.0}})
    for lang in ("ru", "en"):
        out = sentences.build(PeriodView(d, "2017", lang))
        assert {k for k, v in out.items() if v} == {"general_dynamics", "individual_share"}
        assert out["individual_share"] == "—"


def test_remainders_of_the_fixture(data):
    """sql/report/remainders.sql: Table 1 (4 cities: 12 − 6 − 3 = 3 in 2 cities) and Table 7 (exactly 3 forms:
    12 − 5 − 4 = 3 in 1); Table 4 has no total row, Table 14's total has no city with participants above 0."""
    rem = data.remainders
    assert {k for k in rem if k[0] == "2017"} == {("2017", "1", "count"), ("2017", "1", "share_pct"), ("2017", "7", "count")}
    assert rem[("2017", "1", "count")] == {"period": "2017", "table_no": "1", "col_key": "count", "first_row": "almaty",
                                           "second_row": "astana", "remainder": 3.0, "remainder_rows": 2,
                                           "named_rows": 2, "named_remainder": 3.0, "named_remainder_rows": 2}
    assert rem[("2017", "7", "count")] == {"period": "2017", "table_no": "7", "col_key": "count", "first_row": "picket",
                                           "second_row": "rally", "remainder": 3.0, "remainder_rows": 1,
                                           "named_rows": 2, "named_remainder": 3.0, "named_remainder_rows": 1}
    assert round(rem[("2017", "1", "share_pct")]["remainder"], 9) == 25.0  # 100 − 50 − 25
    # each period ranks its own rows: 2016 almaty 2, astana 1, taraz 1 of 4 (beside 2017's larger ones); a sentence
    # names almaty and both cities tied for second, which leaves nothing
    two = _data({"2016": {("1", "almaty", "count"): 2.0, ("1", "astana", "count"): 1.0, ("1", "taraz", "count"): 1.0,
                          ("1", T, "count"): 4.0}, "2017": FIGURES["2017"]}).remainders
    assert two[("2016", "1", "count")] == {"period": "2016", "table_no": "1", "col_key": "count", "first_row": "almaty",
                                           "second_row": "astana", "remainder": 1.0, "remainder_rows": 1,
                                           "named_rows": 3, "named_remainder": 0.0, "named_remainder_rows": 0}


def _variant(changes: dict, drop=()) -> dict:
    figs = {p: {k: v for k, v in cells.items() if k not in drop} for p, cells in FIGURES.items()}
    for (p, *key), v in changes.items():
        figs[p][tuple(key)] = v
    return figs


def test_peak_now_two_cities_and_no_fraction():
    """2017's index 4.0 is the highest (4.0 / 1.7 = 2.35 → 2.4 times); 2017's 50 assemblies too (50 / 20 = 2.5);
    two cities: Almaty 7 (58.3 %: no 'every second'), Astana 5; nobody released without charge."""
    d = _data(_variant({("2017", "3", T, "activity_index"): 4.0, ("2017", "2", T, "count"): 50.0,
                        ("2017", "1", "almaty", "count"): 7.0, ("2017", "1", "almaty", "share_pct"): 58.3,
                        ("2017", "1", "astana", "count"): 5.0, ("2017", "1", "astana", "share_pct"): 41.7,
                        ("2017", "courts", T, "released_without_charge"): 0.0},
                       drop=[("1", "shymkent", "count"), ("1", "taraz", "count")]))
    ru, en = sentences.build(PeriodView(d, "2017", "ru")), sentences.build(PeriodView(d, "2017", "en"))
    assert ru["activity"] == ("В 2017 году «индекс митинговой активности» (мирных собраний в месяц) равнялся 4,0, что в 2,4 раза "
                              "больше, чем в 2016 году; это наивысшее значение за все периоды мониторинга.")
    assert en["activity"] == "In 2017 the activity index (assemblies per month) was 4.0, 2.4 times higher than in 2016; the highest of all periods."
    assert ru["general_dynamics"].endswith("Количество мирных собраний — 50, в 2,5 раза больше, чем в 2016 году (20).")
    assert en["general_dynamics"].endswith("The number of assemblies, 50, is 2.5 times higher than in 2016 (20).")
    assert ru["cities"] == ("Самая высокая митинговая активность зафиксирована в городе Алматы — 7 мирных собраний, 58% от "
                            "общего количества. В среднем там проходило 0,6 собрания в месяц; индекс активности на 25% меньше, "
                            "чем в 2016 году. На втором месте — Астана: 5 (42%).")
    assert en["cities"].startswith("Activity was highest in Almaty: 7 assemblies, 58% of all. That is") and "The other" not in en["cities"]
    assert ru["courts"].startswith("В ходе судебного разбирательства предупреждения получили 2 человека, денежные штрафы — 3 "
                                   "(всего 150 МРП), административный арест — 1 (всего 10 сут.). Таким образом")
    assert "released" not in en["courts"]


def test_peak_before_and_one_city():
    """2016's index 5.0 is the highest so far: compared once (1.0 / 5.0: 5 times lower), no clause of the peak;
    one city alone."""
    d = _data(_variant({("2016", "3", T, "activity_index"): 5.0},
                       drop=[("1", c, "count") for c in ("astana", "shymkent", "taraz")]))
    ru, en = sentences.build(PeriodView(d, "2017", "ru")), sentences.build(PeriodView(d, "2017", "en"))
    assert ru["activity"] == "В 2017 году «индекс митинговой активности» (мирных собраний в месяц) равнялся 1,0, что в 5 раз меньше, чем в 2016 году."
    assert en["activity"] == "In 2017 the activity index (assemblies per month) was 1.0, 80% lower than in 2016."  # English says a fall in percent
    assert ru["cities"].endswith("индекс активности на 25% меньше, чем в 2016 году.") and "втором" not in ru["cities"]


def test_the_other_cities_with_and_without_sql_remainders():
    """Three cities (Almaty 6, Astana 3, Shymkent 2 of 12): one other city had 12 − 6 − 3 = 3, from
    sql/report/remainders.sql or, without it, from the figures; four cities: the other 2 had 3."""
    import dataclasses

    three = _data(_variant({}, drop=[("1", "taraz", "count")]))
    for d in (three, dataclasses.replace(three, remainders={})):
        ru, en = sentences.build(PeriodView(d, "2017", "ru")), sentences.build(PeriodView(d, "2017", "en"))
        assert ru["cities"].endswith("На втором месте — Астана: 3 (25%). Ещё в одном городе — 3 собрания.")
        assert en["cities"].endswith("Next comes Astana: 3 (25%). One other city had 3.")
    four = _data(FIGURES)
    ru = sentences.build(PeriodView(dataclasses.replace(four, remainders={}), "2017", "ru"))
    assert ru["cities"].endswith("В остальных 2 городах — 3 собрания.")


def test_a_count_without_its_share_and_no_total_of_assemblies():
    """Individuals counted (5) without a share; the period's number of assemblies missing: the sentence of
    Table 9 (which says 'of N') is left out, the law-abidance index stays."""
    d = _data(_variant({}, drop=[("6", "individual", "share_pct"), ("summary", T, "assemblies")]))
    ru = sentences.build(PeriodView(d, "2017", "ru"))
    assert ru["organizers"].startswith("Организаторами собраний были: общественные организации и партии — 7 (58%), "
                                       "одиночки — 5 (—).")
    assert ru["law"] == "«Индекс законопослушности» составил 25% (в 2016 году — 20%); в среднем за все периоды — 28% (см. табл. №12)."


def test_no_obstructed_assembly_is_zero():
    d = _data({"2017": {("summary", T, "assemblies"): 5.0, ("summary", T, "cities"): 2.0, ("summary", T, "unsanctioned"): 3.0}})
    s = text_figures.text_variables(PeriodView(d, "2017", "ru"))
    e = text_figures.text_variables(PeriodView(d, "2017", "en"))
    assert (s["unsanctioned_gen"], s["obstructed_gen"]) == ("3 несанкционированных собраний", "0 несанкционированных акций")
    assert (e["unsanctioned_gen"], e["obstructed_gen"]) == ("3 unsanctioned assemblies", "0 unsanctioned assemblies")


@pytest.mark.parametrize("total, phrase", [
    (21, "из 21 собрания"), (11, "из 11 собраний"), (2, "из 2 собраний"), (101, "из 101 собрания"),
])
def test_law_sentence_puts_the_total_in_the_genitive_after_iz(total, phrase):
    """'из N' governs the genitive: 'из 21 собрания', never 'из 21 собрание' (a grammar slip the
    mutation run turned up)."""
    from assets.report import fmt
    assert f"из {fmt.agree_case(total, 'собрание', 'gent')}" == phrase


def test_statistics_say_the_mean_duration_when_no_text_figure_does():
    """(session 22, two mutants of i14q that lived once the mutation runner was fixed) a period whose summary has no
    mean duration: the statistics paragraph says Table 19's mean, 45.5 min, with 2016's mean, 60 — said because 2016 has
    a mean (it has no median: reading the median would drop the sentence) and not 45.5 rounded as a count (46)."""
    figs = {p: dict(cells) for p, cells in FIGURES.items()}
    del figs["2017"][("summary", T, "duration_avg_min")]
    assert ("19", T, "duration_median_min") not in figs["2016"]
    data = _data(figs)
    ru = sentences.build(PeriodView(data, "2017", "ru"))
    en = sentences.build(PeriodView(data, "2017", "en"))
    assert ru["statistics"] == ("Участников было на 20% меньше, чем в 2016 году (300). "
                                "Средняя продолжительность собрания — 45,5 мин. (в 2016 году — 60).")
    assert en["statistics"] == ("The number of participants was 20% lower than in 2016 (300). "
                                "The mean duration was 45.5 min (60 in 2016).")


def test_other_cities_agree_with_their_count():
    """(session 22, an i14s mutant that lived once the mutation runner was fixed) the cities not named agree with their
    count in the prepositional case: 21 takes the singular (в 21 городе), 3 the plural (в 3 городах); their 40 and 5
    assemblies are "40 собраний", "5 собраний"; one such city is "ещё в одном городе" with "2 собрания"."""
    assert sentences.other_cities(21, 40, "ru") == " В остальных 21 городе — 40 собраний."
    assert sentences.other_cities(3, 5, "ru") == " В остальных 3 городах — 5 собраний."
    assert sentences.other_cities(1, 2, "ru") == " Ещё в одном городе — 2 собрания."
    assert sentences.other_cities(21, 40, "en") == " The other 21 cities had 40."
