"""Decoding, feeds, listings, article pages, Telegram exports, saved pages."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from assets.media import parse

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Новости</title>
<item><title>Пикет в Уральске</title><link>https://news.example/a/1</link>
<pubDate>Wed, 03 May 2017 10:00:00 +0600</pubDate><description>&lt;p&gt;Около 15 человек&lt;/p&gt;</description></item>
<item><title>Концерт</title><link>/a/2</link><pubDate>Thu, 04 May 2017 10:00:00 +0600</pubDate></item>
<item><title>Дубль</title><link>https://news.example/a/1</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Лента</title>
<entry><title>Митинг в Жанаозене</title><link href="https://atom.example/x"/><updated>2017-01-05T08:00:00Z</updated></entry>
</feed>"""


def test_rss_items_absolute_links_dates_no_repeats():
    items = parse.parse_feed(RSS.encode(), "https://news.example/rss")
    assert [i.url for i in items] == ["https://news.example/a/1", "https://news.example/a/2"]
    assert items[0].title == "Пикет в Уральске"
    assert items[0].published == dt.date(2017, 5, 3)
    assert items[0].summary == "Около 15 человек"


def test_atom_feed():
    items = parse.parse_feed(ATOM.encode(), "")
    assert len(items) == 1 and items[0].url == "https://atom.example/x" and items[0].published == dt.date(2017, 1, 5)


def test_windows_1251_feed():
    body = RSS.replace('encoding="utf-8"', 'encoding="windows-1251"').encode("cp1251")
    items = parse.parse_feed(body, "https://news.example/rss")
    assert items[0].title == "Пикет в Уральске"


@pytest.mark.parametrize("body", [b"<html><body>not a feed</body></html>", b"<rss><channel><item><title>x</ti", b""])
def test_broken_feed_raises_parse_error(body):
    with pytest.raises(parse.ParseError):
        parse.parse_feed(body, "https://x")


def test_decode_prefers_declared_then_sniffs():
    ru = "Митинг в Актобе собрал около 200 человек."
    assert parse.decode(ru.encode("cp1251"), "text/html; charset=windows-1251") == (ru, "cp1251")
    meta = f'<html><head><meta charset="windows-1251"></head><body>{ru}</body></html>'
    assert ru in parse.decode(meta.encode("cp1251"))[0]
    # nothing declared: windows-1251 recognised by its Russian letters
    text, enc = parse.decode(ru.encode("cp1251"))
    assert (text, enc) == (ru, "cp1251")
    # declared windows-1251 but the bytes are UTF-8: the bytes win
    text, enc = parse.decode(ru.encode("utf-8"), "text/html; charset=windows-1251")
    assert (text, enc) == (ru, "utf-8")
    # a BOM
    assert parse.decode(b"\xef\xbb\xbf" + ru.encode())[0] == ru


def test_listing_links_matching_pattern():
    html = """<html><body><a href="/2017/05/03/piket">1</a> <a href="/about">about</a>
    <a href="https://site.kz/2017/05/04/miting#comments">2</a> <a href="/2017/05/03/piket">again</a>
    <a href="javascript:void(0)">js</a></body></html>"""
    links = parse.parse_listing(html, "https://site.kz/news/", r"/\d{4}/\d{2}/\d{2}/")
    assert links == ["https://site.kz/2017/05/03/piket", "https://site.kz/2017/05/04/miting"]


def test_article_page_main_text_title_and_date():
    html = """<html><head><title>Site | Пикет</title>
    <meta property="article:published_time" content="2017-05-03T12:00:00+06:00"></head>
    <body><nav>Главная Спорт Погода</nav><article><h1>Пикетчики у акимата</h1>
    <p>3 мая около 15 пикетчиков собралось в Алматы возле здания акимата. Они требовали снизить тарифы.</p>
    <p>Полиция не вмешивалась, задержаний не было.</p></article><footer>© Сайт</footer></body></html>"""
    title, text, published = parse.extract_html(html, "https://site.kz/a")
    assert title == "Пикетчики у акимата"
    assert "около 15 пикетчиков собралось в Алматы" in text
    assert "Погода" not in text
    assert published == dt.date(2017, 5, 3)


