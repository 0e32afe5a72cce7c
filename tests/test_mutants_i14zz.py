"""Tests written to kill the hand mutants of an eighth reviewer (scripts/mutate_by_hand_i14zz.py) that the suite let
live: every expected value below is worked out by hand from the few figures, rows or printings typed in the test (the
comments say how), never taken from the code under test. Pure functions and tiny frames: no pipeline run, no GX."""
from __future__ import annotations

import polars as pl
import pandera.errors
import pytest

T = "total"


# ---- schemas/derived.py: the reconciliation's and the audit's pandera schemas (each asset validates its frame)
def _recon(**over) -> pl.DataFrame:
    """One reconciliation row that passes: Table 1's total count derived 12, printed 12 (decimals 0), a match."""
    row = dict(period="2017", table_no="1", row_key=T, col_key="count", derived=12.0, published=12.0, decimals=0,
               status="match", value_status="value", contradicted_in_report=False, choice_used=None,
               choice_reason_ru=None, choice_reason_en=None, source="kibhr-2017", location="table", line=3)
    row.update(over)
    return pl.DataFrame([row], schema_overrides={"choice_used": pl.Float64, "choice_reason_ru": pl.Utf8,
                                                 "choice_reason_en": pl.Utf8, "derived": pl.Float64,
                                                 "published": pl.Float64, "value_status": pl.Utf8})


def _valid(schema, df: pl.DataFrame) -> bool:
    try:
        schema.validate(df, lazy=True)
    except pandera.errors.SchemaErrors:
        return False
    return True


def test_the_reconciliation_schema_by_hand():
    from schemas.derived import ReconciliationSchema as R

    assert _valid(R, _recon())
    assert not _valid(R, _recon(decimals=-1))                    # decimals: a count of printed digits, >= 0
    assert not _valid(R, _recon(status="unknown"))               # six statuses, no seventh
    # a match is within half a unit of the last printed digit (+1e-9): 12.4 printed "12" is, 12.6 is not
    assert _valid(R, _recon(derived=12.4))
    assert not _valid(R, _recon(derived=12.6))
    assert not _valid(R, _recon(derived=12.06, published=12.0, decimals=1))  # 0.06 > 0.05
    # not_derived has no derived value; not_published no published number
    assert _valid(R, _recon(status="not_derived", derived=None))
    assert not _valid(R, _recon(status="not_derived", derived=12.0))
    assert _valid(R, _recon(status="not_published", published=None, value_status="blank"))
    assert not _valid(R, _recon(status="not_published", published=None, value_status="value"))


def test_the_reconciliation_schema_keeps_one_row_per_printing_line():
    from schemas.derived import ReconciliationSchema as R

    # the same cell printed twice in the text, on lines 3 and 9: two printings, two rows, both allowed
    two = pl.concat([_recon(location="text", line=3), _recon(location="text", line=9)])
    assert _valid(R, two)
    # the same printing twice is refused; the same place in two publications is two printings
    assert not _valid(R, pl.concat([_recon(), _recon()]))
    assert _valid(R, pl.concat([_recon(), _recon(source="other-2018")]))


def _finding(**over) -> pl.DataFrame:
    row = dict(source="kibhr", rule="sum_total", period="2017", table_no="1", row_key=T, col_key="count",
               published=12.0, expected=11.0, message="Table 1 (line 3): the rows sum to 11, not 12",
               level="contradiction", root_id="R1", cells=None)
    row.update(over)
    return pl.DataFrame([row], schema_overrides={"cells": pl.Utf8})


def test_the_audit_schema_by_hand():
    from schemas.derived import AuditSchema as A

    assert _valid(A, _finding())
    assert not _valid(A, _finding(level="info"))                 # contradiction | rounding | truncated
    assert not _valid(A, _finding(message="too short"))          # 9 characters: a message says where and what
    assert _valid(A, _finding(message="ten chars!"))             # 10
    assert not _valid(A, _finding(rule=""))                      # every finding names its rule


