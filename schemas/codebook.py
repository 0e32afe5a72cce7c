"""The codebook (schemas/codebook.md) and the spreadsheet template, generated from schemas/card.yaml.

The template (`monitor template`, write_template) is what a data-collection tool gives: every fact in
it comes from card.yaml (fields, types, labels, codes), config/gazetteer.yaml (the cities) and
config/limits.yaml (the bound of each count, read through core: schemas/ sits below assets/). A
drop-down for each code field (its Russian labels, which validation reads back as the codes), for
each yes/no field (да/нет) and for the city; an input message on every column (type, "обязательно",
the codes of a several-codes field); a date format and check on the date, text format on times,
the card id and other text (so Excel makes no date of 2017-05-03 and no 9.3 of 9.30), a whole-number
check on counts. Lists longer than Excel's inline 255 characters, or with a comma in a label, are
ranges of the hidden sheet `списки` (LIST_SHEET), which the inbox passes over without a note.
These checks help the monitor in Excel; the inbox's validation still checks every value."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from core import settings, yamlfiles
from schemas import gazetteer
from schemas.card import spec

CODEBOOK = Path(__file__).with_name("codebook.md")

TYPE_WORDS = {
    "text": "text", "int": "whole number ≥ 0", "bool": "yes/no (да/нет, 1/0, true/false)",
    "date": "date (2017-05-03 or 03.05.2017)", "time": "time (15:00)", "code": "one code",
    "codes": "codes separated by ';'", "city": "city (gazetteer key or name)", "links": "http(s) links separated by ';'",
}


def codebook_markdown() -> str:
    s = spec()
    out = [
        "# Codebook of the observation card",
        "",
        f"Generated from `schemas/card.yaml` (version {s.version}) by `monitor codebook`; do not edit by hand.",
        "A card file may name its columns by the field key, the Russian label or the English label.",
        "Persons (organisers, detainees, defendants) are rows of their own (the `persons` sheet of a",
        "workbook, a `*persons.csv` file, or a `persons:` list inside a JSON/YAML card), linked by `card_id`.",
        "Names are personal data: public outputs show a pseudonym unless `public` is yes.",
        "",
    ]
    for kind, title in (("card", "Card fields"), ("person", "Person fields")):
        out += [f"## {title}", "", "| field | type | required | Russian label | meaning | codes |", "|---|---|---|---|---|---|"]
        for f in s.fields(kind).values():
            codes = "<br>".join(f"`{k}` — {v['ru']} / {v['en']}" for k, v in f.codes.items())
            meaning = (f.meaning or f.en) + "".join(f" Never `{w}`: {why}." for w, why in f.reserved.items())
            meaning += "".join(f" `{c}` goes with no other code." for c in f.alone)
            meaning += f" The number may be followed by its unit ({', '.join(f.units)})." if f.units else ""
            meaning = meaning.replace("|", "\\|")
            out.append(f"| `{f.name}` | {TYPE_WORDS.get(f.type, f.type)} | {'yes' if f.required else ''} | {f.ru} | {meaning} | {codes} |")
        out.append("")
    out += ["## Cities", "", "See `config/gazetteer.yaml`: keys, Russian, Kazakh, English and old names.", ""]
    return "\n".join(out)


def write_codebook(path: Path | None = None) -> Path:
    path = path or CODEBOOK
    path.write_text(codebook_markdown(), encoding="utf-8")
    return path


TEMPLATE_ROWS = 5000  # the rows of each sheet given the drop-downs, formats and input messages (2..5000)
LIST_SHEET = "списки"  # the template's hidden sheet of drop-down lists: the inbox passes over it without a note
DATE_FORMAT = "mm-dd-yy"  # Excel's built-in short date (14): shown as the reader's locale writes a date, 03.05.2017 in a
# Russian one; a format of the template's own ("DD.MM.YYYY") would send every filled template to the slower reader
DATE_RANGE = (dt.date(2000, 1, 1), dt.date(2099, 12, 31))  # wide: outside it is a typing error (0217, 2107)
YES_NO = ("да", "нет")
TYPE_RU = {
    "text": "текст", "int": "целое число ≥ 0", "bool": "да или нет (выберите из списка)",
    "date": "дата ДД.ММ.ГГГГ, например 03.05.2017", "time": "время ЧЧ:ММ, например 15:00",
    "code": "одно значение из списка", "codes": "одно или несколько значений через «;»",
    "city": "город из списка (или другое его название)", "links": "ссылки http(s)://… через «;»",
}
_INLINE_MAX = 255  # Excel's limit on a drop-down list written in the validation itself
_PROMPT_MAX = 255  # Excel's limits on an input message (longer: Excel calls the file damaged)
_TITLE_MAX = 32
_ERROR_MAX = 225  # and on an error message


def _choices(f) -> tuple[str, ...]:
    """What a drop-down offers for `f`: the Russian labels of a code (validation reads a label back as
    its code: assets/validate/coerce.py parse_code), да/нет, or the cities' Russian names."""
    if f.type == "code":
        return tuple(v["ru"] for v in f.codes.values())
    if f.type == "bool":
        return YES_NO
    if f.type == "city":
        return tuple(sorted((gazetteer.label(k) for k in gazetteer.cities()), key=lambda s: s.replace("ё", "е")))
    return ()