def test_telegram_export_messages():
    export = {
        "name": "Протесты KZ", "type": "public_channel", "id": 123,
        "messages": [
            {"id": 1, "type": "service", "date": "2017-05-01T10:00:00", "action": "create_channel", "text": ""},
            {"id": 2, "type": "message", "date": "2017-05-03T18:20:00",
             "text": ["В Алматы ", {"type": "bold", "text": "пикет"}, " у акимата: около 15 человек."]},
            {"id": 3, "type": "message", "date": "2017-05-04T09:00:00", "text": "", "photo": "photos/1.jpg"},
        ],
    }
    arts = parse.parse_telegram_export(json.dumps(export, ensure_ascii=False).encode(), channel="@protests_kz")
    assert len(arts) == 1
    a = arts[0]
    assert a.url == "https://t.me/protests_kz/2" and a.kind == "telegram"
    assert a.text == "В Алматы пикет у акимата: около 15 человек." and a.published == dt.date(2017, 5, 3)


def test_a_telegram_messages_day_is_its_unix_times_day_in_almaty():
    """Newer exports write `date` on the exporting machine's clock and `date_unixtime` (a string of seconds) beside it:
    the day is the unix time's in Almaty, as for a VK post. 1647111600 is 2022-03-12 19:00 UTC: 13 March in Almaty
    (UTC+6 then), 12 March on a Moscow clock (UTC+3). 1710000000 is 2024-03-09 16:00 UTC: 9 March either way. A
    `date_unixtime` that is no number leaves `date` to tell the day."""
    export = {"name": "c", "id": 5, "messages": [
        {"id": 1, "type": "message", "date": "2022-03-12T22:00:00", "date_unixtime": "1647111600", "text": "Пикет"},
        {"id": 2, "type": "message", "date": "2024-03-09T19:00:00", "date_unixtime": "1710000000", "text": "Митинг"},
        {"id": 3, "type": "message", "date": "2021-01-05T10:00:00", "date_unixtime": "вчера", "text": "Шествие"},
        {"id": 4, "type": "message", "date": "2021-01-06T10:00:00", "text": "Голодовка"}]}
    arts = parse.parse_telegram_export(json.dumps(export, ensure_ascii=False).encode())
    assert [a.published for a in arts] == [dt.date(2022, 3, 13), dt.date(2024, 3, 9), dt.date(2021, 1, 5),
                                           dt.date(2021, 1, 6)]


def test_telegram_export_not_json_is_a_clear_error():
    with pytest.raises(parse.ParseError, match="not a Telegram JSON export"):
        parse.parse_telegram_export(b"{broken", origin="result.json")


def test_saved_page_keeps_its_original_url(tmp_path):
    html = ("<!-- saved from url=(0033)https://uralskweek.kz/2017/piket -->\n<html><head><meta charset='windows-1251'>"
            "<title>Пикет</title></head><body><article><h1>Пикет в Уральске</h1><p>Около 30 жителей вышли на пикет "
            "в Уральске, требуя отремонтировать дорогу. Полиция наблюдала.</p></article></body></html>")
    p = tmp_path / "saved.html"
    p.write_bytes(html.encode("cp1251"))
    arts, problems = parse.read_folder(tmp_path, source="saved")
    assert problems == []
    assert len(arts) == 1
    assert arts[0].url == "https://uralskweek.kz/2017/piket" and arts[0].kind == "saved"
    assert "Около 30 жителей вышли на пикет" in arts[0].text


def test_language_detection():
    assert parse.detect_lang("Алматыда 20-ға жуық үлескер пикетке шықты. Олар пәтерлерін беруді талап етті.") == "kk"
    assert parse.detect_lang("Женщины собрались в помещении объединения «Ана үйі» и объявили голодовку.") == "ru"


