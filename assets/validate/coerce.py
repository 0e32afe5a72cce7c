"""Turning a raw record (strings as typed by a monitor, or spreadsheet/JSON values) into typed
fields. Each field that cannot be read gives a Problem with a reason a monitor understands."""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from assets.core.limits import limits
from core import morph
from core.dates import parse_date  # noqa: F401 (coerce.parse_date: the one date reader)
from core.dates import parse_time  # noqa: F401 (coerce.parse_time: the one time reader, the review import's too)
from core.typed import WEB_LINK, ambiguous_thousands, not_text, yes_no  # what a person typed: read alike by the review import
from core.typed import links as typed_links
from schemas import gazetteer
from schemas.card import Field, header_aliases, normalise_header, spec



@dataclass
class Problem:
    field: str
    value: str
    reason: str
    rule: str


def _empty(v) -> bool:
    """None, or text of nothing but whitespace and invisible characters (a zero-width space alone is no topic)."""
    return v is None or (isinstance(v, str) and not INVISIBLE.sub("", v).strip())


# the errors a spreadsheet shows in a cell whose formula failed (Excel; LibreOffice's Err:502): never a value
EXCEL_ERROR = r"#(?:NULL!|DIV/0!|VALUE!|REF!|NAME\?|NUM!|N/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|PYTHON!|EXTERNAL!)|Err:\d{3}"
_EXCEL_ERROR = re.compile(EXCEL_ERROR)
# a question mark where a letter was: between Cyrillic letters ("Жа?а?зен", "ЖА?А?ЗЕН") or starting a word of small Cyrillic
# letters ("?лы"). A text saved in an encoding without the letter (Excel's "CSV" in a Russian or Kazakh locale is
# windows-1251, which has no Kazakh ә ғ қ ң ө ұ ү һ) has lost it for good. The same pattern, in Python and in Rust.
LOST_LETTER = r"[А-Яа-яЁё]\?[а-яё]|[А-ЯЁ]\?[А-ЯЁ]|(?:^|[\s«\"'(])\?[а-яё]{2}"
_LOST_LETTER = re.compile(LOST_LETTER)
# a number with spaces in it: only as thousands are grouped (1 500, 1 000 000; any Unicode space: Excel's no-break
# and narrow no-break spaces too); "5 10" or "12 5" is no number, not 510 or 125
_GROUPED = re.compile(r"[-+]?\d{1,3}(?:\s\d{3})+")


def _s(v) -> str:
    return str(v).strip()


def parse_int(v) -> int:
    if isinstance(v, bool):
        raise ValueError
    if isinstance(v, int):
        return v
    if isinstance(v, float):
        if v.is_integer():
            return int(v)
        raise ValueError
    s = _s(v)
    if re.search(r"\s", s):
        if not _GROUPED.fullmatch(s):
            raise ValueError  # spaces that group no thousands ("5 10": a range? two numbers?)
        s = re.sub(r"\s", "", s)
    if re.fullmatch(r"[-+]?\d+", s):
        return int(s)
    if ambiguous_thousands(s):
        raise ValueError  # 1,000 / 2.000: thousands or decimals? (_type_reason says so)
    if re.fullmatch(r"[-+]?\d+[.,]0+", s):  # 5,0 / 5.00: a whole number written with decimals
        return int(re.split(r"[.,]", s)[0])
    raise ValueError


_UNIT_RX: dict[tuple[str, ...], re.Pattern] = {}


def without_unit(f: Field, v):
    """A count's text without the unit of its field typed after the number (card.yaml `units`: '50 человек' is
    '50', '5 МРП' '5', '15 сут.' '15'; any case); any other value as it is."""
    if not f.units or not isinstance(v, str):
        return v
    rx = _UNIT_RX.get(f.units)
    if rx is None:
        words = "|".join(re.escape(u) for u in sorted(f.units, key=len, reverse=True))
        rx = _UNIT_RX[f.units] = re.compile(rf"(.*\d)\s*(?:{words})", re.IGNORECASE)
    m = rx.fullmatch(v.strip())
    return m.group(1) if m else v


