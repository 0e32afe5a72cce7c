"""The field form: an XLSForm (ODK Collect / KoboToolbox) generated from schemas/card.yaml.

Every field of the card and of the person becomes a question; code lists become choice lists; the
labels are Russian and English (`label::Русский (ru)`, `label::English (en)`); the card's
cross-field rules (assets/validate/rules.py) are written as XLSForm `constraint` and `relevant`
expressions where XPath can say them; persons are a repeat group `persons`.

Card fields are grouped (event, assembly, permission, authorities, source) so that the exports of
ODK Central (`event-date`) and KoboToolbox (`event/date`) carry group-prefixed column names;
assets/ingest/odk.py reads them back. Booleans are the choice list `yes_no` (yes / no), which the
validation reads as booleans; a select_multiple answer is exported space-separated.

    monitor form [PATH] [--period P]   (P adds the period's dates as a constraint on `date`)
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from schemas import gazetteer
from schemas.card import Field, spec

RU = "label::Русский (ru)"
EN = "label::English (en)"
HINT_RU = "hint::Русский (ru)"  # card.yaml's `meaning` is in English only
HINT_EN = "hint::English (en)"
MSG_RU = "constraint_message::Русский (ru)"
MSG_EN = "constraint_message::English (en)"
FORM_ID = "assembly_card"
REPEAT = "persons"
# person fields whose name is also a card field's get another name in the form (names are unique)
RENAMED_PERSON = {"detained": "p_detained", "card_id": "p_card_id"}

# Groups of the card's fields, in the card's order; a field of card.yaml missing here goes to "other".
GROUPS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "event": ("Событие", "Event", ("card_id", "event_status", "date", "time_start", "city", "settlement",
                                    "settlement_en", "place", "place_en", "designated_place")),
    "assembly": ("Собрание", "Assembly", ("form", "topic", "topic_en", "character", "organizer_type", "organizer_name",
                                          "participants_low", "participants", "participants_high", "duration_min",
                                          "attributes", "notification")),
    "permission": ("Разрешение", "Permission", ("permission_requested", "permission_answer", "reason_not_applied",
                                                          "applications")),
    "authorities": ("Власти и полиция", "Authorities and police", (
        "prosecutor_present", "prosecutor_warned", "akimat_present", "akimat_warned", "police_present",
        "police_warned", "police_count", "obstruction", "dispersal", "preventive_detentions", "detained",
        "state_organised")),
    "source": ("Источник", "Source", ("source_type", "source_links", "notes", "notes_en", "compiler_notes")),
}

YES_NO = {"yes": {"ru": "Да", "en": "Yes"}, "no": {"ru": "Нет", "en": "No"}}


def _empty(ref: str) -> str:
    return f"string-length({ref}) = 0"


def _rules(period_dates: tuple[dt.date, dt.date] | None) -> dict[str, dict[str, dict[str, str]]]:
    """The card's rules (rules.CARD_RULES / PERSON_RULES) as XLSForm columns, per field."""
    m = {
        "participants": dict(  # rules.participants_required_when_held
            required="${event_status} != 'refused' and ${event_status} != 'prevented'",
            constraint=f"({_empty('${participants_low}')} or . >= ${{participants_low}})",
            ru="Участников не может быть меньше минимальной оценки",
            en="Participants cannot be below the low estimate"),
        "participants_high": dict(
            constraint=". >= ${participants}",
            ru="Максимальная оценка не может быть меньше оценки участников",
            en="The high estimate cannot be below the best estimate"),
        "detained": dict(
            constraint=("(. <= ${participants} or (string-length(${participants_high}) > 0 and . <= ${participants_high})"
                        " or ${event_status} = 'refused' or ${event_status} = 'prevented')"
                        f" and ({_empty('${preventive_detentions}')} or . >= ${{preventive_detentions}})"),
            ru="Задержанных не больше, чем участников, и не меньше превентивно задержанных",
            en="Detained cannot exceed participants nor be fewer than the preventive detentions"),
        "permission_answer": dict(relevant="${permission_requested} = 'yes'", required="yes"),
        "reason_not_applied": dict(relevant="${permission_requested} = 'no'", required="yes"),
        "prosecutor_warned": dict(relevant="${prosecutor_present} != 'no'"),
        "akimat_warned": dict(relevant="${akimat_present} != 'no'"),
        "police_warned": dict(relevant="${police_present} != 'no'"),
        "police_count": dict(relevant="${police_present} != 'no'"),
        "attributes": dict(
            constraint="not(selected(., 'none') and count-selected(.) > 1)",
            ru="«Нет» нельзя отмечать вместе с другими вариантами", en="'None' cannot go with other answers"),
        "notification": dict(
            constraint="not((selected(., 'none') or selected(., 'unknown')) and count-selected(.) > 1)",
            ru="«Не оповещались» / «Неизвестно» нельзя отмечать вместе с другими вариантами",
            en="'Not notified' / 'Unknown' cannot go with other answers"),
        "card_id": dict(  # card.yaml's pattern, as validation holds it (coerce._pattern_reason)
            constraint=f"regex(., '{spec().card['card_id'].pattern}')",
            ru="Номер карты: латинские буквы, цифры и - _ . (например 2017-ALA-001)",
            en="Card id: Latin letters, digits and - _ . (e.g. 2017-ALA-001)"),
        "source_links": dict(
            constraint=r"regex(., '^\s*https?://[^\s;]+(\s*;\s*https?://[^\s;]+)*\s*;?\s*$')",
            ru="Ссылки начинаются с http:// или https:// и разделяются «;»",
            en="Links start with http:// or https:// and are separated by ';'"),
    }
    person = {
        "fine_mrp": dict(relevant="${court_outcome} = 'fine'", required="yes", constraint=". > 0",
                         ru="Штраф в МРП больше нуля", en="The fine in MRP is above zero"),
        "arrest_days": dict(relevant="${court_outcome} = 'arrest'", required="yes", constraint=". > 0",
                            ru="Срок ареста больше нуля", en="The arrest lasts at least one day"),
        "court_date": dict(relevant="${court_outcome} != '' and ${court_outcome} != 'released'"),
        "preventive": dict(relevant="${p_detained} != 'no'"),
    }
    if period_dates:
        a, b = period_dates
        m["date"] = dict(constraint=f". >= date('{a.isoformat()}') and . <= date('{b.isoformat()}')",
                         ru=f"Дата вне периода мониторинга ({a} – {b})",
                         en=f"The date lies outside the monitoring period ({a} – {b})")
    return {"card": m, "person": person}