# ---- fmt.py: numbers and words at their boundaries
def test_plural_forms_at_0_21_101_111():
    from assets.report import fmt

    assert fmt.agree(0, "собрание") == "0 собраний"           # 0 agrees as 5-20, not as 1
    assert fmt.agree(21, "собрание") == "21 собрание"
    assert fmt.agree_case(21, "город", "loct") == "21 городе"    # 21: singular (ends in 1, not 11)
    assert fmt.agree_case(101, "город", "loct") == "101 городе"
    assert fmt.agree_case(111, "город", "loct") == "111 городах"  # 111: ends in 11
    assert fmt.agree_case(11, "город", "loct") == "11 городах"


def test_a_mean_of_one_decimal_rounding_to_a_whole_number_keeps_its_decimal():
    from assets.report import fmt

    # 12.96 is not a whole number: one decimal, "13,0" (the whole-number form is for whole means only)
    assert fmt.mean(12.96) == "13,0"
    assert fmt.mean(13.0) == "13"


def test_periods_of_two_years_and_the_english_with():
    from assets.report import fmt

    assert fmt.period_in("2011-2012") == "в 2011–2012 годах"   # the hyphen of the id printed as an en dash
    assert fmt.period_in("2011-2012", "en") == "in 2011–2012"
    assert fmt.period_with("2016", "en") == "with 2016"
    assert fmt.period_with("2011-2012") == "с 2011–2012 годами"


def test_times_of_4_14_24_and_in_english():
    from assets.report import fmt

    assert fmt.times(4.0) == "в 4 раза"      # 4: раза (2-4)
    assert fmt.times(24.0) == "в 24 раза"
    assert fmt.times(14.0) == "в 14 раз"     # 12-14: раз
    assert fmt.times(5.0) == "в 5 раз"
    assert fmt.times(4.5) == "в 5 раз"       # from three up to the nearest whole, half up
    assert fmt.times(2.5, "en") == "2.5 times"   # the English decimal point
    assert fmt.times(2.5) == "в 2,5 раза"


def test_twice_to_three_times_is_said_in_times_not_in_percent():
    from assets.report import fmt

    # 2.5 times less: ratio 0.4, inverse 2.5, change -60 % -> "в 2,5 раза меньше" (from twice on, in times)
    assert fmt.change(0.4, 2.5, -60.0) == "в 2,5 раза меньше"
    assert fmt.change(0.4, 2.5, -60.0, "en", "count") == "60% fewer"  # English: a fall in percent
    # 2.5 times more: ratio 2.5, change +150 %
    assert fmt.change(2.5, 0.4, 150.0) == "в 2,5 раза больше"
    assert fmt.change(2.5, 0.4, 150.0, "en") == "2.5 times higher"
    # below twice: in percent
    assert fmt.change(1.5, 0.667, 50.0) == "на 50% больше"
    assert fmt.change(0.6, 1.667, -40.0, "en") == "40% lower"


def test_a_share_compared_with_no_previous_share_is_not_said():
    from assets.report import fmt

    assert fmt.share_change(50.0, None) is None
    assert fmt.share_change(None, 50.0) is None
    assert fmt.share_change(78.0, 69.0, "en") == "rose from 69% to 78%"
    assert fmt.share_change(69.0, 78.0, "en") == "fell from 78% to 69%"
    assert fmt.share_change(69.0, 78.0) == "снизилась с 78% до 69%"


def test_fraction_phrases_fourth_and_fifth_in_both_languages():
    from assets.report import fmt

    assert fmt.fraction_phrase(20.0) == "каждое пятое собрание"     # 100/5 = 20
    assert fmt.fraction_phrase(25.0) == "каждое четвёртое собрание"  # 100/4 = 25
    assert fmt.fraction_phrase(25.0, "en") == "every fourth assembly"
    assert fmt.fraction_phrase(50.0, "ru", "мероприятие") == "каждое второе мероприятие"


def test_an_index_in_english_has_a_decimal_point():
    from assets.report import fmt

    assert fmt.index(0.5, "en") == "0.50"
    assert fmt.index(0.5) == "0,50"
    assert fmt.for_column("police_control_index", 2.25, "en") == "2.25"


# ---- the audit's precision (assets/derive/audit/printed.py): a printed figure and the values it stands for
def _pf(printed: str, col: str = "share_pct", decimals: int | None = None, note: str | None = None, value=None):
    from assets.derive.audit.printed import Fig

    s = printed.replace("%", "").replace(",", ".")
    v = float(value if value is not None else (0.0 if s == "-" else s))
    d = decimals if decimals is not None else (len(s.split(".")[1]) if "." in s else 0)
    return Fig("t", "2017", "1", "almaty", col, v, printed, d, "table", 1, True, note)