def parse_bool(v) -> bool:
    if isinstance(v, bool):
        return v
    answer = yes_no(_s(v))
    if answer is None:
        raise ValueError
    return answer




_PER_FIELD: dict[tuple[str, int], tuple[Field, dict]] = {}


def _per_field(kind: str, f: Field, build) -> dict:
    """`build(f)`, made once per field object and kind of index (card.yaml's fields live as long as the process)."""
    hit = _PER_FIELD.get((kind, id(f)))
    if hit is not None and hit[0] is f:
        return hit[1]
    value = build(f)
    _PER_FIELD[(kind, id(f))] = (f, value)
    return value


def _code_index(f: Field) -> dict[str, str]:
    """Every way to write a code of `f` (key, Russian, English label; normalised) -> the key."""
    return _per_field("code", f, _build_code_index)


def _build_code_index(f: Field) -> dict[str, str]:
    idx = {}
    for key, labels in f.codes.items():
        for alias in (key, labels.get("ru", ""), labels.get("en", "")):
            if alias:
                idx[normalise_header(alias)] = key
    return idx


def _lemma_index(f: Field) -> dict[tuple[str, ...], str]:
    """The dictionary forms of each code's Russian label -> the key ("политический" -> political); a form two codes
    share is left out (ambiguous). Built only when a value is not written as a code or label."""
    return _per_field("lemma", f, _build_lemma_index)


def _build_lemma_index(f: Field) -> dict[tuple[str, ...], str]:
    return morph.code_lemmas(f.codes)


def parse_code(f: Field, v) -> str:
    """A code written as its key, its label, or another form of its Russian label ("Митинги", "политическая")."""
    s = normalise_header(_s(v))
    key = _code_index(f).get(s)
    if key is None and re.search("[а-яё]", s):
        key = _lemma_index(f).get(morph.lemmas(s))
    if key is None:
        raise ValueError
    return key


def _codes_hint(f: Field) -> str:
    return ", ".join(f"{k} ({v['ru']})" for k, v in f.codes.items())


def coerce_record(kind: str, data: dict) -> tuple[dict, list[Problem]]:
    """Typed values for every field of `kind` (None where empty or unreadable) and the problems."""
    fields = spec().fields(kind)
    by_field = fields_of(kind, data)
    out: dict[str, object] = {}
    problems: list[Problem] = []
    lim = limits()
    for name, f in fields.items():
        out[name], problem = coerce_value(f, by_field.get(name), lim)
        if problem is not None:
            problems.append(problem)
    return out, problems


def fields_of(kind: str, data: dict) -> dict[str, object]:
    """A record's values by field: its headers read through the aliases (key, Russian, English
    label); of two headers naming one field, the later one counts unless it is empty."""
    aliases = header_aliases(kind)
    by_field: dict[str, object] = {}
    for header, value in data.items():
        name = aliases.get(normalise_header(header))
        if name and not (name in by_field and _empty(value)):
            by_field[name] = value
    return by_field


