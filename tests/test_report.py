"""The report renders from the warehouse in every format and language, Cyrillic reads correctly in
the PDF, figures shown are the warehouse's, and text from outside cannot inject markup."""
import re
import zipfile

import pytest
from pypdf import PdfReader

from tests.conftest import run_period, write

SCRIPT_CARD = """card_id: X-SCRIPT
date: 2017-06-01
city: Алматы
form: picket
topic: "<script>alert('x')</script> Протест *жирный*"
character: social
organizer_type: spontaneous
participants: 3
permission_requested: false
reason_not_applied: unknown
source_type: media
"""


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    import shutil

    from tests.conftest import EXAMPLE_2017

    mp = pytest.MonkeyPatch()
    root = tmp_path_factory.mktemp("report")
    for k, v in {"MONITOR_WAREHOUSE": root / "w.duckdb", "MONITOR_INBOX": root / "inbox", "MONITOR_BUILD": root / "build"}.items():
        mp.setenv(k, str(v))
    shutil.copytree(EXAMPLE_2017, root / "inbox" / "cards" / "2017")
    write(root / "inbox" / "cards" / "2017" / "script.yaml", SCRIPT_CARD)
    result = run_period("2017", selection=("raw_cards", "cards", "figures", "report"))
    assert result.success
    yield root / "build" / "report" / "2017"
    mp.undo()


def test_every_format_and_language_is_written(rendered):
    for lang in ("ru", "en"):
        for ext in ("html", "pdf", "docx"):
            f = rendered / f"report-2017-{lang}.{ext}"
            assert f.exists() and f.stat().st_size > 1000, f


def test_html_is_self_contained_and_shows_warehouse_figures(rendered):
    html = (rendered / "report-2017-ru.html").read_text(encoding="utf-8")
    assert not re.search(r'<link[^>]+stylesheet', html)  # the CSS is embedded
    assert not re.search(r'(src|href)="https?://', html)  # nothing is loaded from the network
    assert "Таблица №1. Количество мирных собраний в 2017 году" in html
    assert "37 мирных собраний в 9 городах" in " ".join(html.split())  # 36 example cards + the script card
    assert "Алматы" in html and "ВСЕГО" in html


def test_outside_text_is_inert(rendered):
    html = (rendered / "report-2017-ru.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert" in html or "&#60;script&#62;" in html
    assert "<strong>жирный</strong>" not in html and "<em>жирный</em>" not in html


def test_pdf_text_is_cyrillic(rendered):
    text = "".join(page.extract_text() for page in PdfReader(rendered / "report-2017-ru.pdf").pages)
    assert "Мониторинг свободы мирных собраний в Казахстане" in " ".join(text.split())
    assert "Алматы" in text
    assert "\ufffd" not in text and "□" not in text


def test_docx_contains_the_tables(rendered):
    with zipfile.ZipFile(rendered / "report-2017-en.docx") as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert "Almaty" in xml and "Number of peaceful assemblies in 2017" in xml
