"""Session 49: the survivors of the mutation run over a person's erasure (assets/validate/erasure*.py, sql/erasure/)
and the keyed pseudonyms (assets/validate/pseudonym.py, sql/pseudonym/). Each test asserts what a user relies on: no
copy of an erased name left (warehouse, archived bytes, inbox), the right person erased and no other, the erasure
recorded without the name, a pseudonym stable under its key and refused under another.

The erasures here run on a warehouse in memory (every table of sql/tables/, a few rows put in by hand; the raw
store's test on a file with its store beside it), not on a pipeline run: a few seconds each."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import duckdb
import pytest

from assets.core import layout
from assets.validate import erasure, erasure_names as en, pseudonym as ps
from tests.zipfiles import members_of, zip_of

SECRET = "Гульнара Секретова"


class Store:
    """An in-memory warehouse with the tables of sql/tables/ and an inbox folder; rows added by hand."""

    def __init__(self, tmp: Path, path: Path | None = None):
        self.con = duckdb.connect(str(path) if path else ":memory:")
        layout.ensure_tables(self.con)
        self.key = ps.warehouse_key(self.con)
        self.inbox = tmp / "inbox"
        self.inbox.mkdir()

    def card(self, cid: str, notes: str, period: str = "2017", topic: str = "Тема") -> None:
        self.con.execute(
            "INSERT INTO cards (period, card_id, date, city, form, topic, character, organizer_type, participants, "
            "permission_requested, source_type, sanctioned, record_id, source_file, notes) VALUES "
            "(?, ?, DATE '2017-03-01', 'Алматы', 'picket', ?, 'social', 'spontaneous', 5, false, 'monitor', false, ?, "
            "'a.csv', ?)", [period, cid, topic, cid, notes])

    def person(self, cid: str, pid: str, name: str | None, period: str = "2017", public: bool = True,
               raw: bool = True) -> None:
        """A clean person and (raw) the raw person record it was read from, as the pipeline keeps both."""
        if raw:
            self.raw(period, "person", ["person_id", "card_id", "name"], [pid, cid, name])
        self.con.execute(
            "INSERT INTO persons (period, person_id, card_id, role, name, public, detained, pseudonym, record_id, "
            "source_file) VALUES (?, ?, ?, 'detainee', ?, ?, true, ?, ?, 'a.csv')",
            [period, pid, cid, name, public, ps.pseudonym(self.key, name, cid, pid), f"{cid}/{pid}"])

    def raw(self, period: str, kind: str, header: list[str], cells: list, source_file: str = "a.csv") -> None:
        h = hashlib.md5(json.dumps(header).encode()).hexdigest()[:16]
        if not self.con.execute("SELECT 1 FROM raw_headers WHERE period = ? AND header_id = ?", [period, h]).fetchall():
            self.con.execute("INSERT INTO raw_headers VALUES (?, ?, ?)", [period, h, json.dumps(header, ensure_ascii=False)])
        n = self.rows("SELECT count(*) FROM raw_record_rows")[0][0] + 1
        self.con.execute("INSERT INTO raw_record_rows VALUES (?, ?, ?, 'Sheet1', ?, ?, ?, ?, now())",
                         [period, f"{source_file}#Sheet1:{n}", source_file, n, kind, h, json.dumps(cells, ensure_ascii=False)])

    def file(self, name: str, data: bytes, fmt: str = "csv", enc: str | None = "utf_8", period: str = "2017",
             inbox: bool = True) -> None:
        self.con.execute("INSERT INTO raw_file_rows VALUES (?, ?, ?, ?, ?, ?, ?, 1, NULL, NULL, now())",
                         [period, name, hashlib.sha256(data).hexdigest(), len(data), data, fmt, enc])
        if inbox:
            (self.inbox / name).parent.mkdir(parents=True, exist_ok=True)
            (self.inbox / name).write_bytes(data)

    def erase(self, **kw) -> erasure.Erasure:
        return erasure.erase(self.con, by="officer", inbox=self.inbox, **kw)

    def rows(self, sql: str) -> list:
        return self.con.execute(sql).fetchall()


@pytest.fixture
def store(tmp_path, monkeypatch):
    monkeypatch.setenv("MONITOR_PSEUDONYM_KEY_FILE", str(tmp_path / "keys" / "pseudonym.key"))
    s = Store(tmp_path)
    yield s
    s.con.close()


def _two_gulnaras(s: Store) -> None:
    """Gulnara Sekretova on card X-1, her first name alone in its notes; another Gulnara on card X-2."""
    s.card("2017-X-1", f"Задержана {SECRET}; Гульнару отпустили.")
    s.card("2017-X-2", "Гульнара Иванова пришла.")
    s.person("2017-X-1", "P1", SECRET)
    s.person("2017-X-2", "P1", "Гульнара Иванова")


def test_a_name_pattern_finds_the_name_and_not_a_longer_word():
    rx = en.python_rx(en.name_pattern({"иванов"}))
    assert rx.search("задержан Иванов у здания")
    assert not rx.search("Ивановка")


def test_erasing_by_name_takes_the_person_and_leaves_the_other_gulnara(store):
    _two_gulnaras(store)
    e = store.erase(name="секрётова   гульнара")
    m = e.marker
    assert store.rows("SELECT card_id, notes FROM cards ORDER BY 1") == [
        ("2017-X-1", f"Задержана {m}; {m} отпустили."),  # on her own card her first name alone goes too
        ("2017-X-2", "Гульнара Иванова пришла.")]        # another Gulnara's card is as it was
    assert store.rows("SELECT card_id, name, public FROM persons ORDER BY 1") == [
        ("2017-X-1", m, False), ("2017-X-2", "Гульнара Иванова", True)]
    assert e.persons == ["2017/2017-X-1/P1"] and e.periods == ["2017"]


def test_erasing_by_person_id_takes_that_person_only(store):
    _two_gulnaras(store)
    store.person("2017-X-2", "P2", "Иван Другой")  # on the same card: stays
    e = store.erase(person=("2017-X-2", "P1"))
    assert store.rows("SELECT card_id, person_id, name FROM persons ORDER BY 1, 2") == [
        ("2017-X-1", "P1", SECRET), ("2017-X-2", "P1", e.marker), ("2017-X-2", "P2", "Иван Другой")]
    assert store.rows("SELECT notes FROM cards ORDER BY card_id") == [
        (f"Задержана {SECRET}; Гульнару отпустили.",), (f"{e.marker} пришла.",)]
    assert e.persons == ["2017/2017-X-2/P1"]
    assert store.rows("SELECT selected_by FROM erasures") == [("person",)]


def test_erasing_by_pseudonym_takes_every_card_of_the_person_under_one_new_pseudonym(store):
    _two_gulnaras(store)
    store.card("2018-X-3", f"Снова {SECRET}.", period="2018")
    store.person("2018-X-3", "P2", "СЕКРЕТОВА  гульнара", period="2018")  # the same person: the same pseudonym
    (p,) = {r[0] for r in store.rows("SELECT pseudonym FROM persons WHERE card_id <> '2017-X-2'")}
    e = store.erase(pseudonym=p)
    assert store.rows("SELECT card_id, name, public FROM persons ORDER BY 1") == [
        ("2017-X-1", e.marker, False), ("2017-X-2", "Гульнара Иванова", True), ("2018-X-3", e.marker, False)]
    new = {r[0] for r in store.rows("SELECT pseudonym FROM persons WHERE card_id <> '2017-X-2'")}
    assert new == {ps.pseudonym(store.key, e.marker, "2017-X-1", "P1")} and new != {p}  # one person, one pseudonym
    assert e.periods == ["2017", "2018"] and sorted(e.persons) == ["2017/2017-X-1/P1", "2018/2018-X-3/P2"]
    assert store.rows("SELECT notes FROM cards WHERE card_id = '2018-X-3'") == [(f"Снова {e.marker}.",)]
    assert store.rows("SELECT selected_by FROM erasures") == [("pseudonym",)]


def test_the_erasure_is_recorded_without_the_name(store):
    _two_gulnaras(store)
    data = f"card_id,name\n2017-X-1,{SECRET}\n".encode()
    store.file("cards/2017/a.csv", data)
    store.raw("2017", "card", ["card_id", "notes"], ["2017-X-1", "Гульнару отпустили"])  # her first name alone
    store.raw("2017", "card", ["card_id", "notes"], ["2017-X-2", "Гульнару Иванову видели"])  # another Gulnara's
    e = store.erase(name=SECRET)
    assert [json.loads(c) for (c,) in store.rows("SELECT cells FROM raw_record_rows ORDER BY row_no")] == [
        ["P1", "2017-X-1", e.marker], ["P1", "2017-X-2", "Гульнара Иванова"], ["2017-X-1", f"{e.marker} отпустили"],
        ["2017-X-2", "Гульнару Иванову видели"]]
    (row,) = store.rows("SELECT * FROM erasures")
    assert row[6] == 2  # raw records redacted: her person record (the name) and her card's (the first name alone)
    text = json.dumps(row, default=str, ensure_ascii=False)
    assert "Секрет" not in text and "Гульнар" not in text
    assert row[0] == e.erasure_id and row[2] == "officer" and row[3] == "name" and row[4] == "2017"
    assert json.loads(row[5]) == ["2017/2017-X-1/P1"] and json.loads(row[7]) == ["2017/cards/2017/a.csv"]
    # cells: by the whole name her card's notes, her person's name, her raw person record; by her first name alone
    # the notes again (now «Гульнару отпустили») and her card's raw record; the archived file's bytes are no cell
    assert row[8] == e.cells == 5


def test_a_name_written_twice_side_by_side_is_cut_both_times(store):
    # the SQL pattern takes the character before the next match: one pass leaves every second name
    store.card("2017-X-1", "Секретова;Секретова;Секретова;Секретова;Секретова;Секретова")
    store.person("2017-X-1", "P1", SECRET)
    e = store.erase(name=SECRET)
    assert store.rows("SELECT notes FROM cards") == [(";".join([e.marker] * 6),)]


def test_an_unknown_name_or_a_part_of_one_is_refused_and_nothing_changes(store):
    _two_gulnaras(store)
    before = store.rows("SELECT * FROM cards ORDER BY card_id"), store.rows("SELECT * FROM persons ORDER BY card_id")
    with pytest.raises(erasure.Refused, match="only part of a name"):
        store.erase(name="Секретова")
    with pytest.raises(erasure.Refused, match="no person named 'Роза Кенжебаева'"):
        store.erase(name="Роза Кенжебаева")
    with pytest.raises(erasure.Refused, match="has no letters"):
        store.erase(name=" - ")
    with pytest.raises(ValueError, match="say whom to erase"):
        store.erase()
    assert (store.rows("SELECT * FROM cards ORDER BY card_id"), store.rows("SELECT * FROM persons ORDER BY card_id")) == before
    assert store.rows("SELECT count(*) FROM erasures") == [(0,)]


def test_a_name_not_in_the_warehouse_is_cut_whole_and_no_word_of_it_alone(store):
    store.card("2017-X-1", "Роза Кенжебаева была там; Розу видели; Кенжебаева ушла.")
    e = store.erase(name="Роза Кенжебаева", not_in_warehouse=True)
    assert store.rows("SELECT notes FROM cards") == [(f"{e.marker} была там; Розу видели; Кенжебаева ушла.",)]
    assert e.persons == [] and store.rows("SELECT selected_by, persons FROM erasures") == [("name", "[]")]


def test_the_archived_file_and_the_inbox_file_lose_the_name_the_other_files_stay(store):
    _two_gulnaras(store)
    mine = f"card_id,name\n2017-X-1,{SECRET}\n2017-X-2,Гульнара Иванова\n".encode("cp1251")
    other = "card_id,name\n2017-X-2,Гульнара Иванова\n".encode()
    store.file("cards/2017/a.csv", mine, enc="cp1251")
    store.file("cards/2017/b.csv", other)
    e = store.erase(name=SECRET)
    want = f"card_id,name\n2017-X-1,{e.marker}\n2017-X-2,Гульнара Иванова\n".encode("cp1251")
    got = dict((f, bytes(c)) for f, c in store.rows("SELECT source_file, content FROM raw_files"))
    assert got == {"cards/2017/a.csv": want, "cards/2017/b.csv": other}
    (sha, size), = store.rows("SELECT sha256, size_bytes FROM raw_files WHERE source_file = 'cards/2017/a.csv'")
    assert (sha, size) == (hashlib.sha256(want).hexdigest(), len(want))
    assert (store.inbox / "cards/2017/a.csv").read_bytes() == want
    assert (store.inbox / "cards/2017/b.csv").read_bytes() == other
    assert e.files == ["2017/cards/2017/a.csv"] and e.inbox_files == [str(store.inbox / "cards/2017/a.csv")]
    assert not list(store.inbox.rglob("*.redacting"))


# --- the name cut from a file's bytes (erasure_files.redact_bytes) ---

def _rx(name: str = SECRET):
    return en.python_rx(en.name_pattern({name}))


def _card_words(*ids: str, name: str = SECRET):
    from assets.validate.erasure_files import CardWords

    return CardWords(en.python_rx(en.card_words_pattern({name})), frozenset(ids))


def test_a_csv_loses_the_first_name_in_the_own_card_s_rows_only_a_quoted_line_break_included():
    from assets.validate.erasure_files import redact_bytes

    text = ("card_id,notes\n"
            "2017-X-1,\"Задержана Гульнара Секретова.\nПозже Гульнару отпустили\"\n"   # her card: a note over two lines
            "2017-X-10,Гульнара Иванова пришла\n"                                     # another card whose id begins alike
            "2017-X-2,Гульнару видели\n")
    out = redact_bytes(text.encode(), "csv", "utf_8", _rx(), "R", _card_words("2017-X-1")).decode()
    assert out == ("card_id,notes\n"
                   "2017-X-1,\"Задержана R.\nПозже R отпустили\"\n"
                   "2017-X-10,Гульнара Иванова пришла\n"
                   "2017-X-2,Гульнару видели\n")


def test_a_yaml_card_file_loses_the_first_name_whole_another_card_s_file_keeps_it():
    from assets.validate.erasure_files import redact_bytes

    mine = "card_id: 2017-X-1\nnotes: Гульнару отпустили\npersons:\n  - name: Гульнара Секретова\n"
    other = "card_id: 2017-X-12\nnotes: Гульнару отпустили\n"
    cw = _card_words("2017-X-1")
    assert redact_bytes(mine.encode(), "yaml", "utf_8", _rx(), "R", cw).decode() == \
        "card_id: 2017-X-1\nnotes: R отпустили\npersons:\n  - name: R\n"
    assert redact_bytes(other.encode(), "yaml", "utf_8", _rx(), "R", cw).decode() == other


def test_a_json_card_file_loses_the_first_name_written_as_escapes():
    from assets.validate.erasure_files import redact_bytes

    data = json.dumps({"card_id": "2017-X-1", "notes": "Позже Гульнару отпустили"}).encode()  # \\u-escaped
    out = redact_bytes(data, "json", "utf_8", _rx(), "R", _card_words("2017-X-1"))
    assert json.loads(out) == {"card_id": "2017-X-1", "notes": "Позже R отпустили"}


def test_utf16_text_keeps_its_byte_order_mark_and_order():
    from assets.validate.erasure_files import redact_bytes

    text = f"name\t{SECRET}\n"
    for bom, enc in ((b"\xfe\xff", "utf-16-be"), (b"\xff\xfe", "utf-16-le")):
        out = redact_bytes(bom + text.encode(enc), "tsv", None, _rx(), "R")
        assert out == bom + "name\tR\n".encode(enc)


def test_a_workbook_s_name_written_as_character_references_is_cut_and_markup_stays_escaped():
    from assets.validate.erasure_files import redact_bytes

    ncr = "".join(f"&#{ord(c)};" if c != " " else " " for c in SECRET)
    hexed = "".join(f"&#x{ord(c):x};" for c in "Секретовой")
    shared = f'<sst><si><t>{ncr}</t></si><si><t>&#60;b&#62;&#127; о {hexed}</t></si><si><t>Иван</t></si></sst>'
    book = zip_of({"[Content_Types].xml": b"<Types/>", "xl/sharedStrings.xml": shared.encode()})
    out = members_of(redact_bytes(book, "xlsx", None, _rx(), "R"))
    assert out["xl/sharedStrings.xml"].decode() == "<sst><si><t>R</t></si><si><t>&#60;b&#62;&#127; о R</t></si><si><t>Иван</t></si></sst>"
    assert out["[Content_Types].xml"] == b"<Types/>"


def test_an_archive_s_text_members_are_cut_in_their_encoding_and_a_workbook_inside_too():
    from assets.validate.erasure_files import redact_bytes

    inner = zip_of({"xl/sharedStrings.xml": f"<sst><si><t>{SECRET}</t></si></sst>".encode()})
    archive = zip_of({"form.csv": f"name\n{SECRET}\n".encode("cp1251"), "repeat.CSV": f"name\n{SECRET}\n".encode(),
                    "inner.xlsx": inner, "photo.jpg": b"\xff\xd8\xff\xe0 JFIF"})
    out = members_of(redact_bytes(archive, "zip", None, _rx(), "R"))
    assert out["form.csv"] == "name\nR\n".encode("cp1251")
    assert out["repeat.CSV"] == b"name\nR\n"
    assert members_of(out["inner.xlsx"]) == {"xl/sharedStrings.xml": b"<sst><si><t>R</t></si></sst>"}
    assert out["photo.jpg"] == b"\xff\xd8\xff\xe0 JFIF"  # a media member: kept byte for byte


# --- an interrupted erasure's copies (erasure_resume.finish_interrupted) ---

def test_an_interrupted_erasure_s_copies_are_put_in_place_only_where_the_warehouse_holds_their_bytes(store, tmp_path):
    from assets.validate.erasure_resume import SUFFIX, finish_interrupted

    old, red = f"name\n{SECRET}\n".encode(), b"name\nREDACTED-1\n"
    store.file("cards/2017/a.csv", red, inbox=False)       # committed: the warehouse holds the redacted bytes
    store.file("cards/2017/b.csv", old, inbox=False)       # rolled back: it holds the original
    store.file("cards/2018/c.csv", red, period="2018", inbox=False)
    d17, d18 = store.inbox / "cards/2017", store.inbox / "cards/2018"
    d17.mkdir(parents=True)
    d18.mkdir(parents=True)
    for d, n in ((d17, "a.csv"), (d17, "b.csv"), (d17, "d.csv"), (d18, "c.csv")):
        (d / n).write_bytes(old)
        (d / (n + SUFFIX)).write_bytes(red)  # d.csv: the bytes of a.csv's copy, but not what the warehouse holds for d
    (d17 / ("link.csv" + SUFFIX)).symlink_to(d17 / ("a.csv" + SUFFIX))
    (d17 / ("folder" + SUFFIX)).mkdir()

    done = finish_interrupted(store.con, store.inbox, under=d17)
    assert [line.split(":")[0] for line in done] == ["cards/2017/a.csv", "cards/2017/b.csv", "cards/2017/d.csv"]
    assert "put in place" in done[0] and "removed" in done[1] and "removed" in done[2]
    assert (d17 / "a.csv").read_bytes() == red and (d17 / "b.csv").read_bytes() == old and (d17 / "d.csv").read_bytes() == old
    assert sorted(p.name for p in d17.iterdir()) == ["a.csv", "b.csv", "d.csv", "folder" + SUFFIX, "link.csv" + SUFFIX]
    assert (d18 / ("c.csv" + SUFFIX)).exists()  # another period's folder: not this call's
    assert finish_interrupted(store.con, store.inbox) == [
        "cards/2018/c.csv: an interrupted erasure's redacted copy put in place (the warehouse holds it)"]
    assert (d18 / "c.csv").read_bytes() == red
    assert finish_interrupted(store.con, tmp_path / "no-inbox") == []


# --- keyed pseudonyms (pseudonym.py) ---

def test_a_pseudonym_links_one_name_however_written_and_nothing_else():
    key, other = bytes(range(32)), bytes(range(1, 33))
    p = ps.pseudonym(key, "Ахметова  Жанара", "2017-1", "P1")
    assert p.startswith("P-") and len(p) == 14 and p[2:] == p[2:].upper() and int(p[2:], 16) >= 0
    assert ps.pseudonym(key, "жанара АХМЁТОВА", "2018-9", "P7") == p        # case, ё, spaces, order: one person
    assert ps.pseudonym(key, "Жанара-Ахметова", "2018-9", "P7") == p        # punctuation between the words too
    assert ps.pseudonym(other, "Ахметова Жанара", "2017-1", "P1") != p      # another key: another pseudonym
    assert ps.pseudonym(key, "Ахметова Жанна", "2017-1", "P1") != p         # another name
    # no name: a pseudonym of the card and person, linking nothing (two nameless persons are two)
    nameless = {ps.pseudonym(key, n, c, i) for n, c, i in [(None, "2017-1", "P1"), ("", "2017-1", "P2"), (" ", "2017-2", "P1")]}
    assert len(nameless) == 3 and p not in nameless
    assert ps.pseudonym(key, None, "2017-1", "P1") == ps.pseudonym(key, "  ", "2017-1", "P1")
    assert ps.normalise_name("  Жанара _ Ахмётова!") == "ахметова жанара"
    assert ps.fingerprint(key) != ps.fingerprint(other) and len(ps.fingerprint(key)) == 12


def test_the_key_file_is_refused_when_it_is_no_key(tmp_path):
    short = tmp_path / "short.key"
    short.write_text("ab" * 31 + "\n")  # 62 hex characters
    with pytest.raises(ValueError, match="not 64\\+ hex characters"):
        ps.load_key(short)
    ok = tmp_path / "ok.key"
    ok.write_text("AB" * 32 + "\n")
    assert ps.load_key(ok) == bytes([0xAB] * 32)
    with pytest.raises(FileNotFoundError, match="no pseudonym key"):
        ps.load_key(tmp_path / "none.key", create=False)
    assert not (tmp_path / "none.key").exists()
    with pytest.raises(IsADirectoryError, match="is a folder"):
        ps.load_key(tmp_path)
    made = tmp_path / "new" / "pseudonym.key"
    k = ps.load_key(made)
    assert len(k) == 32 and oct(made.stat().st_mode & 0o777) == "0o600" and oct(made.parent.stat().st_mode & 0o777) == "0o700"


def _warehouse(tmp_path):
    con = duckdb.connect()
    layout.ensure_tables(con)
    return con


def _add_person(con, key, name="Жанара Ахметова", card_id="2017-1", person_id="P1", period="2017"):
    con.execute("INSERT INTO persons (period, person_id, card_id, role, name, public, detained, pseudonym, record_id, "
                "source_file) VALUES (?, ?, ?, 'detainee', ?, false, true, ?, 'r', 'a.csv')",
                [period, person_id, card_id, name, ps.pseudonym(key, name, card_id, person_id)])


def test_the_warehouse_s_key_is_recorded_and_another_or_a_missing_one_refused(tmp_path):
    con = _warehouse(tmp_path)
    mine, other = tmp_path / "mine.key", tmp_path / "other.key"
    key = ps.warehouse_key(con, mine)                      # no pseudonyms yet: the key is made and recorded
    assert mine.exists() and con.execute("SELECT fingerprint FROM pseudonym_key").fetchall() == [(ps.fingerprint(key),)]
    _add_person(con, key)
    assert ps.warehouse_key(con, mine) == key
    ps.load_key(other)
    with pytest.raises(ps.KeyMismatch, match=f"fingerprint {ps.fingerprint(key)}, the key at .*other.key is "
                                             f"{ps.fingerprint(ps.load_key(other))}"):
        ps.warehouse_key(con, other)
    with pytest.raises(ps.KeyMismatch, match="no pseudonym key at .*gone.key, but the warehouse holds pseudonyms made with "
                                             f"the key of fingerprint {ps.fingerprint(key)}.* Put back the key file of "
                                             f"fingerprint {ps.fingerprint(key)} \\(a pseudonym.key.\\*.bak kept by a "
                                             "rotation, or your backup"):
        ps.warehouse_key(con, tmp_path / "gone.key")
    assert not (tmp_path / "gone.key").exists()            # no new key made silently
    assert con.execute("SELECT fingerprint FROM pseudonym_key").fetchall() == [(ps.fingerprint(key),)]


def test_a_warehouse_without_a_recorded_key_is_checked_on_its_persons(tmp_path):
    con = _warehouse(tmp_path)
    mine, other = tmp_path / "mine.key", tmp_path / "other.key"
    key = ps.load_key(mine)
    ps.load_key(other)
    _add_person(con, key)                                  # written before fingerprints were recorded
    with pytest.raises(ps.KeyMismatch, match="were not made with the key at .*other.key"):
        ps.warehouse_key(con, other)
    assert con.execute("SELECT count(*) FROM pseudonym_key").fetchone()[0] == 0
    assert ps.warehouse_key(con, mine) == key              # the persons' pseudonyms are this key's: recorded
    assert con.execute("SELECT fingerprint FROM pseudonym_key").fetchall() == [(ps.fingerprint(key),)]


def test_rekey_gives_every_person_and_revision_the_new_key_s_pseudonym_and_keeps_revisions_matching(tmp_path):
    con = _warehouse(tmp_path)
    old, new = bytes(range(32)), bytes(range(5, 37))
    _add_person(con, old, "Жанара Ахметова", "2017-1", "P1")
    _add_person(con, old, "АХМЁТОВА жанара", "2018-2", "P1", period="2018")  # the same person in another period
    _add_person(con, old, None, "2017-1", "P2")                               # no name
    _add_person(con, old, None, "2017-3", "P1", period="2018")                # another without a name: not linked
    _add_person(con, old, "Иван Петров", "2017-1", "P3")
    # an open revision of 2017-1/P1 as it is now, and a closed one of P3 under an older name
    con.execute("INSERT INTO person_revision_rows SELECT 'stale', TIMESTAMPTZ '2024-01-01', NULL, * FROM persons "
                "WHERE card_id = '2017-1' AND person_id = 'P1'")
    con.execute("INSERT INTO person_revision_rows SELECT 'stale', TIMESTAMPTZ '2023-01-01', TIMESTAMPTZ '2024-01-01', "
                "* REPLACE ('Иван Петроф' AS name, ? AS pseudonym) FROM persons WHERE person_id = 'P3'",
                [ps.pseudonym(old, "Иван Петроф", "2017-1", "P3")])
    n = ps.rekey(con, new)
    assert n == 6  # identities: two spellings of Zhanara, the two nameless, Ivan and his older name
    got = dict(((c, p), s) for c, p, s in con.execute("SELECT card_id, person_id, pseudonym FROM persons").fetchall())
    want_z = ps.pseudonym(new, "Жанара Ахметова", "x", "x")
    assert got == {("2017-1", "P1"): want_z, ("2018-2", "P1"): want_z,
                   ("2017-1", "P2"): ps.pseudonym(new, None, "2017-1", "P2"),
                   ("2017-3", "P1"): ps.pseudonym(new, None, "2017-3", "P1"),
                   ("2017-1", "P3"): ps.pseudonym(new, "Иван Петров", "2017-1", "P3")}
    revs = con.execute("SELECT person_id, name, pseudonym, row_hash FROM person_revision_rows ORDER BY person_id").fetchall()
    (current,) = con.execute("SELECT row_hash FROM persons_hashed WHERE card_id = '2017-1' AND person_id = 'P1'").fetchone()
    assert revs[0] == ("P1", "Жанара Ахметова", want_z, current)  # the open revision matches the current row again
    assert revs[1][:3] == ("P3", "Иван Петроф", ps.pseudonym(new, "Иван Петроф", "2017-1", "P3"))
    (closed,) = con.execute("SELECT CAST(hash(struct_pack(*COLUMNS(* EXCLUDE (record_id, source_file)))) AS VARCHAR) FROM "
                            "(SELECT * EXCLUDE (row_hash, valid_from, valid_to) FROM person_revision_rows "
                            "WHERE person_id = 'P3')").fetchone()
    assert revs[1][3] == closed  # the closed revision's hash is its content's with the new pseudonym
    assert con.execute("SELECT fingerprint FROM pseudonym_key").fetchall() == [(ps.fingerprint(new),)]


# --- archived media responses (erasure._redact_media_bodies) ---

def test_every_archived_media_response_holding_the_name_is_redacted_the_first_and_those_at_a_chunk_s_edge(store):
    from assets.core import warehouse
    from assets.media import archive

    _two_gulnaras(store)
    archive.ensure_tables(store.con)
    holding = {0, 199, 200}  # read 200 at a time: the first response, the last of the first chunk, the first of the next
    page = f"<p>Задержана {SECRET}.</p>"
    for i in range(201):
        body, charset = (page if i in holding else "<p>Новости</p>").encode(), "utf-8"
        if i == 199:  # UTF-8 with its byte-order mark: kept
            body = b"\xef\xbb\xbf" + body
        if i == 200:  # windows-1251, as the page declares: written back in it
            body, charset = page.encode("cp1251"), "windows-1251"
        store.con.execute(warehouse.read_sql("media/responses_insert"),
                          [f"r{i:03}", "news", "article", f"https://news.example/{i}", None, "2017-03-02 10:00:00", 200,
                           json.dumps({"content-type": f"text/html; charset={charset}"}), body, "x", False, None])
    store.con.execute(warehouse.read_sql("media/responses_insert"),  # a failed fetch: no body
                      ["r999", "news", "article", "https://news.example/gone", None, "2017-03-02 10:00:00", 404, "{}", None,
                       "x", False, None])
    e = store.erase(name=SECRET)
    raw = {r: bytes(b) for r, b in store.rows("SELECT response_id, body FROM media_responses WHERE body IS NOT NULL")}
    assert store.rows("SELECT count(*) FROM media_responses WHERE body IS NULL") == [(1,)]
    redacted = f"<p>Задержана {e.marker}.</p>"
    assert raw["r199"] == b"\xef\xbb\xbf" + redacted.encode() and raw["r200"] == redacted.encode("cp1251")
    bodies = {r: b.decode("utf-8-sig" if r != "r200" else "cp1251") for r, b in raw.items()}
    assert {r for r, b in bodies.items() if "Секрет" in b} == set()
    assert {r for r, b in bodies.items() if e.marker in b} == {"r000", "r199", "r200"} == set(e.responses)
    assert bodies["r000"] == f"<p>Задержана {e.marker}.</p>" and bodies["r001"] == "<p>Новости</p>"


def test_an_archive_s_yaml_member_and_its_own_card_s_csv_rows_lose_the_name_and_other_rows_keep_theirs():
    from assets.validate.erasure_files import redact_bytes

    rows = "card_id,notes\n2017-X-1,Гульнару отпустили\n2017-X-2,Гульнару Иванову видели\n"
    archive = zip_of({"form.csv": rows.encode(), "card.yaml": f"card_id: 2017-X-1\nname: {SECRET}\n".encode()})
    out = members_of(redact_bytes(archive, "zip", None, _rx(), "R", _card_words("2017-X-1")))
    assert out["form.csv"] == "card_id,notes\n2017-X-1,R отпустили\n2017-X-2,Гульнару Иванову видели\n".encode()
    assert out["card.yaml"] == b"card_id: 2017-X-1\nname: R\n"


def test_the_last_row_of_a_csv_without_a_final_line_break_is_one_of_its_rows():
    from assets.validate.erasure_files import redact_bytes

    text = "card_id,notes\n2017-X-2,Гульнару Иванову видели\n2017-X-1,Гульнару отпустили"
    out = redact_bytes(text.encode(), "csv", "utf_8", _rx(), "R", _card_words("2017-X-1")).decode()
    assert out == "card_id,notes\n2017-X-2,Гульнару Иванову видели\n2017-X-1,R отпустили"


def test_a_name_of_a_two_letter_word_not_in_the_warehouse_is_cut_only_whole(store):
    store.card("2017-X-1", "Жанна Ли задержана. Жанна пришла, Ли ушёл.")
    e = store.erase(name="Жанна Ли", not_in_warehouse=True)
    assert store.rows("SELECT notes FROM cards") == [(f"{e.marker} задержана. Жанна пришла, Ли ушёл.",)]


def test_the_key_s_default_place_is_the_user_s_config_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("MONITOR_PSEUDONYM_KEY_FILE", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert ps.key_path() == tmp_path / "xdg" / "assembly-monitor" / "pseudonym.key"
    monkeypatch.delenv("XDG_CONFIG_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert ps.key_path() == tmp_path / "home" / ".config" / "assembly-monitor" / "pseudonym.key"
    monkeypatch.setenv("MONITOR_PSEUDONYM_KEY_FILE", "~/keys/k")
    assert ps.key_path() == tmp_path / "home" / "keys" / "k"


# --- the raw store's record parts (erasure._redact_stored_records) ---

def test_the_raw_store_s_records_lose_the_name_and_the_first_name_on_her_card_whose_id_is_cyrillic(tmp_path, monkeypatch):
    import polars as pl

    from assets.core import rawstore

    monkeypatch.setenv("MONITOR_PSEUDONYM_KEY_FILE", str(tmp_path / "keys" / "pseudonym.key"))
    monkeypatch.delenv("MONITOR_RAW_STORE", raising=False)
    s = Store(tmp_path, tmp_path / "warehouse.duckdb")
    store = rawstore.location(s.con)
    mine = "2017-А-1"  # a card id with a Cyrillic letter (А)
    s.card(mine, f"Задержана {SECRET}.")
    s.card("2017-X-2", "Гульнара Иванова пришла.")
    s.person(mine, "P1", SECRET, raw=False)
    s.person("2017-X-2", "P1", "Гульнара Иванова", raw=False)
    s.raw("2017", "person", ["person_id", "card_id", "name"], ["P1", mine, SECRET])
    s.raw("2017", "card", ["card_id", "notes"], [mine, "Гульнару отпустили"])
    s.raw("2017", "card", ["card_id", "notes"], ["2017-X-2", "Гульнару Иванову видели"])
    records = s.con.execute("SELECT * FROM raw_record_rows ORDER BY row_no").pl()
    s.con.execute("DELETE FROM raw_record_rows")  # the records kept in the store, not inside
    rawstore._dirs(store)
    part = rawstore.store_part(store, records)
    s.con.execute("INSERT INTO raw_record_parts VALUES (?, ?, ?, ?, ?)",
                  [part["period"], part["sha256"], part["records"], part["size_bytes"], part["loaded_at"]])
    files = {"cards/2017/a.csv": f"card_id,name\n{mine},{SECRET}\n".encode(),  # the archived files, in the store too
             "cards/2017/b.csv": "card_id,name\n2017-X-2,Гульнара Иванова\n".encode()}
    for name, data in files.items():
        s.con.execute("INSERT INTO raw_file_index VALUES ('2017', ?, ?, ?, 'csv', 'utf_8', 1, NULL, NULL, now(), true)",
                      [name, rawstore.put_bytes(store, data), len(data)])
    rawstore.define_views(s.con, store)
    e = s.erase(name=SECRET)
    assert {f: bytes(c) for f, c in s.rows("SELECT source_file, content FROM raw_files")} == {
        "cards/2017/a.csv": f"card_id,name\n{mine},{e.marker}\n".encode(), "cards/2017/b.csv": files["cards/2017/b.csv"]}
    cells = [json.loads(c) for (c,) in s.rows("SELECT cells FROM raw_records ORDER BY row_no")]
    assert cells == [["P1", mine, e.marker], [mine, f"{e.marker} отпустили"], ["2017-X-2", "Гульнару Иванову видели"]]
    assert s.rows("SELECT raw_records FROM erasures") == [(2,)]
    assert [p.name for p in (store / "files").iterdir() if "Секрет".encode() in p.read_bytes()] == []  # old bytes deleted
    parts = sorted((store / "records").rglob("*.parquet")) if (store / "records").exists() else []
    left = pl.concat([pl.read_parquet(p) for p in parts])["cells"].to_list()  # every part left in the store
    assert sorted(left) == sorted(json.dumps(c, ensure_ascii=False) for c in cells)
    s.con.close()


def test_a_rotation_takes_the_thousandth_backup_name_of_its_second_and_overwrites_none(tmp_path, monkeypatch):
    import datetime as dt
    from types import SimpleNamespace

    fixed = dt.datetime(2026, 12, 7, 10, 0, 0)
    monkeypatch.setattr(ps, "dt", SimpleNamespace(datetime=SimpleNamespace(now=lambda: fixed)))
    key = tmp_path / "pseudonym.key"
    old = ps.load_key(key)
    taken = [key.with_name("pseudonym.key.20261207100000.bak")] + \
        [key.with_name(f"pseudonym.key.20261207100000.{n}.bak") for n in range(1, 999)]
    for t in taken:  # 999 backups of that second already
        t.write_text("kept\n")
    path, backup = ps.rotate(key)
    assert backup == key.with_name("pseudonym.key.20261207100000.999.bak") and ps.load_key(backup) == old
    new = ps.load_key(key)
    assert new != old and all(t.read_text() == "kept\n" for t in taken)
    with pytest.raises(FileExistsError, match="1000 backups of 20261207100000"):
        ps.rotate(key)
    assert ps.load_key(key) == new and ps.load_key(backup) == old  # nothing replaced