def coerce_value(f: Field, v, lim) -> tuple[object, Problem | None]:
    """One field's typed value (None where empty or unreadable) and its problem, if any. The value
    alone decides both: validate's column path (columns.py) calls this once per distinct value."""
    name = f.name
    if isinstance(v, list) and all(not isinstance(x, (dict, list)) for x in v):
        v = ";".join(_s(x) for x in v if not _empty(x))  # a YAML/JSON list of codes or links
    if _empty(v):
        return None, (Problem(name, "", f"'{f.ru}' ({name}) is required but empty", "required") if f.required else None)
    what = f"'{f.ru}' ({name})"
    if isinstance(v, (dict, list)):
        return None, Problem(name, shown(v), f"{what} holds a nested list or set of fields, not a value", "type:nested")
    text = _s(v)
    if len(text) > lim.max_field_chars:
        return None, Problem(name, shown(text), f"{what} is {len(text)} characters long, over the limit of "
                             f"{lim.max_field_chars} (config/limits.yaml file.max_field_chars); shorten it", "limit:field_chars")
    bad = not_text(text)
    if bad:
        return None, Problem(name, shown(text), f"{what} {bad}", "type:control_character")
    if _EXCEL_ERROR.fullmatch(text):
        return None, Problem(name, shown(text), f"{what}: '{text}' is the error a spreadsheet shows when a formula fails, "
                             "not a value; correct the formula in the workbook, or type the value itself", "type:excel_error")
    if f.type in ("text", "city") and _LOST_LETTER.search(text):
        return None, Problem(name, shown(text), f"{what}: '{text}' has '?' where letters were: the file was saved in an "
                             "encoding without them (windows-1251, Excel's 'CSV' in a Russian locale, has no Kazakh "
                             "ә ғ қ ң ө ұ ү һ), so they are lost; save the file again as 'CSV UTF-8' (or send the "
                             "workbook itself) and put it back in the inbox", "type:lost_letters")
    try:
        value = _coerce(f, v)
    except ValueError:
        return None, Problem(name, shown(text), _type_reason(f, v), f"type:{f.type}")
    if f.pattern and not re.search(f.pattern, value):
        return None, Problem(name, shown(text), _pattern_reason(f, value), f"{name}_format")
    if f.alone and ";" in value:
        lone = [c for c in value.split(";") if c in f.alone]
        if lone:
            label = f.codes[lone[0]]["ru"]
            return None, Problem(name, shown(text), f"{what}: '{text}' gives '{lone[0]}' ({label}) together with other "
                                 f"answers; '{lone[0]}' goes alone: keep either it or the others", f"{name}_alone")
    bound = lim.counts.get(name)
    if f.type == "int" and bound is not None and value > bound:
        return None, Problem(name, shown(text), f"{what}: {value} is more than {bound:,}".replace(",", " ")
                             + " - not a plausible count (config/limits.yaml counts); check the number", "limit:count")
    if f.type == "int" and not -(2**63) <= value < 2**63:
        return None, Problem(name, shown(text), f"{what}: {text} is far too large a number", "limit:count")
    return value, None


SHOWN = 200


def shown(v) -> str:
    """A value as quarantine keeps it beside the reason: cut to 200 characters."""
    s = v if isinstance(v, str) else str(v)
    s = s.strip()
    return s if len(s) <= SHOWN else s[:SHOWN] + f"… ({len(s)} characters)"


def _coerce(f: Field, v):
    t = f.type
    if t == "text":
        return _s(v)
    if t == "int":
        return parse_int(without_unit(f, v))
    if t == "bool":
        return parse_bool(v)
    if t == "date":
        return parse_date(v)
    if t == "time":
        return parse_time(v)
    if t == "code":
        return parse_code(f, v)
    if t == "codes":
        parts = [p for p in re.split(r"[;,]", _s(v)) if p.strip()]
        return ";".join(dict.fromkeys(parse_code(f, p) for p in parts))  # a code given twice counts once
    if t == "city":
        key = gazetteer.lookup(_s(v))
        if key is None:
            raise ValueError
        return key
    if t == "links":
        links = typed_links(_s(v))
        bad = [u for u in links if not WEB_LINK.match(u)]
        if bad:
            raise ValueError
        return ";".join(links)
    raise AssertionError(f"unknown field type {t}")


# characters that show nothing: zero-width spaces and joiners, bidi marks and overrides, the BOM,
# soft hyphens (Unicode category Cf); as a character class for Python and Rust alike
INVISIBLE = re.compile(r"[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")
INVISIBLE_RX = r"[\x{ad}\x{61c}\x{180e}\x{200b}-\x{200f}\x{202a}-\x{202e}\x{2060}-\x{2064}\x{2066}-\x{206f}\x{feff}]"


