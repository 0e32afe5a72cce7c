"""The redaction of private persons (assets/validate/redaction.py) by value: which names are private, which
words of a text are replaced, in which inflection and script, and what the figures' free-text keys become.
Every expected text is typed by hand."""
from __future__ import annotations

from pathlib import Path

import json

import duckdb
import polars as pl
import pytest

from assets.core import rawstore
from assets.validate import redaction
from assets.validate.redaction import MARK, private_names, redact

SQL = Path(__file__).resolve().parents[1] / "sql"


def test_the_mark():
    assert MARK == "[…]"


@pytest.mark.parametrize("text,names,want", [
    ("Секретову Дану задержали", ["Секретова Дана"], "[…] […] задержали"),
    ("Секретовой Даны нет", ["Секретова Дана"], "[…] […] нет"),
    ("секретова и ДАНА", ["Секретова Дана"], "[…] и […]"),
    ("Dana Sekretova spoke", ["Секретова Дана"], "[…] […] spoke"),           # the English edition
    ("Тихой Марии", ["Тихая Мария"], "[…] […]"),                           # an adjectival surname: Тихая → Тих-
    ("Ли Киму", ["Ли Ким"], "[…] […]"),                                   # a short word: as written, capitalised
    ("придёт ли Киму", ["Ли Ким"], "придёт ли […]"),                       # the particle in small letters stays
    ("Аксекретова", ["Секретова"], "Аксекретова"),                         # only at the start of a word
    ("Секре\u200bтова пришла", ["Секретова"], "[…] пришла"),               # a zero-width space does not hide it
    ("Ёлкин", ["Елкин"], "[…]"),
    ("ничего", [], "ничего"),
    ("Иванов", ["Ян"], "Иванов"),                                          # no stem at all: the text as it is
])
def test_redact(text, names, want):
    assert redact(text, names) == want


def test_redact_keeps_none_and_reads_numbers_as_text():
    assert redact(None, ["Секретова"]) is None
    assert redact(12, ["Секретова"]) == "12"


def test_stems():
    # longest first, then Latin before Cyrillic
    assert redaction._stems(("Секретова Дана",)) == ["sekreto", "Секрето", "dan", "Дан"]  # 9 letters: two off
    # tikhaya / tihaya / tixaya (х as kh, h, x), tikhaia / tikhaja (я): 7 letters, two off
    assert redaction._stems(("Тихая",)) == ["tikha", "tiha", "tixa", "Тиха", "Тих"]
    assert redaction._stems(("Петров",)) == ["petr", "Петр"]                  # 6 letters: two off
    assert redaction._stems(("Анна",)) == ["ann", "Анн"]                      # 4 letters: one off
    assert redaction._stems(("Ким",)) == ["kim", "Ким"]                       # 3 letters: whole


def test_latin():
    assert redaction.latin("Щукина") == "shchukina"
    assert redaction.latin("Әлия") == "aliya"


def warehouse() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(":memory:")
    con.execute("CREATE TABLE persons (name VARCHAR, public BOOLEAN)")
    con.execute("CREATE TABLE cards (organizer_type VARCHAR, organizer_name VARCHAR)")
    con.executemany("INSERT INTO persons VALUES (?, ?)", [
        ("Секретова Дана", False), ("Публичный Политик", True), ("Нулл Паблик", None), (None, False),
        ("  Пробелов Иван  ", False), ("Двойной Агент", True), ("Двойной Агент", False)])
    con.executemany("INSERT INTO cards VALUES (?, ?)", [
        ("individual", "Одиночкин Пётр"), ("ngo", "Партия Ак"), ("individual", "Публичный Политик"),
        ("spontaneous", "Группа Жильцов"), ("individual", None)])
    return con


def test_private_names():
    """Persons not marked public (not marked at all: private), stripped; organisers who are individuals
    unless a card names them as a public person; a name private on one card stays private."""
    assert private_names(warehouse()) == ["Двойной Агент", "Нулл Паблик", "Одиночкин Пётр", "Пробелов Иван", "Секретова Дана"]


def test_private_names_of_an_empty_warehouse():
    assert private_names(duckdb.connect(":memory:")) == []
    assert private_names(duckdb.connect(":memory:"), "2017") == []  # no raw layer yet: nothing to read


