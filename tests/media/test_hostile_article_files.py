"""Article files built to break the reader (session 47): each is named with its file (and line) and the folder's other
files are still read. Before session 47 a JSON, JSON Lines or YAML file nested 200,000 deep ended `monitor extract` with
a RecursionError's traceback, a number of 5,000 digits with "error: Exceeds the limit (4300 digits)" naming no file, a
Telegram message whose text held a number with an AttributeError's traceback, and a table's cell of an article longer
than 128 KB with "_csv.Error: field larger than field limit"."""
from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assets.media import parse
from assets.media.cli import main

DEEP = "[" * 200_000 + "]" * 200_000
GOOD = {"url": "https://ex.kz/a", "text": "Пикет в Уральске\nОколо 30 жителей вышли на пикет у акимата Уральска."}


@pytest.mark.parametrize("name,body,message", [
    ("deep.json", DEEP, "deep.json: not an article file (lists or objects nested deeper than Python reads)"),
    ("deep.yaml", DEEP, "deep.yaml: not a YAML article file: lists or objects nested deeper than Python reads"),
    ("digits.json", '{"text": "Митинг\\nТекст", "published": ' + "9" * 5000 + "}",
     "digits.json: not an article file (Exceeds the limit (4300 digits)"),
    ("tg_deep.json", '{"messages": ' + DEEP + "}", "tg_deep.json: not an article file (lists or objects nested"),
])
def test_a_file_nested_past_reading_or_with_a_giant_number_is_named(tmp_path, capsys, name, body, message):
    f = tmp_path / name
    f.write_text(body, encoding="utf-8")
    with pytest.raises(parse.ParseError) as err:
        parse.read_local(f)
    assert str(err.value).startswith(str(tmp_path / message.split(":")[0])) and message in str(err.value)
    assert main(["extract", str(f), "--learned", "off"]) == 1
    assert message in capsys.readouterr().err


def test_a_jsonl_line_nested_past_reading_is_named_and_the_other_lines_read(tmp_path):
    f = tmp_path / "set.jsonl"
    f.write_text(json.dumps(GOOD, ensure_ascii=False) + "\n" + DEEP + "\n", encoding="utf-8")
    arts, problems = parse.read_local_all(f)
    assert [a.url for a in arts] == ["https://ex.kz/a"]
    assert problems == [f"skipped: {f}: line 2: not an article (lists or objects nested deeper than Python reads)"]


def test_a_telegram_messages_text_holding_numbers_reads_its_strings(tmp_path):
    """A piece of a message's text is a string or an entity with "text"; a number there is no text."""
    f = tmp_path / "result.json"
    f.write_text(json.dumps({"name": "c", "id": 1, "messages": [
        {"id": 7, "type": "message", "date": "2022-03-12T10:00:00",
         "text": [5, "Пикет у акимата", {"type": "bold", "text": " Уральска"}, None, ["x"]]}]}), encoding="utf-8")
    [a] = parse.read_local(f)
    assert a.text == "Пикет у акимата Уральска"


@pytest.mark.parametrize("process_limit", [131072, 500_000_000])  # csv's own; as the card reader leaves it
def test_a_tables_cell_may_hold_a_whole_article_and_one_past_the_limit_is_named(tmp_path, process_limit):
    """Whatever limit the process's csv module holds (the card reader raises it for its own files), a cell of an
    article is read and one past an article file's size is named; the process's limit is given back."""
    import csv

    before = csv.field_size_limit(process_limit)
    try:
        lead = "Около 30 жителей вышли на пикет у акимата Уральска. " * 4000  # 208,000 characters: past csv's 131,072
        ok = tmp_path / "long.csv"
        ok.write_text(f'url,title,text\nhttps://ex.kz/1,Пикет в Уральске,"{lead}"\n', encoding="utf-8")
        [a] = parse.read_local(ok)
        assert a.title == "Пикет в Уральске" and a.text == lead.strip()
        huge = tmp_path / "huge.csv"
        huge.write_text('url,title,text\nhttps://ex.kz/1,Пикет,"' + "x" * (parse.MAX_ARTICLE_BYTES + 10) + '"\n',
                        encoding="utf-8")
        with pytest.raises(parse.ParseError, match=r"huge\.csv: line 2: not a readable table \(field larger than"):
            parse.read_local(huge)
        assert csv.field_size_limit() == process_limit  # given back
    finally:
        csv.field_size_limit(before)


def test_a_folder_of_hostile_files_names_each_and_reads_the_good_one(tmp_path, capsys):
    (tmp_path / "good.json").write_text(json.dumps(GOOD, ensure_ascii=False), encoding="utf-8")
    for name in ("a.json", "b.yaml", "c.jsonl"):
        (tmp_path / name).write_text(DEEP, encoding="utf-8")
    arts, problems = parse.read_folder(tmp_path)
    assert [a.url for a in arts] == ["https://ex.kz/a"]
    assert [p.split(": ")[1].rsplit("/", 1)[1] for p in problems] == ["a.json", "b.yaml", "c.jsonl"]
    assert all("nested deeper than Python reads" in p for p in problems)


_JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20)
                     | st.sampled_from(["text", "messages", "response", "items", "date", "chats", "list", "data", "post"]),
                     lambda kids: st.lists(kids, max_size=4) | st.dictionaries(
                         st.sampled_from(["text", "messages", "response", "items", "date", "date_unixtime", "id",
                                          "owner_id", "type", "chats", "list", "url", "published", "title", "timestamp",
                                          "data", "post", "copy_history", "attachments", "lang"]), kids, max_size=5),
                     max_leaves=25)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(doc=_JSON, suffix=st.sampled_from([".json", ".yaml", ".jsonl"]))
def test_any_json_shape_gives_articles_or_a_named_error(tmp_path, doc, suffix):
    """Any JSON value, shaped from the keys the readers look for (Telegram's, VK's, Facebook's, an article's), read
    as a .json, a .yaml or a one-line .jsonl: articles with text, or an error that names the file."""
    f = tmp_path / f"x{suffix}"
    f.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    try:
        arts, problems = parse.read_local_all(f)
    except parse.ParseError as exc:
        assert str(exc).startswith(str(f))
    else:
        assert arts and all(isinstance(a.text, str) and isinstance(a.title, str) for a in arts)
        assert all(p.startswith(f"skipped: {f}") for p in problems)


@pytest.mark.parametrize("name", ["bomb.docx", "bomb.xlsx", "bomb.ods"])
def test_a_compressed_bomb_under_a_word_or_workbook_name_is_refused_before_it_is_unpacked(tmp_path, monkeypatch, name):
    """A 64 MB part of zeros packs into about 60 KB; with the limit at 50 MB it is refused by the sizes the archive
    declares, and the reader never unpacks it (the limit is lowered here so that the test stays small)."""
    import zipfile

    from assets.media import saved_files

    f = tmp_path / name
    with zipfile.ZipFile(f, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml" if name.endswith("docx") else "xl/worksheets/sheet1.xml", "w") as part:
            for _ in range(64):
                part.write(b"\0" * 1_000_000)
    assert f.stat().st_size < 200_000
    monkeypatch.setattr(saved_files, "MAX_UNPACKED_BYTES", 50_000_000)
    with pytest.raises(parse.ParseError, match=rf"{name}: unpacks to 64,0\d\d,\d\d\d bytes, more than 50,000,000 "
                                               r"\(a compressed bomb"):
        parse.read_local(f)
