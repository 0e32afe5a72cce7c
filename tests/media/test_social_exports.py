"""VK and Facebook post exports (assets/media/social_exports.py), read by `monitor extract` and a folder source as a
Telegram export is. Every export here is written by hand in the shape its service writes (VK API's wall.get /
wall.getById / newsfeed.search answers; Facebook's "Download your information" JSON), its posts self-written, and
every expected value is read off what was written: a day by the clock in Almaty, worked out by hand beside it."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assets.media import dedup, parse, pipeline, social_exports
from assets.media.cli import main

SOCIAL = Path(__file__).parent / "social"
UTC = dt.timezone.utc
ALMATY_BEFORE_2024 = dt.timezone(dt.timedelta(hours=6))  # Almaty's clock until 1 March 2024
ALMATY_SINCE_2024 = dt.timezone(dt.timedelta(hours=5))


def unix(*args, tz=UTC) -> int:
    return int(dt.datetime(*args, tzinfo=tz).timestamp())


RALLY = ("Сегодня около 200 жителей Уральска собрались у здания городского акимата, требуя решить проблему с "
         "питьевой водой.")
RALLY_KK = "Бүгін Ақтөбеде 40-қа жуық тұрғын облыс әкімдігі алдына жиналып, жылу тарифінің өсуіне қарсылық білдірді."
FAIR = "В субботу в Уральске откроется ярмарка выходного дня: фермеры привезут мясо, овощи и мёд."
PICKET = "Сегодня у здания акимата Алматы около 15 человек провели пикет против повышения тарифов."


def vk_post(pid, date, text="", owner=-200000001, **more) -> dict:
    return {"id": pid, "owner_id": owner, "from_id": owner, "date": date, "post_type": "post", "text": text, **more}


def write(path: Path, data, ensure_ascii=False) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=ensure_ascii), encoding="utf-8")
    return path


def moj(s: str) -> str:
    """Facebook's way of writing s: each UTF-8 byte as its own code point."""
    return s.encode("utf-8").decode("latin-1")


# -- VK ---------------------------------------------------------------------------------------------------------------
def test_a_wall_get_answer_gives_each_post_its_wall_address_and_its_day_in_almaty(tmp_path):
    f = write(tmp_path / "wall.json", {"response": {"count": 15000, "items": [  # a huge count: 2 posts in the file
        vk_post(1201, unix(2022, 3, 12, 20, 30), RALLY),     # 20:30 UTC = 02:30 on 13 March in Almaty (UTC+6)
        vk_post(1202, unix(2024, 6, 1, 18, 30), FAIR, owner=555)]}})  # 18:30 UTC = 23:30 on 1 June (UTC+5 since 2024)
    arts, problems = parse.read_local_all(f)
    assert problems == []
    assert [(a.kind, a.url, a.published) for a in arts] == [
        ("vk", "https://vk.com/wall-200000001_1201", dt.date(2022, 3, 13)),
        ("vk", "https://vk.com/wall555_1202", dt.date(2024, 6, 1))]
    assert (arts[0].title, arts[0].text, arts[0].lang) == (RALLY, RALLY, "ru")  # a Telegram message's title: line 1


def test_the_three_shapes_of_a_vk_answer_read_alike_and_a_kazakh_post_is_kazakh(tmp_path):
    posts = [vk_post(7, unix(2022, 3, 13, 11, 0, tz=ALMATY_BEFORE_2024), "Ақтөбеде тұрғындар жиналды\n" + RALLY_KK)]
    read = [parse.read_local(write(tmp_path / f"{n}.json", shape))
            for n, shape in enumerate(({"response": {"count": 1, "items": posts}}, {"response": posts},
                                       {"items": posts}))]
    assert all([(a.url, a.title, a.text, a.published, a.lang) for a in r] == [
        ("https://vk.com/wall-200000001_7", "Ақтөбеде тұрғындар жиналды", "Ақтөбеде тұрғындар жиналды\n" + RALLY_KK,
         dt.date(2022, 3, 13), "kk")] for r in read)


