"""One fact, one place (issue 14, item 4): code lists only in schemas/card.yaml, one list of table numbers,
one date reader, each configuration file parsed once."""
from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from core import dates, yamlfiles

ROOT = Path(__file__).resolve().parents[1]


def _card_code_lists() -> dict[str, set[str]]:
    raw = yaml.safe_load((ROOT / "schemas" / "card.yaml").read_text(encoding="utf-8"))
    return {f"{kind}.{name}": set(f["codes"]) for kind in ("card", "person") for name, f in raw[kind].items() if f.get("codes")}


def test_no_code_list_is_retyped_in_python():
    """A list, tuple or set literal of three or more strings that are all the codes of one card.yaml field (or
    all but one: a copy gone stale) is a retyped code list. A selection (the report's usual forms) is not.
    The media extractor's own vocabularies are its owner's business and are left out; the benchmark's generator and
    its pandas baseline (which reads card.yaml itself, as an analyst would) are in."""
    lists = _card_code_lists()
    bad = []
    for d in ("assets", "pipelines", "schemas", "core", "scripts", "benchmarks"):
        for path in sorted((ROOT / d).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            if rel.startswith("assets/media/"):
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, (ast.List, ast.Tuple, ast.Set)) and len(node.elts) >= 3 and \
                        all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts):
                    vals = {e.value for e in node.elts}
                    for field, codes in lists.items():
                        if vals <= codes and len(vals) >= len(codes) - 1:  # the list, or a stale copy of it
                            bad.append(f"{rel}:{node.lineno}: {sorted(vals)} are codes of {field}: use schemas.card.codes_of")
    assert not bad, "\n".join(bad)


def test_code_lists_in_python_are_card_yaml_s():
    from assets.report import period_tables
    from schemas import published

    lists = _card_code_lists()
    raw = yaml.safe_load((ROOT / "schemas" / "card.yaml").read_text(encoding="utf-8"))
    assert published.CHARACTERS == tuple(raw["card"]["character"]["codes"])  # the order of card.yaml too
    assert set(published.FORMS) == lists["card.form"] and set(published.REASONS) == lists["card.reason_not_applied"]
    assert period_tables.ORGANIZERS == list(raw["card"]["organizer_type"]["codes"])


def test_table_numbers_are_one_list():
    from assets.derive.audit import findings
    from schemas import figures, published

    assert published.TABLE_NOS == tuple(figures.TABLE_NOS)
    assert findings.TABLE_ORDER is figures.TABLE_NOS
    assert figures.TABLE_NOS.index("14-1") == figures.TABLE_NOS.index("14") + 1  # the report's order
    labels = yaml.safe_load((ROOT / "config" / "labels.yaml").read_text(encoding="utf-8"))
    assert set(figures.TABLE_NOS) <= set(labels["tables"])  # every table has its title
    # the per-table facts are keyed by the list's numbers: every numbered table has its rows' dimension, no key is
    # a table the list lacks (a table added or renamed in one place only fails here)
    named = {"topics", "courts", "summary"}
    assert set(published.TABLE_DIMENSION) == set(figures.TABLE_NOS) - named
    assert set(published.TABLE_COLUMNS) == set(figures.TABLE_NOS) - {"courts", "summary"}


