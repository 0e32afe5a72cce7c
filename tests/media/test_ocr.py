"""(session 49) An article kept as a picture (a photo or a screenshot) or as a scan printed to PDF, read by OCR
(assets/media/ocr.py, saved_files.read_image, read_pdf's scan path).

Two kinds of test:
- with a stand-in for Tesseract (a small program on PATH that answers as Tesseract does, with a text the test chose):
  the wiring, the languages asked for, the sizes given, the messages when Tesseract or its Russian is missing, a
  timeout, hostile pictures; these run everywhere, Tesseract or not;
- with the real Tesseract and its Russian data, where installed (skipped elsewhere: it is a system program, not a
  Python package): the fixtures of tests/media/saved/ocr/ (a lead written for the tests, drawn as a screenshot, a
  Kazakh one, a scan, a photo taken on its side; make_fixtures.py) read end to end by `monitor extract`, every field
  the lead states compared with what its words say.
"""
from __future__ import annotations

import io
import json
import os
import struct
import sys
import textwrap
import zlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from assets.media import ocr, parse, saved_files
from assets.media.parse import ParseError

FIXTURES = Path(__file__).parent / "saved" / "ocr"


def _real_tesseract() -> bool:
    try:
        return "rus" in ocr.languages()
    except ocr.OcrError:
        return False


needs_tesseract = pytest.mark.skipif(not _real_tesseract(), reason="Tesseract with its Russian data is not installed "
                                     "(apt-get install tesseract-ocr tesseract-ocr-rus tesseract-ocr-kaz)")

FAKE = """#!{python}
import json, os, sys, threading
args = sys.argv[1:]
if args[:1] == ["--version"]:
    print("tesseract 5.3.0\\n leptonica-1.82.0")
    sys.exit(0)
if args[:1] == ["--list-langs"]:
    print('List of available languages in "/usr/share/tesseract-ocr/5/tessdata/" (4):')
    for lang in os.environ.get("FAKE_OCR_LANGS", "eng kaz osd rus").split():
        print(lang)
    sys.exit(int(os.environ.get("FAKE_OCR_LIST_STATUS", "0")))
if os.environ.get("FAKE_OCR_HANG"):
    threading.Event().wait()  # a Tesseract that never ends: the caller's timeout must stop it
if os.environ.get("FAKE_OCR_FAIL"):
    print("Error in pixReadStream: Unknown format: no pix returned", file=sys.stderr)
    sys.exit(1)
from PIL import Image
with Image.open(args[0]) as im:
    size, mode, (darkest, brightest) = im.size, im.mode, im.convert("L").getextrema()
lang = args[args.index("-l") + 1] if "-l" in args else ""
with open(os.environ["FAKE_OCR_LOG"], "a", encoding="utf-8") as f:
    f.write(json.dumps({{"size": size, "mode": mode, "lang": lang, "darkest": darkest, "brightest": brightest}}) + "\\n")
texts = json.load(open(os.environ["FAKE_OCR_TEXT"], encoding="utf-8"))
n = sum(1 for _ in open(os.environ["FAKE_OCR_LOG"], encoding="utf-8"))
text = texts[min(n, len(texts)) - 1]
if not any("tessedit_create_tsv=1" in a for a in args):
    with open(args[1] + ".txt", "w", encoding="utf-8") as out:
        out.write(text + "\\n\\f")  # as Tesseract ends a page
    sys.exit(0)
# Tesseract's TSV: a block a paragraph (a blank line between), a line's height 30 px unless it opens with [[N]]
rows = ["level\\tpage_num\\tblock_num\\tpar_num\\tline_num\\tword_num\\tleft\\ttop\\twidth\\theight\\tconf\\ttext",
        "1\\t1\\t0\\t0\\t0\\t0\\t0\\t0\\t1000\\t1000\\t-1\\t"]
top = 0
for b, para in enumerate([p for p in text.split("\\n\\n") if p.strip()], 1):
    rows += [f"2\\t1\\t{{b}}\\t0\\t0\\t0\\t0\\t{{top}}\\t900\\t40\\t-1\\t", f"3\\t1\\t{{b}}\\t1\\t0\\t0\\t0\\t{{top}}\\t900\\t40\\t-1\\t"]
    for ln, line in enumerate(para.split("\\n"), 1):
        height = 30
        if line.startswith("[["):
            height, line = int(line[2:line.index("]]")]), line[line.index("]]") + 2:]
        rows.append(f"4\\t1\\t{{b}}\\t1\\t{{ln}}\\t0\\t0\\t{{top}}\\t900\\t{{height}}\\t-1\\t")
        for w, word in enumerate(line.split(), 1):
            rows.append(f"5\\t1\\t{{b}}\\t1\\t{{ln}}\\t{{w}}\\t{{10 * w}}\\t{{top}}\\t50\\t{{height}}\\t90\\t{{word}}")
        top += height + 10
with open(args[1] + ".tsv", "w", encoding="utf-8") as out:
    out.write("\\n".join(rows) + "\\n")
"""