def test_a_repost_reads_the_reposted_words_alone_or_after_the_posts_own(tmp_path):
    original = vk_post(77, unix(2022, 3, 12, 9, 0, tz=ALMATY_BEFORE_2024),
                       "Бүгін [club200000002|Ақтөбе тұрғындары] әкімдік алдына жиналды.", owner=-200000002)
    f = write(tmp_path / "wall.json", {"response": {"count": 2, "items": [
        vk_post(1, unix(2022, 3, 14, 9, 0, tz=ALMATY_BEFORE_2024), "", copy_history=[original]),
        vk_post(2, unix(2022, 3, 14, 10, 0, tz=ALMATY_BEFORE_2024), "Смотрите, что было в Актобе:",
                copy_history=[original])]}})
    pure, commented = parse.read_local(f)
    # the mention's markup reads as its words; a pure repost takes the reposted post's day (its "бүгін" is that day)
    assert (pure.text, pure.published) == ("Бүгін Ақтөбе тұрғындары әкімдік алдына жиналды.", dt.date(2022, 3, 12))
    assert (commented.text, commented.published) == (
        "Смотрите, что было в Актобе:\n\nБүгін Ақтөбе тұрғындары әкімдік алдына жиналды.", dt.date(2022, 3, 14))
    assert (pure.url, commented.url) == ("https://vk.com/wall-200000001_1", "https://vk.com/wall-200000001_2")


def test_a_link_attachment_is_appended_to_the_words_and_a_link_or_photo_alone_is_named(tmp_path):
    link = {"type": "link", "link": {"url": "https://example.kz/news/fair", "title": "Ярмарка в Уральске",
                                     "description": "Фермеры привезут продукцию."}}
    f = write(tmp_path / "wall.json", {"response": {"count": 3, "items": [
        vk_post(1, unix(2022, 3, 15, 6, 0), FAIR, attachments=[link]),
        vk_post(2, unix(2022, 3, 15, 7, 0), "", attachments=[link]),
        vk_post(3, unix(2022, 3, 15, 8, 0), "", attachments=[{"type": "photo", "photo": {"id": 5}}])]}})
    arts, problems = parse.read_local_all(f)
    assert [a.text for a in arts] == [
        FAIR + "\n\nЯрмарка в Уральске\nФермеры привезут продукцию.\nhttps://example.kz/news/fair"]
    assert problems == [f"skipped: {f}: post 2 (wall-200000001_2): no text (only link)",
                        f"skipped: {f}: post 3 (wall-200000001_3): no text (only photo)"]


def test_a_malformed_post_is_named_by_file_post_and_field_and_the_others_are_read(tmp_path):
    f = write(tmp_path / "wall.json", {"response": {"count": 6, "items": [
        vk_post(1, "1647086400", RALLY),                  # a date as a string
        vk_post(2, unix(2022, 3, 12, 6, 0), 12345),       # a text that is a number
        vk_post(3, unix(2022, 3, 12, 6, 0) * 1000, RALLY),  # milliseconds
        {"owner_id": -1, "date": unix(2022, 3, 12, 6, 0), "text": RALLY},  # no id
        "a line that is no post",
        vk_post(6, unix(2022, 3, 12, 6, 0), RALLY)]}})
    arts, problems = parse.read_local_all(f)
    assert [a.url for a in arts] == ["https://vk.com/wall-200000001_6"]
    assert problems == [
        f"skipped: {f}: post 1 (wall-200000001_1): field 'date': '1647086400' is not a unix time (a number of seconds)",
        f"skipped: {f}: post 2 (wall-200000001_2): field 'text': int '12345' is not a text",
        f"skipped: {f}: post 3 (wall-200000001_3): field 'date': 1647064800000 is not a unix time in seconds between "
        "2000 and 2100 (it reads as milliseconds)",
        f"skipped: {f}: post 4: field 'id' is missing or not a whole number (None)",
        f"skipped: {f}: post 5: not a post (a mapping with 'id', 'owner_id', 'date', 'text'): found str"]