@pytest.mark.parametrize("text, day", [
    ("2017-05-03", dt.date(2017, 5, 3)), ("03.05.2017", dt.date(2017, 5, 3)), ("03.05.17", dt.date(2017, 5, 3)),
    ("03/05/2017", dt.date(2017, 5, 3)), ("2017-05-03 15:00:00", dt.date(2017, 5, 3)),
    ("2017-05-03T15:00:00", dt.date(2017, 5, 3)), (" 2017-12-31 ", dt.date(2017, 12, 31)),
    ("31.12.2017 10:00", dt.date(2017, 12, 31)), ("31.12.2017 23:59:59", dt.date(2017, 12, 31)),
    ("2017-05-03 15:00", dt.date(2017, 5, 3)), ("03/05/2017 09:30", dt.date(2017, 5, 3)),
    ("2017/05/03", dt.date(2017, 5, 3)), ("2017.5.3", dt.date(2017, 5, 3)), ("3 мая 2017", dt.date(2017, 5, 3)), ("03 Мая 2017 г.", dt.date(2017, 5, 3)), ("1 января 2018 года", dt.date(2018, 1, 1)),
    ("29 февраля 2016", dt.date(2016, 2, 29)), ("03.05.2017г.", dt.date(2017, 5, 3)), ("03.05.2017 г.", dt.date(2017, 5, 3)),
    (dt.datetime(2017, 5, 3, 23, 59), dt.date(2017, 5, 3)), (dt.date(2016, 2, 29), dt.date(2016, 2, 29)),
    # 3 December: the day first with hyphens, Kazakh and English months' names, a sentence's full stop
    ("03-05-2017", dt.date(2017, 5, 3)), ("3 мамыр 2017", dt.date(2017, 5, 3)), ("2017 жылғы 3 мамыр", dt.date(2017, 5, 3)),
    ("2017 ж. 3 мамыр", dt.date(2017, 5, 3)), ("2017 жылғы 12-ші желтоқсан", dt.date(2017, 12, 12)),
    ("31 ҚАЗАН 2017 ж.", dt.date(2017, 10, 31)), ("3 May 2017", dt.date(2017, 5, 3)), ("May 3, 2017", dt.date(2017, 5, 3)),
    ("3 Sep 2017", dt.date(2017, 9, 3)), ("Sept. 3rd, 2017", dt.date(2017, 9, 3)), ("03.05.2017.", dt.date(2017, 5, 3)),
    ("2017-05-03.", dt.date(2017, 5, 3)), ("3 мая 2017 г.", dt.date(2017, 5, 3)),
])
def test_one_date_reader(text, day):
    from assets.media import dates as media_dates
    from assets.validate import coerce

    assert dates.parse_date(text) == day
    assert coerce.parse_date(text) == day            # validation reads cards with it
    assert media_dates.parse_date(text) == day       # and the media review reads its spreadsheet with it


@pytest.mark.parametrize("text", ["2017-02-30", "3 мая", "05/03/17", "", None, "2017-5", "31.12.2017 25:00",
                                  "31.12.17 10:00", "31.12.2017 10", "31.02.2017 10:00", "29 февраля 2017",
                                  "3 мая 17", "3 мая", "2017г.", "03.05.17г.", "3 майя 2017", "г.", "3 мая 2017 г. 10:00",
                                  "3 mayo 2017", "3 Mayday 2017", "3 Ju 2017", "31 ақпан 2017", "3 мамыр", "03.05.",
                                  "2017-05-03..", "30-02-2017", "3 мамыр 17", "May 32, 2017", "2017 жылғы мамыр"])
def test_not_a_date(text):
    from assets.media import dates as media_dates

    with pytest.raises(ValueError):
        dates.parse_date(text)
    assert dates.date_or_none(text) is None and media_dates.parse_date(text) is None


@given(st.dates(min_value=dt.date(1970, 1, 1), max_value=dt.date(2068, 12, 31)))  # two-digit years: 1969-2068
def test_every_format_reads_back_the_day(day):
    for fmt in dates.FORMATS:
        assert dates.parse_date(day.strftime(fmt)) == day, fmt
    months = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября",
              "декабря")  # typed here again: the test must not read the list it checks
    for text in (f"{day.day} {months[day.month - 1]} {day.year}", f"{day:%d} {months[day.month - 1].upper()} {day.year} г.",
                 f"{day:%d.%m.%Y}г."):
        assert dates.parse_date(text) == day, text
    kk = ("қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша",
          "желтоқсан")  # typed here again, as the Russian ones
    en = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
          "December")
    for text in (f"{day.day} {kk[day.month - 1]} {day.year}", f"{day.year} жылғы {day.day} {kk[day.month - 1]}",
                 f"{day.day} {en[day.month - 1]} {day.year}", f"{en[day.month - 1][:3]} {day.day}, {day.year}",
                 f"{day:%d-%m-%Y}", f"{day:%d.%m.%Y}.", f"{day:%Y-%m-%d}."):
        assert dates.parse_date(text) == day, text