def test_a_folder_source_reads_its_good_files_and_names_the_bad_one(tmp_path):
    """One unreadable file in a `folder` source used to cost the whole folder (the pipeline caught the first
    ParseError and skipped the source); now every other file is read and the bad one is named with its field."""
    import duckdb

    from assets.media import pipeline, sources

    saved = tmp_path / "saved"
    (saved / "sub").mkdir(parents=True)
    (saved / "a.txt").write_text("Пикет в Уральске\nОколо 30 жителей вышли на пикет у акимата.\n", encoding="utf-8")
    (saved / "sub" / "b.yaml").write_text("url: https://example.kz/b\npublished: 2019-05-01\nlang: ru\n"
                                          "text: |\n  Митинг в Актобе\n  Около 40 человек собрались у акимата.\n",
                                          encoding="utf-8")
    (saved / "bad.yaml").write_text("url: https://example.kz/bad\n", encoding="utf-8")
    (saved / "notes.md").write_text("# not an article\n", encoding="utf-8")
    cfg = sources.parse({"sources": [{"name": "saved", "kind": "folder", "path": "saved", "enabled": True}]},
                        base_dir=tmp_path)
    with duckdb.connect() as con:
        arts, problems = pipeline.collect_articles(con, cfg)
    assert sorted(a.title for a in arts) == ["Митинг в Актобе", "Пикет в Уральске"]
    assert all(a.source == "saved" for a in arts)
    assert len(problems) == 2 and all(p.startswith("saved: skipped: ") for p in problems)
    bad, notes = sorted(problems)  # in path order: bad.yaml, notes.md
    assert "bad.yaml" in bad and "'text'" in bad
    assert "notes.md: not an article file (.md)" in notes  # (session 47) a file of no kind read is named too


def test_a_text_file_of_plain_russian_with_a_few_odd_characters_is_still_text(tmp_path):
    """The binary guard counts control characters: a tab, a form feed or a stray one in a long lead is still text."""
    p = tmp_path / "a.txt"
    p.write_text("Пикет в Уральске\n\tОколо 30 жителей вышли на пикет у акимата.\x0c Полиция наблюдала.\x07 "
                 + "Жители требовали отремонтировать дорогу. " * 3, encoding="utf-8")
    (a,) = parse.read_local(p)
    assert a.title == "Пикет в Уральске" and a.text.startswith("Около 30 жителей")


def test_a_fetched_image_or_broken_pdf_is_refused_by_name_not_read_as_a_page():
    """A link in a feed that answers with an image (or a PDF that cannot be read) is no article: named with its type,
    not parsed into a page of mojibake that triage then calls 'no mention'; a page whose bytes are UTF-16 is still
    read. (Since session 47 a PDF with a text layer is read: tests/media/test_saved_files.py.)"""
    pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<</Type/Catalog>>\x00\x00stream\x89\x01\x02\x03" * 30
    with pytest.raises(parse.ParseError, match=r"https://x\.kz/a\.pdf: not a readable PDF"):
        parse.article_from_response({"url": "https://x.kz/a.pdf", "headers": {"content-type": "application/pdf"},
                                     "body": pdf})
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    with pytest.raises(parse.ParseError, match=r"https://x\.kz/a\.png: not a web page \(binary content, "
                                               r"Content-Type image/png\)"):
        parse.article_from_response({"url": "https://x.kz/a.png", "headers": {"content-type": "image/png"},
                                     "body": png})
    page = "<html><head><title>Пикет</title></head><body><p>Около 30 жителей вышли на пикет.</p></body></html>"
    a = parse.article_from_response({"url": "https://x.kz/p", "headers": {"content-type": "text/html"},
                                     "body": page.encode("utf-16")})
    assert a.title == "Пикет" and "Около 30 жителей" in a.text
