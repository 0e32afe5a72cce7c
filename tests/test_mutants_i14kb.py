"""Tests for the survivors of another sample of issue 14's automatic mutator (branch i14kb: `--area checks --sample 0.3
--seed 31`), each on a tiny hand-made fixture with its expected values worked out by hand (docs/testing.md, "Measured
score", 2026-12-01, branch i14kb).

1. sql/checks/figure_sums.sql counts the rows it adds up, not the rows it read: a row whose value is not known
   (NULL) is neither added nor counted.
2. schemas/figures.py's trend check: a trend word the report did not print (value NULL, a dash) is no wrong direction.
3. assets/quality/gx_outcomes.py: an expectation met (no rows, no unexpected count) has no words of failure.
4. From `--area validate --sample 0.1 --seed 31`: assets/validate/rules.py's messages of a date outside the period and of
   a check without words of its own; an empty frame passes the fast path (nothing to check); the person schema is not
   strict (the validated persons carry columns of their own besides the spec's).
"""
from __future__ import annotations

import pandera.errors
import polars as pl
import pytest

from assets.quality import gx_suite
from tests.test_check_values import _frame


# 1. figure_sums' n_rows counts the known values only ------------------------------------------------------------

def test_the_sums_count_only_the_rows_whose_value_is_known():
    # Table 14, participants, 2017: almaty 10, astana not known (NULL), semey 4; total 14 -> 2 rows added up, 10 + 4 = 14
    sums = gx_suite.figure_sums(_frame([("2017", "14", "almaty", "participants", 10.0, "derived"),
                                        ("2017", "14", "astana", "participants", None, "derived"),
                                        ("2017", "14", "semey", "participants", 4.0, "derived"),
                                        ("2017", "14", "total", "participants", 14.0, "derived")]), "2017")
    assert [(r["table_no"], r["col_key"], r["rows"], r["n_rows"], r["sum_of_rows"], r["total"], r["difference"])
            for r in sums.iter_rows(named=True)] == [("14", "participants", "category rows", 2, 14.0, 14.0, 0.0)]


# 2. a trend cell without a value passes trend_is_a_direction -----------------------------------------------------

def test_a_trend_word_not_printed_is_no_wrong_direction():
    from schemas.figures import FiguresSchema

    def frame(value, status):  # Table 15, 2017: the trend of the total, as a direction (-1, 0, +1) or not printed
        return pl.DataFrame([{"period": "2017", "table_no": "15", "row_key": "total", "col_key": "trend", "value": value,
                              "provenance": "published", "value_status": status}], schema_overrides={"value": pl.Float64})

    FiguresSchema.validate(frame(None, "dash"), lazy=True)  # a dash: no value, no direction to check
    FiguresSchema.validate(frame(-1.0, "value"), lazy=True)
    with pytest.raises(pandera.errors.SchemaErrors) as e:
        FiguresSchema.validate(frame(0.5, "value"), lazy=True)
    assert set(e.value.failure_cases["check"].to_list()) == {"trend_is_a_direction"}


# 3. an expectation met has no explanations ---------------------------------------------------------------------

def test_an_expectation_met_explains_nothing():
    from assets.quality.gx_outcomes import _explanations

    assert _explanations("share_0_100", {"unexpected_count": 0, "partial_unexpected_list": []}) == []
    assert _explanations("share_0_100", {}) == []  # a result without these keys (e.g. a table-level expectation)
    assert _explanations("share_0_100", {"unexpected_count": 1, "partial_unexpected_list": [101.0]}) == [
        "1 unexpected values: [101.0]"]


# 4. assets/validate/rules.py: column messages, the fast path on an empty frame ----------------------------------

def test_a_date_outside_the_period_and_an_unknown_check_in_words():
    from assets.core import periods
    from assets.validate import rules

    p = periods.get("2017")
    assert rules.column_message("card", "date", "in_period", "2016-05-01", p) == (
        "'Дата проведения' (date): 2016-05-01 lies outside the monitoring period 2017 (2017-01-01 – 2017-12-31); "
        "put the card in the folder of its period")
    assert rules.column_message("card", "participants", "str_length", "x", None) == (
        "'Участники (оценка)' (participants): 'x' fails the check str_length")
    assert rules.column_message("card", "participants", "not_nullable", "", None) == (
        "'Участники (оценка)' (participants) is required but empty")


def test_an_empty_frame_passes_every_check():
    from assets.core import periods
    from assets.validate import rules
    from assets.validate import validate as V
    from tests.test_validation_values import NO_FILES, card, raw

    typed = V.validate_period(periods.get("2017"), raw(card()), NO_FILES).cards
    frame = typed.with_columns(pl.lit(None, dtype=pl.Utf8).alias("_kept_at"))
    assert rules.passes_every_check(frame.head(0), "card", periods.get("2017"))


def test_the_person_schema_accepts_the_columns_validation_adds():
    from assets.core import periods
    from assets.validate import rules
    from assets.validate import validate as V
    from tests.test_validation_values import NO_FILES, PERSON, card, raw

    persons = V.validate_period(periods.get("2017"), raw(card(), ("person", PERSON)), NO_FILES).persons
    # besides the spec's fields, the validated persons carry their record, file, period and pseudonym
    assert {"record_id", "source_file", "period", "pseudonym"} <= set(persons.columns) and persons.height == 1
    rules.person_schema().validate(persons.with_columns(pl.lit("x").alias("a_note")), lazy=True)
