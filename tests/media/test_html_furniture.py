"""An article page's furniture kept out of the article (issue 16 / issue 7, session 43): a "read also" block inside the
body ("Читайте также: В Жанаозене нефтяники объявили голодовку, 15 человек задержаны"), a list of related stories, and
the page's meta line with its view counter ("Просмотров: 2345"), on pages as short as a news lead — where trafilatura's
recall mode returns the whole article in one line. Before session 43 a kindergarten's opening with such a block read as
a hunger strike in Zhanaozen with 15 detained, and a picket of 30 as one of 2,345."""
from __future__ import annotations

import re

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assets.media import extract, parse, triage

PAGE = """<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title} - Новости</title>
<meta property="article:published_time" content="2024-05-14T12:30:00+05:00"></head><body>
<header><nav><a href="/">Главная</a> <a href="/society">Общество</a></nav></header>
<main><article><h1>{title}</h1><div class="meta">14 мая 2024, 12:30 · Просмотров: 2345</div>
{body}
</article>
<aside class="sidebar"><h3>Популярное</h3><ul><li><a href="/n/3">В Астане прошел митинг против тарифов: более 500 человек</a></li>
<li><a href="/n/4">Забастовка шахтеров в Караганде продолжается шестой день</a></li></ul></aside>
</main><footer>© 2024 Новости</footer></body></html>"""

NOT_EVENTS = {
    "a div of its own": ("ru", "В Уральске открыли новый детский сад",
                         "<p>В микрорайоне Строитель открылся детский сад на 320 мест. На открытии присутствовал аким города.</p>"
                         '<div class="read-also"><b>Читайте также:</b> <a href="/n/2">В Жанаозене нефтяники объявили '
                         "голодовку, 15 человек задержаны</a></div>"
                         "<p>Строительство обошлось бюджету в 2 миллиарда тенге. Родители подали более 500 заявлений.</p>"),
    "a list of related stories": ("ru", "В Павлодаре выпал первый снег",
                                  "<p>В Павлодаре выпал первый снег. Синоптики обещают похолодание до минус 10 градусов.</p>"
                                  '<div class="related-news"><h4>По теме</h4><ul><li><a href="/n/9">В Павлодаре 200 человек '
                                  'вышли на пикет против вырубки деревьев</a></li><li><a href="/n/10">Полиция задержала 12 '
                                  "участников акции протеста</a></li></ul></div>"),
    "a cue heading, then its links": ("ru", "В Костанае открыли каток",
                                      "<p>В центральном парке Костаная открыли каток. Вход бесплатный.</p>"
                                      "<h3>Похожие новости</h3><ul><li><a href='/n/12'>Жители Костаная вышли на митинг "
                                      "против закрытия больницы</a></li></ul>"
                                      "<p>Каток будет работать до марта.</p>"),
    "a heading, then links in several blocks": ("ru", "В Актау прошла ярмарка",
                                                "<p>В Актау прошла сельскохозяйственная ярмарка.</p><h2>Другие новости</h2>"
                                                "<div><a href='/1'>Нефтяники Жанаозена объявили забастовку: 300 человек</a>"
                                                "</div><div><a href='/2'>В Актау задержали 7 активистов на митинге</a></div>"),
    "Kazakh": ("kk", "Шымкентте жаңа мектеп ашылды",
               "<p>Шымкент қаласында 1200 орындық жаңа мектеп ашылды. Салтанатты шараға қала әкімі қатысты.</p>"
               "<div><span>Тағы оқыңыз:</span> <a href='/n/8'>Жаңаөзенде мұнайшылар ереуілге шықты, 20 адам ұсталды</a></div>"
               "<p>Мектеп құрылысына 3 миллиард теңге жұмсалды.</p>"),
}