def id_key(card_id: str) -> str:
    """What two card ids are compared by: without invisible characters, NFKC (full-width letters,
    ligatures as plain ones) and ignoring case, so `2017-PBJ-01` and `2017-pbj-01` are one id
    (validate.py's duplicates and ids of other periods; columns' polars twin: validate.id_key_expr)."""
    return unicodedata.normalize("NFKC", INVISIBLE.sub("", card_id)).lower()


def _script(ch: str) -> str:
    try:
        return unicodedata.name(ch).split()[0].capitalize()
    except ValueError:
        return "unknown"


def _pattern_reason(f: Field, s: str) -> str:
    """Why a value does not have its field's form (card.yaml `pattern`: so far the card id)."""
    what = f"'{f.ru}' ({f.name}): {s!a}" if not s.isprintable() else f"'{f.ru}' ({f.name}): '{s}'"
    rule = "a card id is Latin letters, digits and - _ . (e.g. 2017-ALA-001), starting with a letter or digit"
    hidden = [c for c in s if unicodedata.category(c) == "Cf"]
    if hidden:
        return (f"{what} contains an invisible character (U+{ord(hidden[0]):04X}), so it would look like another "
                f"id and not be it; retype the id ({rule})")
    foreign = [c for c in s if c.isalpha() and not c.isascii()]
    if foreign:
        scripts = sorted({_script(c) for c in foreign})
        shown_letters = ", ".join(dict.fromkeys(foreign))
        if any(c.isascii() and c.isalpha() for c in s):
            return (f"{what} mixes Latin and {'/'.join(scripts)} letters ({shown_letters}), which look alike but make "
                    f"another id; retype it in Latin letters ({rule})")
        return f"{what} is written in {'/'.join(scripts)} letters ({shown_letters}); {rule}"
    if any(c in "\r\n" for c in s):
        return f"{what} contains a line break; {rule}"
    return f"{what} is not a card id: {rule}, at most 64 characters"


def _serial_date(s: str, what: str) -> str | None:
    """The reason for a number where a date belongs that is a date as Excel counts it (days since 1899-12-30):
    a cell formatted as a number, or a date pasted as a value."""
    if not re.fullmatch(r"\d{5}(?:\.\d+)?", s) or not 20000 <= float(s) < 80000:
        return None
    day = dt.date(1899, 12, 30) + dt.timedelta(days=int(float(s)))
    return (f"{what}: '{s}' is not a date but a number; as a spreadsheet counts days it is {day.isoformat()}: "
            f"format the cell as a date, or type {day.strftime('%d.%m.%Y')}")


def _fraction_time(s: str, what: str) -> str | None:
    """The reason for a fraction of a day where a time belongs (a spreadsheet's time in a cell formatted as a number)."""
    if not re.fullmatch(r"0?\.\d+", s):
        return None
    minutes = round(float(s) * 24 * 60)
    if minutes >= 24 * 60:
        return None
    hhmm = f"{minutes // 60:02d}:{minutes % 60:02d}"
    return (f"{what}: '{s}' is not a time but a number; as a spreadsheet counts a day it is {hhmm}: "
            f"format the cell as a time, or type {hhmm}")


def _city_hint(s: str) -> str:
    """What to write instead of an unknown city: the nearest city's name when one is near ("Алмата"), else how."""
    key = gazetteer.nearest(s)
    if key:
        return f"did you mean {gazetteer.label(key)} ({key})? write it so, or add the city to the gazetteer"
    return "write the city as Алматы, Астана, Шымкент, ... or add it to the gazetteer"


def _calendar_like(s: str) -> bool:
    """2017-02-30 or 30.02.2017: shaped like a date, but no such day."""
    return bool(re.fullmatch(r"\d{4}([-/.])\d{1,2}\1\d{1,2}|\d{1,2}([-./])\d{1,2}\2\d{4}", s))