def _question(f: Field, rules: dict[str, dict[str, str]], name: str | None = None) -> dict:
    t = f.type
    if t == "int":
        qtype = "integer"
    elif t == "bool":
        qtype = "select_one yes_no"
    elif t in ("date", "time", "text"):
        qtype = t
    elif t == "city":
        qtype = "select_one city"
    elif t == "code":
        qtype = f"select_one {f.name}"
    elif t == "codes":
        qtype = f"select_multiple {f.name}"
    else:  # links and anything new: free text
        qtype = "text"
    row = {"type": qtype, "name": name or f.name, RU: f.ru, EN: f.en, HINT_RU: f.meaning, HINT_EN: f.meaning,
           "required": "yes" if f.required else ""}
    if t == "int":
        row["constraint"] = ". >= 0"
        row[MSG_RU], row[MSG_EN] = "Не может быть меньше нуля", "Cannot be below zero"
    if t == "text" and f.type == "text" and name is None and f.name == "notes":
        row["appearance"] = "multiline"
    r = rules.get(f.name, {})
    if "constraint" in r:
        row["constraint"] = f"({row['constraint']}) and ({r['constraint']})" if row.get("constraint") else r["constraint"]
        row[MSG_RU], row[MSG_EN] = r.get("ru", row.get(MSG_RU, "")), r.get("en", row.get(MSG_EN, ""))
    for k in ("relevant", "required"):
        if k in r:
            row[k] = r[k]
    return row


def build(period_dates: tuple[dt.date, dt.date] | None = None) -> dict[str, list[dict]]:
    """The three sheets of the XLSForm (survey, choices, settings) as lists of rows."""
    s = spec()
    rules = _rules(period_dates)
    survey: list[dict] = []
    grouped = [n for _, _, names in GROUPS.values() for n in names]
    groups = dict(GROUPS)
    rest = tuple(n for n in s.card if n not in grouped)
    if rest:
        groups["other"] = ("Прочее", "Other", rest)
    for gname, (ru, en, names) in groups.items():
        survey.append({"type": "begin_group", "name": gname, RU: ru, EN: en})
        survey += [_question(s.card[n], rules["card"]) for n in names if n in s.card]
        survey.append({"type": "end_group", "name": gname})
    # persons: a repeat; person_id and card_id are computed, so a monitor never types them
    survey.append({"type": "begin_repeat", "name": REPEAT, RU: "Лица (организаторы, задержанные, обвиняемые)",
                   EN: "Persons (organisers, detainees, defendants)"})
    for n, f in s.person.items():
        if n == "person_id":
            survey.append({"type": "calculate", "name": n, "calculation": "concat('p', position(..))", RU: f.ru, EN: f.en})
        elif n == "card_id":
            survey.append({"type": "calculate", "name": RENAMED_PERSON[n], "calculation": "${card_id}", RU: f.ru, EN: f.en})
        elif n in RENAMED_PERSON:
            survey.append(_question(f, rules["person"], name=RENAMED_PERSON[n]))
        else:
            survey.append(_question(f, rules["person"]))
    survey.append({"type": "end_repeat", "name": REPEAT})

    choices: list[dict] = [{"list_name": "yes_no", "name": k, RU: v["ru"], EN: v["en"]} for k, v in YES_NO.items()]
    for key in gazetteer.cities():
        choices.append({"list_name": "city", "name": key, RU: gazetteer.label(key, "ru"), EN: gazetteer.label(key, "en")})
    for kind in ("card", "person"):
        for f in s.fields(kind).values():
            if f.type in ("code", "codes"):
                choices += [{"list_name": f.name, "name": k, RU: v["ru"], EN: v["en"]} for k, v in f.codes.items()]
    settings = [{"form_title": "Карточка мониторинга мирного собрания / Assembly monitoring card", "form_id": FORM_ID,
                 "version": f"{s.version}.{dt.date.today():%Y%m%d}", "default_language": "Русский (ru)",
                 "instance_name": "concat(${card_id}, ' ', ${date})"}]
    return {"survey": survey, "choices": choices, "settings": settings}


def write_xlsform(path: Path | None = None, period_dates: tuple[dt.date, dt.date] | None = None) -> Path:
    from openpyxl import Workbook

    path = Path(path) if path else Path("build") / "forms" / f"{FORM_ID}.xlsx"
    path.parent.mkdir(parents=True, exist_ok=True)
    sheets = build(period_dates)
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        cols: list[str] = []
        for r in rows:
            cols += [k for k in r if k not in cols]
        ws.append(cols)
        for r in rows:
            ws.append([r.get(c, "") or None for c in cols])
    wb.save(path)
    return path