def test_a_config_file_is_parsed_once_and_again_when_it_changes(tmp_path):
    f = tmp_path / "x.yaml"
    f.write_text("a: 1\n", encoding="utf-8")
    first = yamlfiles.load(f)
    assert first == {"a": 1} and yamlfiles.load(f) is first  # one parse, shared
    f.write_text("a: 22\nb: [x]\n", encoding="utf-8")       # another size: parsed again
    assert yamlfiles.load(f) == {"a": 22, "b": ["x"]}


def test_the_gazetteer_and_the_periods_are_parsed_once(monkeypatch):
    """schemas/gazetteer.py, schemas/published.py, assets/core/periods.py and the media places read
    their files through core/yamlfiles.py: one parse each."""
    from assets.core import periods
    from assets.media import places
    from schemas import gazetteer, published

    parses = []
    real = yamlfiles._parse.__wrapped__
    yamlfiles.clear()
    monkeypatch.setattr(yamlfiles, "_parse", _counting(real, parses))
    for cached in (gazetteer.cities, places.cities, periods._load):
        cached.cache_clear()
    try:
        assert set(published.city_keys()) == set(gazetteer.cities()) == set(places.cities())
        assert set(published.period_ids()) <= {p.id for p in periods.all_periods()}
        names = [Path(p).name for p in parses]
        assert names.count("gazetteer.yaml") == 1 and names.count("periods.yaml") == 1, names
    finally:
        for cached in (gazetteer.cities, places.cities, periods._load):
            cached.cache_clear()


def _counting(real, parses):
    from functools import lru_cache

    @lru_cache(maxsize=32)
    def parse(*a):
        parses.append(a[0])
        return real(*a)
    return parse


def test_the_limits_and_the_sources_are_parsed_once(monkeypatch, tmp_path):
    """config/limits.yaml is read by assets/core/limits.py and by the exports' row cap, config/sources.yaml by three
    media assets per run: one parse of each (core/yamlfiles.py), not one per reader or per call."""
    from assets.core import limits
    from assets.media import sources
    from assets.report import exports

    parses = []
    real = yamlfiles._parse.__wrapped__
    yamlfiles.clear()
    monkeypatch.setattr(yamlfiles, "_parse", _counting(real, parses))
    monkeypatch.delenv("MONITOR_XLSX_MAX_ROWS", raising=False)
    limits._load.cache_clear()
    try:
        assert limits.limits().max_bytes > 0 and exports.xlsx_max_rows() > 0
        path = sources.default_path()
        assert sources.load(path) == sources.load(path) == sources.load(path)
        names = [Path(p).name for p in parses]
        assert names.count("limits.yaml") == 1 and names.count(path.name) == 1, names
    finally:
        limits._load.cache_clear()


@pytest.mark.parametrize("text,answer", [
    ("да", True), ("Да.", True), ("ДА!", True), ("yes", True), ("1", True), ("+", True), ("иә", True), ("Ия", True),
    ("нет", False), ("Нет.", False), ("no", False), ("0", False), ("-", False), ("жоқ", False), ("Жок", False),
    ("не знаю", None), (".", None), ("-.", None), ("1.", None), ("да нет", None), ("?", None), ("дада", None),
])
def test_one_yes_no_reader(text, answer):
    # the card's validation and the media review import read a yes/no cell alike (core/typed.py)
    from assets.media import review_sheets
    from assets.validate import coerce

    got, problem = review_sheets._bool(text)
    assert got is answer and (problem is None) == (answer is not None)
    if answer is None:
        with pytest.raises(ValueError):
            coerce.parse_bool(text)
    else:
        assert coerce.parse_bool(text) is answer
