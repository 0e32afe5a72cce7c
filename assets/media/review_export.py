"""The review queue written to a spreadsheet for monitors (`export_queue`): one row per candidate, its extracted
fields ready to correct, a `decision` column (accept / reject / merge) and `merge_into`, then the sources, the
sentences each field came from and why it was found; a `codes` sheet, a `not_events` sheet of what triage dropped
(a monitor can reverse it) and a help sheet. Reading the filled sheets back is review.py's job."""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from assets.media import places, reason_words
from assets.media.review_columns import (COLUMNS, EDITABLE, MAX_ROW_LINES, NOT_EVENT_COLUMNS, WRAPPED, card_schema, label,
                                        lines_shown, width)

HELP = """
Как работать с этим файлом (English below)
1. Каждая строка — событие, которое программа нашла в СМИ. Прочтите источники (колонки «Источник 1–3» — ссылки
   кликабельны), предложения, из которых взяты поля, и «Почему найдено».
2. Исправьте поля в жёлтых колонках. Коды выбираются из списков; можно писать по-русски или по-английски.
3. В колонке «Решение» выберите: принять (станет карточкой), отклонить (это не событие или не наше),
   объединить (то же событие, что другой кандидат или карточка: её номер — в «Объединить с»).
4. Сохраните файл в папку inbox/reviews/ и запустите импорт. Если строка не принята (например, не заполнено
   обязательное поле), она вернётся в следующей выгрузке с тем, что вы уже ввели, и с объяснением в колонке
   «Ошибка прошлого импорта».
5. Карточку, созданную из этого файла, можно править прямо в её файле: следующий импорт вашу правку не затрёт.
6. «Источники расходятся»: разные статьи называют разные цифры; все они сохранены, диапазон «от / до» их
   охватывает. Оставьте его или исправьте.
7. Лист «not_events»: статьи, которые программа сочла не событием, с причиной. Если это событие, поставьте
   «да» в колонке «Это событие?» — статья вернётся в очередь.
8. «Почему найдено» и причины на листе «not_events» даны по-русски; в квадратных скобках — то же правило так,
   как его называет программа (по-английски): по нему разработчики найдут правило, если оно ошиблось.
   Колонки можно сужать и расширять, строки — фильтровать (кнопки в заголовках).

How to use this file
1. Each row is an event the program found in the media. Read the sources (Source 1-3 are clickable), the evidence
   sentences and "Why it was found".
2. Correct the fields in the yellow columns. Codes come from the drop-downs; Russian or English both work.
3. Decision: accept (becomes a card), reject (not an event, or not ours), merge (the same event as another
   candidate or card: put its id in "Merge into").
4. Save the file into inbox/reviews/ and run the import. A row that cannot be accepted (e.g. a required field is
   empty) comes back in the next sheet with what you typed and the reason under "Problem at the last import".
5. A card made from this sheet may be corrected in its own file: the next import never overwrites your edit.
6. "Sources disagree": articles give different figures; all are kept and the low/high range spans them.
7. Sheet "not_events": articles judged not to report an event, with the reason. Put "yes" under "Is an event?"
   to send one back to the queue.
8. "Why it was found" and the not_events reasons are in Russian; the square brackets give the rule's own name for
   it (in English), by which developers find the rule if it erred. Columns may be resized, rows filtered (the
   buttons in the headers).
"""


DECISION_CHOICES = ["принять / accept", "отклонить / reject", "объединить / merge"]


BOOL_CHOICES = ["да / yes", "нет / no"]


MAX_CELL = 32000
NOT_EVENT_WIDTHS = (28, 36, 13, 56, 14)  # link, headline, published, why not an event, is an event?


def _header_height(cells) -> float:
    """Points for a header row of (text, width) cells: a bold line takes about 16 points, and one line more for the
    filter's buttons, which cover the cell's foot."""
    return 16 * (max(lines_shown(text, chars) for text, chars in cells) + 1)


def _row_height(cells) -> float:
    """Points for a row of wrapped (text, width) cells: 15 a line, up to MAX_ROW_LINES lines."""
    return 15 * min(max(lines_shown(text, chars) for text, chars in cells), MAX_ROW_LINES)