def test_redact_frame_columns():
    df = pl.DataFrame({"place": ["у дома Секретовой", None, "площадь"], "topic": ["Дана", "Дана", "Тема"], "n": [1, 2, 3]})
    out = redaction.redact_frame_columns(df, ["place", "topic", "missing"], ["Секретова Дана"])
    assert out.to_dict(as_series=False) == {"place": ["у дома […]", None, "площадь"], "topic": ["[…]", "[…]", "Тема"], "n": [1, 2, 3]}
    assert redaction.redact_frame_columns(df, ["place"], []).equals(df)
    ints = redaction.redact_frame_columns(df, ["n"], ["Секретова"])
    assert ints["n"].to_list() == ["1", "2", "3"]


def test_redact_row_keys_sums_the_keys_that_become_one():
    fig = pl.DataFrame({"table_no": ["topics", "topics", "topics", "1"],
                        "row_key": ["social/Секретова", "social/Секретовой", "social/Жильё", "Секретова"],
                        "col_key": ["count"] * 4, "value": [2.0, 3.0, 4.0, 1.0]})
    out = redaction.redact_row_keys(fig, ["Секретова Дана"])
    assert sorted(out.rows()) == [("1", "Секретова", "count", 1.0), ("topics", "social/[…]", "count", 5.0),
                                  ("topics", "social/Жильё", "count", 4.0)]
    assert redaction.redact_row_keys(fig, []).equals(fig)


def test_private_names_of_a_period_from_the_raw_layer_and_refused_files():
    """Before validation (no cards or persons table): the period's raw person rows not marked public (a
    mark that cannot be read is not public), raw cards' organisers who are individuals (by any label of
    the code), and the names in the period's files refused as a whole (YAML `name:`, a CSV's name
    column); never another period's, never an unrefused file's."""
    con = duckdb.connect(":memory:")
    for t in ("010_raw_files", "020_raw_records", "021_raw_headers"):
        con.execute((SQL / "tables" / f"{t}.sql").read_text(encoding="utf-8"))
    rawstore.define_views(con, None)  # raw_files / raw_records over the tables inside (no store in memory)
    heads = {"p": '["person_id", "ФИО", "Публичное лицо"]', "c": '["card_id", "Организатор", "Тип организатора"]'}
    for period in ("2016", "2017"):
        con.executemany("INSERT INTO raw_headers VALUES (?, ?, ?)", [(period, k, v) for k, v in heads.items()])
    recs = [("2017", "person", "p", ["P1", "Скрытов Олег", "нет"]), ("2017", "person", "p", ["P2", "Публичный Деятель", "да"]),
            ("2017", "person", "p", ["P3", "Неясный Статус", "может быть"]), ("2017", "person", "p", ["P4", "", "нет"]),
            ("2017", "card", "c", ["c1", "Одинов Пётр", "Одиночки"]), ("2017", "card", "c", ["c2", "Партия Ак", "ngo"]),
            ("2017", "card", "c", ["c3", "Кривой Тип", "непонятно"]), ("2016", "person", "p", ["P9", "Чужой Период", "нет"])]
    con.executemany("INSERT INTO raw_record_rows VALUES (?, 'f', 'f', 's', ?, ?, ?, ?, now())",
                    [(p, i, k, h, json.dumps(c, ensure_ascii=False)) for i, (p, k, h, c) in enumerate(recs)])
    files = [("2017", "a.yaml", "name: Отказанный Файлов\nrole: detainee\n  ФИО: Заглавный Ключ\n", "duplicate key"),
             ("2017", "b.csv", "card_id,ФИО\nc1,Табличная Анна\nc2,ab\n", "unclosed quote"),
             ("2017", "e.yaml", "- name: Кодировкин Иван\n".encode("cp1251"), "not UTF-8"),  # read as cp1251
             ("2017", "c.yaml", "name: Нормальный Файл\n", None), ("2016", "d.yaml", "name: Старый Отказ\n", "duplicate key")]
    con.executemany("INSERT INTO raw_file_rows (period, source_file, sha256, size_bytes, content, records, problem, loaded_at) "
                    "VALUES (?, ?, 'x', 10, ?, 0, ?, now())", [(p, f, c if isinstance(c, bytes) else c.encode(), pr) for p, f, c, pr in files])
    assert private_names(con, "2017") == ["Заглавный Ключ", "Кодировкин Иван", "Неясный Статус", "Одинов Пётр", "Отказанный Файлов", "Скрытов Олег", "Табличная Анна"]