EVENTS = {  # (page, city, participants, detained)
    "a read-also line": (("ru", "В Уральске жители вышли на пикет против вырубки сквера",
                          "<p>Около 30 жителей микрорайона Строитель вышли на пикет в сквере на улице Жангир хана, чтобы не "
                          "дать рабочим спилить деревья.</p><p><strong>Читайте также:</strong> <a href='/n/2'>В Алматы "
                          "задержали 40 участников несанкционированного митинга</a></p>"
                          "<p>Полиция за порядком следила, задержаний не было.</p>"), "uralsk", 30, 0),
    "paragraphs in divs": (("ru", "В Атырау водители автобусов объявили забастовку",
                            "<div class='text'>Утром 27 декабря в Атырау около 100 водителей автобусов отказались выходить "
                            "на рейсы.</div><div class='text'>Водители протестуют против повышения взносов перевозчику.</div>"),
                           "atyrau", 100, None),
    "Kazakh": (("kk", "Ақтөбеде тұрғындар әкімдік алдына жиналды",
                "<p>Ақтөбеде 50-ге жуық тұрғын облыс әкімдігінің алдына жиналып, газ бағасын төмендетуді талап етті.</p>"
                "<p>Тағы оқыңыз: <a href='/n/11'>Алматыда 30 белсенді ұсталды</a></p>"
                "<p>Әкімдік өкілдері тұрғындармен кездесті.</p>"), "aktobe", 50, None),
    # links to other stories in bare blocks, no cue, no class: trafilatura's recall mode keeps them, its precision mode
    # does not, and they are no paragraph of the article's own (mostly links)
    "bare blocks of links": (("ru", "В Таразе дольщики вышли на пикет",
                              "<p>В Таразе 25 дольщиков вышли на пикет у акимата.</p>"
                              "<div><a href='/1'>В Таразе полиция задержала 7 активистов, пришедших к акимату с "
                              "плакатами</a></div><div><a href='/2'>Дольщики Тараза объявили голодовку: 12 человек "
                              "отказываются от еды</a></div>"), "taraz", 25, None),
    # trafilatura's precision mode drops a block whose class it reads as furniture ("widget") — here the lead itself;
    # its recall mode keeps it (the page's meta line then comes with it, on a line of its own)
    "a lead in a block the precise reading drops": (("ru", "В Караганде шахтеры провели митинг",
                                                     "<div class='widget'>Вчера в Караганде около 200 шахтеров провели "
                                                     "митинг у здания акимата, требуя повысить зарплату.</div>"
                                                     "<p>Задержаний не было, сообщили в полиции.</p>"), "karaganda", 200, 0),
    # the same, with links to other stories after it: read in recall mode, the page keeps none of them
    "a lead in a block the precise reading drops, and links after it": (
        ("ru", "В Караганде шахтеры провели митинг",
         "<div class='widget'>Вчера в Караганде около 200 шахтеров провели митинг у здания акимата, требуя повысить "
         "зарплату.</div><p>Читайте также: <a href='/r'>В Темиртау задержали 9 металлургов у проходной комбината</a></p>"
         "<h3>Другие новости</h3><div><a href='/1'>В Шахтинске полиция задержала 14 горняков</a></div>"
         "<div><a href='/2'>В Сатпаеве задержали 30 участников забастовки</a></div>"
         "<p>Задержаний не было, сообщили в полиции.</p>"), "karaganda", 200, 0),
    # a long text in the page's aside (about the site) is no paragraph of the article the precise reading lost
    "a long aside": (("ru", "В Кызылорде пенсионеры пикетировали акимат",
                      "<p>В Кызылорде около 15 пенсионеров пикетировали здание акимата, требуя снизить тарифы.</p>"
                      "<p>Аким вышел к пенсионерам.</p>"), "kyzylorda", 15, None),
}
ASIDE = ("<aside><p>Наше издание освещает события региона с 2005 года, пишите нам о нарушениях прав жителей и о "
         "митингах в вашем городе.</p></aside>")


def _read(page: tuple[str, str, str]):
    lang, title, body = page
    html = PAGE.format(lang=lang, title=title, body=body)
    if "Кызылорд" in title:
        html = html.replace("</main>", ASIDE + "</main>")
    t, text, published = parse.extract_html(html, "https://news.kz/a/1")
    tri = triage.with_site(triage.classify(t, text, published), "https://news.kz/a/1", t, text)
    return t, text, tri, extract.extract(t, text, published=published, url="https://news.kz/a/1", triage_result=tri)


@pytest.mark.parametrize("name", NOT_EVENTS)
def test_a_read_also_block_does_not_make_an_article_an_assembly(name):
    title, text, tri, events = _read(NOT_EVENTS[name])
    assert title == NOT_EVENTS[name][1]
    assert not tri.is_assembly and events == [], (name, text)
    assert "задерж" not in text and "ұстал" not in text and "митинг" not in text


