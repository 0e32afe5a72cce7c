"""Articles saved as monitors save them (session 47): a browser's one-file page (MHTML), a page printed to PDF, a Word
document, a forwarded letter — and a folder's files that are none of the kinds read, each named. Before session 47 a
folder's .pdf, .docx and .mhtml were passed over without a word, and a .mhtml given alone was read as HTML with its MIME
headers and quoted-printable codes in the text.

The .mhtml and .pdf files of tests/media/saved/ were saved by headless Chromium from the self-written pages of
tests/media/saved/pages/ (tests/media/saved/make_fixtures.py); the other files are built here with the libraries a
writer of such files uses (email, python-docx, pypdf, Typst). Every expected value is read off the pages' text."""
from __future__ import annotations

import datetime as dt
import email.message
import io
import json
import quopri
from pathlib import Path

import docx
import pypdf
import pytest
import typst
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assets.media import parse, saved_files
from assets.media.cli import main
from tests.zipfiles import zip_of

SAVED = Path(__file__).parent / "saved"
URALSK_URL = "http://uralsk-nedelya.example/news/2022/03/12/miting-skver"
URALSK_HEADLINE = "Жители микрорайона вышли на митинг против вырубки сквера"
AKTOBE_URL = "http://aktobe-zhany.example/kk/news/2023/01/17/tarif"
AKTOBE_HEADLINE = "Ақтөбеде тұрғындар жылу тарифіне қарсы әкімдік алдына жиналды"


def _extract(path, capsys, *extra) -> tuple[int, list[dict], str]:
    rc = main(["extract", str(path), "--learned", "off", *extra])
    out, err = capsys.readouterr()
    return rc, [json.loads(x) for x in out.splitlines() if x.strip()], err


# -- a browser's page saved as one file ----------------------------------------------------------
def test_a_saved_copys_time_is_kept_as_its_fetch_time():
    """The claim ledger keeps each figure's fetch time: for a page saved by hand, when it was saved — the MHTML's
    `Date` line, the PDF's creation date (both written by Chromium at 2026-12-07 04:53:02 UTC, the files' own heads)."""
    mhtml = (SAVED / "uralsk_skver.mhtml").read_text(encoding="utf-8")
    assert "Date: Mon, 7 Dec 2026 04:53:02 +0000" in mhtml
    [a] = parse.read_local(SAVED / "uralsk_skver.mhtml")
    [b] = parse.read_local(SAVED / "uralsk_skver.pdf")
    assert a.fetched_at == b.fetched_at == dt.datetime(2026, 12, 7, 4, 53, 2)


def test_a_letters_day_is_the_senders_own(tmp_path):
    """Sent at 01:30 in Almaty on 15 July is 14 July in UTC: the letter's day is the 15th."""
    f = tmp_path / "late.eml"
    f.write_bytes(_letter("14 июля в Темиртау прошёл пикет.", subject="Пикет", date="Fri, 15 Jul 2022 01:30:00 +0500"))
    [a] = parse.read_local(f)
    assert a.published == dt.date(2022, 7, 15) and a.fetched_at is None


def test_a_page_saved_by_chromium_as_one_file_is_the_article_at_its_address(capsys):
    rc, events, err = _extract(SAVED / "uralsk_skver.mhtml", capsys)
    assert rc == 0, err
    assert len(events) == 1
    ev = events[0]
    # the page: "12 марта 2022", "около 150 жителей ... в Уральске", "Задержаний не было", a rally (митинг)
    assert ev["url"] == URALSK_URL
    assert ev["title"] == URALSK_HEADLINE  # the <h1>, not the <title> with the site's name
    assert (ev["date"], ev["city"], ev["form"], ev["participants"], ev["detained"]) == \
        ("2022-03-12", "uralsk", "rally", 150, 0)
    assert ev["published"] == "2022-03-12"  # the page's article:published_time
    assert "=D0" not in json.dumps(ev, ensure_ascii=False)  # no quoted-printable code read as text


def test_a_kazakh_page_saved_as_one_file(capsys):
    rc, events, err = _extract(SAVED / "aktobe_tariff.mhtml", capsys)
    assert rc == 0, err
    [ev] = events
    # "Бүгін Ақтөбеде 40-қа жуық тұрғын облыс әкімдігінің алдына жиналып" on a page of 17 January 2023
    assert (ev["url"], ev["title"], ev["lang"]) == (AKTOBE_URL, AKTOBE_HEADLINE, "kk")
    assert (ev["date"], ev["city"], ev["participants"]) == ("2023-01-17", "aktobe", 40)


def test_a_page_saved_as_one_file_under_an_html_name_is_read_as_mhtml(tmp_path):
    renamed = tmp_path / "статья.html"
    renamed.write_bytes((SAVED / "uralsk_skver.mhtml").read_bytes())
    [a] = parse.read_local(renamed)
    assert (a.url, a.title, a.kind) == (URALSK_URL, URALSK_HEADLINE, "saved")
    assert "Content-Type" not in a.text and "MultipartBoundary" not in a.text


def _web_archive(html: str, charset: str, *, encoding: str = "base64", location: str | None = None,
                 snapshot: str | None = None) -> bytes:
    """A page saved as a "Web archive" the way Word and Internet Explorer write one: a multipart/related letter whose
    HTML part is in a code page, base64 or quoted-printable."""
    msg = email.message.EmailMessage()
    if snapshot:
        msg["Snapshot-Content-Location"] = snapshot
    msg["MIME-Version"] = "1.0"
    msg.set_type("multipart/related")
    part = email.message.MIMEPart()
    body = html.encode(charset)
    if encoding == "base64":
        part.set_content(body, maintype="text", subtype="html", cte="base64")
    else:
        part.set_payload(quopri.encodestring(body).decode("ascii"))
        part["Content-Transfer-Encoding"] = "quoted-printable"
        part["Content-Type"] = "text/html"
    part.replace_header("Content-Type", f"text/html; charset=\"{charset}\"") if "Content-Type" in part else None
    if location:
        part["Content-Location"] = location
    msg.attach(part)
    return msg.as_bytes()


