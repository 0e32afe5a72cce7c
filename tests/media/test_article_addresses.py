"""Session 51: an article's address read as a monitor keeps it.

- A saved text whose first or last line is only the article's address ("https://…", "Источник: https://…") has that
  URL, not the file's, and its headline is the next line (assets/media/parse.py `source_url_line`). Before, the address
  was the headline and the claims' source was the file on the monitor's disk.
- An article without a publication date whose address holds a full date ("/2022/01/05/", "/20220105/",
  "…-2022-01-05-…") is dated by it (assets/media/url_date.py), so "Сегодня" and "вчера" name a day; its own date wins.
"""
from __future__ import annotations

import datetime as dt
import json

from hypothesis import given, strategies as st
import pytest

from assets.media import evaluate_real, parse, url_date
from assets.media.cli import main

LEAD = "Сегодня у здания акимата собрались около 300 человек, требуя снизить цены на газ."


@pytest.mark.parametrize("url, day", [
    ("https://www.example.kz/news/2022/01/05/miting-uralsk", dt.date(2022, 1, 5)),
    ("https://sputnik.kz/amp/20210619/Shymkent-fanattar-17388244.html", dt.date(2021, 6, 19)),
    ("https://rus.azattyq.org/a/protest-2021-02-28/31126199.html", dt.date(2021, 2, 28)),
    ("https://bizmedia.kz/2023-04-21-zhiteli-zhanaozena-proveli-noch-u-akimata", dt.date(2023, 4, 21)),
    ("https://www.example.kz/2022_01_05/miting", dt.date(2022, 1, 5)),
    # no day: an article number, a month alone, an impossible day, the host or the query, a file, the future
    ("https://rus.azattyq.org/a/31722339.html", None),
    ("https://www.example.kz/2022/01/miting", None),
    ("https://www.example.kz/2019/02/30/miting", None),
    ("https://20220105.example.kz/miting", None),
    ("https://www.example.kz/miting?d=2022-01-05", None),
    ("file:///home/monitor/2022/01/05/miting.txt", None),
    ("https://www.example.kz/2099/01/05/miting", None),
    ("https://www.example.kz/news/120220105/miting", None),  # inside a longer run of digits
])
def test_a_full_date_in_the_path_is_the_day_of_publication(url, day):
    assert url_date.date_in_url(url, today=dt.date(2026, 12, 7)) == day


def test_the_articles_own_date_wins():
    own = dt.date(2022, 1, 6)
    assert url_date.published_of(own, "https://www.example.kz/news/2022/01/05/miting") == own
    assert url_date.published_of(None, "https://www.example.kz/news/2022/01/05/miting") == dt.date(2022, 1, 5)


@given(st.dates(min_value=dt.date(1991, 1, 1), max_value=dt.date(2026, 12, 7)), st.sampled_from(["/", "-", "_", ""]),
       st.text(alphabet="abcdefghijklmnopqrstuvwxyz-", min_size=0, max_size=20))
def test_any_day_written_in_a_path_is_read_back(day, sep, slug):
    path = sep.join((f"{day.year}", f"{day.month:02d}", f"{day.day:02d}")) if sep == "/" else \
        f"{day.year}{sep}{day.month:02d}{sep}{day.day:02d}"
    assert url_date.date_in_url(f"https://news.example.kz/{path}/{slug}", today=dt.date(2026, 12, 7)) == day


