"""An article kept as a Word 97–2003 document (.doc) (session 48). Before, a .doc was named with the advice to save it
again; now `monitor extract` reads its body from the piece table (`saved_files.read_doc`).

The files of tests/media/saved/doc/ were written by Microsoft Word and kept as test data by Apache POI and textract
(their README names each); every expected value below is read off those documents as Word shows them. The field and
paragraph rules are tested on the document's characters as MS-DOC defines them (0x13 field begin, 0x14 separator,
0x15 end; 0x0D paragraph, 0x07 cell, 0x0B line break)."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assets.media import parse, saved_files
from assets.media.cli import main

DOC = Path(__file__).parent / "saved" / "doc"


def test_a_russian_news_article_written_by_word_is_read_as_its_paragraphs():
    [a] = parse.read_local(DOC / "header_image.doc")
    assert a.title == "Сторонники союза с Россией вышли на митинг в День независимости Украины"
    paras = a.text.split("\n")
    assert paras[0] == ("В Симферополе 24 августа состоялся митинг Русской общины Крыма и местной организации партии "
                        "\"Русский блок\", сообщает \"Интерфакс\". В акции приняли участие от 600 до 700 человек.")
    assert len(paras) == 5 and paras[-1].startswith("В понедельник, 24 августа, на Украине отмечается")
    assert a.url == (DOC / "header_image.doc").resolve().as_uri() and a.kind == "file" and a.lang == "ru"


def test_the_article_goes_through_extraction_as_any_other(capsys):
    rc = main(["extract", str(DOC / "header_image.doc"), "--learned", "off", "--all"])
    out, _ = capsys.readouterr()
    [verdict] = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    assert rc == 0 and verdict["triage"]["label"] != "assembly"  # a rally in Crimea: not in Kazakhstan
    assert any("abroad" in r for r in verdict["triage"]["reasons"])


def test_a_document_whose_piece_table_is_in_the_0table_stream_is_read():
    saved = saved_files.read_doc((DOC / "rasp.doc").read_bytes())
    assert saved.text.split("\n")[:2] == ["Распоряжение на выдачу информации из реестра",
                                          "Открытое акционерное общество «ХХХХХХХХХХХ»"]


def test_a_word_header_that_is_not_word_s_is_named(tmp_path):
    import olefile

    f = tmp_path / "x.doc"
    shutil.copy(DOC / "simple-table.doc", f)
    with olefile.OleFileIO(str(f), write_mode=True) as ole:  # the same compound file, its header's first bytes changed
        word = bytearray(ole.openstream("WordDocument").read())
        word[0:4] = b"\x00\x61\x00\x6e"
        ole.write_stream("WordDocument", bytes(word))
    with pytest.raises(parse.ParseError, match=r"x\.doc: not a readable Word 97–2003 document \(its WordDocument "
                                               r"stream has no Word header\)"):
        parse.read_local(f)


def test_a_table_s_cells_are_paragraphs_in_reading_order():
    saved = saved_files.read_doc((DOC / "simple-table.doc").read_bytes())
    assert saved.text.split("\n") == [
        "This is a Word document that was created using Word 97 – SR2. It contains a paragraph, a table consisting of "
        "2 rows and 3 columns and a final paragraph.",
        "Cell 1,1", "Cell 1,2", "Cell 1,3", "Cell 2,1", "Cell 2,2", "Cell 2,3", "This text is below the table."]


def test_word_for_mac_s_eight_bit_pieces_and_a_link_field_show_the_link_s_text_only():
    saved = saved_files.read_doc((DOC / "textract_raw_text.doc").read_bytes())
    lines = saved.text.split("\n")
    assert lines[0] == ("I love word documents. They are lovely. They make me so happy I could smile. And that is why I "
                        "wrote this package.")
    assert lines[1] == "Sample text is hard. That is where http://hipsum.co comes in handy."
    assert "HYPERLINK" not in saved.text
    assert saved.url is None  # the link is in the second paragraph, not on the headline


@pytest.mark.parametrize("name, said", [
    ("PasswordProtected.doc", "a Word document locked by a password: not read — save an unlocked copy"),
    ("fuzzed-5418937293340672.doc", "not a readable Word 97–2003 document (OSError: "),
    ("noHeaderFooter47244.xls", "an old Office file that is an Excel workbook (.xls), not a Word document"),
])
def test_a_locked_an_older_a_broken_document_and_a_workbook_under_a_doc_name_are_named(tmp_path, name, said):
    f = tmp_path / "статья.doc"
    shutil.copy(DOC / name, f)
    with pytest.raises(parse.ParseError) as e:
        parse.read_local(f)
    assert str(e.value).startswith(f"{f}: {said}")


def test_a_text_box_is_read_after_the_body():
    # (session 52) POI's Bug41898.doc: its body holds only the text box's anchor (a SHAPE field); the text is in the box.
    # Before, "no text in its body (text boxes … are not read)"
    saved = saved_files.read_doc((DOC / "textbox_only.doc").read_bytes())
    assert saved.text.split("\n") == ["This is a line of text.", "すれはテキスト行です。"]


def _streams(story_texts: list[str], *, compressed: bool = False, cslw: int = 22) -> tuple[bytes, bytes]:
    """A WordDocument and a table stream built as MS-DOC lays them out: the FIB's counts of characters (FibRgLw97:
    ccpText, ccpFtn, ccpHdd, a reserved one, ccpAtn, ccpEdn, ccpTxbx) for the stories given in that order (main,
    footnotes, headers, comments, endnotes, text boxes), their characters in one piece — UTF-16, or 8-bit Windows-1252
    where `compressed` — and the Clx at the table stream's start."""
    main, ftn, hdd, atn, edn, txbx = story_texts
    text = "".join(story_texts)
    lw = ([0, 0, 0, len(main), len(ftn), len(hdd), 0, len(atn), len(edn), len(txbx)] + [0] * 12)[:cslw]
    fib = bytearray(32)
    fib[0:2] = (0xA5EC).to_bytes(2, "little")
    fib += (14).to_bytes(2, "little") + bytes(28)  # csw, FibRgW97
    fib += cslw.to_bytes(2, "little") + b"".join(v.to_bytes(4, "little") for v in lw)  # cslw, FibRgLw97
    at = 1024
    fc = (2 * at) | 0x40000000 if compressed else at
    plc = (0).to_bytes(4, "little") + len(text).to_bytes(4, "little") + b"\x00\x00" + fc.to_bytes(4, "little") + bytes(2)
    clx = b"\x02" + len(plc).to_bytes(4, "little") + plc
    pairs = [(0, 0)] * 33 + [(0, len(clx))]  # FibRgFcLcb97: fcClx, lcbClx the 34th pair
    fib += (93).to_bytes(2, "little") + b"".join(f.to_bytes(4, "little") + n.to_bytes(4, "little") for f, n in pairs)
    fib += bytes(at - len(fib)) + text.encode("cp1252" if compressed else "utf-16-le")
    return bytes(fib), clx