def _refused(*files: tuple[str, bytes]) -> duckdb.DuckDBPyConnection:
    """A raw layer of 2017 with no record, only files refused as a whole (name, content)."""
    con = duckdb.connect(":memory:")
    for t in ("010_raw_files", "020_raw_records", "021_raw_headers"):
        con.execute((SQL / "tables" / f"{t}.sql").read_text(encoding="utf-8"))
    rawstore.define_views(con, None)
    con.executemany("INSERT INTO raw_file_rows (period, source_file, sha256, size_bytes, content, records, problem, loaded_at) "
                    "VALUES ('2017', ?, 'x', 10, ?, 0, 'unclosed quote', now())", list(files))
    return con


def test_a_refused_semicolon_csv_whose_header_has_a_comma():
    # split by ',' the header is two columns without a name column; the file's separator is ';'
    con = _refused(("f.csv", 'card_id;ФИО;"Место, город"\nc1;Точкова Зоя;Алматы, центр\n'.encode()))
    assert private_names(con, "2017") == ["Точкова Зоя"]


def test_a_refused_csv_of_one_name_column():
    con = _refused(("g.csv", "ФИО\nОдноколонов Ян\nВторой Столбцов\n".encode()))
    assert private_names(con, "2017") == ["Второй Столбцов", "Одноколонов Ян"]


def test_a_refused_file_neither_utf8_nor_whole_cp1251():
    # byte 0x98 is the one byte cp1251 leaves undefined: it is replaced, the name around it still read
    con = _refused(("h.yaml", "- name: Битов Фёдор\n".encode("cp1251") + b"  # \x98\n"))
    assert private_names(con, "2017") == ["Битов Фёдор"]


def test_a_name_in_its_other_latin_spellings_is_redacted():
    """A private person's name as English texts spell it (a red-team probe found "Aigerim Tleubayeva" and "Yerlan"
    in the English report and the open data: latin() spelt them Aygerim, Tleubaeva, Erlan only)."""
    names = ["Тлеубаева Айгерим", "Токаев Ержан", "Иванов Дмитрий", "Хасанова Юлия", "Жуков Александр", "Кожа Ерлан"]
    text = ("Aigerim Tleubayeva was detained; Yerzhan Tokayev filmed it. Ajgerim, Aygerim Tleubaeva, Erzhan Tokaev; "
            "Dmitry, Dmitrii and Dmitriy Ivanov; Iuliia Khasanova, Julia Hasanova, Yulia; Alexandr Zhukov; Yerlan, "
            "Erlan; https://x.kz/news/yerlan-zaderzhan")
    assert redaction.redact(text, names) == (
        "[…] […] was detained; […] […] filmed it. […], […] […], […] […]; "
        "[…], […] and […] […]; […] […], […] […], […]; […] […]; […], "
        "[…]; https://x.kz/news/[…]-zaderzhan")


def test_short_other_spellings_are_left_out():
    """Other spellings under five letters would redact common English words: "Хан" as "han" (hand), "Яна" as
    "jana"/"iana"; latin()'s own spelling is still redacted."""
    assert redaction.redact("A hand-made analysis by Janata; Khan and Yana", ["Хан Яна"]) == (
        "A hand-made analysis by Janata; […] and […]")


