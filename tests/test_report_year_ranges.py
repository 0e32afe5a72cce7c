"""A span of years stays on one line in the PDF (a reader's look at every page, 2026-12-02): Table 2's new title broke
as «… за 2010–» / «2017 годы». render.year_ranges_unbroken puts a word joiner (U+2060, no glyph) after the dash of a
four-digit year span in pandoc's Typst, which writes an en dash as `--`."""
from __future__ import annotations

import subprocess

import pytest

from assets.report.render import year_ranges_unbroken

WJ = "\u2060"


@pytest.mark.parametrize("typ, expected", [
    ("за 2010--2017 годы", f"за 2010--{WJ}2017 годы"),          # pandoc's Typst: an en dash is --
    ("«2011–2012»", f"«2011–{WJ}2012»"),                       # a literal en dash
    ("2010---2017", "2010---2017"),                           # an em dash (---) is no span
    ("2010-2017", "2010-2017"),                               # nor a hyphen
    ("12010--2017", "12010--2017"),                           # nor five digits
    ("2010--20171", "2010--20171"),
    ("1--2, 10--20", "1--2, 10--20"),                         # nor short numbers
    ("3.2010--2017", "3.2010--2017"),                         # nor a decimal's digits
])
def test_the_joiner_goes_after_the_dash_of_a_year_span_only(typ, expected):
    assert year_ranges_unbroken(typ) == expected


def _lines(tmp_path, body: str) -> list[str]:
    import typst

    src = tmp_path / "t.typ"
    # 82 mm: where Typst breaks this sentence right after the span's dash (found by trying widths)
    src.write_text("#set page(width: 82mm, height: auto, margin: 2mm)\n#set text(size: 10pt)\n" + body + "\n",
                   encoding="utf-8")
    typst.compile(str(src), output=str(tmp_path / "t.pdf"))
    out = subprocess.run(["pdftotext", "-layout", str(tmp_path / "t.pdf"), "-"], capture_output=True, text=True).stdout
    return [line.strip() for line in out.splitlines() if line.strip()]


def test_typst_keeps_the_joined_span_on_one_line(tmp_path):
    pytest.importorskip("typst")
    text = "Общая динамика ситуации с собраниями за 2010--2017 годы"
    plain = _lines(tmp_path, text)
    assert any(line.endswith("2010–") for line in plain), plain  # the break this prevents
    joined = _lines(tmp_path, year_ranges_unbroken(text))
    assert not any(line.endswith(("2010–", "2010–" + WJ)) for line in joined), joined
    assert any(f"2010–{WJ}2017" in line or "2010–2017" in line for line in joined), joined