@pytest.mark.parametrize("name", EVENTS)
def test_the_articles_own_figures_not_the_read_also_nor_the_view_counter(name):
    page, city, participants, detained = EVENTS[name]
    title, text, tri, events = _read(page)
    assert tri.is_assembly and len(events) == 1, (name, text)
    ev = events[0]
    assert (ev.city, ev.participants, ev.detained or None) == (city, participants, detained or None), (name, text)
    if "widget" not in page[2]:
        assert "2345" not in text  # the view counter is the page's, not the article's
    assert "задерж" not in re.sub(r"(?i)задержаний не было", "", text)  # no linked story's detentions
    assert len(text.splitlines()) >= 2 or "bare" in name  # the paragraphs one a line, not the whole page in one


def test_drop_read_also_keeps_the_article_and_its_background():
    doc = lxml.html.fromstring(
        "<html><body><div class='related-article'><h1>Шахтеры провели митинг</h1>"
        "<p>Вчера около 200 шахтеров провели митинг.</p>"
        "<p>Ранее мы писали, что шахтеры требовали повышения зарплаты еще в марте.</p>"
        "<p>Читайте также, что сказал аким: он пообещал встретиться с <a href='/x'>шахтерами</a> в пятницу, в 10 утра.</p>"
        "<div class='tags'><a href='/t/1'>митинг</a> <a href='/t/2'>шахтеры</a></div>"
        "<p>Читайте также: <a href='/y'>Забастовка в Жезказгане</a></p></div></body></html>")
    assert parse.drop_read_also(doc) == 2
    text = doc.text_content()
    # the h1's container (its class says "related") stays; background told in words stays; a cue followed by the
    # article's own words (links a small part of it) stays; the tags and the read-also line go
    assert "Шахтеры провели митинг" in text and "Ранее мы писали" in text and "пообещал встретиться" in text
    assert "Жезказган" not in text and "/t/1" not in lxml.html.tostring(doc, encoding="unicode")


def test_the_headlines_block_is_never_dropped_even_when_it_is_mostly_a_link():
    """A headline that links to its own page, in a block whose class names sharing ("share-wrap"): the block is mostly
    link text, but it holds the <h1>, so it stays."""
    doc = lxml.html.fromstring("<html><body><div class='share-wrap'><h1><a href='/self'>Шахтеры Караганды провели "
                               "митинг у акимата</a></h1><p>Около 200.</p></div></body></html>")
    assert parse.drop_read_also(doc) == 0 and "Около 200" in doc.text_content()


def test_a_cue_inside_a_dropped_block_is_not_counted_twice():
    doc = lxml.html.fromstring("<html><body><h1>Заголовок</h1><p>Текст статьи без ссылок, о погоде.</p>"
                               "<p><strong>Читайте также:</strong> <a href='/a'>Митинг в Алматы</a></p>"
                               "<h3>По теме</h3><ul><li><a href='/b'>Пикет в Астане</a></li></ul></body></html>")
    assert parse.drop_read_also(doc) == 3  # the read-also paragraph; the heading and its list
    text = doc.text_content()
    assert "Текст статьи без ссылок, о погоде." in text and not any(w in text for w in ("Митинг", "Пикет", "По теме"))


WORDS = st.sampled_from(["Читайте", "также:", "По", "теме", "Тағы", "оқыңыз:", "митинг", "в", "Алматы", "прошел",
                         "100", "человек", "related", "Ранее", "сообщалось", ".", "—"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(WORDS, min_size=1, max_size=12).map(" ".join), min_size=1, max_size=6),
       st.sampled_from(["p", "div", "li", "span"]), st.sampled_from(["", "related", "read-also", "tags", "share"]))
def test_a_page_without_links_loses_no_word_of_substance(paras, tag, cls):
    """Only links, or a cue with nothing after it, are ever dropped: a page without a link keeps every paragraph that
    says more than a cue."""
    html = "<html><body><h1>Заголовок</h1>" + "".join(f"<{tag} class='{cls}'>{p}</{tag}>" for p in paras) + "</body></html>"
    doc = lxml.html.fromstring(html)
    parse.drop_read_also(doc)
    kept = doc.text_content()
    for p in paras:
        m = parse.READ_ALSO_RE.match(" ".join(p.split()))
        if not m or p[m.end():].strip():
            assert " ".join(p.split()) in " ".join(kept.split()), (p, kept)