PAGE_1251 = ("<html><head><title>Пикет в Семее</title></head><body><h1>В Семее прошёл пикет у акимата</h1>"
             "<p>14 апреля 2021 года около 20 жителей Семея вышли с плакатами к зданию акимата города. Они требовали "
             "отремонтировать дорогу на улице Засядько. Полиция задержала двоих участников пикета.</p></body></html>")


def test_a_web_archive_in_windows_1251_with_its_address_on_the_html_part(tmp_path, capsys):
    f = tmp_path / "pikết.mht"
    f.write_bytes(_web_archive(PAGE_1251, "windows-1251", location="https://semey-news.example/2021/04/14/piket"))
    rc, [ev], err = _extract(f, capsys)
    assert rc == 0, err
    assert ev["url"] == "https://semey-news.example/2021/04/14/piket"
    assert ev["title"] == "В Семее прошёл пикет у акимата"
    assert (ev["date"], ev["city"], ev["participants"], ev["detained"]) == ("2021-04-14", "semey", 20, 2)


def test_a_web_archive_with_no_address_is_named_by_the_file(tmp_path):
    f = tmp_path / "p.mhtml"
    f.write_bytes(_web_archive(PAGE_1251, "windows-1251", encoding="qp", location="cid:frame-1@mhtml.blink"))
    [a] = parse.read_local(f)
    assert a.url == f.resolve().as_uri()  # "cid:" names no article
    assert a.title == "В Семее прошёл пикет у акимата"


def test_a_saved_page_with_no_html_part_is_named(tmp_path):
    msg = email.message.EmailMessage()
    msg["MIME-Version"] = "1.0"
    msg.set_type("multipart/related")
    img = email.message.MIMEPart()
    img.set_content(b"\x89PNG\r\n\x1a\n....", maintype="image", subtype="png")
    msg.attach(img)
    f = tmp_path / "only-picture.mhtml"
    f.write_bytes(msg.as_bytes())
    with pytest.raises(parse.ParseError, match=r"only-picture\.mhtml: a saved page \(MHTML\) with no HTML part"):
        parse.read_local(f)


def test_an_mhtml_name_over_plain_html_is_read_as_the_page(tmp_path):
    f = tmp_path / "plain.mhtml"
    f.write_text(PAGE_1251, encoding="utf-8")
    [a] = parse.read_local(f)
    assert a.title == "В Семее прошёл пикет у акимата" and "около 20 жителей Семея" in a.text


# -- a page printed to PDF -------------------------------------------------------------------------
def test_a_page_printed_by_chromium_to_pdf_keeps_its_address_and_drops_the_print_furniture(capsys):
    [a] = parse.read_local(SAVED / "uralsk_skver.pdf")
    assert (a.url, a.title, a.kind) == (URALSK_URL, URALSK_HEADLINE, "saved")
    lines = a.text.split("\n")
    # the browser's header (print date and <title>) and footer (address, "1/2") are off every page; the menu before
    # the headline and the copyright line are not the article
    assert not any("AM" in ln or "PM" in ln or ln.endswith(("1/2", "2/2")) for ln in lines)
    assert "Главная" not in a.text and "©" not in a.text and URALSK_URL not in a.text
    # a paragraph wrapped over three printed lines is one line again, its words in order
    assert ("Участники митинга собрали подписи под обращением к акиму области. Под обращением, по словам "
            "организаторов, подписались более 600 человек. Обращение передадут в акимат в понедельник.") in lines
    assert lines[0] == "12 марта 2022, 14:20"


@pytest.mark.parametrize("name,url,headline", [("uralsk_skver", URALSK_URL, URALSK_HEADLINE),
                                               ("aktobe_tariff", AKTOBE_URL, AKTOBE_HEADLINE)])
def test_firefoxs_layout_of_the_print_furniture_is_taken_off_too(name, url, headline):
    """The same pages printed with Firefox's layout: the title and the address on top, "1 of 2" and the print's date
    below. Read as Chrome's print of them is, word for word."""
    [ff] = parse.read_local(SAVED / f"{name}.firefox.pdf")
    [chrome] = parse.read_local(SAVED / f"{name}.pdf")
    assert (ff.url, ff.title) == (url, headline)
    assert ff.text == chrome.text and " of 2" not in ff.text


@pytest.mark.parametrize("line,header,expected", [
    ("12/7/26, 4:53 AM Жители вышли на митинг — Уральская неделя", True, (True, None)),  # Chrome's top
    ("Жители вышли на митинг https://ex.kz/a", True, (True, "https://ex.kz/a")),  # Firefox's top
    ("https://ex.kz/a 1/2", False, (True, "https://ex.kz/a")),  # Chrome's bottom
    ("1 of 2 12/7/26, 5:25 AM", False, (True, None)),  # Firefox's bottom
    ("Стр. 3 из 4", False, (True, None)),
    ("12.03.2022, 14:20", True, (False, None)),  # the article's own date line, first on a page without a header
    ("12.03.2022, 14:20", False, (False, None)),
    ("В 2022 году 1/2 жителей", False, (False, None)),  # a fraction in the text, last on its page
    ("Около 30 жителей вышли на пикет.", True, (False, None)),
    ("07.12.2026, 10:15 Жители вышли на митинг", True, (True, None)),  # Chrome's top in a Russian locale
    ("2026-12-07 10:15 Жители вышли на митинг", True, (True, None)),  # an ISO locale's
])
def test_what_a_browser_prints_around_a_page(line, header, expected):
    assert saved_files.print_furniture(line, header=header) == expected


def test_monitor_extract_reads_the_printed_page_as_the_saved_one(capsys):
    rc, [ev], err = _extract(SAVED / "uralsk_skver.pdf", capsys)
    assert rc == 0, err
    assert (ev["url"], ev["title"]) == (URALSK_URL, URALSK_HEADLINE)
    assert (ev["date"], ev["city"], ev["form"], ev["participants"], ev["detained"]) == \
        ("2022-03-12", "uralsk", "rally", 150, 0)