def _count_bounds() -> dict[str, int]:
    """config/limits.yaml's plausible upper bound of each count (read here as core offers it: schemas/ sits
    below assets/core/limits.py)."""
    path = settings.config_dir() / "limits.yaml"
    if not path.exists():
        return {}
    return {str(k): int(v) for k, v in (yamlfiles.load(path).get("counts") or {}).items()}


def _type_ru(f, bound: int | None) -> str:
    if f.type == "int" and bound is not None:
        return f"целое число от 0 до {bound:,}".replace(",", " ")
    return TYPE_RU.get(f.type, f.type)


def _prompt(f, bound: int | None) -> str:
    """The input message of `f`'s column: its type in Russian, whether required, then card.yaml's meaning
    (English) as room allows, or, for a `codes` field, its codes' Russian labels."""
    text = _type_ru(f, bound)
    if f.pattern:
        text += "; латинские буквы, цифры и - _ . (например 2017-ALA-001), не больше 64 знаков"
    if f.required:
        text += "; обязательно"
    if f.meaning and f.type != "codes":  # card.yaml's meaning is in English only: after the Russian, as room allows
        room = _PROMPT_MAX - len(text) - 2
        meaning = f.meaning if len(f.meaning) <= room else f.meaning[: room - 1].rsplit(" ", 1)[0] + "…"
        text += ". " + meaning if room > 20 else ""
    if f.type == "codes":
        labels = [v["ru"] for v in f.codes.values()]
        text += ": " + "; ".join(labels)
        text += "".join(f"; «{f.codes[c]['ru']}» — без других" for c in f.alone)
        if len(text) > _PROMPT_MAX:
            more = " … (все — в примечании к заголовку)"
            text = text[: _PROMPT_MAX - len(more)].rsplit(";", 1)[0] + more
    return text[:_PROMPT_MAX]


def _range_hint(f, kind: str) -> str:
    """Where a range goes for a count that has a low and a high twin (participants: 5-10 is no number)."""
    fields = spec().fields(kind)
    low, high = fields.get(f"{f.name}_low"), fields.get(f"{f.name}_high")
    if low is None or high is None:
        return ""
    return f" Диапазон («5-10») — в полях «{low.ru}» и «{high.ru}»."