@pytest.mark.parametrize("text, url, title", [
    ("https://uralskweek.kz/2022/01/05/miting/\nМитинг в Уральске\n" + LEAD, "https://uralskweek.kz/2022/01/05/miting/",
     "Митинг в Уральске"),
    ("Митинг в Уральске\n" + LEAD + "\n\nИсточник: https://uralskweek.kz/2022/01/05/miting/",
     "https://uralskweek.kz/2022/01/05/miting/", "Митинг в Уральске"),
    ("Оралда митинг\nБүгін әкімдік алдына жүзге жуық адам жиналды.\nДереккөз: https://orda.kz/kk/miting-2022-01-05/",
     "https://orda.kz/kk/miting-2022-01-05/", "Оралда митинг"),
    # the last line counts only with a label: a post's last line is often its channel's or its site's link
    ("Митинг в Уральске\n" + LEAD + "\nhttps://t.me/news_kz", None, "Митинг в Уральске"),
    ("Митинг в Уральске\n" + LEAD + "\nПодписаться: https://t.me/news_kz", None, "Митинг в Уральске"),
    # an address inside the text, or a line that says more than the address, is the text's
    ("Митинг в Уральске\n" + LEAD + " Подробнее на https://x.kz/a.", None, "Митинг в Уральске"),
    ("Митинг в Уральске\nВидео: https://x.kz/a смотрите на сайте\n" + LEAD, None, "Митинг в Уральске"),
    ("Видео митинга https://x.kz/v\n" + LEAD, None, "Видео митинга https://x.kz/v"),  # a headline holding a link
    ("https://uralskweek.kz/2022/01/05/miting/", None, "https://uralskweek.kz/2022/01/05/miting/"),  # an address alone
])
def test_a_line_that_is_only_the_address_is_the_articles_url(text, url, title):
    art = parse.article_from_text(text, url="file:///tmp/a.txt", source="file")
    assert art.url == (url or "file:///tmp/a.txt")
    assert art.title == title
    assert "http" not in art.text or url is None
    assert art.article_id == parse.article_id(url or "file:///tmp/a.txt")


def test_extract_keeps_the_address_and_dates_today_by_it(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Источник: https://uralskweek.kz/2022/01/05/miting/\nМитинг в Уральске\n" + LEAD,
                                    encoding="utf-8")
    (tmp_path / "b.yaml").write_text(
        "url: https://www.example.kz/news/2021/06/19/miting\npublished: null\ntext: |\n  Митинг в Уральске\n  "
        + LEAD + "\n", encoding="utf-8")
    (tmp_path / "c.yaml").write_text(  # its own date wins over its address's
        "url: https://www.example.kz/news/2021/06/19/miting\npublished: 2021-06-20\ntext: |\n  Митинг в Уральске\n  "
        + LEAD + "\n", encoding="utf-8")
    assert main(["extract", str(tmp_path), "--learned", "off"]) == 0
    by_date = sorted((ev["url"], ev["date"]) for ev in map(json.loads, capsys.readouterr().out.splitlines()))
    assert by_date == [("https://uralskweek.kz/2022/01/05/miting/", "2022-01-05"),
                       ("https://www.example.kz/news/2021/06/19/miting", "2021-06-19"),
                       ("https://www.example.kz/news/2021/06/19/miting", "2021-06-20")]


def test_the_scoring_reads_an_article_as_extract_does():
    item = {"url": "https://www.example.kz/news/2021/06/19/miting", "published": None, "text": "Митинг\n" + LEAD}
    assert evaluate_real.article(item)[2] == dt.date(2021, 6, 19)


@pytest.mark.parametrize("value, day", [
    ("5 января 2022", dt.date(2022, 1, 5)), ("5 января 2022 г.", dt.date(2022, 1, 5)),
    ("2022 жылғы 5 қаңтар", dt.date(2022, 1, 5)), ("Jan 5, 2022", dt.date(2022, 1, 5)),
    ("2022/01/05", dt.date(2022, 1, 5)), ("05.01.2022 12:30", dt.date(2022, 1, 5)),
    ("2022-01-05T10:00:00+06:00", dt.date(2022, 1, 5)),
])
def test_a_records_date_in_any_form_a_card_takes(tmp_path, value, day):
    f = tmp_path / "a.yaml"
    f.write_text(f"url: https://example.kz/a\npublished: '{value}'\ntext: |\n  Митинг\n  {LEAD}\n", encoding="utf-8")
    (art,) = parse.read_local(f)
    assert art.published == day


def test_a_records_date_that_is_none_names_the_file_and_field(tmp_path):
    f = tmp_path / "a.yaml"
    f.write_text(f"url: https://example.kz/a\npublished: '45 января 2022'\ntext: |\n  Митинг\n  {LEAD}\n", encoding="utf-8")
    with pytest.raises(parse.ParseError, match=r"a\.yaml: field 'published': '45 января 2022' is not a date"):
        parse.read_local(f)


