"""Each edition writes its numbers in its own way (a reader's probe of the 2017 edition): the Russian appendix printed
the published "0.1" and "0.06" as the seed's table had them (with a decimal point) in a column of "0,0", "0,08",
and the recorded readings of data/published/choices.csv said "0.06 = 104 / 1697", "≈ 25.7" in Russian notes. A
bare number is a number of the edition ("0,1" in Russian, "0.1" in English); a quotation of the published text
in «» stays as printed. Hand-made rows; no pipeline run."""
from __future__ import annotations

import csv
import dataclasses
import re

import polars as pl
import pytest

from assets.report import appendix
from assets.report.period_view import PeriodView
from core import settings
from tests.test_report_sentences_values import _data


def _rec(printed: str, published: float, decimals: int, col: str = "activity_index", location: str = "table") -> pl.DataFrame:
    return pl.DataFrame({"table_no": ["3"], "row_key": ["zhezkazgan"], "col_key": [col], "derived": [0.0],
                         "published": [published], "printed": [printed], "decimals": [decimals], "status": ["mismatch"],
                         "location": [location]},
                        schema_overrides={"published": pl.Float64, "printed": pl.Utf8, "decimals": pl.Int64, "location": pl.Utf8})


def _row(rec: pl.DataFrame, lang: str) -> str:
    d = dataclasses.replace(_data({"2017": {("3", "zhezkazgan", "activity_index"): 0.0}}, ["2017"]), reconciliation=rec)
    out = appendix.appendix(PeriodView(d, "2017", lang))
    return next(line for line in out.splitlines() if line.startswith("| 3 |"))


@pytest.mark.parametrize("printed, published, decimals, ru, en", [
    ("0.1", 0.1, 1, "0,1", "0.1"),       # the seed's 2017 column of Table 3 (a decimal point)
    ("0,1", 0.1, 1, "0,1", "0.1"),       # its older columns (a comma)
    ("0.06", 0.06, 2, "0,06", "0.06"),   # Table 14's total
])
def test_a_bare_published_number_takes_the_editions_separator(printed, published, decimals, ru, en):
    assert _row(_rec(printed, published, decimals), "ru") == f"| 3 | Жезказган | Индекс активности | таблица | 0,0 | {ru} | расхождение |"
    assert _row(_rec(printed, published, decimals), "en").split(" | ")[5] == en


def test_a_quotation_of_the_published_text_stays_as_printed():
    row = _row(_rec("104 полицейских", 104.0, 0, col="police", location="text"), "ru")
    assert "| 104 полицейских |" in row


def test_the_recorded_readings_write_numbers_in_their_language():
    """choices.csv: the Russian reason writes 0,06 and 25,7 (a quotation «…» of the seed stays as printed); the English
    reason writes 0.06."""
    found = []
    with open(settings.project_root() / "data" / "published" / "choices.csv", encoding="utf-8") as f:
        for i, r in enumerate(csv.DictReader(f), 2):
            outside_quotes = re.sub(r"«[^»]*»", "", r["reason_ru"])
            found += [(i, "ru", m) for m in re.findall(r"\d\.\d+", outside_quotes)]
            found += [(i, "en", m) for m in re.findall(r"\d,\d+", r["reason_en"])]
    assert found == []