# Every other spelling of each letter that has one, worked out by hand from the usual systems (passports, BGN/PCGN,
# ISO 9's ASCII forms, Kazakh names' usual forms).
SPELLINGS = {
    "Айгерим": {"aygerim", "aigerim", "ajgerim"},                      # й
    "Фёдор": {"fedor", "fyodor", "fjodor"},                            # ё
    "Жуков": {"zhukov", "jukov"},                                      # ж
    "Хасанов": {"khasanov", "hasanov", "xasanov",                      # х; с between vowels: s or ss
                "khassanov", "hassanov", "xassanov"},
    "Цой": {"tsoy", "tsoi", "tsoj", "coy", "coi", "coj", "tzoy", "tzoi", "tzoj"},  # ц, й
    "Щукина": {"shchukina", "schukina", "shukina"},                    # щ
    "Юлия": {"yuliya", "yulia", "yuliia", "yulija", "iuliya", "iulia", "iuliia", "iulija",  # ю, ия
             "juliya", "julia", "juliia", "julija"},
    "Мариям": {"mariyam", "mariam", "mariiam", "marijam"},             # ия inside the word
    "Наталья": {"natalya", "natalia", "natalja", "natal'ya", "natal'ia", "natal'ja"},  # ья
    "Рыскулов": {"ryskulov", "riskulov"},                              # ы
    "Подъячев": {"podyachev", "podiachev", "podjachev", "pod'yachev", "pod'iachev", "pod'jachev"},  # ъ
    "Васильев": {"vasilev", "vasilyev", "vasil'ev", "vasil'yev",       # ь, е after a sign; с between vowels
                 "vassilev", "vassilyev", "vassil'ev", "vassil'yev"},
    "Әлия": {"aliya", "alia", "aliia", "alija", "aeliya", "aelia", "aeliia", "aelija",  # ә
             "äliya", "älia", "äliia", "älija"},
    "Ғани": {"gani", "ghani", "ğani"},                                 # ғ
    "Қасым": {"kasym", "kasim", "qasym", "qasim",                      # қ, ы, с between vowels
              "kassym", "kassim", "qassym", "qassim"},
    "Касымов": {"kasymov", "kasimov", "kassymov", "kassimov"},         # с between vowels (passports: Kassymov)
    "Сергей": {"sergey", "sergei", "sergej"},                          # с at the start: one s; ей: e + й
    "Джамиля": {"dzhamilya", "dzhamilia", "dzhamilja", "jamilya", "jamilia", "jamilja",  # дж
                "djamilya", "djamilia", "djamilja"},
    "Ахметов": {"akhmetov", "ahmetov", "axmetov"},                     # х inside; с nowhere
    "Теңіз": {"teniz", "tengiz", "teñiz", "tenız", "tengız", "teñız"},  # ң, і
    "Өмір": {"omir", "oemir", "ömir", "omır", "oemır", "ömır"},        # ө, і
    "Үмбет": {"umbet", "ümbet"},                                       # ү
    "Ұлан": {"ulan", "ūlan"},                                          # ұ
    "Ержан": {"erzhan", "erjan", "yerzhan", "yerjan"},                 # е at the start
    "Тлеубаева": {"tleubaeva", "tleubayeva"},                          # е after a vowel only
    "Дмитрий": {"dmitriy", "dmitry", "dmitrii", "dmitri", "dmitrij"},  # ий at the end
    "Кийко": {"kiyko", "kiiko", "kijko"},                              # ий inside: й alone
    "Александр": {"aleksandr", "alexandr"},                            # кс
}


@pytest.mark.parametrize("word", sorted(SPELLINGS))
def test_the_latin_spellings_of_a_word(word):
    assert redaction.latin_variants(word) == SPELLINGS[word]
    assert redaction.latin(word) in SPELLINGS[word]


def test_a_word_of_many_such_letters_keeps_256_spellings_and_latins_own():
    """Eight й would give 3^8 = 6,561 spellings: the first 256 in sorted order are kept after each letter, and
    latin()'s own ("yyyyyyyy", last in that order) is added: 257."""
    got = redaction.latin_variants("й" * 8)
    assert len(got) == 257 and "yyyyyyyy" in got and "iiiiiiii" in got
    assert all(len(v) == 8 and set(v) <= set("ijy") for v in got)


def test_five_letter_spellings_are_redacted_shorter_ones_are_not():
    assert redaction.redact("Erjan, Yerjan and Erzhan", ["Ержан"]) == "[…], […] and […]"
    assert redaction.redact("Tsoi, Coi and Tzoj", ["Цой"]) == "[…], Coi and Tzoj"  # latin()'s 'tsoy': stem 'tso'


def test_a_kazakh_name_in_its_russian_and_kazakh_latin_spellings_is_redacted():
    """A red-team probe: the persons sheet wrote Нұрлан Өтебаев and Әбілқайыр Ғалымжан, the card's text Нурлан
    Утебаев, Галымжан and the English notes Ğalymjan Äbılqaiyr: all were printed."""
    assert redaction.russian_spellings("Өтебаев") == {"Өтебаев", "отебаев", "утебаев"}
    text = "Задержан Нурлан Утебаев; Утебаевой; Галымжан; Nurlan Utebayev and Ğalymjan Äbılqaiyr"
    assert redaction.redact(text, ["Нұрлан Өтебаев", "Әбілқайыр Ғалымжан"]) == (
        "Задержан […] […]; […]; […]; […] […] and […] […]")