def test_a_vk_file_holding_no_post_with_words_is_refused_naming_the_file(tmp_path, capsys):
    empty = write(tmp_path / "empty.json", {"response": {"count": 120, "items": []}})
    photos = write(tmp_path / "photos.json", {"items": [
        vk_post(1, unix(2022, 3, 12, 6, 0), "", attachments=[{"type": "photo", "photo": {}}]),
        vk_post(2, unix(2022, 3, 12, 7, 0), "", is_deleted=True)]})
    error = write(tmp_path / "error.json", {"error": {"error_code": 15, "error_msg": "Access denied: wall is disabled"}})
    with pytest.raises(parse.ParseError, match=r"empty\.json: a VK export .* with no post to read: it holds no post$"):
        parse.read_local_all(empty)
    with pytest.raises(parse.ParseError, match=r"photos\.json: a VK export .*: none of its 2 posts is read \(post 1 "
                                               r"\(wall-200000001_1\): no text \(only photo\); post 2 .*deleted post\)"):
        parse.read_local_all(photos)
    with pytest.raises(parse.ParseError, match=r"error\.json: a VK API error, not posts \(error 15: Access denied"):
        parse.read_local_all(error)
    assert main(["extract", str(empty), "--learned", "off"]) == 1
    assert "empty.json: a VK export" in capsys.readouterr().err


