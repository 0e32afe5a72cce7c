"""What `assets/media/parse.py`'s sample in the mutation run left alive (docs/testing.md, "Session 47: parse.py"): each
test states what the reader does, the expected value worked out from the input."""
from __future__ import annotations

import hashlib

from assets.media import parse


def test_an_articles_id_is_the_first_sixteen_hex_digits_of_its_addresss_sha1():
    """The archive and the review sheet key articles by it: the address stripped, SHA-1, 16 hex digits."""
    assert parse.article_id("  https://ex.kz/a  ") == hashlib.sha1(b"https://ex.kz/a").hexdigest()[:16]
    assert len(parse.article_id("https://ex.kz/a")) == 16


def test_a_text_with_no_cyrillic_word_is_russian_by_default():
    assert parse.detect_lang("Hello, world: 2022") == "ru"
    assert parse.detect_lang("") == "ru"


def test_a_broken_feeds_message_counts_its_items_in_words():
    one = parse.FeedRead(entries=1, broken="mismatched tag")
    many = parse.FeedRead(entries=3, broken="mismatched tag", no_link=1)
    assert one.problems() == ["the feed is broken (mismatched tag): 1 item read, any after the break lost"]
    assert many.problems() == ["1 of 3 items without a link skipped",
                               "the feed is broken (mismatched tag): 3 items read, any after the break lost"]


def test_a_fetched_plain_text_takes_its_first_line_as_the_headline():
    a = parse.article_from_response({"url": "https://ex.kz/a.txt", "headers": {"content-type": "text/plain; charset=utf-8"},
                                     "body": "Пикет в Уральске\nОколо 30 жителей вышли на пикет.\n".encode()})
    assert (a.title, a.text) == ("Пикет в Уральске", "Около 30 жителей вышли на пикет.")


def test_a_text_with_exactly_two_percent_control_characters_is_still_text():
    """The binary guard: more than 2 % control characters. 98 letters and 2 controls is text; 97 and 3 is not."""
    assert not parse._looks_binary(b"", "\x01\x02" + "а" * 98, "utf-16")
    assert parse._looks_binary(b"", "\x01\x02\x03" + "а" * 97, "utf-16")


def test_a_date_line_with_a_five_digit_year_is_no_date_line():
    assert parse.DATELINE_ONLY_RE.fullmatch("19 ноября 2009 | 07:06")
    assert parse.DATELINE_ONLY_RE.fullmatch("2022-03-12 14:22") and parse.DATELINE_ONLY_RE.fullmatch("13.11.2025, 14:22")
    assert not parse.DATELINE_ONLY_RE.fullmatch("19 ноября 20091")


def test_a_table_saved_as_unicode_text_by_excel_is_read(tmp_path):
    """Excel's "Unicode Text" is UTF-16 with its mark and tabs: its NUL bytes are the encoding's, not binary content."""
    f = tmp_path / "set.tsv"
    f.write_bytes("url\ttitle\ttext\nhttps://ex.kz/1\tПикет в Уральске\tОколо 30 жителей вышли на пикет.\n"
                  .encode("utf-16"))
    [a] = parse.read_local(f)
    assert (a.url, a.title, a.text) == ("https://ex.kz/1", "Пикет в Уральске", "Около 30 жителей вышли на пикет.")


def test_a_date_a_workbook_keeps_as_a_number_of_days_is_that_day(tmp_path):
    """Excel counts days from 1899-12-30: 44632 is 2022-03-12 (a cell typed as a number, not formatted as a date)."""
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.append(["url", "text", "published"])
    wb.active.append(["https://ex.kz/1", "Пикет в Уральске\nОколо 30 жителей вышли на пикет.", 44632.0])
    f = tmp_path / "set.xlsx"
    wb.save(f)
    [a] = parse.read_local(f)
    assert a.published.isoformat() == "2022-03-12"


def test_a_folder_holding_only_a_folder_named_like_an_article_holds_no_article_file(tmp_path):
    (tmp_path / "notes.txt").mkdir()
    assert not parse.holds_article_files(tmp_path)
    (tmp_path / "notes.txt" / "a.txt").write_text("Пикет\nТекст.", encoding="utf-8")
    assert parse.holds_article_files(tmp_path)
