"""An article kept as an OpenDocument text (.odt) or as rich text (.rtf) (session 48). Before, both were named with the
advice to save them again as .docx; now `monitor extract` reads them as a Word document is read.

The files are built here the way their writers write them: the .odt's content.xml as LibreOffice writes one (a
heading's link, spans, `text:s` for repeated spaces, a line break, a comment with its author, a table, a list), the
.rtf as Word and WordPad write Russian (a Cyrillic font `\\fcharset204`, `\\'xx` bytes in Windows-1251, `\\uN?` for
the letters outside it, a HYPERLINK field). Every expected value is read off the text written here."""
from __future__ import annotations

import io
import json
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assets.media import parse, saved_files
from assets.media.cli import main

URL = "https://moyaurals.kz/news/2023/05/08/miting"
ODT_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" '
          'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"')
STYLES = (b'<?xml version="1.0" encoding="UTF-8"?><office:document-styles '
          b'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.3">'
          b'<office:styles/></office:document-styles>')


def _odt(body: str, *, styles: bool = True, mimetype: bytes = b"application/vnd.oasis.opendocument.text",
         prolog: str = "") -> bytes:
    content = (f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<office:document-content {ODT_NS} office:version="1.3">'
               f"<office:body><office:text>{body}</office:text></office:body></office:document-content>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), mimetype)  # stored first and uncompressed, as the standard asks
        z.writestr("content.xml", content.encode("utf-8"), compress_type=zipfile.ZIP_DEFLATED)
        if styles:
            z.writestr("styles.xml", STYLES)
        z.writestr("META-INF/manifest.xml", b'<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:'
                   b'tc:opendocument:xmlns:manifest:1.0"/>')
    return buf.getvalue()


LIBREOFFICE_BODY = (
    f'<text:h text:style-name="P1" text:outline-level="1"><text:a xlink:type="simple" xlink:href="{URL}">'
    'В Уральске <text:span text:style-name="T1">жители</text:span> вышли на митинг</text:a></text:h>'
    '<text:p text:style-name="P2">8 мая около 120 человек<text:s text:c="3"/>собрались у здания акимата.'
    '<office:annotation><dc:creator>Айгерим Сапарова</dc:creator><text:p>уточнить число</text:p></office:annotation>'
    ' Они требовали<text:line-break/>снизить тарифы на газ.</text:p>'
    '<text:p text:style-name="P2"/>'
    '<table:table><table:table-row><table:table-cell><text:p>Полиция задержала пятерых участников.</text:p>'
    '</table:table-cell></table:table-row></table:table>'
    '<text:list><text:list-item><text:p>Акимат обещал ответить через неделю.</text:p></text:list-item></text:list>')


_DRAW = 'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"'


def test_a_text_frames_paragraphs_follow_the_paragraph_that_anchors_it():
    # (session 52) LibreOffice's text box (a frame holding a text-box), anchored inside a span of a paragraph: pandoc
    # left its text out; now its paragraphs follow the anchor's, and the anchor's own text after the frame stays
    body = ('<text:p>Митинг в Уральске</text:p><text:p>Жители вышли <text:span>к акимату.'
            f'<draw:frame {_DRAW} draw:name="Рамка1" text:anchor-type="paragraph"><draw:text-box>'
            '<text:p>Около 300 человек требовали снизить цены.</text:p><text:p>Полиция задержала двоих.</text:p>'
            '</draw:text-box></draw:frame> Конец</text:span> абзаца.</text:p><text:p>Последний абзац.</text:p>'
            f'<text:p><text:span>Акимат</text:span><draw:frame {_DRAW}><draw:text-box><text:p>Рамка после слова.</text:p>'
            '</draw:text-box></draw:frame> не ответил.</text:p>')
    saved = saved_files.read_odt(_odt(body))
    assert saved.text.split("\n") == ["Митинг в Уральске", "Жители вышли к акимату. Конец абзаца.",
                                       "Около 300 человек требовали снизить цены.", "Полиция задержала двоих.",
                                       "Последний абзац.", "Акимат не ответил.", "Рамка после слова."]


def test_a_frame_first_in_its_paragraph_and_a_frame_in_a_frame():
    inner = (f'<draw:frame {_DRAW}><draw:text-box><text:p>Внутренняя рамка.</text:p></draw:text-box></draw:frame>')
    body = (f'<text:h text:outline-level="1">Пикет в Актобе</text:h><text:p><draw:frame {_DRAW}><draw:text-box>'
            f'<text:p>Внешняя рамка.{inner}</text:p></draw:text-box></draw:frame>Текст после рамки.</text:p>')
    saved = saved_files.read_odt(_odt(body))
    assert saved.text.split("\n") == ["Пикет в Актобе", "Текст после рамки.", "Внешняя рамка.", "Внутренняя рамка."]


def _cp1251(text: str) -> str:
    """`text` as RTF writes it in windows-1251: each letter beyond ASCII a \\'xx escape."""
    return "".join(ch if ch.isascii() else "\\'%02x" % ch.encode("cp1251")[0] for ch in text)


def test_a_rich_text_files_text_box_is_read_once_and_a_picture_leaves_nothing():
    # (session 52) Word writes a text box's text inside the shape's starred instructions (and again in a starred drawing
    # for older readers): striprtf skipped both, so it was lost
    box = _cp1251("Около 300 человек, скобка \\{ открыта.")
    rtf = ("{\\rtf1\\ansi\\ansicpg1251{\\fonttbl{\\f0\\fcharset204 Arial;}}\\f0 " + _cp1251("Митинг в Уральске") + "\\par "
           "\\pard {\\shp{\\*\\shpinst\\shpleft0\\shptop0{\\sp{\\sn shapeType}{\\sv 202}}{\\shptxt \\pard " + box +
           "\\par}}{\\shprslt{\\*\\do\\dobxcolumn{\\*\\dptxbxtext\\pard " + box + "\\par}}}}"
           "{\\shpgrp{\\shp{\\*\\shpinst{\\sp{\\sn pib}{\\sv {\\pict\\pngblip 89504e47}}}}{\\shprslt {\\pict\\pngblip 89504e47}}}}"
           + _cp1251("Конец абзаца.") + "\\par }")
    saved = saved_files.read_rtf(rtf.encode("ascii"))
    assert saved.text.split("\n") == ["Митинг в Уральске", "Около 300 человек, скобка { открыта.", "Конец абзаца."]
    # a box whose last paragraph has no \par of its own is a paragraph still
    unended = rtf.replace(box + "\\par}}{\\shprslt", box + "}}{\\shprslt")
    assert unended != rtf
    assert saved_files.read_rtf(unended.encode("ascii")).text.split("\n") == saved.text.split("\n")


def _extract(path, capsys) -> tuple[int, list[dict], str]:
    rc = main(["extract", str(path), "--learned", "off"])
    out, err = capsys.readouterr()
    return rc, [json.loads(line) for line in out.splitlines() if line.strip()], err


# -- OpenDocument ----------------------------------------------------------------------------------------------------
def test_an_article_pasted_into_libreoffice_is_read_as_its_paragraphs(tmp_path, capsys):
    f = tmp_path / "статья.odt"
    f.write_bytes(_odt(LIBREOFFICE_BODY))
    [a] = parse.read_local(f, published=None)
    assert a.url == URL  # the link on the headline
    assert a.title == "В Уральске жители вышли на митинг"
    assert a.text.split("\n") == ["8 мая около 120 человек собрались у здания акимата. Они требовали снизить тарифы на газ.",
                                  "Полиция задержала пятерых участников.", "Акимат обещал ответить через неделю."]
    assert "Сапарова" not in a.text and "уточнить" not in a.text  # a reviewer's comment is no one's article
    rc, [ev], _ = _extract(f, capsys)
    assert rc == 0
    assert (ev["city"], ev["form"], ev["detained"]) == ("uralsk", "rally", 5)
    assert ev["participants_low"] <= 120 <= ev["participants_high"]


def test_a_list_item_of_two_paragraphs_gives_both_once(tmp_path):
    body = ("<text:p>Голодовка в Темиртау</text:p><text:list><text:list-item><text:p>12 рабочих объявили голодовку.</text:p>"
            "<text:p>Они требуют выплатить долги.</text:p></text:list-item></text:list>")
    f = tmp_path / "a.odt"
    f.write_bytes(_odt(body))
    [a] = parse.read_local(f)
    assert a.text.split("\n") == ["12 рабочих объявили голодовку.", "Они требуют выплатить долги."]


def test_an_odt_names_its_source_on_a_line_of_its_own_and_may_lack_styles(tmp_path):
    body = ('<text:p>Ақтөбеде тұрғындар әкімдік алдына жиналды</text:p>'
            '<text:p>Кеше 40-қа жуық тұрғын жылу тарифіне қарсы шықты.</text:p>'
            '<text:p>Источник: <text:a xlink:href="https://aktobe.example/kk/news/1">https://aktobe.example/kk/news/1'
            '</text:a></text:p>')
    f = tmp_path / "a.odt"
    f.write_bytes(_odt(body, styles=False))  # a converter's package without styles.xml
    [a] = parse.read_local(f)
    assert (a.url, a.title, a.text) == ("https://aktobe.example/kk/news/1", "Ақтөбеде тұрғындар әкімдік алдына жиналды",
                                         "Кеше 40-қа жуық тұрғын жылу тарифіне қарсы шықты.")


@pytest.mark.parametrize("name, data, said", [
    ("broken.odt", _odt("<text:p>не закрыт", styles=True), "not a readable OpenDocument text (pandoc:"),
    ("broken.odt", _odt("<text:p/>"), "an OpenDocument text with no text in it"),
    ("broken.odt", b"PK\x03\x04 broken", "not an OpenDocument text"),
    ("broken.odt", b"plain text saved as .odt", "not an OpenDocument text"),
    ("x.rtf", b"just text, saved as .rtf", "not an RTF document"),
    ("x.rtf", b"{\\rtf1\\ansi \\par\\par}", "a rich text file with no text in it"),
])
def test_a_broken_or_empty_odt_or_rtf_is_named_by_its_file(tmp_path, name, data, said):
    f = tmp_path / name
    f.write_bytes(data)
    with pytest.raises(parse.ParseError) as e:
        parse.read_local(f)
    assert str(e.value).startswith(f"{f}: ") and said in str(e.value)


def test_an_odt_that_would_unpack_to_gigabytes_is_refused_before_pandoc_sees_it(tmp_path, monkeypatch):
    monkeypatch.setattr(saved_files, "MAX_UNPACKED_BYTES", 10_000)
    f = tmp_path / "bomb.odt"
    f.write_bytes(_odt("<text:p>" + "а" * 20_000 + "</text:p>"))
    ran = []
    monkeypatch.setattr("subprocess.run", lambda *a, **k: ran.append(a))
    with pytest.raises(parse.ParseError, match=r"bomb\.odt: unpacks to [\d,]+ bytes, more than 10,000"):
        parse.read_local(f)
    assert ran == []


def test_pandoc_that_hangs_is_stopped_and_named(tmp_path, monkeypatch):
    import subprocess

    def hang(cmd, **kw):
        raise subprocess.TimeoutExpired(cmd, kw.get("timeout"))

    monkeypatch.setattr(subprocess, "run", hang)
    f = tmp_path / "slow.odt"
    f.write_bytes(_odt(LIBREOFFICE_BODY))
    with pytest.raises(parse.ParseError, match=r"slow\.odt: an OpenDocument text pandoc did not read within 60 s"):
        parse.read_local(f)


# -- RTF ---------------------------------------------------------------------------------------------------------------
def rtf_escape(text: str, codepage: str = "cp1251") -> str:
    """Text as Word writes it into RTF: ASCII as is (RTF's own {, } and \\ escaped), a letter of the code page as
    \\'xx, any other as \\uN? (a signed 16-bit number, then one fallback character)."""
    out = []
    for ch in text:
        if ch in "{}\\":
            out.append("\\" + ch)
        elif ord(ch) < 128:
            out.append(ch)
        else:
            try:
                out.append("\\'%02x" % ch.encode(codepage)[0])
            except UnicodeEncodeError:
                n = ord(ch)
                out.append(f"\\u{n - 65536 if n > 32767 else n}?")
    return "".join(out)


# a HYPERLINK field as WordPad, Word 2003 and Word 2016 write one ({url}, {text}: the address and the shown text)
FIELDS = {
    "wordpad": '{{\\field{{\\*\\fldinst{{HYPERLINK "{url}" }}}}{{\\fldrslt{{\\ul\\cf1 {text}}}}}}}',
    "word2003": '{{\\field{{\\*\\fldinst{{HYPERLINK "{url}"}}}}{{\\fldrslt{{\\ul\\cf1 {text}}}}}}}',
    "word2016": ('{{\\field{{\\*\\fldinst {{\\rtlch\\fcs1 \\af0 \\ltrch\\fcs0 \\insrsid2236 HYPERLINK "{url}" }}'
                 '{{\\rtlch\\fcs1 \\af0 \\ltrch\\fcs0 \\insrsid2236 {{\\*\\datafield 00d0c9ea79f9bace118c8200aa004ba90b02}}}}}}'
                 '{{\\fldrslt {{\\rtlch\\fcs1 \\af0 \\ltrch\\fcs0 \\cs15\\ul\\cf2\\insrsid2236 {text}}}}}}}'),
}


def word_rtf(paragraphs: list[str], *, codepage: int = 1251, cyrillic_font: bool = True, link: str | None = None,
             field: str = "wordpad") -> bytes:
    """A document as Word writes it: the header, the font table, one \\par a paragraph; the first paragraph a HYPERLINK
    field when `link` is given."""
    charset = "\\fcharset204" if cyrillic_font else ""  # (a font named without its charset: the document's code page)
    head = (f"{{\\rtf1\\ansi\\ansicpg{codepage}\\deff0\\nouicompat\\deflang1049{{\\fonttbl{{\\f0\\fnil{charset} "
            f"Calibri;}}}}\n{{\\*\\generator Riched20 10.0.19041}}\\viewkind4\\uc1 \n\\pard\\sa200\\sl276\\slmult1\\f0\\fs22")
    paras = []
    for i, p in enumerate(paragraphs):
        text = rtf_escape(p, f"cp{codepage}")
        if i == 0 and link:
            text = FIELDS[field].format(url=link, text=text)
        paras.append(("\\b " if i == 0 else "") + text + ("\\b0" if i == 0 else "") + "\\par\n")
    return (head + " " + "".join(paras) + "}\n").encode("ascii")


@pytest.mark.parametrize("field", FIELDS)
def test_word_s_russian_rtf_is_read_in_windows_1251_with_its_headline_link(tmp_path, capsys, field):
    f = tmp_path / "статья.rtf"
    f.write_bytes(word_rtf(["В Шымкенте задержали участников пикета",
                            "8 мая у здания акимата Шымкента 15 человек вышли на пикет «Нет тарифам!».",
                            "Полиция задержала семерых участников."], link=URL, field=field))
    [a] = parse.read_local(f)
    assert (a.url, a.title) == (URL, "В Шымкенте задержали участников пикета")
    assert a.text == ("8 мая у здания акимата Шымкента 15 человек вышли на пикет «Нет тарифам!».\n"
                      "Полиция задержала семерых участников.")
    rc, [ev], _ = _extract(f, capsys)
    assert rc == 0 and (ev["city"], ev["detained"], ev["participants"]) == ("shymkent", 7, 15)


def test_a_western_code_page_beside_a_cyrillic_font_is_windows_1251_and_kazakh_letters_come_as_unicode(tmp_path):
    """(striprtf reads a font's charset and the document's code page; this is what the reader relies on)"""
    kk = ["Атырауда тұрғындар әкімдік алдына жиналды", "Кеше 50-ге жуық адам жолды жауып тастады."]
    f = tmp_path / "a.rtf"
    # Word writes \ansicpg1252 with a \fcharset204 font for a Russian text; ә, ұ, қ are outside Windows-1251: \uN?
    f.write_bytes(word_rtf(kk, codepage=1251).replace(b"\\ansicpg1251", b"\\ansicpg1252"))
    [a] = parse.read_local(f)
    assert [a.title, a.text] == kk
    f.write_bytes(word_rtf(kk, codepage=1251, cyrillic_font=False))  # a font without a charset: the document's
    [b] = parse.read_local(f)
    assert [b.title, b.text] == kk


def test_an_rtf_names_its_source_on_its_last_line_and_is_read_under_another_name(tmp_path):
    paras = ["Митинг в Костанае", "В субботу около 300 человек вышли на площадь.", "Источник: https://kostanay.example/1"]
    f = tmp_path / "a.txt"  # saved from WordPad under the wrong name: told by its bytes
    f.write_bytes(word_rtf(paras))
    [a] = parse.read_local(f)
    assert (a.url, a.title, a.text) == ("https://kostanay.example/1", "Митинг в Костанае",
                                        "В субботу около 300 человек вышли на площадь.")
    [b] = parse.read_local(f.with_suffix(".txt"))
    assert b.url == a.url


@pytest.mark.parametrize("field", FIELDS)
def test_a_link_that_is_not_on_the_headline_is_not_the_article_s_address(tmp_path, field):
    shown = rtf_escape("на сайте партии")
    doc = word_rtf(["Митинг в Костанае", "Подробнее на сайте партии."]).replace(
        shown.encode(), FIELDS[field].format(url="https://party.example/", text=shown).encode())
    f = tmp_path / "a.rtf"
    f.write_bytes(doc)
    [a] = parse.read_local(f)
    assert a.text == "Подробнее на сайте партии." and a.url == f.resolve().as_uri()


def test_an_rtf_link_that_is_no_web_address_is_not_the_article_s_address(tmp_path):
    doc = word_rtf(["Митинг в Костанае", "Пишите нам."]).replace(
        rtf_escape("Митинг в Костанае").encode(),
        FIELDS["word2003"].format(url="mailto:news@kostanay.example", text=rtf_escape("Митинг в Костанае")).encode())
    f = tmp_path / "a.rtf"
    f.write_bytes(doc)
    [a] = parse.read_local(f)
    assert (a.title, a.url) == ("Митинг в Костанае", f.resolve().as_uri())


def test_standard_input_and_a_folder_read_odt_and_rtf(tmp_path, monkeypatch, capsys):
    rtf = word_rtf(["В Таразе прошел пикет", "У акимата Тараза 12 человек вышли на пикет."])
    a = parse.read_stdin(rtf)
    assert (a.title, a.url) == ("В Таразе прошел пикет", "stdin:")
    (tmp_path / "a.rtf").write_bytes(rtf)
    (tmp_path / "b.odt").write_bytes(_odt(LIBREOFFICE_BODY))
    (tmp_path / "c.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
    arts, problems = parse.read_folder(tmp_path)
    assert sorted(x.title for x in arts) == ["В Таразе прошел пикет", "В Уральске жители вышли на митинг"]
    assert len(problems) == 1 and "c.doc" in problems[0] and "Word 97–2003" in problems[0]


# any text of the letters an article holds, as Word escapes it, reads back as written
_LETTERS = st.text(alphabet=st.sampled_from(list("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВЁЖЯ" "әғқңөұүһіӘҒҚҢӨҰҮҺІ"
                                                 "abcXYZ0123456789 .,:;!?-—«»()№%{}\\\"'")), min_size=1, max_size=60)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(paras=st.lists(_LETTERS.filter(lambda t: t.strip()), min_size=1, max_size=4))
def test_any_paragraphs_word_escapes_read_back_as_written(paras):
    saved = saved_files.read_rtf(word_rtf(paras))
    want = [" ".join(p.split()) for p in paras]
    assert saved.text.split("\n") == want


def test_an_odt_whose_xml_expands_entities_a_billion_times_is_named(tmp_path):
    entities = "".join(f'<!ENTITY lol{i} "{("&lol%d;" % (i - 1)) * 10 if i > 1 else "lol"}">' for i in range(1, 10))
    f = tmp_path / "lol.odt"
    f.write_bytes(_odt("<text:p>&lol9;</text:p>", prolog=f"<!DOCTYPE lolz [{entities}]>"))
    with pytest.raises(parse.ParseError, match=r"lol\.odt: not a readable OpenDocument text \(pandoc: .*lol9"):
        parse.read_local(f)