def test_the_text_boxes_are_found_after_every_story_before_them():
    # (session 52) the text boxes' characters follow the main text's, the footnotes', the headers', the comments' and
    # the endnotes' (MS-DOC 2.3.1): a reviewer's comment or a page header is never read as a text box
    main, boxes = saved_files._doc_stories(*_streams(["Митинг в Актау\r", "Сноска\r", "Колонтитул сайта\r",
                                                       "Комментарий Иванова\r", "Концевая\r",
                                                       "Около 50 человек вышли к акимату.\r\r"]))
    assert main == "Митинг в Актау\r" and boxes == "Около 50 человек вышли к акимату.\r\r"
    assert saved_files._doc_stories(*_streams(["Тело\r", "", "", "", "", ""])) == ("Тело\r", "")
    # the same in an 8-bit piece (Word's "compressed" text: Western letters only)
    assert saved_files._doc_stories(*_streams(["Rally in Aktau\r", "Note\r", "Site header\r", "A comment\r", "End\r",
                                               "About 50 people came.\r\r"], compressed=True)) == \
        ("Rally in Aktau\r", "About 50 people came.\r\r")


def test_a_header_without_the_text_boxes_count_is_named():
    with pytest.raises(saved_files.SavedFileError, match="whose header has no counts of characters"):
        saved_files._doc_stories(*_streams(["Тело\r", "", "", "", "", ""], cslw=8))