def test_a_name_of_short_words_is_redacted_as_a_whole_name():
    """Ли Ан, О Ен: words of one or two letters were never cut (only words of three letters and more were); such a
    word alone is a common word ("ли", "о"), so the whole name is, in either order and in Latin letters."""
    text = "у дома Ли Ан; в защиту Ан Ли; Li An and O Yen were detained; придёт ли он о пикете"
    assert redaction.redact(text, ["Ли Ан", "О Ен"]) == (
        "у дома […]; в защиту […]; […] and […] were detained; придёт ли он о пикете")


def test_a_three_letter_stem_takes_a_case_ending_not_any_letters():
    """"Ага" took "again" and "against", "Пак" "пакет" and "паковали", "Дана" "данные": a stem of three letters
    now takes only a case ending (Пака, Паку, Даны, Anna)."""
    text = "protest against it again; паковали пакет; Пака и Паку, Anna, annual, данные Даны, Kima, kimono"
    assert redaction.redact(text, ["Ага", "Пак", "Анна Дана", "Ким"]) == (
        "protest against it again; паковали пакет; […] и […], […], annual, данные […], […], kimono")


# A red-team probe (privacy classes 2-5): Latin look-alike letters, passport spellings, short surnames alone, the
# Russian spelling of Kazakh names. Every expected text typed by hand.

def test_a_name_typed_with_latin_lookalikes_is_redacted_in_every_script():
    """«Eрбол Кaсымов» (a Latin E and a) was never cut: the texts wrote it in Cyrillic, the English one in Latin."""
    text = "Задержан Ербол Касымов. Свободу Ерболу Касымову; Freedom for Yerbol Kassymov"
    assert redact(text, ["Eрбол Кaсымов"]) == "Задержан […] […]. Свободу […] […]; Freedom for […] […]"


def test_a_text_typed_with_latin_lookalikes_is_redacted_and_its_own_letters_cut():
    """The reverse: «Талгат Сериков» in clean Cyrillic, the notes «Тaлгат Сeриков» (a Latin a, e); Latin T and C in
    capitals too. Only the name's span is cut: the text around keeps its characters as typed (a Latin o in «пoзже»)."""
    assert redact("Задержан Тaлгат Сeриков, пoзже TAЛГАТ", ["Талгат Сериков"]) == "Задержан […] […], пoзже […]"
    assert redact("Задержан Талгат Сериков", ["Тaлгат Сeриков"]) == "Задержан […] […]"


def test_lookalikes_fold_no_other_word_onto_a_name():
    """Folding the look-alikes makes no common word a name: English and Russian words around stay."""
    text = "Tom, Bob and Mark took a taxi to the market; марш в марте, мама, coca-cola, Poxer"
    assert redact(text, ["Талгат Сериков", "Марат Ким", "Жанна Ли"]) == text


def test_passport_spellings_double_s_dzh_and_kh():
    assert redact("Kassymov, Kasymov and Kassymova's son", ["Касымов"]) == "[…], […] and […]'s son"
    assert redact("Jamilya, Dzhamilya, Djamilya", ["Джамиля"]) == "[…], […], […]"
    assert redact("Akhmetov and Ahmetov", ["Ахметов"]) == "[…] and […]"
    assert redact("Sergey Seryy", ["Сергей"]) == "[…] Seryy"  # с at the start of a word: one s only


def test_a_short_name_word_alone_is_cut_where_capitalised():
    """«Жанна Ли»: «Позже Ли оштрафовали» and "Later Li was fined" were printed. Ли, Li and ЛИ are cut, at a
    sentence's start too (the particle never begins one); the particle «ли» in small letters and words that begin
    with Li (Lion, Lima) stay."""
    text = ("Задержана Жанна Ли. Позже Ли оштрафовали. Ли оштрафовали! Придёт ли он? Later Li was fined. ЛИ, LI. "
            "Lion, Lima, li, Лилия")
    assert redact(text, ["Жанна Ли"]) == ("Задержана […]. Позже […] оштрафовали. […] оштрафовали! Придёт ли он? "
                                          "Later […] was fined. […], […]. Lion, Lima, li, Лилия")
    assert redact("Виктор Ли; Ли отпустили вечером. Viktor Li; Li was released", ["Виктор Ли"]) == (
        "[…]; […] отпустили вечером. […]; […] was released")