def test_a_truncated_export_is_named_as_not_json(tmp_path):
    whole = json.dumps({"response": {"count": 1, "items": [vk_post(1, unix(2022, 3, 12, 6, 0), RALLY)]}},
                       ensure_ascii=False)
    (tmp_path / "cut.json").write_text(whole[: len(whole) // 2], encoding="utf-8")
    with pytest.raises(parse.ParseError, match=r"cut\.json: not JSON \(line 1, column \d+"):
        parse.read_local_all(tmp_path / "cut.json")


# -- Facebook --------------------------------------------------------------------------------------------------------
def fb_post(ts, *texts, title="Пример страницы обновил статус.", links=()) -> dict:
    post = {"timestamp": ts, "data": [*({"post": moj(t)} for t in texts), {"update_timestamp": ts}],
            "title": moj(title)}
    if links:
        post["attachments"] = [{"data": [{"external_context": {"name": moj(n), "url": u}} for n, u in links]}]
    return post


def test_your_posts_mojibake_is_repaired_and_each_post_gets_a_stable_address(tmp_path):
    t = unix(2022, 3, 12, 16, 30, tz=ALMATY_BEFORE_2024)
    f = write(tmp_path / "your_posts_1.json", [
        fb_post(t, PICKET, links=[("Пикет в Алматы", "https://example.kz/news/picket")]),
        fb_post(t, RALLY_KK),  # a second post in the same second
        {"timestamp": t + 60, "attachments": [{"data": [{"media": {"uri": "photos/1.jpg"}}]}], "data": [],
         "title": moj("Пример страницы добавил фото.")},
        {"timestamp": t + 120, "attachments": [], "data": [{"update_timestamp": t + 120}]}], ensure_ascii=True)
    assert "\\u00d0" in f.read_text(encoding="utf-8")  # written as Facebook writes it
    arts, problems = parse.read_local_all(f)
    assert [(a.kind, a.url, a.published, a.lang) for a in arts] == [
        ("facebook", f"facebook://your_posts_1.json/{t}", dt.date(2022, 3, 12), "ru"),
        ("facebook", f"facebook://your_posts_1.json/{t}-2", dt.date(2022, 3, 12), "kk")]
    assert arts[0].text == PICKET + "\n\nПикет в Алматы\nhttps://example.kz/news/picket" and arts[0].title == PICKET
    assert arts[1].text == RALLY_KK
    assert not any("Пример страницы" in a.title + a.text for a in arts)  # Facebook's title names the account holder
    assert problems == [f"skipped: {f}: post 3: no text (only media)", f"skipped: {f}: post 4: no text (an empty post)"]


def test_a_file_partly_mojibake_reads_whole_and_a_malformed_post_is_named(tmp_path):
    t = unix(2022, 3, 13, 9, 0, tz=ALMATY_BEFORE_2024)
    f = write(tmp_path / "posts.json", [
        fb_post(t, PICKET),                                                   # mojibake
        {"timestamp": t + 1, "data": [{"post": RALLY_KK}]},                     # already right (a tool repaired it)
        {"timestamp": t + 2, "data": [{"post": "Café au lait, déjà vu"}]},     # Latin-1 letters that are no mojibake
        {"timestamp": str(t + 3), "data": [{"post": moj(PICKET)}]},            # a timestamp as a string
        {"timestamp": t + 4, "data": [{"post": ["a", "list"]}]}])              # a post that is no text
    arts, problems = parse.read_local_all(f)
    assert [a.text for a in arts] == [PICKET, RALLY_KK, "Café au lait, déjà vu"]
    assert problems == [
        f"skipped: {f}: post 4: field 'timestamp': '{t + 3}' is not a unix time (a number of seconds)",
        f"skipped: {f}: post 5: field 'data.0.post': list \"['a', 'list']\" is not a text"]


def test_mojibake_whose_last_byte_python_takes_for_a_space_is_repaired_before_it_is_stripped(tmp_path):
    """"х" is written d1 85 and "Р" d0 a0: as Facebook writes them their last code points are U+0085 and U+00A0, which
    str.strip() takes for spaces; stripped first, the post stayed mojibake whole."""
    t = unix(2022, 3, 12, 10, 0)
    texts = ["Полиция задержала их", "Пикет провели граждане ҚР", "\u00a0Митинг у акимата\u00a0"]
    arts = parse.read_local(write(tmp_path / "p.json", [fb_post(t + i, x) for i, x in enumerate(texts)],
                                  ensure_ascii=True))
    assert [a.text for a in arts] == ["Полиция задержала их", "Пикет провели граждане ҚР", "Митинг у акимата"]


def test_group_posts_and_an_old_exports_activity_log_are_read(tmp_path):
    t = unix(2022, 3, 12, 10, 0, tz=ALMATY_BEFORE_2024)
    groups = write(tmp_path / "your_posts_in_groups.json", {"group_posts_v2": [
        fb_post(t, PICKET, title="Пример страницы опубликовал запись в группе «Жители Алматы».")]})
    old = write(tmp_path / "wall.json", {"wall_posts_sent_to_you": {"activity_log_data": [fb_post(t, RALLY_KK)]}})
    (g,) = parse.read_local(groups)
    (o,) = parse.read_local(old)
    assert (g.url, g.text, g.published) == (f"facebook://your_posts_in_groups.json/{t}", PICKET, dt.date(2022, 3, 12))
    assert (o.url, o.text) == (f"facebook://wall.json/{t}", RALLY_KK)
    empty = write(tmp_path / "none.json", {"group_posts_v2": []})
    with pytest.raises(parse.ParseError, match=r"none\.json: a Facebook export with no post to read: it holds no post"):
        parse.read_local_all(empty)


# -- the formats before these are read as before -------------------------------------------------------------------
def test_telegram_exports_and_article_records_are_not_taken_for_vk_or_facebook(tmp_path):
    t = unix(2022, 3, 12, 10, 0)
    records = [{"url": "https://example.kz/1", "text": "Митинг в Уральске\n" + RALLY, "timestamp": t, "data": []},
               {"url": "https://example.kz/2", "text": "Ярмарка\n" + FAIR}]
    tg = {"name": "chan", "id": 7, "messages": [{"id": 1, "type": "message", "date": "2022-03-12T10:00:00",
                                                  "text": RALLY}], "items": []}
    one = {"url": "https://example.kz/3", "text": "Пикет\n" + PICKET, "response": {"items": []}}
    for data in (records, tg, one):
        assert social_exports.export_kind(data) is None
    arts = parse.read_local(write(tmp_path / "records.json", records))
    assert [(a.kind, a.url, a.title) for a in arts] == [("file", "https://example.kz/1", "Митинг в Уральске"),
                                                        ("file", "https://example.kz/2", "Ярмарка")]
    (a,) = parse.read_local(write(tmp_path / "tg.json", tg))
    assert (a.kind, a.url) == ("telegram", "tg://7/1")
    (a,) = parse.read_local(write(tmp_path / "one.json", one))
    assert (a.kind, a.url, a.title) == ("file", "https://example.kz/3", "Пикет")


# -- mojibake, any text ---------------------------------------------------------------------------------------------
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=80)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_mojibake_repair_inverts_facebooks_writing_of_any_text(s):
    assert social_exports.repair_mojibake(s.encode("utf-8").decode("latin-1")) == s


@settings(max_examples=300, deadline=None)
@given(TEXT, st.characters(min_codepoint=0x100, blacklist_categories=("Cs",)), st.integers(0, 80))
def test_mojibake_repair_leaves_text_with_a_letter_beyond_latin1_as_it_is(s, letter, at):
    s = s[:at] + letter + s[at:]  # Cyrillic, Kazakh, an emoji: text no Facebook mojibake can hold
    assert social_exports.repair_mojibake(s) == s


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=60)
                .filter(str.strip), min_size=1, max_size=5))