def test_a_kazakh_page_printed_to_pdf_with_its_menu_on_the_headlines_line(capsys):
    [a] = parse.read_local(SAVED / "aktobe_tariff.pdf")
    # the print joins "Басты бет · Жаңалықтар · Рус" and the headline into one paragraph: the menu is dropped
    assert (a.url, a.title, a.lang) == (AKTOBE_URL, AKTOBE_HEADLINE, "kk")
    assert "Басты бет" not in a.text and a.text.startswith("17 қаңтар 2023, 11:05")
    rc, [ev], err = _extract(SAVED / "aktobe_tariff.pdf", capsys)
    assert (ev["date"], ev["city"], ev["participants"]) == ("2023-01-17", "aktobe", 40)


def _typst_pdf(body: str, title: str | None = None, pages: int = 1) -> bytes:
    head = f'#set document(title: "{title}")\n' if title else ""
    src = head + '#set page(width: 12cm, height: 9cm)\n#set text(lang: "ru", hyphenate: true)\n#set par(justify: true, spacing: 2.2em)\n'
    return typst.compile((src + body).encode("utf-8"))


ATYRAU = ("Жители Атырау вышли на пикет\n\nВчера, 5 мая 2021 года, около 30 жителей Атырау вышли с плакатами к зданию "
          "акимата. Они требовали остановить строительство завода в черте города и провести общественные слушания.")


def test_a_pdf_with_no_title_takes_its_first_line_as_the_headline_and_joins_hyphenated_words(tmp_path):
    f = tmp_path / "atyrau.pdf"
    f.write_bytes(_typst_pdf(ATYRAU))
    [a] = parse.read_local(f)
    assert a.title == "Жители Атырау вышли на пикет"
    # Typst hyphenates the justified lines (a soft hyphen at a line's end): the words come back whole
    assert a.text == ATYRAU.split("\n\n")[1]
    assert a.url == f.resolve().as_uri()


def test_a_fetched_pdf_is_read_as_the_printed_page(tmp_path):
    """A link that answers with a PDF (a statement, a newspaper's page): read as a PDF saved by hand is, its address
    the link's; the feed's date wins, as for a page."""
    body = (SAVED / "uralsk_skver.pdf").read_bytes()
    a = parse.article_from_response({"url": "https://x.kz/a.pdf", "headers": {"content-type": "application/pdf"},
                                     "body": body, "source": "x"},
                                    feed_item=parse.FeedItem(url="https://x.kz/a.pdf", published=dt.date(2022, 3, 12)))
    assert (a.url, a.kind, a.title, a.published) == ("https://x.kz/a.pdf", "web", URALSK_HEADLINE, dt.date(2022, 3, 12))
    assert a.text.startswith("12 марта 2022, 14:20\nВ субботу, 12 марта, около 150 жителей")
    b = parse.article_from_response({"url": "https://x.kz/b.pdf", "headers": {}, "body": _typst_pdf(ATYRAU)})
    assert (b.title, b.text) == ("Жители Атырау вышли на пикет", ATYRAU.split("\n\n")[1])


def test_a_pdf_saved_under_a_txt_name_is_read_as_a_pdf(tmp_path):
    f = tmp_path / "atyrau.txt"
    f.write_bytes(_typst_pdf(ATYRAU))
    [a] = parse.read_local(f)
    assert a.title == "Жители Атырау вышли на пикет" and "%PDF" not in a.text


def _written(writer: pypdf.PdfWriter, path: Path) -> Path:
    buf = io.BytesIO()
    writer.write(buf)
    path.write_bytes(buf.getvalue())
    return path


def test_a_pdf_locked_by_a_password_is_named(tmp_path):
    w = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(_typst_pdf(ATYRAU))))
    w.encrypt("secret")
    f = _written(w, tmp_path / "locked.pdf")
    with pytest.raises(parse.ParseError, match=r"locked\.pdf: a PDF locked by a password"):
        parse.read_local(f)


def test_a_pdf_of_a_scan_with_no_text_is_named(tmp_path):
    w = pypdf.PdfWriter()
    w.add_blank_page(width=300, height=400)
    f = _written(w, tmp_path / "scan.pdf")
    with pytest.raises(parse.ParseError, match=r"scan\.pdf: a PDF with no text in it \(a scan"):
        parse.read_local(f)


def test_a_text_file_under_a_pdf_name_is_named_not_read_as_garbage(tmp_path):
    f = tmp_path / "renamed.pdf"
    f.write_text("Жители вышли на митинг\nТекст.", encoding="utf-8")
    with pytest.raises(parse.ParseError, match=r"renamed\.pdf: not a PDF \(its bytes are not a PDF's: another file "
                                               r"renamed \.pdf\?\)"):
        parse.read_local(f)


def test_a_paragraph_broken_across_two_pages_is_one(tmp_path):
    long = " ".join(["Жители посёлка стояли у здания акимата и требовали провести газ в дома."] * 9)
    f = tmp_path / "two.pdf"
    f.write_bytes(_typst_pdf("Газ в посёлок\n\n" + long + " Конец абзаца.\n\nВторой абзац."))
    assert len(pypdf.PdfReader(f).pages) >= 2
    [a] = parse.read_local(f)
    assert a.title == "Газ в посёлок"
    assert a.text.split("\n") == [long + " Конец абзаца.", "Второй абзац."]