def _claims_text(raw) -> str | None:
    """'participants: 30 (https://a) | 50 (https://b)' for every field on which sources differ."""
    if not raw:
        return None
    try:
        by_field = json.loads(raw) if isinstance(raw, str) else raw
    except json.JSONDecodeError:
        return None
    lines = []
    for f, cs in by_field.items():
        if len({c.get("value") for c in cs}) > 1:
            lines.append(f"{f}: " + " | ".join(f"{c.get('value')} ({c.get('url')})" for c in cs))
    return "\n".join(lines) or None


def _code_label(field_name: str, code) -> str | None:
    labels = (card_schema().get(field_name, {}).get("codes") or {}).get(code)
    if not labels:
        return code
    return f"{labels.get('ru')} / {labels.get('en')}"


def safe_text(value) -> str:
    """Scraped text is untrusted: no control characters, no formula (set as a string cell)."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE  # openpyxl imported where used: 0.16 s per process

    s = ILLEGAL_CHARACTERS_RE.sub("", str(value))
    return s[:MAX_CELL]


def _cell_value(v):
    if v is None:
        return None
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, (int, float)):
        return v
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()[:10]
    if isinstance(v, dict):
        return safe_text("\n".join(f"{k}: {t}" for k, t in v.items()))
    return safe_text(v)


def export_queue(candidates: list[dict], path: Path, *, notes: dict[str, str] | None = None,
                 not_events: list[dict] | None = None) -> int:
    """Write the review spreadsheet; returns the number of rows."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    notes = notes or {}
    wb = Workbook()
    ws = wb.active
    ws.title = "queue"
    ws.append([label(k) for k in COLUMNS])
    bold = Font(bold=True)
    for c in ws[1]:
        c.font = bold
        c.alignment = Alignment(wrap_text=True, vertical="top")  # "Ответ акимата / Authorities' answer" whole
    ws.row_dimensions[1].height = _header_height((label(k), width(k)) for k in COLUMNS)
    for col, name in enumerate(COLUMNS, start=1):
        ws.column_dimensions[ws.cell(row=1, column=col).column_letter].width = width(name)
    edit_fill = PatternFill("solid", fgColor="FFF2CC")
    for n, cand in enumerate(candidates, start=2):
        for col, name in enumerate(COLUMNS, start=1):
            if name == "import_note":
                v = notes.get(cand.get("candidate_id"))
            elif name == "evidence":
                ev = cand.get("evidence")
                if isinstance(ev, str):
                    try:
                        ev = json.loads(ev)
                    except json.JSONDecodeError:
                        pass
                v = ev
            elif name == "why_found":  # the rules' reasons in Russian, their shorthand in brackets
                v = reason_words.for_monitor(cand.get("why_found"))
            elif name == "claims":  # sources that disagree, side by side
                v = _claims_text(cand.get("claims"))
            elif name in ("decision", "merge_into", "notes"):
                v = cand.get(name)  # what the monitor typed before a failed import, else empty
            elif name.startswith("source_") and name[-1].isdigit():
                links = [u for u in str(cand.get("source_links") or "").split(";") if u]
                k = int(name[-1]) - 1
                v = links[k] if k < len(links) else None
            else:
                v = cand.get(name)
            spec = card_schema().get(name, {})
            if v not in (None, "") and spec.get("type") == "code":
                v = _code_label(name, v)
            elif isinstance(v, bool) and name in EDITABLE:
                v = "да / yes" if v else "нет / no"
            elif name == "city" and v:
                v = places.cities().get(v, {}).get("ru") or v
            cell = ws.cell(row=n, column=col, value=_cell_value(v))
            if isinstance(cell.value, str):
                cell.data_type = "s"  # never a formula, whatever the text starts with
            if name.startswith("source_") and name[-1].isdigit() and v and re.match(r"https?://", str(v)):
                cell.hyperlink = str(v)  # clickable, and still plain text
                cell.style = "Hyperlink"
            if name in ("decision", "merge_into") or name in EDITABLE:
                cell.fill = edit_fill
            cell.alignment = Alignment(wrap_text=name in WRAPPED, vertical="top")
        ws.row_dimensions[n].height = _row_height((ws.cell(row=n, column=COLUMNS.index(k) + 1).value, width(k))
                                                  for k in WRAPPED)
    # code lists for the drop-downs
    codes = wb.create_sheet("codes")
    codes.sheet_state = "hidden"  # the drop-downs' lists: a monitor chooses from them, never reads them here
    lists = {
        "decision": DECISION_CHOICES,
        "city": sorted(c.get("ru") or k for k, c in places.cities().items()),
        "form": [_code_label("form", c) for c in card_schema()["form"]["codes"]],
        "character": [_code_label("character", c) for c in card_schema()["character"]["codes"]],
        "organizer_type": [_code_label("organizer_type", c) for c in card_schema()["organizer_type"]["codes"]],
        "permission_answer": [_code_label("permission_answer", c) for c in card_schema()["permission_answer"]["codes"]],
        "reason_not_applied": [_code_label("reason_not_applied", c) for c in card_schema()["reason_not_applied"]["codes"]],
        "bool": BOOL_CHOICES,
    }
    bools = [f for f in EDITABLE if card_schema().get(f, {}).get("type") == "bool"]
    last = max(2, len(candidates) + 1)
    for j, (name, values) in enumerate(lists.items(), start=1):
        codes.cell(row=1, column=j, value=name).font = bold
        for i, v in enumerate(values, start=2):
            codes.cell(row=i, column=j, value=v)
        letter = codes.cell(row=1, column=j).column_letter
        ref = f"codes!${letter}$2:${letter}${len(values) + 1}"
        targets = bools if name == "bool" else [name]
        for t in targets:
            col = ws.cell(row=1, column=COLUMNS.index(t) + 1).column_letter
            dv = DataValidation(type="list", formula1=ref, allow_blank=True, showErrorMessage=True)
            dv.add(f"{col}2:{col}{last}")
            ws.add_data_validation(dv)
    ne = wb.create_sheet("not_events")
    ne.append([f"{ru} / {en}" for ru, en in NOT_EVENT_COLUMNS])
    for c in ne[1]:
        c.font = bold
    for r, item in enumerate(not_events or [], start=2):
        reason = reason_words.for_monitor(item.get("reason"), refused=True)
        for col, v in enumerate([item.get("url"), item.get("title"), item.get("published"), reason, None], 1):
            cell = ne.cell(row=r, column=col, value=_cell_value(v))
            if isinstance(cell.value, str):
                cell.data_type = "s"
        url = str(item.get("url") or "")
        if re.match(r"https?://", url):
            ne.cell(row=r, column=1).hyperlink = url
            ne.cell(row=r, column=1).style = "Hyperlink"
        ne.cell(row=r, column=5).fill = edit_fill
    dv = DataValidation(type="list", formula1='"да / yes,нет / no"', allow_blank=True)
    dv.add(f"E2:E{max(2, len(not_events or []) + 1)}")
    ne.add_data_validation(dv)
    # narrow enough that "Это событие?" (E), where the monitor answers, is on a laptop's screen beside the reason
    for letter, chars in zip("ABCDE", NOT_EVENT_WIDTHS):
        ne.column_dimensions[letter].width = chars
    for row in ne.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=cell.column_letter in "BD" or cell.row == 1, vertical="top")
        if row[0].row > 1:
            ne.row_dimensions[row[0].row].height = _row_height((row[i].value, NOT_EVENT_WIDTHS[i]) for i in (1, 3))
    ne.freeze_panes = "B2"
    ne.row_dimensions[1].height = _header_height((f"{ru} / {en}", w) for (ru, en), w in
                                                 zip(NOT_EVENT_COLUMNS, NOT_EVENT_WIDTHS))
    ws.auto_filter.ref = f"A1:{ws.cell(row=1, column=len(COLUMNS)).column_letter}{last}"
    ne.auto_filter.ref = f"A1:E{max(2, len(not_events or []) + 1)}"
    help_ = wb.create_sheet("help")
    for line in HELP.strip().splitlines():
        help_.append([line])
        if line and not line[0].isdigit() and not line.startswith(" "):  # the two titles
            help_.cell(row=help_.max_row, column=1).font = bold
    help_.column_dimensions["A"].width = 120
    ws.freeze_panes = "D2"
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp.xlsx")
    wb.save(tmp)
    tmp.replace(path)
    return len(candidates)