def test_any_posts_written_as_facebook_writes_them_read_back_as_written(texts):
    data = [{"timestamp": 1_647_000_000 + i, "data": [{"post": moj(t)}]} for i, t in enumerate(texts)]
    posts, problems = social_exports.read_export(json.loads(json.dumps(data)), "your_posts_1.json")
    assert problems == [] and [p.text for p in posts] == [t.strip() for t in texts]


# -- end to end -----------------------------------------------------------------------------------------------------
def test_monitor_extract_on_a_vk_export_gives_the_rally_with_its_vk_address_and_day(tmp_path, capsys):
    f = write(tmp_path / "wall.json", {"response": {"count": 2, "items": [
        vk_post(1201, unix(2022, 3, 12, 18, 40, tz=ALMATY_BEFORE_2024), "Жители Уральска пришли к акимату\n" + RALLY),
        vk_post(1202, unix(2022, 3, 12, 19, 0, tz=ALMATY_BEFORE_2024), "", attachments=[{"type": "photo"}])]}})
    rc = main(["extract", str(f), "--all", "--learned", "off"])
    out, err = capsys.readouterr()
    (line,) = [json.loads(x) for x in out.splitlines() if x.strip()]
    assert rc == 1  # a post was skipped: the run says so
    assert (line["url"], line["date"], line["city"], line["participants"]) == (
        "https://vk.com/wall-200000001_1201", "2022-03-12", "uralsk", 200)
    assert f"skipped: {f}: post 2 (wall-200000001_1202): no text (only photo)" in err


def test_a_candidate_read_from_social_posts_only_is_social_and_one_with_a_web_article_media(tmp_path):
    f = write(tmp_path / "wall.json", {"response": {"count": 1, "items": [
        vk_post(1201, unix(2022, 3, 12, 18, 40, tz=ALMATY_BEFORE_2024), "Жители Уральска пришли к акимату\n" + RALLY)]}})
    fb = write(tmp_path / "your_posts_1.json", [fb_post(unix(2022, 3, 12, 17, 0, tz=ALMATY_BEFORE_2024),
                                                        "Жители Уральска у акимата\n" + RALLY)])
    web = parse.Article(article_id="w1", source="site", kind="web", url="https://example.kz/news/uralsk",
                        title="Жители Уральска пришли к акимату", text=RALLY, published=dt.date(2022, 3, 12))
    social = parse.read_local(f) + parse.read_local(fb)
    for arts, expected in ((social, "social"), (social + [web], "media")):
        df, _ = pipeline.triage_articles(arts, "off")
        (cand,) = dedup.deduplicate(pipeline.events_of(df))
        assert (cand["source_type"], cand["city"], str(cand["first_seen"])) == (expected, "uralsk", "2022-03-12")
        assert set(cand["source_links"].split(";")) == {a.url for a in arts}