@pytest.fixture
def fake_tesseract(tmp_path, monkeypatch):
    """A stand-in Tesseract on PATH (alone: the real one is hidden); returns a function that sets the texts it gives,
    one a picture in order, and the log of its calls."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    exe = bin_dir / "tesseract"
    exe.write_text(FAKE.format(python=sys.executable), encoding="utf-8")
    exe.chmod(0o755)
    log, texts = tmp_path / "calls.jsonl", tmp_path / "texts.json"
    log.write_text("", encoding="utf-8")
    monkeypatch.setenv("PATH", str(bin_dir))
    monkeypatch.setenv("FAKE_OCR_LOG", str(log))
    monkeypatch.setenv("FAKE_OCR_TEXT", str(texts))

    def give(*pages: str) -> list:
        texts.write_text(json.dumps(list(pages)), encoding="utf-8")
        return log

    give("")
    return give


def _calls(log: Path) -> list[dict]:
    return [json.loads(ln) for ln in log.read_text(encoding="utf-8").splitlines()]


def _encoded(*frames: Image.Image, fmt: str = "PNG", **options) -> bytes:
    """The pictures saved as one file of `fmt` (several as its pages)."""
    buf = io.BytesIO()
    if len(frames) > 1:
        options.update(save_all=True, append_images=list(frames[1:]))
    frames[0].save(buf, fmt, **options)
    return buf.getvalue()


def _png(size=(900, 300), color=255) -> bytes:
    return _encoded(Image.new("L", size, color))


LEAD = textwrap.dedent("""\
    Жители Актобе вышли на митинг против роста тарифов

    15 марта 2024 года около 200 жителей Актобе собрались у здания
    областного акимата, чтобы выразить недоволь-
    ство повышением тарифов на коммунальные услуги.

    По словам очевидцев, полиция задержала пятерых активистов.
    """)


# -- the stand-in: wiring, languages, sizes, messages ---------------------------------------------
def test_a_picture_is_read_by_ocr_into_a_headline_and_paragraphs(fake_tesseract, tmp_path):
    log = fake_tesseract(LEAD)
    pic = tmp_path / "скриншот.png"
    pic.write_bytes(_png())
    [art] = parse.read_local(pic)
    assert art.title == "Жители Актобе вышли на митинг против роста тарифов"
    # a paragraph's lines joined, the word broken at a line's end by a hyphen one word again
    assert art.text.splitlines() == [
        "15 марта 2024 года около 200 жителей Актобе собрались у здания областного акимата, чтобы выразить "
        "недовольство повышением тарифов на коммунальные услуги.",
        "По словам очевидцев, полиция задержала пятерых активистов."]
    assert art.url == pic.resolve().as_uri()
    [call] = _calls(log)
    assert call["lang"] == "rus+kaz+eng" and call["mode"] == "L"


def test_a_picture_of_a_post_without_a_headline_keeps_its_first_paragraph_whole(fake_tesseract):
    # a screenshot of a post: its first block is a paragraph of five lines; a line of it beginning with a name is no
    # headline (as it would be on a printed page, where a headline's line runs on into the lead)
    fake_tesseract("В понедельник, 14 сентября, актюбинские правозащитницы Алима Абдирова и Ольга\n"
                   "Климонова вышли с плакатами к городскому акимату. Пока женщины сидели на\n"
                   "лавочке возле памятника напротив городской управы, к ним несколько раз\n"
                   "подходили полицейские. Ольга Климонова пришла на пикет с четырьмя своими\n"
                   "детьми.\n\nПолицейские пытались отобрать плакаты.")
    saved = saved_files.read_image(_png())
    title, text = parse.saved_title_and_text(saved)
    assert title.startswith("В понедельник, 14 сентября, актюбинские правозащитницы Алима Абдирова и Ольга Климонова "
                            "вышли") and title.endswith("четырьмя своими детьми.")
    assert text == "Полицейские пытались отобрать плакаты."


def test_a_first_block_of_full_lines_is_a_paragraph_not_a_headline_and_its_lead(fake_tesseract):
    # Tesseract may end a block inside a paragraph: a first block of three full lines is still no headline
    fake_tesseract("В понедельник, 14 сентября, актюбинские правозащитницы Алима Абдирова и Ольга\n"
                   "Климонова вышли с плакатами к городскому акимату. Пока женщины сидели на\n"
                   "лавочке возле памятника напротив городской управы, к ним несколько раз\n\n"
                   "подходили полицейские.")
    title, text = parse.saved_title_and_text(saved_files.read_image(_png()))
    assert title.startswith("В понедельник") and title.endswith("к ним несколько раз")
    assert "Климонова вышли с плакатами" in title and text == "подходили полицейские."


def test_the_headline_is_the_line_in_larger_type_and_the_menu_above_it_goes(fake_tesseract):
    # a page's screenshot: the site's name and menu, the headline's two lines in a type twice the text's (Tesseract
    # sets each apart), the date, the lead; a date above the headline stays
    fake_tesseract("17.01.2023\n\nУральская неделя\n\nГлавная · Новости · Спорт · Объявления\n\n"
                   "[[62]]Жители микрорайона вышли на митинг\n\n[[60]]против вырубки сквера\n\n"
                   "12 марта 2022, 14:20\n\nВ субботу около 150 жителей собрались в сквере.\nОни выступили против.\n\n"
                   "Читайте также")
    saved = saved_files.read_image(_png())
    assert saved.title == "Жители микрорайона вышли на митинг против вырубки сквера"
    assert saved.text.splitlines() == ["17.01.2023", "12 марта 2022, 14:20",
                                       "В субботу около 150 жителей собрались в сквере. Они выступили против.",
                                       "Читайте также"]


def test_a_logo_in_large_type_is_passed_over_and_a_subheading_is_no_headline(fake_tesseract):
    # one word in the largest type (a site's logo) is no headline, nor is it run into the headline below it in
    # another size; a line only a little larger than the text (a subheading at 1.2 times) is no headline either
    fake_tesseract("[[90]]Logo\n\n[[60]]Жители вышли на митинг\n\n[[58]]против вырубки\n\n"
                   "Первый абзац текста.\n\nВторой абзац текста.\n\nТретий.")
    assert saved_files.read_image(_png()).title == "Жители вышли на митинг против вырубки"
    fake_tesseract("Жители вышли на митинг\n\n[[36]]Подзаголовок статьи\n\nПервый абзац текста.\n\n"
                   "Второй абзац текста.")
    saved = saved_files.read_image(_png())
    assert saved.title == "Жители вышли на митинг"  # (as a printed page's: the first line standing alone)
    assert saved.text.splitlines()[0] == "Подзаголовок статьи"


def test_the_headline_by_size_of_a_short_picture_and_at_its_end(fake_tesseract):
    # three lines only: the menu, the headline, one line of text; and a headline that is the picture's last lines
    fake_tesseract("Главная · Новости\n\n[[60]]Митинг в Уральске\n\nЖители вышли на площадь у акимата.")
    saved = saved_files.read_image(_png())
    assert (saved.title, saved.text) == ("Митинг в Уральске", "Жители вышли на площадь у акимата.")
    fake_tesseract("Первая строка текста статьи.\n\nВторая строка текста статьи.\n\n[[60]]Пикет у акимата\n\n"
                   "[[45]]в Актобе")  # (a second line a quarter smaller is still the headline's type)
    saved = saved_files.read_image(_png())
    assert saved.title == "Пикет у акимата в Актобе"
    assert saved.text == ""


@pytest.mark.parametrize("text, title", [
    # the text's height is where half its letters are reached: here the 30 px lines hold 15 of 30 letters, so it is
    # 30 px and the 60 px line stands out
    ("Текст один.\n\nДва.\n\n[[60]]Пикет у акимата", "Пикет у акимата"),
    # a line exactly 1.3 times the text's is a headline's type
    ("Главная · Новости · Спорт\n\n[[39]]Пикет у акимата\n\nЖители вышли на площадь у акимата в Актобе.",
     "Пикет у акимата"),
    # a headline of two words is one
    ("Главная · Новости · Спорт\n\n[[60]]Митинг прошёл\n\nЖители вышли на площадь у акимата в Актобе.",
     "Митинг прошёл"),
])
def test_the_headlines_type_at_its_bounds(fake_tesseract, text, title):
    fake_tesseract(text)
    assert saved_files.read_image(_png()).title == title


@pytest.mark.parametrize("above, found", [(11, True), (12, False)])
def test_the_headline_is_looked_for_among_the_first_twelve_lines(fake_tesseract, above, found):
    menu = "\n\n".join(f"Раздел {n}" for n in range(1, above + 1))
    body = "\n\n".join(["Жители вышли на площадь у акимата в Актобе и требовали снизить тарифы."] * 12)
    fake_tesseract(f"{menu}\n\n[[60]]Пикет у акимата\n\n{body}")
    assert saved_files.read_image(_png()).title == ("Пикет у акимата" if found else "Раздел 1")


def test_the_texts_height_is_where_half_its_letters_are_not_a_third(fake_tesseract):
    # a footer in small type holds 120 of 300 letters (between a third and a half): the text's height is still the
    # 30 px of the menu and the lead, so the menu is no headline and the 60 px line is
    fake_tesseract("Главная · Новости · Спорт\n\n[[60]]Пикет у акимата\n\n" + "\n\n".join(["А" * 70] * 2) + "\n\n"
                   + "\n\n".join(["[[20]]" + "Б" * 60] * 2))
    assert saved_files.read_image(_png()).title == "Пикет у акимата"


def test_the_line_after_the_headline_in_its_block_is_the_text(fake_tesseract):
    fake_tesseract("Главная · Новости · Спорт\n\n[[60]]Пикет у акимата\nЖители вышли на площадь у акимата в Актобе.\n\n"
                   "Полиция задержала пятерых активистов у здания акимата.")
    saved = saved_files.read_image(_png())
    assert saved.title == "Пикет у акимата"
    assert saved.text.splitlines()[0] == "Жители вышли на площадь у акимата в Актобе."


def test_a_headline_of_two_lines_in_one_block_at_the_top_is_whole(fake_tesseract):
    fake_tesseract("[[60]]Жители Актобе вышли на митинг\n[[60]]Против роста тарифов\n\n"
                   "15 марта около 200 жителей собрались у акимата.\n\nПолиция задержала пятерых.")
    saved = saved_files.read_image(_png())
    assert saved.title == "Жители Актобе вышли на митинг Против роста тарифов"
    assert saved.text.splitlines() == ["15 марта около 200 жителей собрались у акимата.", "Полиция задержала пятерых."]


def test_a_picture_of_exactly_the_pixel_limit_is_not_refused_as_a_bomb(fake_tesseract):
    fake_tesseract(LEAD)
    with pytest.raises(saved_files.SavedFileError) as err:  # (its header alone: decoding it fails)
        saved_files.read_image(_png_claiming(10_000, 8_000))
    assert "decompression bomb" not in str(err.value) and "damaged picture" in str(err.value)


def test_a_two_line_headline_is_one_headline(fake_tesseract):
    fake_tesseract("Жители Актобе вышли на митинг против роста тарифов\nна коммунальные услуги\n\n"
                   "15 марта около 200 жителей собрались у акимата.")
    saved = saved_files.read_image(_png())
    assert parse.saved_title_and_text(saved) == (
        "Жители Актобе вышли на митинг против роста тарифов на коммунальные услуги",
        "15 марта около 200 жителей собрались у акимата.")


def test_only_the_installed_languages_are_asked_for(fake_tesseract, tmp_path, monkeypatch):
    log = fake_tesseract(LEAD)
    monkeypatch.setenv("FAKE_OCR_LANGS", "osd rus")
    assert ocr.languages() == ["rus"]
    saved_files.read_image(_png())
    assert _calls(log)[0]["lang"] == "rus"


def test_without_tesseract_a_picture_is_named_with_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # no tesseract on it
    pic = tmp_path / "photo.jpg"
    pic.write_bytes(_encoded(Image.new("RGB", (50, 50)), fmt="JPEG"))
    with pytest.raises(ParseError) as err:
        parse.read_local(pic)
    msg = str(err.value)
    assert str(pic) in msg and "Tesseract" in msg and "tesseract-ocr-rus" in msg and ".txt" in msg
    assert "or brew install tesseract tesseract-lang" in msg


def test_a_tesseract_3_listing_its_languages_with_status_1_is_read(fake_tesseract, monkeypatch):
    fake_tesseract(LEAD)
    monkeypatch.setenv("FAKE_OCR_LIST_STATUS", "1")  # Tesseract 3.x ends --list-langs so
    assert ocr.languages() == ["rus", "kaz", "eng"]


def test_without_its_russian_data_tesseract_is_not_asked(fake_tesseract, tmp_path, monkeypatch):
    log = fake_tesseract(LEAD)
    monkeypatch.setenv("FAKE_OCR_LANGS", "eng osd")
    with pytest.raises(saved_files.SavedFileError, match="without its Russian data.*tesseract-ocr-rus"):
        saved_files.read_image(_png())
    assert _calls(log) == []


def test_a_folder_with_a_picture_tesseract_cannot_read_goes_on(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "a.png").write_bytes(_png())
    (folder / "b.txt").write_text("Пикет у акимата\nВ Уральске прошел пикет.", encoding="utf-8")
    arts, problems = parse.read_folder(folder)
    assert [a.title for a in arts] == ["Пикет у акимата"]
    assert len(problems) == 1 and str(folder / "a.png") in problems[0] and "Tesseract" in problems[0]


def test_a_screenshot_is_doubled_and_a_large_photo_made_smaller(fake_tesseract, tmp_path):
    log = fake_tesseract(LEAD)
    sizes = ((500, 200), (1200, 2000), (6000, 1500), (2500, 1000), (2001, 300), (6001, 1501), (1, 8001), (8001, 1))
    for size in sizes:
        saved_files.read_image(_png(size))
    # 6001 × 4000/6001 is 3999.99…: rounded, never cut; a side of one pixel stays one pixel
    assert [tuple(c["size"]) for c in _calls(log)] == [(1000, 400), (2400, 4000), (4000, 1000), (2500, 1000),
                                                       (2001, 300), (4000, 1000), (1, 4000), (4000, 1)]


def test_specks_are_smoothed_away_and_a_letters_stroke_is_kept(fake_tesseract):
    log = fake_tesseract(LEAD)
    specks = Image.new("L", (2500, 1000), 255)
    for x, y in ((10, 10), (500, 300), (2400, 900)):
        specks.putpixel((x, y), 0)
    stroke = Image.new("L", (2500, 1000), 255)
    stroke.paste(0, (100, 100, 104, 160))  # a letter's stem, 4 px wide
    for img in (specks, stroke):
        saved_files.read_image(_encoded(img))
    assert [c["darkest"] for c in _calls(log)] == [255, 0]


def test_a_transparent_background_is_read_as_white_and_16_bit_grey_as_grey(fake_tesseract):
    log = fake_tesseract(LEAD)
    # (2,500 px wide: neither doubled nor made smaller, so that the values Tesseract is given are the picture's)
    clear = Image.new("RGBA", (2500, 300), (0, 0, 0, 0))  # a transparent PNG: black with no opacity
    clear.paste((0, 0, 0, 255), (100, 100, 120, 160))  # one letter's stem, opaque black
    palette = Image.new("P", (2500, 300), 0)  # a palette PNG: colour 0 black and transparent, colour 1 black
    palette.putpalette([0, 0, 0, 0, 0, 0])
    palette.paste(1, (100, 100, 120, 160))
    palette.info["transparency"] = 0
    grey16 = Image.new("I;16", (2500, 300), 60000)  # a 16-bit scan: light paper …
    grey16.paste(Image.new("I;16", (20, 60), 6000), (100, 100))  # … and a dark stem
    for img in (clear, palette, grey16):
        saved_files.read_image(_encoded(img))
    calls = _calls(log)
    assert [c["darkest"] for c in calls[:2]] == [0, 0] and [c["brightest"] for c in calls[:2]] == [255, 255]
    # 16-bit 60000 and 6000 are 233 and 23 of 255 (not both clipped to white)
    assert (calls[2]["darkest"], calls[2]["brightest"]) == (23, 233)


def test_a_photo_taken_on_its_side_is_turned_upright_before_it_is_read(fake_tesseract):
    log = fake_tesseract(LEAD)
    exif = Image.Exif()
    exif[0x0112] = 6  # turn 90° clockwise to show
    saved_files.read_image(_encoded(Image.new("RGB", (700, 1000), "white"), fmt="JPEG", exif=exif))
    assert tuple(_calls(log)[0]["size"]) == (2000, 1400)  # upright (and doubled)


def test_each_page_of_a_multipage_tiff_is_read_in_order(fake_tesseract):
    log = fake_tesseract("Митинг в Уральске\n\nЖители вышли на площадь у акимата и требовали снизить тарифы на воду\n"
                         "в этом году.", "Вторая страница статьи.")
    saved = saved_files.read_image(_encoded(*[Image.new("L", (900, 1200), 255)] * 2, fmt="TIFF"))
    assert saved.title == "Митинг в Уральске"
    # the first page's paragraph ends where its sentence ends on a short line, as a printed page's does
    assert saved.text.splitlines() == ["Жители вышли на площадь у акимата и требовали снизить тарифы на воду в этом году.",
                                       "Вторая страница статьи."]
    assert len(_calls(log)) == 2


def test_a_tiff_of_many_pages_is_read_to_its_tenth(fake_tesseract):
    log = fake_tesseract("Страница статьи.")
    saved_files.read_image(_encoded(*[Image.new("L", (60, 40), 255) for _ in range(12)], fmt="TIFF"))
    assert len(_calls(log)) == 10


def test_a_sentence_running_on_to_the_next_page_of_a_tiff_is_one_paragraph(fake_tesseract):
    fake_tesseract("Митинг в Уральске\n\nЖители вышли на площадь у акимата и требовали снизить тарифы",
                   "на воду и свет.")
    saved = saved_files.read_image(_encoded(*[Image.new("L", (900, 1200), 255)] * 2, fmt="TIFF"))
    assert saved.text == "Жители вышли на площадь у акимата и требовали снизить тарифы на воду и свет."


def test_a_picture_without_text_is_named(fake_tesseract):
    fake_tesseract("  \n\n \x0c")
    with pytest.raises(saved_files.SavedFileError, match="no text"):
        saved_files.read_image(_png())


def test_specks_read_at_a_lines_ends_are_dropped_and_text_is_kept():
    assert ocr.text_lines("_ Жители Актобе вышли |\n| ~\n— Мы против, — сказал он.\nцена 5_000") == [
        "Жители Актобе вышли", "", "— Мы против, — сказал он.", "цена 5_000"]


def test_a_tesseract_that_never_ends_is_stopped(fake_tesseract, monkeypatch):
    fake_tesseract(LEAD)
    monkeypatch.setenv("FAKE_OCR_HANG", "1")
    monkeypatch.setattr(ocr, "OCR_TIMEOUT_S", 1)
    with pytest.raises(saved_files.SavedFileError, match="did not finish in 1 s"):
        saved_files.read_image(_png())


def test_a_tesseract_error_is_named(fake_tesseract, monkeypatch):
    fake_tesseract(LEAD)
    monkeypatch.setenv("FAKE_OCR_FAIL", "1")
    with pytest.raises(saved_files.SavedFileError, match="Tesseract could not read it.*Unknown format"):
        saved_files.read_image(_png())


# -- hostile pictures ---------------------------------------------------------------------------
def _png_claiming(width: int, height: int) -> bytes:
    """A small PNG whose header claims width × height pixels (a decompression bomb's header)."""
    raw = _png((8, 8))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    return raw[:8] + struct.pack(">I", 13) + chunk + struct.pack(">I", zlib.crc32(chunk)) + raw[33:]


def test_a_decompression_bomb_is_refused_before_it_is_decoded(fake_tesseract):
    log = fake_tesseract(LEAD)
    with pytest.raises(saved_files.SavedFileError, match=r"more than 80,000,000 pixels \(a decompression bomb"):
        saved_files.read_image(_png_claiming(50_000, 50_000))
    assert _calls(log) == []


def test_a_picture_past_the_projects_own_pixel_limit_is_refused_by_its_header(fake_tesseract):
    # 81 million pixels: under Pillow's own warning (89 million), over MAX_PIXELS (80 million)
    log = fake_tesseract(LEAD)
    with pytest.raises(saved_files.SavedFileError, match=r"a picture of 9,000 × 9,000 pixels, more than 80,000,000"):
        saved_files.read_image(_png_claiming(9_000, 9_000))
    assert _calls(log) == []


def test_a_truncated_jpeg_is_named_as_damaged(fake_tesseract, tmp_path):
    fake_tesseract(LEAD)
    whole = _encoded(Image.effect_noise((800, 600), 60).convert("RGB"), fmt="JPEG")
    pic = tmp_path / "cut.jpg"
    pic.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(ParseError, match=r"cut\.jpg: a picture: a damaged picture"):
        parse.read_local(pic)


def test_a_heic_photo_is_named_with_what_to_do(fake_tesseract, tmp_path):
    fake_tesseract(LEAD)
    pic = tmp_path / "IMG_0042.heic"
    pic.write_bytes(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 200)
    with pytest.raises(ParseError, match=r"IMG_0042\.heic: .*HEIC.*JPEG or PNG"):
        parse.read_local(pic)


def test_a_text_saved_under_a_pictures_name_is_named(tmp_path):
    pic = tmp_path / "статья.png"
    pic.write_text("Митинг в Уральске\nЖители вышли на площадь.", encoding="utf-8")
    with pytest.raises(ParseError, match=r"статья\.png: not a picture \(its bytes are not a picture's"):
        parse.read_local(pic)


def test_a_picture_under_a_text_name_is_read_as_a_picture(fake_tesseract, tmp_path):
    fake_tesseract(LEAD)
    pic = tmp_path / "article.txt"
    pic.write_bytes(_png())
    [art] = parse.read_local(pic)
    assert art.title.startswith("Жители Актобе")


def test_a_picture_on_standard_input_is_read(fake_tesseract):
    fake_tesseract(LEAD)
    art = parse.read_stdin(_png())
    assert art.title.startswith("Жители Актобе") and art.url == "stdin:"


# -- scans printed to PDF -----------------------------------------------------------------------
def _scan_pdf(*sizes) -> bytes:
    return _encoded(*(Image.new("L", s, 255) for s in sizes), fmt="PDF", title="scan_0012")


def test_a_scanned_pdf_is_read_page_by_page_and_the_scanners_title_is_not_the_headline(fake_tesseract):
    log = fake_tesseract("Жители Актобе вышли на митинг\n\n15 марта 2024 года около 200 жителей собрались у",
                         "акимата. Полиция задержала пятерых активистов.")
    saved = saved_files.read_pdf(_scan_pdf((1240, 1754), (1240, 1754)))
    assert saved.title == "Жители Актобе вышли на митинг"
    # a sentence broken across the two pages is one paragraph
    assert saved.text == "15 марта 2024 года около 200 жителей собрались у акимата. Полиция задержала пятерых активистов."
    assert len(_calls(log)) == 2 and saved.url is None


def _pdf_with_picture(width: int, height: int, data: bytes) -> bytes:
    """A one-page PDF whose only content is a grey picture of width × height pixels, its stream `data` (Flate)."""
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject, NumberObject, StreamObject

    w = PdfWriter()
    page = w.add_blank_page(600, 800)
    img = StreamObject()
    img._data = zlib.compress(data, 9)
    img.update({NameObject("/Type"): NameObject("/XObject"), NameObject("/Subtype"): NameObject("/Image"),
                NameObject("/Width"): NumberObject(width), NameObject("/Height"): NumberObject(height),
                NameObject("/ColorSpace"): NameObject("/DeviceGray"), NameObject("/BitsPerComponent"): NumberObject(8),
                NameObject("/Filter"): NameObject("/FlateDecode")})
    page[NameObject("/Resources")] = DictionaryObject({NameObject("/XObject"): DictionaryObject(
        {NameObject("/Im0"): w._add_object(img)})})
    content = DecodedStreamObject()
    content.set_data(b"q 600 0 0 800 0 0 cm /Im0 Do Q")
    page[NameObject("/Contents")] = w._add_object(content)
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


def test_a_scanned_pdf_whose_picture_is_a_decompression_bomb_is_named(fake_tesseract):
    log = fake_tesseract(LEAD)
    bomb = _pdf_with_picture(9_000, 9_000, bytes(81_000_000))  # 81 MB of grey (pypdf stops at 75) in ~80 KB
    assert len(bomb) < 200_000
    with pytest.raises(saved_files.SavedFileError, match=r"page 1: a picture that unpacks past pypdf's limit \(a "
                                                         r"decompression bomb"):
        saved_files.read_pdf(bomb)
    assert _calls(log) == []


def test_a_scanned_pdfs_own_picture_is_read(fake_tesseract):
    log = fake_tesseract(LEAD)
    saved = saved_files.read_pdf(_pdf_with_picture(800, 600, bytes([255]) * 800 * 600))
    assert saved.title == "Жители Актобе вышли на митинг против роста тарифов"
    assert [tuple(c["size"]) for c in _calls(log)] == [(1600, 1200)]


def test_a_scanned_pdf_without_tesseract_is_named_with_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(saved_files.SavedFileError, match=r"no text in it \(a scan or a picture\): reading a picture "
                                                         r"needs Tesseract.*tesseract-ocr-rus"):
        saved_files.read_pdf(_scan_pdf((600, 800)))


def test_a_scans_pictures_are_read_at_most_max_frames(fake_tesseract, monkeypatch):
    log = fake_tesseract("Страница.")
    monkeypatch.setattr(ocr, "MAX_FRAMES", 2)
    saved_files.read_pdf(_scan_pdf((300, 400), (300, 400), (300, 400)))
    assert len(_calls(log)) == 2


def test_a_pdf_with_a_text_layer_never_calls_ocr(fake_tesseract, tmp_path):
    log = fake_tesseract("OCR должен молчать")
    pdf = next((Path(__file__).parent / "saved").glob("*.pdf"), None)
    if pdf is None:
        pytest.skip("no printed PDF among the saved fixtures")
    saved = saved_files.read_pdf(pdf.read_bytes())
    assert saved.text and "OCR должен молчать" not in saved.text and _calls(log) == []


# -- a property: whatever paragraphs OCR gives come back as written ------------------------------
WORD = st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһіАБВГДМНОПР0123456789", min_size=1, max_size=10)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(WORD, min_size=1, max_size=12).map(" ".join), min_size=2, max_size=6))
def test_paragraphs_ocr_gives_are_read_back_as_written(paragraphs):
    lines = ocr.text_lines("\n\n".join(paragraphs) + "\n\x0c")
    blocks = saved_files._paragraphs(lines + ["\f"])
    title, rest = saved_files._headline("", blocks)
    assert [title, *rest] == paragraphs


# -- the real Tesseract, end to end -------------------------------------------------------------
@pytest.fixture(scope="module")
def extracted() -> dict[str, dict]:
    """`monitor extract` run once on the fixtures' folder, as a monitor would: each picture's event by its file name."""
    import subprocess

    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    out = subprocess.run([str(Path(sys.executable).parent / "monitor"), "extract", str(FIXTURES)],
                         capture_output=True, text=True, env=env, timeout=600)
    # the one file not read is the script that made the pictures (named, so the run's status is 1)
    assert [ln.split(": ")[1] for ln in out.stderr.splitlines() if ln.startswith("skipped: ")] == \
        [str(FIXTURES / "make_fixtures.py")], out.stderr
    events = [json.loads(ln) for ln in out.stdout.splitlines() if ln.startswith("{")]
    return {ev["url"].rsplit("/", 1)[-1]: ev for ev in events}


@needs_tesseract
@pytest.mark.parametrize("name", ["lead_ru.png", "scan_ru.pdf", "photo_ru.jpg"])
def test_the_russian_lead_is_read_from_its_picture_as_its_words_say(extracted, name):
    # the lead (make_fixtures.LEAD_RU): 15 March 2024, Aktobe, a rally ("митинг"), about 200 residents, five detained
    ev = extracted[name]
    assert ev["title"] == "Жители Актобе вышли на митинг против роста тарифов"
    assert (ev["date"], ev["city"], ev["form"]) == ("2024-03-15", "aktobe", "rally")
    assert ev["participants"] == 200 and ev["detained"] == 5


@needs_tesseract
@pytest.mark.parametrize("name, headline, fields", [
    # what each page says (tests/media/saved/pages/*.html): 12 March 2022 in Uralsk, a rally of about 150 residents,
    # «Задержаний не было»; 17 January 2023 in Aktobe, about 40 residents gathered at the akimat (no form word: other)
    ("page_uralsk_skver.png", "Жители микрорайона вышли на митинг против вырубки сквера",
     ("2022-03-12", "uralsk", "rally", 150, 0)),
    ("page_aktobe_tariff.png", "Ақтөбеде тұрғындар жылу тарифіне қарсы әкімдік алдына жиналды",
     ("2023-01-17", "aktobe", "other", 40, 0)),
])
def test_a_browsers_screenshot_of_a_page_gives_its_headline_not_its_menu(extracted, name, headline, fields):
    ev = extracted[name]
    assert ev["title"] == headline  # the headline in its larger type, the site's menu above it dropped
    assert (ev["date"], ev["city"], ev["form"], ev["participants"], ev["detained"]) == fields


@needs_tesseract
def test_the_kazakh_lead_keeps_its_letters(extracted):
    # make_fixtures.LEAD_KK: 12 September 2023, Almaty, a picket of about 30 activists
    ev = extracted["lead_kk.png"]
    assert ev["title"] == "Алматыда белсенділер пикетке шықты" and ev["lang"] == "kk"
    assert "әкімдік ғимаратының алдында пикет өткізді" in ev["evidence"]["form"]
    assert (ev["date"], ev["city"], ev["form"], ev["participants"]) == ("2023-09-12", "almaty", "picket", 30)


def test_the_fixtures_are_the_ones_make_fixtures_writes():
    script = (FIXTURES / "make_fixtures.py").read_text(encoding="utf-8")
    kept = {p.name for p in FIXTURES.iterdir() if p.name != "make_fixtures.py"}
    assert kept == {"lead_ru.png", "lead_kk.png", "scan_ru.pdf", "photo_ru.jpg", "page_uralsk_skver.png",
                    "page_aktobe_tariff.png"}
    assert all(f'"{name}"' in script for name in kept if not name.startswith("page_"))
    assert all(f"page_{{name}}.png" in script and f'"{name[5:-4]}"' in script for name in kept if name.startswith("page_"))
