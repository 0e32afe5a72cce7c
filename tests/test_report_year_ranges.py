"""A span of years stays on one line in the PDF (a reader's look at every page, 2026-12-02): Table 2's new title broke
as «… за 2010–» / «2017 годы». report/typst-header.typ boxes a four-digit year span (a `show` rule), which both the
pandoc and the Quarto paths include; pandoc's Typst writes the en dash as `--`, which Typst reads as one."""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from core import settings

TEXT = "Общая динамика ситуации с собраниями за 2010--2017 годы"


def _header_rule() -> str:
    """The project's rule, read from the header the report includes."""
    header = (settings.report_src_dir() / "typst-header.typ").read_text(encoding="utf-8")
    rules = [line for line in header.splitlines() if re.match(r'#show regex\(".*\\d\{4\}–\\d\{4\}"\)', line)]
    assert len(rules) == 1, rules
    return rules[0]


def _lines(tmp_path, rule: str) -> list[str]:
    import typst

    src = tmp_path / "t.typ"
    # 82 mm: where Typst breaks this sentence right after the span's dash (found by trying widths); the caption too
    src.write_text("#set page(width: 82mm, height: auto, margin: 2mm)\n#set text(size: 10pt)\n" + rule + "\n" + TEXT
                   + "\n\n#figure(table(columns: 1, [x]), caption: [" + TEXT + "])\n", encoding="utf-8")
    typst.compile(str(src), output=str(tmp_path / "t.pdf"))
    if not shutil.which("pdftotext"):  # (session 32) a machine without poppler: pdfminer's lines (tests/test_report.py)
        from tests.test_report import pdf_pages
        return [line.strip() for page in pdf_pages(tmp_path / "t.pdf") for line in page.splitlines() if line.strip()]
    out = subprocess.run(["pdftotext", "-layout", str(tmp_path / "t.pdf"), "-"], capture_output=True, text=True).stdout
    return [line.strip() for line in out.splitlines() if line.strip()]


def test_the_header_keeps_a_span_of_years_on_one_line(tmp_path):
    pytest.importorskip("typst")
    plain = _lines(tmp_path, "")
    assert any(line.endswith("2010–") for line in plain), plain  # the break the rule prevents
    kept = _lines(tmp_path, _header_rule())
    assert not any(line.endswith("2010–") for line in kept), kept
    assert sum("2010–2017 годы" in line for line in kept) == 2, kept  # the text and the caption, the dash as printed