def test_a_printed_share_matches_at_exactly_half_a_unit_and_truncation_below_one_unit():
    f = _pf("13%")
    assert f.half == 0.5 and _pf("13,0%").half == pytest.approx(0.05)
    assert f.match(12.5) == "round"            # |12.5 - 13| = 0.5: half a unit, rounds to 13
    assert _pf("12%").match(12.5) == "round"
    assert _pf("12%").match(12.9) == "trunc"   # 12.9 cut to 12: truncated, 0.9 < one unit
    assert _pf("12%").match(13.0) is None      # a whole unit more: neither rounded nor cut
    assert _pf("12%").match(11.4) is None


def test_a_count_matches_only_itself_and_its_interval_is_a_point():
    f = _pf("12", col="count")
    assert f.match(12.0) == "exact"
    assert f.match(12.4) is None               # a count is not rounded
    lo, hi = f.interval()
    assert lo == pytest.approx(12.0, abs=1e-5) and hi == pytest.approx(12.0, abs=1e-5)


def test_a_verbal_figure_matches_within_a_quarter_of_the_printed_value():
    # "about 10" (note approximate): 10 ± 25 % ± half a unit = 7 .. 13
    f = _pf("10", col="count", note="approximate: около 10")
    assert f.match(13.0) == "approx"
    assert f.match(13.2) is None               # 3.2 > 2.5 + 0.5 (a quarter of the printed 10, not of 13.2)
    assert f.match(7.0) == "approx"
    lo, hi = _pf("-10", col="trend_index", note="approximate: около -10", value=-10.0).interval()
    assert lo == pytest.approx(-13.0, abs=1e-5) and hi == pytest.approx(-7.0, abs=1e-5)   # in order, low first


def test_the_audits_numbers_in_its_messages_and_the_best_match():
    from assets.derive.audit.printed import best, fmt, is_ratio, is_share_pct

    assert fmt(12.345) == "12.345"             # three decimals below 100
    assert fmt(123.45) == "123.5"              # one from 100 up
    assert fmt(2.0006) == "2.001"              # not a whole number
    assert fmt(2.0) == "2"
    assert best(["approx", "trunc"]) == "approx"   # a verbal figure before a truncation
    assert best(["trunc", "round"]) == "round"
    assert is_ratio("duration_median_min") and is_ratio("police_per_assembly") and not is_ratio("participants")
    assert is_share_pct("share_pct") and not is_share_pct("decrease_pct") and not is_share_pct("error_pct")


# ---- the audit's rules at their boundaries (rule 6 impossible, rule 2 shares, same figure, whole shares)
def _audit(*rows, **kw):
    from tests.test_audit import audit

    return audit(*rows, **kw)


def _fig(*a, **kw):
    from tests.test_audit import fig

    return fig(*a, **kw)


def _rules(out) -> list[str]:
    return sorted(out["rule"].to_list())


def test_a_share_of_100_and_a_count_of_0_are_possible():
    assert "impossible" not in _rules(_audit(_fig("9", "total", "share_pct", "100%"), _fig("12", "total", "law_abidance_pct", "0%")))
    assert "impossible" not in _rules(_audit(_fig("16", "total", "detention_cases", "0")))
    assert "impossible" in _rules(_audit(_fig("9", "total", "share_pct", "101%"), _fig("12", "total", "law_abidance_pct", "0%")))


def test_table_13_may_count_every_assembly_but_not_more():
    base = [_fig("2", "total", "count", "12")]
    assert "impossible" not in _rules(_audit(*base, _fig("13", "akimat", "present", "12")))
    assert "impossible" in _rules(_audit(*base, _fig("13", "akimat", "present", "13")))


def test_fewer_detained_persons_than_assemblies_with_detentions_is_impossible():
    # 5 assemblies with detentions need at least 5 detained persons; 7 persons at 5 assemblies are possible
    ok = _audit(_fig("16", "total", "detention_cases", "5"), _fig("16", "total", "detained_persons", "7"))
    assert "impossible" not in _rules(ok)
    bad = _audit(_fig("16", "total", "detention_cases", "5"), _fig("16", "total", "detained_persons", "3"))
    assert _rules(bad).count("impossible") == 1
    assert bad.filter(pl.col("rule") == "impossible")["expected"][0] == 5.0