@pytest.mark.parametrize("raw, title", [
    ("Жители вышли к акимату - Новости Уральска | Мой ГОРОД", "Жители вышли к акимату"),
    ("В Актобе прошел митинг | Tengrinews.kz", "В Актобе прошел митинг"),
    ("Митинг в Алматы — Радио Азаттык", "Митинг в Алматы"),
    ("Жаңаөзенде ереуіл – Жаңалықтар", "Жаңаөзенде ереуіл"),
    # a dash inside the headline, not a site after it
    ("Актау - Жанаозен: дорогу перекрыли", "Актау - Жанаозен: дорогу перекрыли"),
    # a long segment is the headline's, even with "новости" in it; one word would be left: kept whole
    ("Аким Актобе - новости: жители вышли на митинг у здания акимата города в среду утром",
     "Аким Актобе - новости: жители вышли на митинг у здания акимата города в среду утром"),
    ("Ереуіл - Жаңалықтар", "Ереуіл - Жаңалықтар"),
])
def test_a_pages_title_loses_the_sites_name(raw, title):
    assert parse.page_title(raw) == title


def test_a_page_without_h1_is_not_placed_in_the_city_of_the_sites_name():
    """(session 43) «… - Новости Уральска | Мой ГОРОД» after the headline of a page with no <h1>: the outlet's city was
    read as the event's."""
    body = ("<div class='content'><p>Около 20 дольщиков вышли на пикет у здания акимата, требуя достроить дом.</p>"
            "<p>Аким пообещал встретиться с ними.</p></div>")
    html = f"<html><head><title>Дольщики вышли к акимату - Новости Уральска | Мой ГОРОД</title></head><body>{body}</body></html>"
    title, text, _ = parse.extract_html(html, "https://example.kz/a/2")
    assert title == "Дольщики вышли к акимату"
    tri = triage.classify(title, text, None)
    (ev,) = extract.extract(title, text, url="https://example.kz/a/2", triage_result=tri)
    assert ev.city is None and ev.participants == 20
    # the page's og:title, where it has one, is its headline
    with_og = html.replace("</title>", "</title><meta property='og:title' content='В Актобе дольщики вышли на пикет'>")
    assert parse.extract_html(with_og, "https://example.kz/a/2")[0] == "В Актобе дольщики вышли на пикет"


def test_lost_paragraph_looks_lines_up_then_searches_a_bounded_number_of_times():
    para = "Около 200 шахтеров провели митинг у здания акимата Караганды, требуя повысить зарплату."
    other = "Аким вышел к шахтерам и пообещал рассмотреть их требования на ближайшем заседании."
    doc = lxml.html.fromstring(f"<html><body><h1>Митинг</h1><p>{para}</p><p>{other}</p>"
                               "<p>Короткая строка.</p><p><a href='/x'>Ссылка на другую историю о митинге у акимата</a></p>"
                               "</body></html>")
    assert not parse._lost_paragraph(doc, f"{para}\n{other}")  # both as lines; the short line and the link don't count
    assert not parse._lost_paragraph(doc, f"Митинг. {para} {other}")  # both inside one line: found by searching
    assert parse._lost_paragraph(doc, para)  # the second paragraph is lost
    assert not parse._lost_paragraph(doc, para, searches=0)  # no search left: not taken as lost


def test_an_article_record_whose_text_is_markup_is_read_as_a_pages_text(tmp_path):
    """(session 43) A CMS's or a scraper's export holds the body as markup: its tags were read as words, and its "read
    also" link's 40 detained as the article's (a picket of 30 read with no head count and 30 "detained")."""
    import json

    rows = [{"url": "https://x.kz/1", "published": "2024-05-14", "title": "<b>В Уральске</b> жители вышли на пикет",
             "text": "<p>Около 30 жителей микрорайона Строитель вышли на пикет у акимата Уральска.</p>"
                     "<p>Читайте также: <a href='/2'>В Алматы задержали 40 участников митинга</a></p>"
                     "<p>Полиция за порядком следила,<br>задержаний не было.</p>"},
            {"url": "https://x.kz/2", "published": "2024-05-14",
             "text": "Митинг &laquo;Нур Отан&raquo; отменен\nПри температуре <10 градусов акция &mdash; под вопросом."}]
    f = tmp_path / "export.jsonl"
    f.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    first, second = parse.read_local(f)
    assert first.title == "В Уральске жители вышли на пикет"
    assert first.text.splitlines() == ["Около 30 жителей микрорайона Строитель вышли на пикет у акимата Уральска.",
                                       "Полиция за порядком следила,", "задержаний не было."]
    tri = triage.classify(first.title, first.text, first.published)
    (ev,) = extract.extract(first.title, first.text, published=first.published, url=first.url, triage_result=tri)
    assert (ev.city, ev.participants, ev.detained or None) == ("uralsk", 30, None)
    # entities read as their letters; a "<" that opens no tag is text
    assert second.title == "Митинг «Нур Отан» отменен"
    assert second.text == "При температуре <10 градусов акция — под вопросом."