def test_a_records_fields_under_a_tables_column_names(tmp_path):
    """(session 51) A scraper's export names its fields as a table's columns may: `link`, `headline`, `body`, `date`."""
    f = tmp_path / "export.json"
    f.write_text(json.dumps([
        {"link": "https://example.kz/news/miting", "headline": "Митинг в Уральске", "body": LEAD, "date": "05.01.2022"},
        {"Ссылка": "https://example.kz/news/piket", "Текст": "Пикет в Актобе\n" + LEAD, "date": "", "Дата": "6 января 2022"},
        # an outlet's name under a name an address may have is no address
        {"источник": "Азаттык", "text": "Пикет\n" + LEAD, "дата": "2022-01-08"},
        # its own name wins over another
        {"url": "https://example.kz/own", "link": "https://example.kz/other", "text": "Митинг\n" + LEAD,
         "published": "2022-01-07", "date": "2022-01-01"},
    ], ensure_ascii=False), encoding="utf-8")
    arts = parse.read_local(f)
    assert arts[2].url.startswith(f.resolve().as_uri())  # the file's own address, as any record without one
    assert [(a.url, a.title, a.published) for a in arts] == [
        ("https://example.kz/news/miting", "Митинг в Уральске", dt.date(2022, 1, 5)),
        ("https://example.kz/news/piket", "Пикет в Актобе", dt.date(2022, 1, 6)),
        (arts[2].url, "Пикет", dt.date(2022, 1, 8)),
        ("https://example.kz/own", "Митинг", dt.date(2022, 1, 7))]
    assert all(a.text.startswith("Сегодня у здания акимата") for a in arts)


@pytest.mark.parametrize("text, title", [
    ("# Митинг в Уральске\n\n" + LEAD, "Митинг в Уральске"),
    ("## Митинг в Уральске\n" + LEAD, "Митинг в Уральске"),
    ("#Уральск митинг у акимата\n" + LEAD, "#Уральск митинг у акимата"),  # a hashtag stays
])
def test_a_markdown_headline_is_read_without_its_marks(text, title):
    assert parse.article_from_text(text, url="file:///tmp/a.md", source="file").title == title


def test_a_fetched_page_is_dated_by_its_address_before_the_servers_last_modified():
    page = ("<html><head><title>Митинг в Уральске</title></head><body><article><h1>Митинг в Уральске</h1>"
            f"<p>{LEAD}</p><p>{LEAD}</p></article></body></html>").encode("utf-8")
    resp = {"url": "https://example.kz/news/miting", "final_url": "https://example.kz/2022/01/05/miting", "body": page,
            "headers": {"content-type": "text/html; charset=utf-8", "last-modified": "Wed, 01 Mar 2023 10:00:00 GMT"}}
    assert parse.article_from_response(resp).published == dt.date(2022, 1, 5)
    resp["final_url"] = resp["url"]  # no date in the address: the server's date is the last resort
    assert parse.article_from_response(resp).published == dt.date(2023, 3, 1)


def test_standard_input_with_its_address_is_named_by_it():
    """Two pastes of one article, one with a typo fixed, are one article when both name its address."""
    a = parse.read_stdin(("https://uralskweek.kz/2022/01/05/miting/\nМитинг в Уральске\n" + LEAD).encode("utf-8"))
    b = parse.read_stdin(("https://uralskweek.kz/2022/01/05/miting/\nМитинг в Уральске\n" + LEAD + " ").encode("utf-8"))
    assert a.url == "https://uralskweek.kz/2022/01/05/miting/"
    assert a.article_id == b.article_id == parse.article_id("https://uralskweek.kz/2022/01/05/miting/")
    assert a.published == dt.date(2022, 1, 5)


def test_a_fetched_text_or_pdf_without_a_date_is_dated_by_its_address():
    resp = {"url": "https://example.kz/2022/01/05/miting.txt", "body": ("Митинг в Уральске\n" + LEAD).encode("utf-8"),
            "headers": {"content-type": "text/plain; charset=utf-8", "last-modified": "Wed, 01 Mar 2023 10:00:00 GMT"}}
    assert parse.article_from_response(resp).published == dt.date(2022, 1, 5)


def test_every_article_without_a_date_takes_its_addresss_however_it_was_read():
    """The address's date is the Article's own rule (a saved PDF or Word file naming its URL is dated by it too)."""
    def art(url, published=None):
        return parse.Article(article_id="a", source="file", kind="saved", url=url, title="Митинг", text=LEAD,
                             published=published)
    assert art("https://example.kz/2022/01/05/miting").published == dt.date(2022, 1, 5)
    assert art("https://example.kz/2022/01/05/miting", dt.date(2022, 1, 6)).published == dt.date(2022, 1, 6)
    assert art("file:///home/monitor/2022/01/05/miting.pdf").published is None
    assert art("https://example.kz/miting").published is None
