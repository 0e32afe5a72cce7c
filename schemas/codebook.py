"""The codebook (schemas/codebook.md) and the spreadsheet template, generated from schemas/card.yaml."""
from __future__ import annotations

from pathlib import Path

from core import settings
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


def write_template(path: Path | None = None) -> Path:
    """An XLSX workbook with a `cards` and a `persons` sheet, Russian headers, code lists as comments."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment

    path = path or settings.build_dir() / "card-template.xlsx"
    path.parent.mkdir(parents=True, exist_ok=True)
    wb = Workbook()
    for i, kind in enumerate(("card", "person")):
        ws = wb.active if i == 0 else wb.create_sheet()
        ws.title = "cards" if kind == "card" else "persons"
        for col, f in enumerate(spec().fields(kind).values(), start=1):
            cell = ws.cell(row=1, column=col, value=f.ru)
            hint = f"{f.name}: {TYPE_WORDS.get(f.type, f.type)}" + (" (обязательно)" if f.required else "")
            if f.codes:
                hint += "\n" + "\n".join(f"{k} = {v['ru']}" for k, v in f.codes.items())
            cell.comment = Comment(hint, "codebook")
    wb.save(path)
    return path