def write_template(path: Path | None = None) -> Path:
    """The XLSX workbook monitors fill: a `cards` and a `persons` sheet, Russian headers (bold, frozen,
    a comment with the field key, type and codes), and on rows 2..5000 of each column what card.yaml
    says of its field: a drop-down of the Russian labels for a code, да/нет for a yes/no field, the
    gazetteer's cities for the city (lists too long or with commas sit in the hidden sheet `списки`,
    which the inbox passes over); an input message listing the codes of a `codes` field; a date
    format (ДД.ММ.ГГГГ) and a date check for the date; text format for times (9.30 stays 9.30, not
    9.3), the card id and every other text; a whole-number check (0 .. config/limits.yaml's bound)
    for counts. The workbook's checks help the monitor; validation still checks every value."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter, quote_sheetname
    from openpyxl.utils.datetime import to_excel
    from openpyxl.worksheet.datavalidation import DataValidation

    path = path or settings.build_dir() / "card-template.xlsx"
    path.parent.mkdir(parents=True, exist_ok=True)
    bounds = _count_bounds()
    wb = Workbook()
    lists = wb.create_sheet(LIST_SHEET)
    lists.sheet_state = "hidden"
    list_col = 0
    last = TEMPLATE_ROWS
    for i, kind in enumerate(("card", "person")):
        ws = wb.active if i == 0 else wb.create_sheet(index=1)
        ws.title = "cards" if kind == "card" else "persons"
        for col, f in enumerate(spec().fields(kind).values(), start=1):
            letter = get_column_letter(col)
            cell = ws.cell(row=1, column=col, value=f.ru)
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="DDEBF7" if f.required else "F2F2F2")
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            hint = f"{f.name}: {TYPE_WORDS.get(f.type, f.type)}" + (" (обязательно)" if f.required else "")
            if f.codes:
                hint += "\n" + "\n".join(f"{k} = {v['ru']}" for k, v in f.codes.items())
            comment = Comment(hint, "codebook")
            comment.width, comment.height = 320, min(60 + 18 * len(f.codes), 600)
            cell.comment = comment
            choices = _choices(f)
            dim = ws.column_dimensions[letter]
            dim.width = min(max([len(f.ru), *(len(c) for c in choices), 12 if f.type in ("date", "time") else 10]) + 3, 45)
            dim.number_format = DATE_FORMAT if f.type == "date" else "General" if f.type in ("int", "bool") else "@"
            prompt = _prompt(f, bounds.get(f.name))
            if choices:
                inline = ",".join(choices)
                if len(inline) <= _INLINE_MAX and not any("," in c or '"' in c for c in choices):
                    formula = f'"{inline}"'
                else:
                    list_col += 1
                    lc = get_column_letter(list_col)
                    lists.cell(row=1, column=list_col, value=f"{f.ru} (список)")
                    for r, c in enumerate(choices, start=2):
                        lists.cell(row=r, column=list_col, value=c)
                    formula = f"{quote_sheetname(LIST_SHEET)}!${lc}$2:${lc}${len(choices) + 1}"
                dv = DataValidation(type="list", formula1=formula, allow_blank=True, errorStyle="stop",
                                    errorTitle="Нет в списке", error=f"Выберите значение из списка ({f.ru}).")
            elif f.type == "int":
                top = bounds.get(f.name)
                dv = DataValidation(type="whole", operator="between" if top is not None else "greaterThanOrEqual",
                                    formula1="0", formula2=str(top) if top is not None else None, allow_blank=True,
                                    errorStyle="stop", errorTitle="Не целое число",
                                    error=f"{f.ru}: {_type_ru(f, top)}.{_range_hint(f, kind)}"[:_ERROR_MAX])
            elif f.type == "date":
                lo, hi = (int(to_excel(d)) for d in DATE_RANGE)
                dv = DataValidation(type="date", operator="between", formula1=str(lo), formula2=str(hi), allow_blank=True,
                                    errorStyle="stop", errorTitle="Не дата",
                                    error="Дата в формате ДД.ММ.ГГГГ, например 03.05.2017.")
            else:
                dv = DataValidation(allow_blank=True)  # any value: the input message only
            dv.promptTitle, dv.prompt, dv.showInputMessage = f.ru[:_TITLE_MAX], prompt, True
            dv.showErrorMessage = dv.type is not None
            dv.add(f"{letter}2:{letter}{last}")
            ws.add_data_validation(dv)
        ws.freeze_panes = "B2" if kind == "card" else "A2"
        ws.row_dimensions[1].height = 45
    wb.active = 0
    wb.save(path)
    return path