def test_a_folder_reads_vk_and_facebook_exports_beside_articles_and_names_their_skipped_posts(tmp_path):
    write(tmp_path / "wall.json", {"items": [vk_post(1, unix(2022, 3, 12, 6, 0), RALLY),
                                             vk_post(2, unix(2022, 3, 12, 7, 0), "")]})
    write(tmp_path / "your_posts_1.json", [fb_post(unix(2022, 3, 12, 8, 0), PICKET)], ensure_ascii=True)
    (tmp_path / "a.txt").write_text("Ярмарка\n" + FAIR, encoding="utf-8")
    arts, problems = parse.read_folder(tmp_path)
    assert sorted(a.kind for a in arts) == ["facebook", "file", "vk"]
    assert problems == [f"skipped: {tmp_path / 'wall.json'}: post 2 (wall-200000001_2): no text (an empty post)"]


def test_the_readmes_example_exports_read_as_the_readme_says(capsys):
    """README: `.venv/bin/monitor extract tests/media/social` — a VK wall (a rally in Uralsk; a repost of a gathering
    in Aktobe, in Kazakh; a fair) and a Facebook page's posts (a picket in Almaty, in mojibake; the weather, in
    Kazakh), as the files' own posts tell."""
    assert main(["extract", str(SOCIAL), "--all", "--learned", "off"]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines() if x.strip()]
    got = [(x["url"], x.get("city"), x.get("date"), x.get("participants")) for x in lines]
    assert got == [("https://vk.com/wall-200000001_1201", "uralsk", "2022-03-12", 200),
                   ("https://vk.com/wall-200000001_1202", "aktobe", "2022-03-13", 40),
                   ("https://vk.com/wall-200000001_1203", None, None, None),
                   ("facebook://your_posts_1.json/1647081000", "almaty", "2022-03-12", 15),
                   ("facebook://your_posts_1.json/1647140400", None, None, None)]
    # 1647081000 = 12 March 2022 10:30 UTC = 16:30 in Almaty; 1647140400 = 13 March 2022 03:00 UTC = 09:00 in Almaty


# -- hostile files ----------------------------------------------------------------------------------------------------
ANY = st.recursive(st.none() | st.booleans() | st.integers(-2**70, 2**70) | st.floats() | st.text(max_size=8),
                   lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3),
                   max_leaves=8)


def either(good):
    """A field as the service writes it (three times in four), or anything at all."""
    return st.integers(0, 3).flatmap(lambda k: ANY if k == 0 else good)


LINK = st.fixed_dictionaries({"type": either(st.just("link")), "link": either(st.fixed_dictionaries(
    {}, optional={k: either(st.text(max_size=20)) for k in ("url", "title", "description")}))})
VK_BASE = {"id": either(st.integers(1, 5)), "owner_id": either(st.integers(-3, 3)), "date": either(st.integers(
    946_684_800, 4_102_444_799)), "text": either(st.text(max_size=30)), "attachments": either(st.lists(LINK, max_size=2))}
VK_POST = st.fixed_dictionaries({}, optional={**VK_BASE, "copy_history": either(st.lists(
    st.fixed_dictionaries({}, optional=VK_BASE), max_size=2))})
FB_POST = st.fixed_dictionaries({"timestamp": either(st.integers(946_684_800, 4_102_444_799))}, optional={
    "data": either(st.lists(st.fixed_dictionaries({}, optional={"post": either(st.text(max_size=30))}), max_size=2)),
    "attachments": either(st.lists(st.fixed_dictionaries({"data": either(st.lists(st.fixed_dictionaries(
        {}, optional={"external_context": either(st.fixed_dictionaries({}, optional={
            k: either(st.text(max_size=20)) for k in ("url", "name")}))}), max_size=2))}), max_size=2)),
    "title": either(st.text(max_size=10))})