def test_an_unsanctioned_count_is_held_against_the_largest_printing_of_the_rows_count():
    # Table 11 almaty: count printed 5 (table) and 3 (text); 4 unsanctioned fit the 5
    rows = [_fig("11", "almaty", "count", "5"), _fig("11", "almaty", "count", "3", location="text", line=7, primary=False),
            _fig("11", "almaty", "unsanctioned", "4")]
    assert "impossible" not in _rules(_audit(*rows))


def test_participants_in_a_city_without_assemblies_only_from_a_primary_printing():
    zero = [_fig("2", "almaty", "count", "0"), _fig("2", "total", "count", "0")]
    assert "impossible" in _rules(_audit(*zero, _fig("18", "almaty", "participants", "40")))
    # a secondary printing (the text) of the participants is not judged by this rule
    assert "impossible" not in _rules(_audit(*zero, _fig("18", "almaty", "participants", "40", location="text", line=9,
                                                          primary=False)))


def test_two_shares_that_do_not_make_100_are_a_finding():
    # Table 7 (forms, an open list: the printed rows are all there are) with two rows: 40 % + 50 % = 90 %, far from
    # 100 (intervals 39.5..41 + 49.5..51 = 89..92)
    out = _audit(_fig("7", "picket", "share_pct", "40%"), _fig("7", "rally", "share_pct", "50%"))
    assert _rules(out) == ["shares_sum_100"] and out["published"][0] == 90.0


def test_shares_against_a_printed_total_share_and_an_open_dimension():
    # Table 1 (cities, an open list): a printed total share is the target, not 100: 50 + 40 = 90 fits a printed
    # "90%" (rows 49.5..51 + 39.5..41 = 89..92), and 100 lies outside that
    rows = [_fig("1", "almaty", "share_pct", "50%"), _fig("1", "astana", "share_pct", "40%"),
            _fig("1", "total", "share_pct", "90%")]
    assert "shares_sum_100" not in _rules(_audit(*rows))
    # Table 4 with two of its three characters printed: 30 % + 20 % = 50 % is no finding (the third may hold 50)
    part = [_fig("4", "political", "share_pct", "30%"), _fig("4", "social", "share_pct", "20%")]
    assert "shares_sum_100" not in _rules(_audit(*part))
    # nor 60 % + 40 % (lo 59.5 + 39.5 = 99, hi 61 + 41 = 102: they may make 100 with a third of 0)
    part = [_fig("4", "political", "share_pct", "60%"), _fig("4", "social", "share_pct", "40%")]
    assert "shares_sum_100" not in _rules(_audit(*part))
    # ... but 70 % + 40 % is: these alone exceed 100 (lo 69.5 + 39.5 = 109)
    over = [_fig("4", "political", "share_pct", "70%"), _fig("4", "social", "share_pct", "40%")]
    assert "shares_sum_100" in _rules(_audit(*over))


def test_complements_one_point_short_of_100():
    # 60 % + 37 %: at most 61 + 38 = 99 (truncation allowed): not 100, a finding; 60 % + 39 % can be 100
    bad = [_fig("9", "total", "share_pct", "60%", period="2010"), _fig("12", "total", "law_abidance_pct", "37%", period="2010")]
    assert "shares_sum_100" in _rules(_audit(*bad))
    ok = [bad[0], _fig("12", "total", "law_abidance_pct", "39%", period="2010")]
    assert "shares_sum_100" not in _rules(_audit(*ok))


def test_a_verbal_share_is_not_held_to_a_whole_number_of_assemblies():
    # "около половины" of 3 assemblies: 50 % is no k/3, but a verbal figure is not a count's share
    rows = [_fig("2", "total", "count", "3"), _fig("9", "total", "share_pct", "50%", note="approximate: около половины")]
    assert "share_from_counts" not in _rules(_audit(*rows))
    exact = [_fig("2", "total", "count", "3"), _fig("9", "total", "share_pct", "50%")]
    assert "share_from_counts" in _rules(_audit(*exact))