# words for "not known" and for "none" that monitors type where a count or a yes/no belongs: named, never read as a
# value (an empty count is not known, 0 is none: the difference is kept, fill_counts)
_UNKNOWN_WORDS = re.compile(r"н/д|н\.\s?д\.?|нет\s+данных|неизвестно|не\s+известно|не\s+знаю|\?+|unknown|n/a|na|"
                            r"белгісіз|мәлімет\s+жоқ", re.I)
_NONE_WORDS = re.compile(r"нет|не\s+было|никого|ни\s+одного|ноль|[-–—]|none|no|жоқ|жок|болған\s+жоқ", re.I)


def _type_reason(f: Field, v) -> str:
    what = f"'{f.ru}' ({f.name})"
    s = _s(without_unit(f, v)) if f.type == "int" else _s(v)
    if _UNKNOWN_WORDS.fullmatch(s) and f.type in ("int", "bool"):
        return f"{what}: '{s}' says it is not known: leave the cell empty when it is not known"
    if f.type == "int" and _NONE_WORDS.fullmatch(s):
        return (f"{what}: '{s}' is not a number: write 0 when there were none, or leave the cell empty when it is not "
                "known")
    if f.type == "int" and re.fullmatch(r"(?:~|≈|\w+\.?\s)?\s*\d+\s*[-–—]\s*\d+|(?:~|≈|около|примерно|приблизительно|более|менее|больше|меньше|до|свыше|about|approx\.?|over|under|[<>≤≥]=?)\s*\d+\+?|\d+\s*\+", s, re.I):
        bounds = (" (the estimate here, its bounds in 'Участники (мин.)' (participants_low) and 'Участники (макс.)' "
                  "(participants_high))") if f.name.startswith("participants") else ""
        return (f"{what}: '{s}' is an approximate number or a range, not one whole number: write one number{bounds}")
    if f.type == "int" and re.fullmatch(r"\d{4}-\d{2}-\d{2}(?:[ T]00:00(?::00)?)?", s):
        return (f"{what}: '{s}' is a date, not a number: a spreadsheet makes a day of '5-10' or '10.5' typed into a "
                "cell of General format; format the column as Text or Number and type the number again (a range: "
                "the estimate here, its bounds in the low and high fields)")
    if f.type == "int" and re.search(r"\d\s+\d", s) and not _GROUPED.fullmatch(s) and not ambiguous_thousands(s):
        return (f"{what}: '{s}' is not a whole number: a space inside a number may only group thousands (1 500); "
                "write one number (for a range, the estimate here and its bounds in the low and high fields)")
    if f.type == "int" and ambiguous_thousands(s):
        plain = re.sub(r"\s", "", s)
        thousands, decimals = int(re.sub(r"[.,]", "", plain)), re.split(r"[.,]", plain)[0]
        return (f"{what}: '{s}' is ambiguous: a comma or point followed by three digits separates thousands "
                f"in one locale and decimals in another, so it is not read as a number; write the whole number "
                f"without separators: {thousands}" + ("" if len(re.findall(r"[.,]", plain)) > 1 else f" or {int(decimals)}"))
    return {
        "int": f"{what}: '{s}' is not a whole number",
        "bool": f"{what}: '{s}' is not yes/no (да/нет, 1/0, true/false)",
        "date": f"{what}: '{s}' is not a date: there is no such day in the calendar" if _calendar_like(s) else
                _serial_date(s, what) or f"{what}: '{s}' is not a date (write 2017-05-03 or 03.05.2017)",
        "time": _fraction_time(s, what) or f"{what}: '{s}' is not a time (write 15:00)",
        "code": f"{what}: '{s}' is not one of the codes: {_codes_hint(f)}",
        "codes": f"{what}: '{s}' has a value that is not one of the codes: {_codes_hint(f)}",
        "city": f"{what}: '{s}' is not a city of the gazetteer (config/gazetteer.yaml); " + _city_hint(s),
        "links": f"{what}: '{s}' has something that is not an http(s) link",
    }.get(f.type, f"{what}: '{s}' cannot be read")