def test_a_text_without_markup_or_entities_is_left_as_it_is():
    for text in ("Около 30 жителей вышли на пикет.", "Температура <10, давление > 750", "A & B; C&D", "x<p"):
        assert parse.markup_to_text(text) == text


def test_a_feed_items_summary_keeps_its_paragraphs_and_drops_its_read_also_link():
    """(session 43) A feed's summary is the article's text where its page gives none: its markup read as a page's."""
    rss = ("<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>Лента</title><item>"
           "<title>Пикет в Уральске</title><link>https://news.example/a/1</link><description>"
           "&lt;p&gt;Около 15 жителей вышли на пикет у акимата.&lt;/p&gt;&lt;p&gt;Читайте также: &lt;a href='/2'&gt;"
           "В Алматы задержали 40 участников митинга&lt;/a&gt;&lt;/p&gt;&lt;p&gt;Аким вышел к ним.&lt;/p&gt;"
           "</description></item></channel></rss>")
    (item,) = parse.parse_feed(rss.encode(), "https://news.example/rss")
    assert item.summary == "Около 15 жителей вышли на пикет у акимата.\nАким вышел к ним."


# -- (session 44) trafilatura's metadata read once, and only where the page's own lack it -----------------------------
def _counting(monkeypatch) -> list:
    calls = []
    real = parse.page_metadata

    def counted(page, url):
        calls.append(url)
        return real(page, url)

    monkeypatch.setattr(parse, "page_metadata", counted)
    return calls


def test_a_page_with_its_own_date_and_headline_asks_trafilatura_for_no_metadata(monkeypatch):
    calls = _counting(monkeypatch)
    title, body, published = parse.extract_html(
        PAGE.format(lang="ru", title="Жители Уральска вышли к акимату",
                    body="<p>Около 30 жителей Уральска собрались утром у здания акимата, требуя отремонтировать дорогу "
                         "в микрорайоне Деркул.</p>"), "https://site.kz/n/1")
    assert calls == [] and published.isoformat() == "2024-05-14" and title == "Жители Уральска вышли к акимату"
    assert "Около 30 жителей" in body


def test_a_page_without_a_meta_date_takes_the_date_trafilatura_finds_once(monkeypatch):
    calls = _counting(monkeypatch)
    page = ("<html><head><title>Пикет у акимата</title></head><body><article><h1>Пикет у акимата</h1>"
            "<p class='date'>Опубликовано: 2019-05-07</p>"
            "<p>Около 20 жителей Актобе вышли на пикет у здания акимата области, требуя провести газ в поселок. "
            "Аким вышел к ним через час и пообещал разобраться.</p>"
            "<p>Жители говорят, что ждут газ уже пятый год, а обещания звучат каждую весну.</p></article></body></html>")
    title, body, published = parse.extract_html(page, "https://site.kz/n/2")
    assert len(calls) == 1 and title == "Пикет у акимата" and "Около 20 жителей" in body
    assert published is not None and published.isoformat() == "2019-05-07"


def test_metadata_that_fails_leaves_the_text_and_no_date(monkeypatch):
    import trafilatura.metadata

    def broken(*_a, **_k):
        raise RuntimeError("hostile page")

    monkeypatch.setattr(trafilatura.metadata, "extract_metadata", broken)
    page = ("<html><body><article><p>Около 20 жителей Актобе вышли на пикет у здания акимата области, требуя провести газ "
            "в поселок.</p><p>Аким вышел к ним через час и пообещал разобраться с этим до конца года.</p></article></body></html>")
    title, body, published = parse.extract_html(page, "https://site.kz/n/3")
    assert "Около 20 жителей" in body and published is None and title == ""