def test_a_word_95_document_is_read():
    # (session 52) POI's Word95.doc, written by Word 95 (its own header, 8-bit text from fcMin). Before, named and refused
    saved = saved_files.read_doc((DOC / "Word95.doc").read_bytes())
    assert saved.text.split("\n") == ["The quick brown fox jumps over the lazy dog", "Paragraph 2",
                                       "Paragraph 3. Has some RED text and some BLUE BOLD text in it.",
                                       "Last (4th) paragraph."]


def _word95(tmp_path, change) -> Path:
    """Word95.doc with its WordDocument stream changed by `change` (a bytearray, edited in place; the same size)."""
    import olefile

    f = tmp_path / "w95.doc"
    shutil.copy(DOC / "Word95.doc", f)
    with olefile.OleFileIO(str(f), write_mode=True) as ole:
        word = bytearray(ole.openstream("WordDocument").read())
        change(word)
        ole.write_stream("WordDocument", bytes(word))
    return f


RU95 = "Митинг в Уральске\rУ акимата собрались 40 человек, требуя снизить цены на газ.\r"


def _russian_text(lid: int):
    def change(word: bytearray) -> None:
        fc_min = int.from_bytes(word[0x18:0x1C], "little")
        body = RU95.encode("cp1251")
        word[fc_min:fc_min + len(body)] = body
        word[0x34:0x38] = len(body).to_bytes(4, "little")  # ccpText
        word[0x06:0x08] = lid.to_bytes(2, "little")
    return change


@pytest.mark.parametrize("lid", [0x0419, 0x0409])  # Russian; English, the language Word was set to, with Russian typed
# (the code page is the font's: the bytes tell it, not the language)
def test_a_russian_word_95_document_is_read_in_windows_1251(tmp_path, lid):
    [a] = parse.read_local(_word95(tmp_path, _russian_text(lid)))
    assert (a.title, a.text) == ("Митинг в Уральске", "У акимата собрались 40 человек, требуя снизить цены на газ.")


def test_a_word_95_document_saved_in_pieces_is_read_in_their_order(tmp_path):
    # a fast save (fComplex): the text is where the piece table says, in its order — here the body's second half first
    def change(word: bytearray) -> None:
        _russian_text(0x0419)(word)
        fc_min, n = int.from_bytes(word[0x18:0x1C], "little"), len(RU95.encode("cp1251"))
        half = RU95.index("\r") + 1  # the headline's paragraph: a piece of its own, stored after the rest
        body = RU95.encode("cp1251")
        word[fc_min:fc_min + n] = body[half:] + body[:half]
        cps = [0, half, n]
        fcs = [fc_min + n - half, fc_min]
        # and a third piece past the main text (a header's story, "Колонтитул"), which is not read
        header = "Колонтитул\r".encode("cp1251")
        word[fc_min + n + 100:fc_min + n + 100 + len(header)] = header
        cps, fcs = [*cps, n + len(header)], [*fcs, fc_min + n + 100]
        plc = b"".join(c.to_bytes(4, "little") for c in cps) + b"".join(
            b"\x00\x00" + fc.to_bytes(4, "little") + b"\x00\x00" for fc in fcs)
        clx = b"\x02" + len(plc).to_bytes(4, "little") + plc
        at = fc_min + n + 16  # after the text, in the stream's padding before its next page
        word[at:at + len(clx)] = clx
        word[0x160:0x164], word[0x164:0x168] = at.to_bytes(4, "little"), len(clx).to_bytes(4, "little")
        word[0x0A] |= 0x04  # fComplex
    [a] = parse.read_local(_word95(tmp_path, change))
    assert (a.title, a.text) == ("Митинг в Уральске", "У акимата собрались 40 человек, требуя снизить цены на газ.")


def test_a_locked_word_95_document_is_named(tmp_path):
    f = _word95(tmp_path, lambda w: w.__setitem__(0x0B, w[0x0B] | 0x01))  # the flags' 0x0100: fEncrypted
    with pytest.raises(parse.ParseError, match="a Word document locked by a password"):
        parse.read_local(f)


def test_what_word_saves_under_a_doc_name_without_being_one_is_read_as_what_it_is(tmp_path):
    page = tmp_path / "page.doc"  # Word's "Web page" saved as .doc
    page.write_text("<html><head><title>Пикет в Таразе</title></head><body><h1>Пикет в Таразе</h1><p>У акимата Тараза "
                    "12 человек вышли на пикет.</p></body></html>", encoding="utf-8")
    [a] = parse.read_local(page)
    assert a.title == "Пикет в Таразе" and "12 человек вышли на пикет" in a.text
    rtf = tmp_path / "rtf.doc"  # Word's "Rich text" saved as .doc
    rtf.write_bytes(b"{\\rtf1\\ansi\\ansicpg1251{\\fonttbl{\\f0\\fcharset204 Arial;}}\\f0 \\'cf\\'e8\\'ea\\'e5\\'f2\\par }")
    [b] = parse.read_local(rtf)
    assert b.title == "Пикет"