# -- Word ------------------------------------------------------------------------------------------
def _docx(paragraphs: list[str], *, link_first: str | None = None, title: str | None = None,
          table: list[list[str]] | None = None) -> bytes:
    d = docx.Document()
    for i, text in enumerate(paragraphs):
        p = d.add_paragraph()
        if i == 0 and link_first:  # the headline as a link, as a page pasted from a browser keeps it
            rid = p.part.relate_to(link_first, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
            h = OxmlElement("w:hyperlink")
            h.set(qn("r:id"), rid)
            r = OxmlElement("w:r")
            t = OxmlElement("w:t")
            t.text = text
            r.append(t)
            h.append(r)
            p._p.append(h)
        else:
            p.add_run(text)
    if table:
        tb = d.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                tb.cell(r, c).text = cell
    if title:
        d.core_properties.title = title
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


SHYMKENT = ["В Шымкенте дольщики вышли к акимату",
            "10 июня 2022 года около 60 дольщиков жилого комплекса собрались у здания акимата Шымкента.",
            "Они требовали достроить дома, за которые заплатили ещё в 2018 году."]


def test_a_word_document_with_its_source_line(tmp_path, capsys):
    f = tmp_path / "дольщики.docx"
    f.write_bytes(_docx([SHYMKENT[0], "Источник: https://shymkent-today.example/2022/06/10/dolshiki", *SHYMKENT[1:]]))
    [a] = parse.read_local(f)
    assert (a.url, a.title, a.kind) == ("https://shymkent-today.example/2022/06/10/dolshiki", SHYMKENT[0], "file")
    assert a.text.split("\n") == SHYMKENT[1:]
    rc, [ev], err = _extract(f, capsys)
    assert rc == 0, err
    assert (ev["date"], ev["city"], ev["participants"]) == ("2022-06-10", "shymkent", 60)


def test_a_word_document_whose_headline_is_a_link(tmp_path):
    f = tmp_path / "a.docx"
    f.write_bytes(_docx(SHYMKENT, link_first="https://shymkent-today.example/dolshiki"))
    [a] = parse.read_local(f)
    assert (a.url, a.title) == ("https://shymkent-today.example/dolshiki", SHYMKENT[0])


def test_a_word_documents_title_property_is_the_headline_only_when_it_is_the_first_line(tmp_path):
    f = tmp_path / "b.docx"
    f.write_bytes(_docx(SHYMKENT, title="Документ1"))  # a template's title names no article
    [a] = parse.read_local(f)
    assert a.title == SHYMKENT[0] and a.text.split("\n") == SHYMKENT[1:]
    assert a.url == f.resolve().as_uri()


def test_a_word_documents_table_is_read_in_its_place(tmp_path):
    f = tmp_path / "t.docx"
    f.write_bytes(_docx(SHYMKENT[:2], table=[["Участников", "около 60"], ["Задержано", "нет"]]))
    [a] = parse.read_local(f)
    assert a.text.split("\n") == [SHYMKENT[1], "Участников", "около 60", "Задержано", "нет"]


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_BOX_WPS = ('<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice '
            'Requires="wps"><w:drawing xmlns:w="{w}"><wp:anchor xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/'
            'wordprocessingDrawing"><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData '
            'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp xmlns:wps="http://schemas.'
            'microsoft.com/office/word/2010/wordprocessingShape"><wps:txbx><w:txbxContent>{paras}</w:txbxContent></wps:txbx>'
            '</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback>{vml}</mc:Fallback>'
            '</mc:AlternateContent>')
_BOX_VML = ('<w:pict xmlns:w="{w}"><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>{paras}'
            '</w:txbxContent></v:textbox></v:shape></w:pict>')


def _docx_with_box(body: list[str], box: list[str], *, modern: bool = True, in_table: bool = False) -> bytes:
    """A Word document whose paragraphs `body` are followed by a paragraph anchoring a text box that holds `box`: as
    Word 2010 and later write it (a drawing, and the same box again as VML for older readers), or as VML alone (Word
    2003's)."""
    from lxml import etree

    d = docx.Document()
    for text in body:
        d.add_paragraph(text)
    paras = "".join(f'<w:p xmlns:w="{_W}"><w:r><w:t>{t}</w:t></w:r></w:p>' for t in box)
    vml = _BOX_VML.format(w=_W, paras=paras)
    shape = _BOX_WPS.format(w=_W, paras=paras, vml=vml) if modern else vml
    anchor = d.add_table(rows=1, cols=1).cell(0, 0).paragraphs[0] if in_table else d.add_paragraph()
    run = anchor.add_run()
    run._r.append(etree.fromstring(shape))
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


@pytest.mark.parametrize("modern", [True, False])
@pytest.mark.parametrize("in_table", [False, True])
def test_a_word_documents_text_box_is_read_once_after_its_anchor(tmp_path, modern, in_table):
    # (session 52) python-docx's paragraphs leave text boxes out: an article laid out in one was read without it
    f = tmp_path / "box.docx"
    f.write_bytes(_docx_with_box(["Митинг в Уральске", "Жители вышли к акимату."],
                                 ["Около 300 человек требовали снизить цены на газ.", "Полиция задержала двоих."],
                                 modern=modern, in_table=in_table))
    [a] = parse.read_local(f)
    assert a.title == "Митинг в Уральске"
    assert a.text.split("\n") == ["Жители вышли к акимату.", "Около 300 человек требовали снизить цены на газ.",
                                   "Полиция задержала двоих."]


def test_an_empty_word_document_and_a_renamed_text_are_named(tmp_path):
    empty = tmp_path / "empty.docx"
    empty.write_bytes(_docx([]))
    with pytest.raises(parse.ParseError, match=r"empty\.docx: a Word document with no text"):
        parse.read_local(empty)
    renamed = tmp_path / "renamed.docx"
    renamed.write_text("не Word", encoding="utf-8")
    with pytest.raises(parse.ParseError, match=r"renamed\.docx: not a Word document"):
        parse.read_local(renamed)


# -- a letter ----------------------------------------------------------------------------------------
def _letter(body: str, *, subject: str, html: bool = False, date: str = "Fri, 15 Jul 2022 09:30:00 +0500") -> bytes:
    msg = email.message.EmailMessage()
    msg["From"] = "Наблюдатель <observer@example.org>"
    msg["To"] = "monitoring@example.org"
    msg["Subject"] = subject
    msg["Date"] = date
    if html:
        msg.set_content(body, subtype="html")
    else:
        msg.set_content(body)
    return msg.as_bytes()


FORWARDED = """Посмотрите, пожалуйста, это сообщение.

---------- Forwarded message ---------
From: Иван Петренко <ivan.petrenko@example.com>
Date: Thu, Jul 14, 2022 at 8:10 PM
Subject: Голодовка в Темиртау
To: <monitoring@example.org>

14 июля 2022 года в Темиртау 12 работников рудоуправления объявили голодовку в здании профкома. Они требуют выплатить \
зарплату за три месяца.
"""


def test_a_forwarded_letter_is_read_without_its_forwarding_header(tmp_path, capsys):
    f = tmp_path / "fwd.eml"
    f.write_bytes(_letter(FORWARDED, subject="Fwd: Голодовка в Темиртау"))
    [a] = parse.read_local(f)
    assert a.title == "Голодовка в Темиртау"
    assert a.published.isoformat() == "2022-07-15"  # the letter's date
    # who sent it to whom is not the article (and never reaches an output)
    assert "Петренко" not in a.text and "@" not in a.text and "From:" not in a.text
    assert "12 работников рудоуправления объявили голодовку" in a.text
    rc, [ev], err = _extract(f, capsys)
    assert (ev["date"], ev["city"], ev["form"], ev["participants"]) == ("2022-07-14", "temirtau", "hunger_strike", 12)


def test_an_html_letter_and_a_letter_with_no_text(tmp_path):
    f = tmp_path / "h.eml"
    f.write_bytes(_letter("<html><body><p>14 июля 2022 года в Темиртау 12 работников объявили голодовку.</p></body></html>",
                          subject="Пересл.: Голодовка", html=True))
    [a] = parse.read_local(f)
    assert a.title == "Голодовка" and "12 работников объявили голодовку" in a.text
    nothing = tmp_path / "n.eml"
    nothing.write_bytes(b"Subject: empty\r\nFrom: a@example.org\r\n\r\n\r\n")
    with pytest.raises(parse.ParseError, match=r"n\.eml: an e-mail whose body is empty"):
        parse.read_local(nothing)


def _letter_with(note: str | None, attachments: list[tuple[bytes, str, str]], *, html: bool = False) -> bytes:
    """A letter with a body `note` (None: no body part; `html`: an HTML one) and files attached: (bytes, MIME type,
    file name)."""
    msg = email.message.EmailMessage()
    msg["From"] = "Наблюдатель <observer@example.org>"
    msg["Subject"] = "Fwd: статья"
    msg["Date"] = "Fri, 15 Jul 2022 09:30:00 +0500"
    if note is not None:
        msg.set_content(note, subtype="html" if html else "plain")
    for data, mime, name in attachments:
        main, sub = mime.split("/")
        msg.add_attachment(data, maintype=main, subtype=sub, filename=name)
    return msg.as_bytes()


DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.mark.parametrize("note", [None, "", "Посмотрите, пожалуйста, статью во вложении."])
def test_an_article_forwarded_as_an_attachment_is_read_from_it(tmp_path, note):
    # (session 52) before, "an e-mail with no text in its body (an attachment only?)", or the covering note read as
    # the article ("no assembly reported")
    f = tmp_path / "att.eml"
    broken = (b"%PDF-1.4 broken", "application/pdf", "scan.pdf")  # refused by its reader: passed over
    sheet = (b"PK\x03\x04" + bytes(40), "application/zip", "photos.zip")  # no article's file: passed over
    f.write_bytes(_letter_with(note, [broken, sheet, (_docx(SHYMKENT), DOCX_MIME, "статья.docx")]))
    [a] = parse.read_local(f)
    assert a.title == SHYMKENT[0] and a.text.split("\n")[0] == SHYMKENT[1]
    assert a.published == dt.date(2022, 7, 15)  # the letter's date: the file gives none


def test_a_text_file_or_a_page_attached_is_read_as_the_article(tmp_path):
    # a text file in windows-1251 that names no charset (its bytes tell it), and a page
    text = "\n".join(SHYMKENT).encode("cp1251")
    f = tmp_path / "t.eml"
    f.write_bytes(_letter_with("См. вложение", [(text, "text/plain", "статья.txt")]))
    [a] = parse.read_local(f)
    assert a.title == SHYMKENT[0] and a.text.split("\n")[0] == SHYMKENT[1]
    page = (f"<html><head><title>{SHYMKENT[0]}</title></head><body><article><h1>{SHYMKENT[0]}</h1>"
            + "".join(f"<p>{p}</p>" for p in SHYMKENT[1:]) + "</article></body></html>").encode("utf-8")
    g = tmp_path / "p.eml"
    g.write_bytes(_letter_with(None, [(page, "text/html", "page.html")]))
    [b] = parse.read_local(g)
    assert b.title == SHYMKENT[0] and SHYMKENT[1] in b.text


def _nested_letter(levels: int) -> bytes:
    """A letter forwarded as an attachment (Outlook's "Forward as attachment") `levels` times over: the innermost holds
    the article, each outer one only a note."""
    inner = email.message.EmailMessage()
    inner["From"], inner["Subject"] = "Иван Петренко <ivan@example.com>", "Голодовка в Темиртау"
    inner["Date"] = "Thu, 14 Jul 2022 20:10:00 +0500"
    inner.set_content(FORWARDED.split("\n\n", 2)[2])
    for _ in range(levels):
        outer = email.message.EmailMessage()
        outer["From"], outer["Subject"] = "Наблюдатель <observer@example.org>", "FW: статья"
        outer["Date"] = "Fri, 15 Jul 2022 09:30:00 +0500"
        outer.set_content("Посмотрите")
        outer.add_attachment(inner)
        inner = outer
    return inner.as_bytes()


@pytest.mark.parametrize("levels", [1, 3])
def test_a_letter_forwarded_as_an_attachment_is_read_as_the_letter(tmp_path, levels):
    f = tmp_path / "fw.eml"
    f.write_bytes(_nested_letter(levels))
    [a] = parse.read_local(f)
    assert a.title == "Голодовка в Темиртау" and a.published == dt.date(2022, 7, 14)  # the forwarded letter's own
    assert "12 работников рудоуправления объявили голодовку" in a.text and "Посмотрите" not in a.text


def test_letters_nested_deeper_than_three_are_not_opened(tmp_path):
    f = tmp_path / "deep.eml"
    f.write_bytes(_nested_letter(4))
    [a] = parse.read_local(f)
    assert (a.title, a.text) == ("статья", "Посмотрите")  # the outermost note, as a letter without an attachment read


def test_a_letter_piped_to_standard_input_is_read_as_a_letter():
    # (session 52) a mail filter's `| monitor extract -`: before, read as a text whose headline was "From: …"
    [letter] = [_letter(FORWARDED, subject="Fwd: Голодовка в Темиртау")]
    a = parse.read_stdin(letter)
    assert (a.title, a.published, a.url) == ("Голодовка в Темиртау", dt.date(2022, 7, 15), "stdin:")
    assert "Петренко" not in a.text and "12 работников рудоуправления объявили голодовку" in a.text
    # a text whose first line has a colon is no letter: no From, Subject or Date head before a blank line
    for text in ("Update: protest in Almaty\n\nAbout 50 people gathered.", "Subject of the day\nFrom: the editors\n",
                 "Date: 5 May 2022 — a rally in Uralsk\nAbout 50 people gathered."):
        assert parse.read_stdin(text.encode()).title == text.split("\n")[0], text


def test_a_covering_note_in_html_is_measured_by_its_words_not_its_markup(tmp_path):
    note = ('<html><head><style>p { font-family: Arial, sans-serif; margin: 0 0 12px 0; color: #222222; } '
            '.signature { color: #888888; font-size: 11px; } blockquote { border-left: 1px solid #cccccc; '
            'padding-left: 8px; }</style></head><body><div dir="ltr"><p>Посмотрите, '
            'пожалуйста.</p><p class="signature">--<br>Наблюдатель</p></div></body></html>')
    assert len(note) > saved_files.COVER_NOTE_CHARS
    f = tmp_path / "h.eml"
    f.write_bytes(_letter_with(note, [(_docx(SHYMKENT), DOCX_MIME, "статья.docx")], html=True))
    [a] = parse.read_local(f)
    assert a.title == SHYMKENT[0]


def test_a_letter_with_its_own_text_is_read_from_its_body_whatever_is_attached(tmp_path):
    body = FORWARDED.replace("Посмотрите, пожалуйста, это сообщение.\n", "")
    assert len(" ".join(body.split())) > saved_files.COVER_NOTE_CHARS
    f = tmp_path / "own.eml"
    f.write_bytes(_letter_with(body, [(_docx(SHYMKENT), DOCX_MIME, "другая.docx")]))
    [a] = parse.read_local(f)
    assert a.title == "статья" and "12 работников рудоуправления объявили голодовку" in a.text


def test_a_letter_with_no_body_and_nothing_readable_attached_is_named(tmp_path):
    f = tmp_path / "x.eml"
    f.write_bytes(_letter_with(None, [(b"PK\x03\x04" + bytes(40), "application/zip", "a.zip")]))
    with pytest.raises(parse.ParseError, match=r"x\.eml: an e-mail with no text in its body and no attachment read as "
                                               r"an article"):
        parse.read_local(f)


# -- a folder's files that are not articles ------------------------------------------------------------
def test_a_folder_names_every_file_it_does_not_read_and_passes_over_system_files(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Жители Уральска вышли на митинг\n12 марта 2022 года около 200 жителей Уральска "
                                    "собрались на площади.", encoding="utf-8")
    (tmp_path / "b.odt").write_bytes(b"PK\x03\x04...")  # (session 48: .odt is read; this one is broken, and named)
    (tmp_path / "c.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    (tmp_path / "d.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
    (tmp_path / "notes.md").write_text("# заметки", encoding="utf-8")
    (tmp_path / "README").write_text("readme", encoding="utf-8")
    for junk in (".DS_Store", "Thumbs.db", "~$статья.docx", "__MACOSX/._a.txt", ".git/config", ".hidden.txt",
                 "a.txt~"):
        (tmp_path / junk).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / junk).write_bytes(b"\x00\x05\x16\x07junk")
    arts, problems = parse.read_folder(tmp_path)
    assert [a.title for a in arts] == ["Жители Уральска вышли на митинг"]
    named = {p.split(": ")[1].rsplit("/", 1)[1]: p for p in problems}
    assert sorted(named) == ["README", "b.odt", "c.jpg", "d.doc", "notes.md"]
    assert "not an OpenDocument text" in named["b.odt"] and "Word 97–2003" in named["d.doc"]
    # (session 49) a picture is read by OCR; these bytes are no picture Pillow opens
    assert "a picture: a damaged picture" in named["c.jpg"] and "not an article file (.md)" in named["notes.md"]
    assert "a name without a suffix" in named["README"]
    rc, events, err = _extract(tmp_path, capsys)
    assert rc == 1 and len(events) == 1  # the files not read make the run say so
    assert all(name in err for name in named)


# -- any bytes ---------------------------------------------------------------------------------------
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(head=st.sampled_from([b"", b"%PDF-1.7\n", b"PK\x03\x04", b"MIME-Version: 1.0\nContent-Type: multipart/related; "
                             b"boundary=\"b\"\n\n--b\nContent-Type: text/html\n\n", b"From: a@b\nSubject: x\n\n"]),
       tail=st.binary(max_size=600), suffix=st.sampled_from([".pdf", ".docx", ".mhtml", ".mht", ".eml", ".txt", ".html"]))
def test_any_bytes_under_any_saved_name_give_articles_or_a_named_error(tmp_path, head, tail, suffix):
    f = tmp_path / f"x{suffix}"
    f.write_bytes(head + tail)
    try:
        arts = parse.read_local(f)
    except parse.ParseError as exc:
        assert str(exc).startswith(str(f))
    else:
        assert arts and all(isinstance(a.text, str) and isinstance(a.title, str) for a in arts)


@given(st.lists(st.text(alphabet="абвгд ежзАБВ.,-", min_size=1, max_size=30).map(lambda s: " ".join(s.split())),
                min_size=1, max_size=12))
def test_a_paragraphs_lines_joined_keep_every_word_in_order(lines):
    lines = [ln for ln in lines if ln and not ln.endswith("-")]
    if not lines:
        return
    joined = saved_files.join_lines(lines)
    assert joined.split() == [w for ln in lines for w in ln.split()]


def test_the_readmes_printed_page_reads_as_the_readme_says(capsys):
    """README: `.venv/bin/monitor extract tests/media/saved/uralsk_skver.pdf` — the rally of its page."""
    rc, events, err = _extract(SAVED / "uralsk_skver.pdf", capsys)
    assert "monitor extract tests/media/saved/uralsk_skver.pdf" in (Path(__file__).parents[2] / "README.md").read_text()
    assert rc == 0 and [(e["city"], e["form"]) for e in events] == [("uralsk", "rally")]


def test_sniff_tells_the_kinds_by_their_bytes():
    assert saved_files.sniff(_typst_pdf(ATYRAU)) == "pdf"
    assert saved_files.sniff(_docx(SHYMKENT)) == "docx"
    assert saved_files.sniff((SAVED / "uralsk_skver.mhtml").read_bytes()) == "mhtml"
    assert saved_files.sniff(b"\x89PNG\r\n\x1a\n\x00") == "image"
    assert saved_files.sniff(b"<html><body>From: a</body></html>") is None
    assert saved_files.sniff(b"From: a@b\nSubject: x\n\nhello") is None  # a letter is told by its name, not its head
    assert saved_files.sniff("BMW и Toyota: водители вышли на автопробег".encode()) is None  # no bitmap's zeros
    assert saved_files.sniff(b"BM\x36\x00\x0c\x00\x00\x00\x00\x00\x36\x00") == "image"  # a bitmap's head


def test_a_workbook_under_a_text_name_is_told_to_be_renamed(tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.append(["url", "text"])
    f = tmp_path / "articles.txt"
    wb.save(f)
    with pytest.raises(parse.ParseError, match=r"articles\.txt: an Excel workbook under another name: rename it .xlsx"):
        parse.read_local(f)


# -- standard input ------------------------------------------------------------------------------------
def _stdin(data: bytes) -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")


@pytest.mark.parametrize("name", ["uralsk_skver.pdf", "uralsk_skver.mhtml", "pages/uralsk_skver.html"])
def test_standard_input_is_read_as_what_its_bytes_are(monkeypatch, capsys, name):
    """`cat page.pdf | monitor extract -`: the printed page, the saved page and the page's own HTML give its rally at
    its address (the page names it: og:url, the print's footer, the snapshot's location). Before session 47 standard
    input was read as text: the HTML's first line "<!DOCTYPE html>" became the headline, a PDF ended in "error: 'utf-8'
    codec can't encode characters"."""
    monkeypatch.setattr("sys.stdin", _stdin((SAVED / name).read_bytes()))
    rc, [ev], err = _extract("-", capsys)
    assert rc == 0, err
    assert (ev["url"], ev["title"]) == (URALSK_URL, URALSK_HEADLINE)
    assert (ev["date"], ev["city"], ev["form"], ev["participants"]) == ("2022-03-12", "uralsk", "rally", 150)


def test_standard_input_in_windows_1251_and_binary_bytes(monkeypatch, capsys):
    text = "Пикет в Семее\n14 апреля 2021 года около 20 жителей Семея вышли с плакатами к зданию акимата города."
    monkeypatch.setattr("sys.stdin", _stdin(text.encode("cp1251")))
    rc, [ev], err = _extract("-", capsys)
    assert (rc, ev["url"], ev["title"], ev["city"], ev["participants"]) == (0, "stdin:", "Пикет в Семее", "semey", 20)
    monkeypatch.setattr("sys.stdin", _stdin(bytes(range(256)) * 8))
    rc, events, err = _extract("-", capsys)
    assert rc == 1 and events == [] and "standard input: not a text (binary content)" in err
    monkeypatch.setattr("sys.stdin", _stdin(b"\x89PNG\r\n\x1a\n\x00\x00"))
    rc, events, err = _extract("-", capsys)
    assert rc == 1 and "standard input: a picture: a damaged picture" in err


def test_a_pages_source_saved_as_a_text_file_is_read_as_the_page(tmp_path):
    f = tmp_path / "source.txt"
    f.write_bytes((SAVED / "pages" / "uralsk_skver.html").read_bytes())
    [a] = parse.read_local(f)
    assert (a.url, a.title, a.kind) == (URALSK_URL, URALSK_HEADLINE, "saved")
    assert "<p>" not in a.text and "около 150 жителей" in a.text


# -- the mutation run's survivors (docs/testing.md, "Session 47: the readers") ------------------------------------------
def _typst(body: str, *, title: str | None = None, header: str | None = None, spacing: str | None = "2.2em") -> bytes:
    src = (f'#set document(title: "{title}")\n' if title else "") + \
        '#set page(width: 12cm, height: 9cm' + (f', header: [{header}]' if header else "") + ')\n' + \
        '#set text(lang: "ru", hyphenate: false)\n' + (f"#set par(spacing: {spacing})\n" if spacing else "")
    return typst.compile((src + body).encode("utf-8"))


def _read_pdf_bytes(tmp_path, data: bytes, name: str = "a.pdf"):
    f = tmp_path / name
    f.write_bytes(data)
    [a] = parse.read_local(f)
    return a


def test_a_running_head_on_every_page_is_no_part_of_the_text(tmp_path):
    """A PDF with its own running head ("Уральская неделя" atop every page, not a browser's print): the line that opens
    every page alike is furniture, dropped on each."""
    long = " ".join(["Жители микрорайона стояли у здания акимата и требовали сохранить сквер."] * 12)
    a = _read_pdf_bytes(tmp_path, _typst("Сквер отстояли\n\n" + long, header="Уральская неделя"))
    assert len(pypdf.PdfReader(tmp_path / "a.pdf").pages) >= 2
    assert "Уральская неделя" not in a.text and a.title == "Сквер отстояли"


def test_a_pdfs_headline_of_two_words_and_a_title_with_the_sites_name(tmp_path):
    a = _read_pdf_bytes(tmp_path, _typst("Пикет прошёл\n\nОколо 20 жителей Семея вышли к акимату 14 апреля 2021 года.",
                                         title="Пикет прошёл — Новости Семея"))
    assert a.title == "Пикет прошёл" and a.text == "Около 20 жителей Семея вышли к акимату 14 апреля 2021 года."


@pytest.mark.parametrize("title", ["Microsoft Word - Документ1", "Документ1", "статья.docx"])
def test_a_pdfs_generic_title_names_no_article(tmp_path, title):
    """Word's "Save as PDF" writes the document's file name as the title: the headline is the text's first line."""
    a = _read_pdf_bytes(tmp_path, _typst(ATYRAU, title=title))
    assert a.title == "Жители Атырау вышли на пикет" and a.text == ATYRAU.split("\n\n")[1]


def test_a_headline_printed_close_to_its_lead_is_its_first_line(tmp_path):
    """With no space between the headline and the lead (no blank line in the text), the first line is the headline
    when it ends without a stop and the next opens a sentence."""
    a = _read_pdf_bytes(tmp_path, _typst(ATYRAU, spacing=None))
    assert a.title == "Жители Атырау вышли на пикет" and a.text == ATYRAU.split("\n\n")[1]


def test_only_the_first_forty_pages_of_a_pdf_are_read(tmp_path):
    pages = "\n#pagebreak()\n".join(f"Страница {n}." for n in range(1, 42))
    a = _read_pdf_bytes(tmp_path, _typst("Книга\n\n" + pages))
    assert "Страница 40." in a.text and "Страница 41." not in a.text


def test_a_word_documents_title_property_equal_to_its_first_line_is_not_read_twice(tmp_path):
    f = tmp_path / "t.docx"
    f.write_bytes(_docx(SHYMKENT, title=SHYMKENT[0]))
    [a] = parse.read_local(f)
    assert (a.title, a.text.split("\n")) == (SHYMKENT[0], SHYMKENT[1:])
    g = tmp_path / "u.docx"  # a title property of another text: the first line is still the headline
    g.write_bytes(_docx(SHYMKENT, title="Отчёт о мониторинге"))
    [b] = parse.read_local(g)
    assert (b.title, b.text.split("\n")) == (SHYMKENT[0], SHYMKENT[1:])


def test_a_word_documents_source_line_keeps_its_whole_address(tmp_path):
    f = tmp_path / "q.docx"
    f.write_bytes(_docx([SHYMKENT[0], "Источник: https://shymkent-today.example/news?id=5&lang=ru", *SHYMKENT[1:]]))
    [a] = parse.read_local(f)
    assert a.url == "https://shymkent-today.example/news?id=5&lang=ru" and a.text.split("\n") == SHYMKENT[1:]


def test_a_headline_printed_close_to_a_one_line_lead(tmp_path):
    """The lead's one line ends with a stop; the headline's line does not: the first line is the headline."""
    a = _read_pdf_bytes(tmp_path, _typst("Жители Атырау вышли на пикет\n\nОни требовали провести газ.", spacing=None))
    assert (a.title, a.text) == ("Жители Атырау вышли на пикет", "Они требовали провести газ.")


def test_a_word_documents_address_third_from_the_end(tmp_path):
    f = tmp_path / "s.docx"
    f.write_bytes(_docx([*SHYMKENT, "https://shymkent-today.example/a", "Фото: архив", "Редакция"]))
    [a] = parse.read_local(f)
    assert a.url == "https://shymkent-today.example/a" and "https://" not in a.text


def test_a_letter_is_known_by_any_of_its_head_lines(tmp_path):
    f = tmp_path / "s.eml"
    f.write_bytes(b"Subject: =?utf-8?b?" + __import__("base64").b64encode("Пикет".encode()) +
                  b"?=\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" +
                  "14 июля в Темиртау прошёл пикет.".encode())
    [a] = parse.read_local(f)
    assert (a.title, a.text, a.published) == ("Пикет", "14 июля в Темиртау прошёл пикет.", None)
    g = tmp_path / "n.eml"
    g.write_bytes("Просто текст без заголовков письма.\nВторая строка.".encode())
    with pytest.raises(parse.ParseError, match=r"n\.eml: not an e-mail \(no From, Subject or Date line"):
        parse.read_local(g)


def test_a_saved_pages_snapshot_address_wins_over_its_parts(tmp_path):
    f = tmp_path / "s.mht"
    f.write_bytes(_web_archive(PAGE_1251, "windows-1251", snapshot="https://semey-news.example/a",
                               location="https://cdn.semey-news.example/amp/a"))
    [a] = parse.read_local(f)
    assert a.url == "https://semey-news.example/a"


def test_sniff_tells_an_opendocument_text_a_webp_and_a_heic():
    odt = zip_of({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<office:document-content/>"})
    assert saved_files.sniff(odt) == "odt"
    assert saved_files.sniff(zip_of({"content.xml": b"<x/>"})) == "zip"  # no mimetype: no OpenDocument text
    assert saved_files.sniff(zip_of({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
                                   "content.xml": b"<x/>"})) == "zip"
    assert saved_files.sniff(b"RIFF\x24\x00\x00\x00WEBPVP8 ") == "image"
    assert saved_files.sniff(b"\x00\x00\x00\x18ftypheic\x00\x00") == "image"


def test_every_kind_not_read_is_told_what_to_do(tmp_path):
    files = {"c.zip": zip_of({"a.txt": b"x"}), "d.xls": b"\xd0\xcf\x11\xe0", "e.txt": b"\x89PNG\r\n\x1a\n\x00"}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    _, problems = parse.read_folder(tmp_path)
    said = {p.split(": ")[1].rsplit("/", 1)[1]: p.split(": ", 2)[2] for p in problems}
    assert said == {
        "c.zip": "a compressed archive (.zip): not read — unpack it into the folder",
        "d.xls": "an old Excel or PowerPoint file (.xls, .ppt): not read — save the article as .docx, .doc, .odt, .rtf, "
                 ".pdf or .txt",
        # (session 49) a picture is read by OCR; these bytes are a PNG's head without a picture
        "e.txt": "a picture: a damaged picture (Pillow cannot open it): not read"}


def test_a_forwarded_header_ends_at_the_first_line_of_text_and_quoted_lines_are_unquoted(tmp_path):
    body = ("-------- Пересланное сообщение --------\n"
            "От: Иван Петренко <ivan.petrenko@example.com>\n"
            "Тема: Голодовка\n"
            "14 июля 2022 года в Темиртау 12 работников объявили голодовку.\n"
            "Тема: зарплата за три месяца.\n"
            "> Они требуют выплатить долги.\n")
    f = tmp_path / "q.eml"
    f.write_bytes(_letter(body, subject="Fwd: Голодовка"))
    [a] = parse.read_local(f)
    assert a.text.split("\n") == ["14 июля 2022 года в Темиртау 12 работников объявили голодовку.",
                                  "Тема: зарплата за три месяца.", "Они требуют выплатить долги."]