EXPORTS = st.one_of(
    st.builds(lambda n, items: {"response": {"count": n, "items": items}}, ANY, st.lists(VK_POST | ANY, max_size=4)),
    st.builds(lambda items: {"response": items}, st.lists(VK_POST | ANY, max_size=4)),
    st.builds(lambda items: {"items": items}, st.lists(VK_POST | ANY, max_size=4)),
    st.lists(FB_POST | ANY, min_size=1, max_size=4),
    st.builds(lambda items: {"group_posts_v2": items}, st.lists(FB_POST | ANY, max_size=4)))


@settings(max_examples=300, deadline=None)
@given(EXPORTS)
def test_any_hostile_export_gives_posts_and_named_skips_or_one_parse_error_never_a_crash(data):
    """Any value in any field of a VK or Facebook export: posts with words and a message per post skipped, or one
    ExportError naming the file; never another exception (a folder's other files are still read)."""
    if social_exports.export_kind(data) is None:  # e.g. a list holding a mapping with 'text': article records
        return
    try:
        posts, problems = social_exports.read_export(data, "x.json")
    except social_exports.ExportError as exc:
        assert str(exc).startswith("x.json: a ")
        return
    assert posts and all(p.text.strip() and p.title and p.url for p in posts)
    assert len({p.url for p in posts}) == len(posts)
    assert all(m.startswith("skipped: x.json: post ") for m in problems)


# -- the mutation run's survivors (docs/testing.md, "Session 47: the readers") ----------------------------------------
def test_what_export_kind_says_of_each_shape():
    assert social_exports.export_kind({"response": {"count": 0, "items": []}}) == "vk"
    assert social_exports.export_kind([{"timestamp": 1647081000, "data": [{"post": "x"}]}]) == "facebook"
    # another program's `items` (no post's date and owner) is not VK's
    assert social_exports.export_kind({"items": [{"title": "a", "body": "b"}]}) is None
    # a Facebook post that shares a link with no words of its own is still a post
    assert social_exports.export_kind([{"timestamp": 1647081000, "attachments": [{"data": []}]}]) == "facebook"
    # one post among other entries is enough; a list of which one record has `text` is article records
    assert social_exports.export_kind(["x", {"timestamp": 1647081000, "data": [{"post": "x"}]}]) == "facebook"
    assert social_exports.export_kind([{"timestamp": 1, "data": []}, {"text": "Пикет\nтекст"}]) is None


def test_a_refusal_names_three_skipped_posts_and_counts_the_rest(tmp_path):
    f = write(tmp_path / "photos.json", {"response": {"items": [
        vk_post(n, unix(2022, 3, 12, 6, n), "", attachments=[{"type": "photo", "photo": {}}]) for n in range(1, 6)]}})
    with pytest.raises(parse.ParseError) as err:
        parse.read_local_all(f)
    msg = str(err.value)
    assert "none of its 5 posts is read (post 1 (wall-200000001_1): no text" in msg
    assert "post 3 (wall-200000001_3)" in msg and "post 4 (" not in msg and msg.endswith(" (and 2 more))")


def test_a_newsfeed_items_post_id_and_source_id_name_it(tmp_path):
    """newsfeed.get writes `source_id` and `post_id` where wall.get writes `owner_id` and `id`."""
    f = write(tmp_path / "feed.json", {"response": {"items": [
        {"source_id": -7, "post_id": 42, "date": "вчера", "text": RALLY},
        {"source_id": -7, "post_id": 43, "date": unix(2022, 3, 12, 6, 0), "text": RALLY}]}})
    arts, problems = parse.read_local_all(f)
    assert [a.url for a in arts] == ["https://vk.com/wall-7_43"]
    assert len(problems) == 1 and "(wall-7_42): field 'date'" in problems[0]