def test_a_folder_reads_a_doc_and_names_an_xls(tmp_path):
    shutil.copy(DOC / "header_image.doc", tmp_path / "a.doc")
    shutil.copy(DOC / "noHeaderFooter47244.xls", tmp_path / "b.xls")
    arts, problems = parse.read_folder(tmp_path)
    assert [a.title for a in arts] == ["Сторонники союза с Россией вышли на митинг в День независимости Украины"]
    assert len(problems) == 1 and "b.xls: an old Excel or PowerPoint file (.xls, .ppt): not read" in problems[0]
    assert parse.read_stdin((DOC / "header_image.doc").read_bytes()).title == arts[0].title


# -- the document's characters ---------------------------------------------------------------------------------------
B, S, E = "\x13", "\x14", "\x15"


def test_a_field_shows_its_result_and_a_hyperlink_s_address_belongs_to_its_paragraph():
    text = (f"{B} HYPERLINK \"https://ex.kz/a\" {S}Митинг в Актау{E}\r"
            f"Стр. {B} PAGE {S}2{E} и {B} HYPERLINK \\l \"_Toc1\" {S}оглавление{E}\x0bдалее\r"
            f"{B} HYPERLINK \"mailto:a@b.kz\" {S}почта{E}\x07{B} SHAPE \\* MERGEFORMAT {E}ячейка\x1eдва\x1f\uf0b7\x01")
    paras, links = saved_files._doc_paragraphs(text)
    assert paras == ["Митинг в Актау", "Стр. 2 и оглавление далее", "почта", "ячейка-два"]
    assert links == [["https://ex.kz/a"], [], [], []]


def test_a_field_inside_a_field_shows_the_outer_result_once():
    text = f"{B} IF {B} DATE {S}2023{E} = 2023 \"да\" {S}да{E} конец\r"
    assert saved_files._doc_paragraphs(text)[0] == ["да конец", ""]
    hidden = f"{B} IF {B} HYPERLINK \"https://ex.kz/x\" {S}адрес{E} {S}Митинг{E}"  # a link inside an instruction
    assert saved_files._doc_paragraphs(hidden) == (["Митинг"], [[]])


def test_the_headline_s_link_is_the_article_s_address():
    paras, links = saved_files._doc_paragraphs(f"{B}HYPERLINK \"https://ex.kz/a\"{S}Митинг{E}\rТекст.\r")
    saved = saved_files.from_paragraphs(paras, links, "a Word 97–2003 document")
    assert (saved.url, saved.text) == ("https://ex.kz/a", "Митинг\nТекст.")


_WORDS = st.text(alphabet=st.sampled_from(list("абвгдежзиклмнопрстуфхцчшщыэюяәғқңөұүһі ABC0123456789.,«»-")),
                 min_size=1, max_size=30)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(_WORDS, st.sampled_from(["", "PAGE", "HYPERLINK \"https://ex.kz/x\"", "SHAPE"]), _WORDS),
                min_size=1, max_size=5))
def test_any_paragraphs_with_fields_read_as_their_results(pieces):
    """Each paragraph: words, a field (its instruction, then its result), words; the instruction is never text."""
    text = "\r".join(f"{a}{B}{instr}{S}{res}{E}" if instr else f"{a}{res}" for a, instr, res in pieces)
    paras, links = saved_files._doc_paragraphs(text)
    assert paras == [a + res for a, _, res in pieces]
    assert links == [["https://ex.kz/x"] if instr.startswith("HYPERLINK") else [] for _, instr, _ in pieces]


def test_two_hundred_thousand_nested_fields_read_in_linear_time():
    text = B * 200_000 + "x" + (S + E) * 200_000 + "Митинг" + "\r" + "текст"
    paras, _ = saved_files._doc_paragraphs(text)  # (each character is looked at once: a nested walk would take hours)
    assert paras == ["Митинг", "текст"]