# ---- schemas/published.py: the transcription of a published report
def _printing(**over) -> pl.DataFrame:
    """One printing that passes: the 2017 report's Table 1, Almaty's count, printed "17" on line 4."""
    row = dict(source="kibhr", period="2017", table_no="1", row_key="almaty", col_key="count", value=17.0,
               value_status="value", printed="17", decimals=0, location="table", line=4, primary=True, note=None)
    row.update(over)
    return pl.DataFrame([row], schema={"source": pl.Utf8, "period": pl.Utf8, "table_no": pl.Utf8, "row_key": pl.Utf8,
                                       "col_key": pl.Utf8, "value": pl.Float64, "value_status": pl.Utf8,
                                       "printed": pl.Utf8, "decimals": pl.Int64, "location": pl.Utf8, "line": pl.Int64,
                                       "primary": pl.Boolean, "note": pl.Utf8})


def _failed_checks(df: pl.DataFrame) -> set[str]:
    from schemas.published import PublishedFigures

    try:
        PublishedFigures.validate(df, lazy=True)
    except pandera.errors.SchemaErrors as exc:
        return {str(c) for c in exc.failure_cases["check"].to_list()}
    return set()


def test_the_published_schema_by_hand():
    assert _failed_checks(_printing()) == set()
    assert _failed_checks(_printing(decimals=6)) == set()
    assert _failed_checks(_printing(decimals=7)) != set()                 # 0..6 printed decimals
    assert _failed_checks(_printing(line=0)) != set()                     # lines count from 1
    assert _failed_checks(_printing(source="-kibhr")) != set()            # a source starts with a letter or digit
    # a dash prints a dash; a value prints a number, never a dash
    assert _failed_checks(_printing(value=None, value_status="dash", printed="0")) != set()
    assert _failed_checks(_printing(value=None, value_status="dash", printed="—")) == set()
    assert _failed_checks(_printing(printed="–")) != set()
    # a key printed only in secondary places has no primary printing: refused (exactly one per key)
    assert _failed_checks(_printing(primary=False)) != set()


def test_a_blank_key_fails_the_non_empty_check_by_name():
    # a row key of one space is empty once stripped: the loader's message must say so (non_empty), not only
    # that the key is unknown
    assert any("non_empty" in c for c in _failed_checks(_printing(row_key=" ")))


def test_a_choice_must_quote_the_cells_primary_printing_exactly(tmp_path):
    from assets.derive.published import PublishedDataError, load_choices

    pub = _printing(value=17.0)
    head = "period,table_no,row_key,col_key,published,used,reason_ru,reason_en\n"
    ok = tmp_path / "ok.csv"
    ok.write_text(head + "2017,1,almaty,count,17,16,причина,reason\n", encoding="utf-8")
    assert load_choices(ok, pub)["used"].to_list() == [16.0]
    off = tmp_path / "off.csv"
    off.write_text(head + "2017,1,almaty,count,17.001,16,причина,reason\n", encoding="utf-8")  # 0.001 off
    with pytest.raises(PublishedDataError, match="field 'published'"):
        load_choices(off, pub)


# ---- GX's outcome in words (assets/quality/gx_outcomes.py): pure, no validation run
def test_a_suite_with_one_failing_expectation_fails_and_counts_by_hand():
    from assets.quality.gx_outcomes import ExpectationOutcome, SuiteOutcome

    ok = ExpectationOutcome("provenance", "figures", "expect_column_values_to_be_in_set", "Provenance", True)
    bad = ExpectationOutcome("share_0_100", "figures", "expect_column_values_to_be_between", "Shares", False, 1,
                             ["table 1, row almaty, column share_pct: the share 120 % lies outside 0–100"])
    out = SuiteOutcome(period="2017", outcomes=[ok, ok, bad])
    assert out.success is False                  # all must pass: two of three is a failure
    assert out.passed == 2 and out.failed == 1
    assert out.summary().splitlines()[0] == "the figures of 2017 failed 1 of 3 quality expectations"
    assert SuiteOutcome(period="2017", outcomes=[ok, ok]).success is True