def test_a_one_letter_name_word_is_not_cut_where_a_sentence_begins_with_the_common_word():
    """«О Ен»: «О» begins sentences as a preposition (and "O", "I" in English): kept there; cut mid-sentence where it
    is a capital (a name), never in small letters."""
    text = "О пикете сообщили. Задержан О Ен. Позже О отпустили. «О чём?» — спросил он о пикете. Later O left. O, no."
    assert redact(text, ["О Ен"]) == (
        "О пикете сообщили. Задержан […]. Позже […] отпустили. «О чём?» — спросил он о пикете. Later […] left. O, no.")
    assert redact("I saw И and I left. I", ["И Ен"]) == "I saw […] and I left. I"


def test_a_kazakh_name_in_russian_spelling_with_a_soft_sign_is_redacted():
    """«Әсел Нұрғалиева», notes «Задержана Асель Нургалиева» was printed «Задержана Асель […]»."""
    assert redaction.russian_spellings("Әсел") == {"Әсел", "асел", "эсел", "асель", "эсель"}
    text = "Задержана Асель Нургалиева; Аселью, Асели и Асель; Галым, Галыма"
    assert redact(text, ["Әсел Нұрғалиева", "Ғалым"]) == "Задержана […] […]; […], […] и […]; […], […]"
    assert redaction.russian_spellings("Ғалым") == {"Ғалым", "галым"}  # м: no soft sign


def test_a_redacted_topic_keeps_its_english_version():
    """The figures' topic keys are cut (Поддержка […] […] […]); the English edition looked the English topic up by
    that key, found nothing and printed the Russian marked untranslated: now it finds topic_en, cut in its turn."""
    from assets.report.report_data import english_topics
    from tests.test_mutants_i14z import T, _view

    cards = pl.DataFrame({"topic": ["Поддержка Айгерим Нурлановны Сапаровой", "жильё"],
                          "topic_en": ["Support for Aigerim Saparova", "housing"]})
    names = ["Айгерим Нурлановна Сапарова"]
    topics = english_topics(cards, names)
    assert topics == {"Поддержка Айгерим Нурлановны Сапаровой": "Support for Aigerim Saparova",
                      "Поддержка […] […] […]": "Support for Aigerim Saparova", "жильё": "housing",
                      "Поддержка […]": "Support for Aigerim Saparova"}  # the run of cuts as one (cut_key)
    v = _view({"2017": {("2", T, "count"): 2.0}}, lang="en")
    v.data.topic_en.update(topics)
    v.data.private_names = names
    assert v.key_label("topics", "Поддержка […] […] […]") == "Support for &#91;…&#93; &#91;…&#93;"


def test_a_topic_whose_name_was_erased_since_the_figures_keeps_its_english_version():
    """After an erasure the cards hold «Свободу REDACTED-7ca7aa45» (the marker cut as «[…]-[…]») while the figures,
    derived before, keep «Свободу […] […]»: the English edition found no English topic and printed the Russian."""
    from assets.report.report_data import english_topics
    from tests.test_mutants_i14z import T, _view

    cards = pl.DataFrame({"topic": ["Свободу REDACTED-7ca7aa45"], "topic_en": ["Freedom for REDACTED-7ca7aa45"]})
    v = _view({"2017": {("2", T, "count"): 2.0}}, lang="en")
    v.data.topic_en.update(english_topics(cards, ["REDACTED-7ca7aa45"]))
    v.data.private_names = ["REDACTED-7ca7aa45"]
    assert v.key_label("topics", "Свободу […] […]") == "Freedom for &#91;…&#93;-&#91;…&#93;"
    assert v.key_label("topics", "Свободу […]") == "Freedom for &#91;…&#93;-&#91;…&#93;"
    assert v.key_label("topics", "Требуем […] […]") == (
        "[(untranslated, Russian): Требуем &#91;…&#93; &#91;…&#93;]{.untranslated lang=ru}")