def test_the_explanation_of_each_check_names_the_cell_and_its_value():
    from assets.quality.gx_outcomes import _explain, _explanations

    row = {"period": "2017", "table_no": "1", "row_key": "almaty", "col_key": "share_pct", "value": 120.0, "total": 7.0}
    assert _explain("share_0_100", row) == "table 1, row almaty, column share_pct: the share 120 % lies outside 0–100"
    assert _explain("period_not_null", {**row, "period": None}) == "table 1, row almaty, column share_pct (period None): no period"
    # 53 failing rows: 50 explained, then "… and 3 more"
    rows = [{**row, "row_key": f"c{i}"} for i in range(53)]
    out = _explanations("share_0_100", {"unexpected_index_list": rows})
    assert len(out) == 51 and out[-1] == "… and 3 more"


# ---- schemas/figures.py: the pandera schema of `figures` on one-row frames
def _figure(**over) -> pl.DataFrame:
    row = dict(period="2017", table_no="1", row_key="almaty", col_key="count", value=6.0, provenance="derived",
               value_status="value")
    row.update(over)
    return pl.DataFrame([row], schema={"period": pl.Utf8, "table_no": pl.Utf8, "row_key": pl.Utf8, "col_key": pl.Utf8,
                                       "value": pl.Float64, "provenance": pl.Utf8, "value_status": pl.Utf8})


def test_the_figures_schema_by_hand():
    from schemas.figures import FiguresSchema as F

    assert _valid(F, _figure())
    assert not _valid(F, _figure(provenance="estimated"))          # derived | published
    assert not _valid(F, _figure(value_status="zero"))              # value | dash | blank | unreadable
    assert not _valid(F, _figure(value=None, value_status="zero"))  # ... even with no value beside it
    assert not _valid(F, _figure(value=0.0, value_status="dash"))   # a printed dash is no 0: value NULL
    assert _valid(F, _figure(value=None, value_status="dash"))
    assert not _valid(F, _figure(value=-0.5))                       # a count is never negative
    assert not _valid(F, _figure(col_key="share_pct", value=120.0))  # a share lies within 0..100
    assert _valid(F, _figure(col_key="share_pct", value=100.0))


# ---- the report's sentences and text figures (a hand-typed warehouse of figures; tests/test_report_sentences_values.py)
def _sentences(figs: dict, order: list[str], period: str = "2017") -> tuple[dict, dict]:
    from tests.test_report_sentences_values import sentences_of

    return sentences_of(figs, order, period)


def _data(figs: dict, order: list[str]):
    from tests.test_report_sentences_values import _data as data

    return data(figs, order)


def test_a_city_without_assemblies_is_never_named_second():
    # Table 1 of 2017: Almaty 6 (100 %), Astana 0 (0 %): one city with assemblies, no "second place" (and no ranking)
    figs = {"2017": {("1", "almaty", "count"): 6.0, ("1", "astana", "count"): 0.0, ("1", T, "count"): 6.0,
                     ("1", "almaty", "share_pct"): 100.0, ("1", "astana", "share_pct"): 0.0}}
    ru, en = _sentences(figs, ["2017"])
    assert ru["cities"] == "Все 6 мирных собраний прошли в одном городе — Алматы."   # nothing after it
    assert en["cities"] == "All 6 assemblies were held in one city, Almaty."


def test_no_individual_share_is_a_dash_not_a_zero():
    ru, en = _sentences({"2017": {("2", T, "count"): 5.0}}, ["2017"])
    assert ru["individual_share"] == "—" and en["individual_share"] == "—"


def test_the_individual_share_carries_no_footnote_even_where_its_cell_differs():
    # individual_share is a figure put inside a sentence of the text (report/text/), which footnotes the sentence
    # there; the generated value itself stays bare even when the published report gives another share
    from assets.report import sentences
    from assets.report.period_view import PeriodView

    d = _data({"2017": {("6", "individual", "count"): 2.0, ("6", "individual", "share_pct"): 40.0}}, ["2017"])
    d.reconciliation = pl.DataFrame([dict(table_no="6", row_key="individual", col_key="share_pct", status="mismatch",
                                          published=45.0, printed="45%", decimals=0, location="table", primary=True)])
    out = sentences.build(PeriodView(d, "2017", "en"))
    assert out["individual_share"] == "40%"
    assert out["organizers"].startswith("The organisers were: ") and "^[" in out["organizers"]


def test_no_legend_of_marks_without_a_reconciliation_row():
    from assets.report import text_figures
    from assets.report.period_view import PeriodView

    d = _data({"2017": {("3", T, "activity_index"): 0.3}}, ["2017"])
    d.reconciliation = pl.DataFrame({"table_no": [], "row_key": [], "col_key": [], "status": []},
                                    schema={"table_no": pl.Utf8, "row_key": pl.Utf8, "col_key": pl.Utf8, "status": pl.Utf8})
    # config/labels.yaml basis_reconstructed (2017's basis in config/periods.yaml), no div_legend after it
    assert text_figures.basis(PeriodView(d, "2017", "en")) == (
        "::: {.basis}\nThe figures of this period are derived from observation cards reconstructed from the report published "
        "for the period (the monitors' original cards were not kept); where the reconstructed cards give a figure other "
        "than the published one, the table says so.\n:::\n")


def test_a_period_without_a_basis_in_config_rests_on_cards_when_it_has_derived_figures(monkeypatch):
    from types import SimpleNamespace

    from assets.core import periods
    from assets.report import text_figures
    from assets.report.period_view import PeriodView

    monkeypatch.setattr(periods, "get", lambda pid: SimpleNamespace(id=pid))   # an older config: no `basis`
    d = _data({"2016": {("2", T, "count"): 5.0}, "2017": {("2", T, "count"): 4.0}}, ["2016", "2017"])
    d.published = {("2016", "2")}          # 2016 published only, 2017 derived
    assert text_figures.basis(PeriodView(d, "2017", "en")) == (
        "::: {.basis}\nThe figures of this period are derived from the observation cards filled in by the monitors.\n:::\n")
    assert text_figures.basis(PeriodView(d, "2016", "en")) == (
        "::: {.basis}\nThe warehouse holds no observation cards for this period: the figures are shown as published.\n:::\n")


# ---- sql/report/published_printed.sql: which printing of a cell the report shows as "the published one"
def test_the_primary_printing_of_a_cell_is_the_one_the_report_shows():
    import duckdb

    from assets.report.published import load_printed

    con = duckdb.connect()
    con.execute('CREATE TABLE published_figures (period VARCHAR, table_no VARCHAR, row_key VARCHAR, col_key VARCHAR, '
                'printed VARCHAR, decimals INTEGER, value DOUBLE, value_status VARCHAR, location VARCHAR, line INTEGER, '
                '"primary" BOOLEAN)')
    # Table 1's Almaty share printed twice in tables: "46,9%" on line 3 (a secondary printing), "47%" on line 9 (primary),
    # and "47,2%" in the text on line 1: the primary table printing wins, whatever its line
    con.execute("INSERT INTO published_figures VALUES "
                "('2017', '1', 'almaty', 'share_pct', '46,9%', 1, 46.9, 'value', 'table', 3, false), "
                "('2017', '1', 'almaty', 'share_pct', '47%', 0, 47.0, 'value', 'table', 9, true), "
                "('2017', '1', 'almaty', 'share_pct', '47,2%', 1, 47.2, 'value', 'text', 1, true)")
    pr = load_printed(con)[("2017", "1", "almaty", "share_pct")]
    assert (pr.printed, pr.decimals, pr.value) == ("47%", 0, 47.0)


def test_an_index_at_the_same_level_as_last_year():
    # Table 3: 1.0 in 2016 and in 2017: ratio 1, change 0 % -> "на том же уровне, что и в 2016 году" / "the same as in 2016"
    ru, en = _sentences({"2016": {("3", T, "activity_index"): 1.0}, "2017": {("3", T, "activity_index"): 1.0}},
                        ["2016", "2017"])
    assert ru["activity"].startswith("В 2017 году «индекс митинговой активности» (мирных собраний в месяц) равнялся 1,0, "
                                     "что на том же уровне, что и в 2016 году")
    assert en["activity"].startswith("In 2017 the activity index (assemblies per month) was 1.0, the same as in 2016")


def test_one_day_of_arrest_in_english_is_singular():
    # courts: 1 warned, 1 fined (5 MRP), 1 arrested for 1 day in all
    figs = {"2017": {("courts", T, "warnings"): 1.0, ("courts", T, "fines"): 1.0, ("courts", T, "fine_mrp_total"): 5.0,
                     ("courts", T, "arrests"): 1.0, ("courts", T, "arrest_days_total"): 1.0}}
    ru, en = _sentences(figs, ["2017"])
    assert en["courts"] == ("The courts warned 1, fined 1 (5 MRP in all) and sent 1 to administrative arrest (1 day in all).")
    assert ru["courts"] == ("В ходе судебного разбирательства предупреждения получил 1 человек, денежные штрафы — 1 (всего 5 МРП), "
                            "административный арест — 1 (всего 1 сут.).")


def test_the_police_text_figure_is_footnoted_where_table_14_prints_another_count():
    from assets.report import text_figures
    from assets.report.period_view import PeriodView

    d = _data({"2017": {("summary", T, "police"): 31.0, ("14", T, "police"): 31.0}}, ["2017"])
    # the published Table 14 prints 35 police officers in all (a mismatch); the text figure "police" is the same quantity
    d.reconciliation = pl.DataFrame([dict(table_no="14", row_key=T, col_key="police", status="mismatch", published=35.0,
                                          printed="35", decimals=0, location="table", primary=True)])
    sv = text_figures.text_variables(PeriodView(d, "2017", "en"))
    assert sv["police"].startswith("31^[The published report gives 35 (Table 14")


def test_the_interval_of_a_printed_share_allows_truncation_up_to_one_unit():
    # "12%" (0 decimals) stands for 11.5 .. 12.5 rounded, or 12 .. 13 cut: 11.5 .. 13 (± 1e-6)
    lo, hi = _pf("12%").interval()
    assert lo == pytest.approx(11.5, abs=1e-5) and hi == pytest.approx(13.0, abs=1e-5)
    # "0%": 0 .. 1 cut, down to -0.5 rounded
    lo, hi = _pf("0%").interval()
    assert lo == pytest.approx(-0.5, abs=1e-5) and hi == pytest.approx(1.0, abs=1e-5)
    # a negative index "-1,5" (1 decimal): -1.55 .. -1.45 rounded, -1.6 .. -1.5 cut toward zero: -1.6 .. -1.45
    lo, hi = _pf("-1,5", col="trend_index").interval()
    assert lo == pytest.approx(-1.6, abs=1e-5) and hi == pytest.approx(-1.45, abs=1e-5)


def test_participants_in_a_city_are_impossible_only_when_every_printing_of_its_count_is_0():
    # Table 2 Almaty printed 0 in the table and 2 in the text: the city may have had assemblies, no finding
    rows = [_fig("2", "almaty", "count", "0"), _fig("2", "almaty", "count", "2", location="text", line=5, primary=False),
            _fig("18", "almaty", "participants", "40")]
    assert "impossible" not in _rules(_audit(*rows))


def test_a_share_truncated_one_assembly_above_the_nearest_count():
    # 53 assemblies, "16%": 16 % of 53 = 8.48 -> the nearest count 8 gives 15.09 % (neither 16 rounded nor cut);
    # 9 gives 16.98 %, printed cut to "16%": a truncation (reported on request), not a share no count gives
    rows = [_fig("2", "total", "count", "53"), _fig("9", "total", "share_pct", "16%")]
    assert "share_from_counts" not in _rules(_audit(*rows))
    tr = _audit(*rows, include_truncated=True)
    assert _rules(tr) == ["truncated"] and tr["expected"][0] == pytest.approx(900 / 53)


def test_a_number_of_assemblies_printed_with_a_fraction_is_no_denominator():
    # a count printed "2,5" (a misprint) cannot divide a share: 40 % is not held to k / 2 (0, 50, 100)
    rows = [_fig("2", "total", "count", "2,5", value=2.5, decimals=1), _fig("9", "total", "share_pct", "40%")]
    assert "share_from_counts" not in _rules(_audit(*rows))
    whole = [_fig("2", "total", "count", "2"), _fig("9", "total", "share_pct", "40%")]
    assert "share_from_counts" in _rules(_audit(*whole))


def test_the_previous_period_of_a_transcription_outside_the_config_is_the_one_before_it_in_the_book():
    # periods unknown to config/periods.yaml (a transcription of other reports): the book's own order; the first
    # has none (not the last one, by a wrap-around of index -1)
    from types import SimpleNamespace

    from assets.derive.audit.derived import prev_period

    book = SimpleNamespace(periods=["1999", "2000"])
    assert prev_period(book, "1999") is None
    assert prev_period(book, "2000") == "1999"
