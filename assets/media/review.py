"""The monitor's review of machine-found candidates.

The queue's columns and their labels are defined here; `review_export.export_queue` writes the queue to a
spreadsheet: one row per candidate, its extracted fields ready to correct, a `decision` column (accept / reject /
merge) and `merge_into` (another candidate id or an existing card id), then the sources and the sentences each
field came from.

`import_reviews` reads the filled spreadsheets back (the workbooks of <inbox>/reviews/; any other file
there is named as not read; the queue found by its header on any sheet; see docs/media.md for what is
refused: every problem names file, sheet, row and field, the other rows are imported). An accepted row
becomes one card file (YAML, the fields of schemas/card.yaml, source_type media) in
<inbox>/cards/<period>/, where it flows through validation like any card. A merged row adds its
links to the card of the candidate it is merged into (or is recorded as a source of an existing
card). A row with a problem (an unknown city, a date outside every period, a required field left
empty) is not decided: the problem is recorded and shown in the next queue's `import_note`.
Decisions are kept in the warehouse, so a decided candidate is never put in the queue again.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from assets.core import periods
from assets.media import places
from assets.media.dates import parse_date
from assets.media.review_columns import (COLUMNS, DECISIONS, EDITABLE, _choice, card_schema, code_of, codes_hint,
                                          label)
from assets.media.review_sheets import READABLE, SheetRow, _answer, _bool, _int, read_workbook
from core import settings
from core.dates import parse_time
from core.typed import WEB_LINK, links as typed_links, not_text
from schemas.card_rules import check_card

# -- import ------------------------------------------------------------------------------------
@dataclass
class Decision:
    candidate_id: str
    decision: str | None
    merge_into: str | None
    status: str  # done | error | note (a column no field reads: said, not stored; the rows are imported)
    message: str = ""
    card_id: str | None = None
    period: str | None = None
    card_path: str | None = None
    fields: dict = field(default_factory=dict)
    event_keys: str = ""
    review_file: str = ""
    review_row: int = 0
    card: dict | None = None
    review_sheet: str = ""  # the sheet the row is on (not stored: the CLI and the messages name it)
    cell_problems: dict = field(default_factory=dict)  # field key -> problem of its cell (a formula without a value)
    written: bool = False  # this import wrote (or rewrote) its card file (not stored: the CLI counts them)
    kept_by_hand: bool = False  # its card file was corrected by hand, so left as it is (not stored)

    def row(self) -> dict:
        return {
            "candidate_id": self.candidate_id, "decision": self.decision, "merge_into": self.merge_into,
            "status": self.status, "message": self.message, "card_id": self.card_id, "period": self.period,
            "card_path": self.card_path, "fields": json.dumps(self.fields, ensure_ascii=False, default=str),
            "event_keys": self.event_keys, "review_file": self.review_file, "review_row": self.review_row,
        }


def period_of(day: dt.date) -> str | None:
    for p in periods.all_periods():
        if p.contains(day):
            return p.id
    return None


def card_id_for(candidate_id: str, period: str) -> str:
    return f"{period}-MEDIA-{hashlib.sha1(candidate_id.encode()).hexdigest()[:8]}"


def build_card(candidate_id: str, row: dict) -> tuple[dict | None, list[str]]:
    """The card of an accepted row, or the problems that keep it from being one."""
    problems: list[str] = []
    schema = card_schema()
    card: dict = {}
    day = parse_date(row.get("date"))
    period = None
    if day is None:
        problems.append(f"date: '{row.get('date') or ''}' is not a date (YYYY-MM-DD or DD.MM.YYYY)")
    else:
        period = period_of(day)
        if period is None:
            problems.append(f"date: {day.isoformat()} lies in no monitoring period of config/periods.yaml")
        card["date"] = day
    city = places.lookup(str(row.get("city") or ""))
    if city is None:
        problems.append(f"city: '{row.get('city') or ''}' is not a city of config/gazetteer.yaml")
    card["city"] = city
    for name in EDITABLE:
        if name in ("date", "city"):
            continue
        spec = schema.get(name, {})
        typ = spec.get("type")
        v = row.get(name)
        if typ == "bool":
            val, err = _bool(v)
        elif typ == "int":
            val, err = _int(v)
        elif typ == "code":
            if v in (None, ""):
                val, err = None, None
            else:
                val = code_of(name, v)
                err = None if val else f"'{v}' is not a code of {name}: choose one of {codes_hint(name)}"
        elif typ == "codes":
            val, err = None, None
            if v not in (None, ""):
                parts = [p.strip() for p in re.split(r"[;,]", str(v)) if p.strip()]
                bad = [p for p in parts if not code_of(name, p)]
                if bad:
                    err = f"{', '.join(bad)} not codes of {name}: choose from {codes_hint(name)}"
                else:
                    val = ";".join(dict.fromkeys(code_of(name, p) for p in parts))
        elif typ == "time":
            val, err = None, None
            if v not in (None, ""):
                try:
                    val = parse_time(v).strftime("%H:%M")  # as validation reads it: 15:30, 9:05, 15.30
                except ValueError:
                    err = f"'{v}' is not a time HH:MM"
        else:
            val, err = (str(v).strip() if v not in (None, "") else None), None
            bad = not_text(val or "")
            if bad:  # refused here, where the monitor sees it, as validation would refuse the card
                val, err = None, bad
        if err:
            problems.append(f"{name}: {err}")
        card[name] = val
    for name, spec in schema.items():
        if spec.get("required") and name not in ("card_id", "source_type") and card.get(name) in (None, ""):
            if not any(p.startswith(f"{name}:") for p in problems):
                problems.append(f"{name}: required, please fill it in")
    if problems:
        return None, problems
    card["card_id"] = card_id_for(candidate_id, period)
    card["source_type"] = "social" if str(row.get("source_type") or "") == "social" else "media"
    place_links(card, typed_links(row.get("source_links")))
    if card.get("participants") is not None:
        if card.get("participants_low") is None:
            card["participants_low"] = card["participants"]
        if card.get("participants_high") is None:
            card["participants_high"] = card["participants"]
    ordered = {k: card.get(k) for k in schema if k in card and card.get(k) is not None}
    # the rules between fields, in validation's words: a card breaking one would be quarantined by the next run,
    # where the monitor would have to find and fix its file; refused here, the row comes back with what was typed
    broken = check_card(ordered)
    if broken:
        return None, [f"{name}: {message}" for name, message in broken]
    return ordered, []


def _file_error(key: str, path: Path, message: str, sheet: str = "") -> Decision:
    return Decision(candidate_id=key, decision=None, merge_into=None, status="error", message=message,
                    review_file=path.name, review_sheet=sheet)


def _signature(r: SheetRow) -> tuple:
    """What a row decides: two rows of one candidate deciding the same thing are no conflict."""
    dec = DECISIONS.get(_choice(r.data.get("decision") or "").lower(), r.data.get("decision"))
    return (dec, *(str(r.data.get(k) if r.data.get(k) is not None else "").strip()
                   for k in ("merge_into", *EDITABLE)))


def _file_decisions(path: Path) -> tuple[list[Decision], dict[str, dict]]:
    """The decisions of one review file (one per candidate) and the rows they came from; every
    problem of the file, a sheet or a row is a Decision with status error naming where it is."""
    if path.suffix.lower() not in READABLE:
        hint = " (a .csv keeps neither the columns' layout nor the drop-downs)" if path.suffix.lower() == ".csv" else ""
        return [_file_error(f"file:{path.name}", path,
                            f"{path.name} was not read: the review import reads Excel workbooks (.xlsx) and LibreOffice "
                            f"spreadsheets (.ods) only; open it and save it as .xlsx (Excel workbook){hint}")], {}
    try:
        sheet_rows, skipped, answers, found, unread = read_workbook(path)
    except Exception as exc:  # noqa: BLE001 - a broken file is reported, the others are read
        with open(path, "rb") as fh:
            ole = fh.read(8) == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        why = (": it is an old Excel .xls or a workbook with a password; save it as .xlsx (Excel workbook) "
               "without a password") if ole else f": {exc}"
        return [_file_error(f"file:{path.name}", path, f"{path.name} cannot be read as a spreadsheet{why}")], {}
    out: list[Decision] = [
        _file_error(f"file:{path.name}:{sheet}", path, f"{path.name}: sheet '{sheet}' was not read: {why}", sheet)
        for sheet, why in skipped]
    out += [Decision(candidate_id=f"note:{path.name}:{i}", decision=None, merge_into=None, status="note",
                     message=f"{path.name}: {note}", review_file=path.name) for i, note in enumerate(unread)]
    if not found and not skipped:  # a blank workbook, or only the export's codes / help sheets: nothing to read
        out.append(_file_error(f"file:{path.name}", path, (
            f"{path.name}: no sheet of it holds the review queue (the columns '{label('candidate_id')}' and "
            f"'{label('decision')}') nor the not_events list: the wrong file saved? Save your decisions in the sheet "
            "the program wrote (build/media/review_queue.xlsx)")))
    for r in answers:
        problem = _answer(r)[2]
        if problem:
            out.append(Decision(candidate_id=f"row:{path.name}:{r.sheet}:{r.n}", decision=None, merge_into=None,
                                status="error", message=problem, review_file=path.name, review_sheet=r.sheet,
                                review_row=r.n))
    by_cid: dict[str, list[SheetRow]] = {}
    for r in sheet_rows:
        cid = str(r.data.get("candidate_id") or "").strip()
        raw_dec = _choice(r.data.get("decision") or "").strip()
        if not cid:
            filled = [k for k in ("decision", "merge_into", *EDITABLE) if r.data.get(k) not in (None, "")]
            if filled or "candidate_id" in r.problems:
                why = r.problems.get("candidate_id") or (
                    f"empty, but the row holds {', '.join(filled[:3])}: it cannot be matched to a candidate; copy the "
                    "candidate's id from the sheet the program wrote")
                out.append(Decision(candidate_id=f"row:{path.name}:{r.sheet}:{r.n}", decision=None, merge_into=None,
                                    status="error", message=f"candidate_id: {why}", review_file=path.name,
                                    review_sheet=r.sheet, review_row=r.n,
                                    fields={k: r.data.get(k) for k in COLUMNS if k in r.data}))
            continue
        if not raw_dec and "decision" not in r.problems:
            continue  # not decided yet: stays in the queue
        by_cid.setdefault(cid, []).append(r)
    raw: dict[str, dict] = {}
    for cid, rs in by_cid.items():
        r = rs[-1]
        d = Decision(candidate_id=cid, decision=None, merge_into=(str(r.data.get("merge_into") or "").strip() or None),
                     status="done", fields={k: r.data.get(k) for k in COLUMNS if k in r.data},
                     event_keys=str(r.data.get("event_keys") or ""), review_file=path.name, review_sheet=r.sheet,
                     review_row=r.n, cell_problems=dict(r.problems))
        out.append(d)
        raw[cid] = r.data
        if len({_signature(x) for x in rs}) > 1:
            where = " and ".join(f"{x.n}" if x.sheet == r.sheet else f"{x.n} (sheet '{x.sheet}')" for x in rs)
            d.status, d.message = "error", (
                f"rows {where} both decide {cid}, differently: neither was applied; keep one row for it")
            continue
        raw_dec = _choice(r.data.get("decision") or "").strip().lower()
        d.decision = DECISIONS.get(raw_dec)
        own = [f"{k}: {r.problems[k]}" for k in ("candidate_id", "decision", "merge_into") if k in r.problems]
        if own:
            d.status, d.message = "error", "; ".join(own)
        elif d.decision is None:
            d.status, d.message = "error", f"decision '{r.data.get('decision')}' is not accept, reject or merge"
    # the file's own problems first, then row by row, the not_events sheet's last
    return sorted(out, key=lambda d: (d.review_row > 0, d.review_sheet == "not_events", d.review_row)), raw


CARD_INPUTS = {*EDITABLE, "source_links", "source_type"}  # the columns a card is made of


def _accept(d: Decision, data: dict) -> None:
    """Build the card of an accepted row; its problems (the cells' first) make it an error."""
    try:
        card, problems = build_card(d.candidate_id, data)
    except Exception as exc:  # noqa: BLE001 - one row never stops the import
        card, problems = None, [f"the row could not be read ({type(exc).__name__}: {exc})"]
    cells = [f"{k}: {p}" for k, p in d.cell_problems.items() if k in CARD_INPUTS]
    problems = cells + [p for p in problems if p.split(":")[0] not in d.cell_problems]
    if problems:
        d.status, d.message = "error", "; ".join(problems)
        return
    d.card, d.card_id, d.period = card, card["card_id"], card["card_id"].split("-MEDIA-")[0]


def import_reviews(files: list[Path], *, known_decisions: dict[str, dict] | None = None,
                   known_cards: set[str] | None = None, inbox: Path | None = None,
                   candidates: set[str] | None = None) -> list[Decision]:
    """Read filled review sheets (oldest file first: a later file's row wins), write the card files
    of accepted rows, and return every decision (done or with a problem). `candidates`, when given,
    are the ids the product ever put in a sheet (with `known_decisions`'): a row deciding another id
    (mistyped, or a row added by hand) is an error, so no card is made of it."""
    inbox = inbox or settings.inbox_dir()
    known_decisions = known_decisions or {}
    known_cards = known_cards or set()
    rows: dict[str, Decision] = {}
    raw_rows: dict[str, dict] = {}
    in_files: list[Decision] = []  # every file's decisions, oldest file first
    for path in sorted(files, key=lambda p: (p.stat().st_mtime, p.name)):
        decisions, raw = _file_decisions(path)
        for d in decisions:
            rows[d.candidate_id] = d
            if d.status == "done" and d.decision == "accept":
                _accept(d, raw[d.candidate_id])  # its card, every file's (an accept refused is no decision)
        in_files += decisions
        raw_rows.update(raw)
    by_file: dict[str, list[Decision]] = {}  # a candidate's decisions that would apply, each file's own
    for d in in_files:
        if d.status == "done" and d.decision:
            by_file.setdefault(d.candidate_id, []).append(d)
    for cid, ds in by_file.items():
        _files_disagree(rows[cid], ds, known_decisions.get(cid))
    if candidates is not None:
        for d in rows.values():
            if d.status == "done" and d.candidate_id not in candidates and d.candidate_id not in known_decisions:
                _fail(d, f"candidate_id: '{d.candidate_id}' is not among the candidates (mistyped, added by hand, or its "
                      "articles are gone?): nothing was done with this row; copy the id from the sheet the program "
                      "wrote (an event found elsewhere is a card of its own in the inbox)")
    # accepted rows were built above, so merges find their cards
    for d in rows.values():
        if d.decision == "merge" and d.status != "error":
            _guarded(d, "merge", _merge, d, rows, raw_rows, known_decisions, known_cards)
    for d in rows.values():
        if d.card is not None and _removed_since(d, known_decisions.get(d.candidate_id)):
            continue
        if d.card is not None:
            _guarded(d, "moving the card", _leave_old_card, d, known_decisions.get(d.candidate_id), inbox)
        if d.card is not None and d.status == "done":  # a failed move leaves the old card: no second one
            _guarded(d, "writing the card", _write_card, d, inbox)
        elif d.decision == "reject" and d.status == "done" and d.candidate_id in known_decisions:
            _guarded(d, "reject", _reject, d, known_decisions[d.candidate_id])
    return list(rows.values())


def _what(d: Decision) -> tuple:
    return (d.decision, d.merge_into if d.decision == "merge" else None)


def _files_disagree(d: Decision, ds: list[Decision], known: dict | None) -> None:
    """Two files deciding one candidate differently (two monitors' copies of one sheet, or an old sheet saved
    again): the later-saved one won silently, so the card was written, deleted and written again as the files
    were saved. Now `d` (the row that would apply) is an error naming both: the decision recorded before stands
    (the import keeps it), or neither when none was. The same decision in two files (a corrected value in a later
    file) is no conflict: the later row wins, as before."""
    if len({_what(x) for x in ds}) < 2 or d.status != "done":  # ds: one decision per file (a file's own two rows
        return  # deciding differently are its error already)
    where = "; ".join(f"{_word(x)} in {x.review_file}, row {x.review_row}" for x in ds)
    stands = (f"the decision recorded before ({known.get('decision')}, from {known.get('review_file')}) stands"
              if known else "neither was applied")
    _fail(d, (
        f"decided differently in two review files ({where}): {stands}; keep the row in one file only, or make "
        "the rows agree"))


def _fail(d: Decision, message: str) -> None:
    """A decision not applied: its problem, and no card."""
    d.status, d.message = "error", message
    d.card, d.card_id, d.period = None, None, None


def _word(d: Decision) -> str:
    return f"merge into {d.merge_into}" if d.decision == "merge" else str(d.decision)


def _removed_since(d: Decision, known: dict | None) -> bool:
    """An accept recorded before, whose card file is gone (the monitor deleted it, or moved it to another
    period's folder) while the row is unchanged: the file is not written again (it used to be, by any later
    import, as the sheet stays in inbox/reviews/). A changed row is a new decision and writes it."""
    if not known or known.get("decision") != "accept" or not known.get("card_path"):
        return False
    path = Path(known["card_path"])
    if path.exists() or path.name != f"{d.card_id}.yaml" or _card_inputs(d.fields) != _card_inputs(known.get("fields")):
        return False
    d.card_path = str(path)
    d.message = (f"{path.name} was removed after an earlier import wrote it: not written again, as the row is "
                 "unchanged (change a value of the row to have it written again)")
    return True


def _leave_old_card(d: Decision, known: dict | None, inbox: Path) -> None:
    """An accept recorded before wrote its card elsewhere (the row's date, corrected since, lies in another period):
    that card goes, as the new one is written, unless it was corrected by hand (then it is kept, the row's card is
    not written, and the row is an error naming it). The old card used to stay: the event counted in two periods."""
    if not known or known.get("decision") != "accept" or not known.get("card_path"):
        return
    old = Path(known["card_path"])
    new = inbox / "cards" / d.period / f"{d.card_id}.yaml"
    if not old.exists() or old.resolve() == new.resolve():
        return
    if written_unchanged(old):
        old.unlink()
        d.message = f"{old.parent.name}/{old.name} removed: the card's date now lies in period {d.period}"
        return
    d.card, d.card_id, d.period = None, None, None
    d.status, d.message = "error", (
        f"the row's date puts the card in another period, but {old.parent.name}/{old.name}, written by an earlier "
        "accept, was corrected by hand (or carries no digest of what was written): it is kept and the row's card was "
        "not written; correct the date in that file (and move it to its period's folder), or delete it and import again")


def _card_inputs(fields) -> str:
    """The values a card is made of, as recorded (dates and numbers as the decision's JSON holds them)."""
    if isinstance(fields, str):
        try:
            fields = json.loads(fields or "{}")
        except json.JSONDecodeError:
            return ""
    fields = json.loads(json.dumps(fields or {}, ensure_ascii=False, default=str))
    return json.dumps({k: fields.get(k) for k in sorted(CARD_INPUTS | {"decision"})}, ensure_ascii=False)


def _guarded(d: Decision, what: str, fn, *args) -> None:
    """One decision's files: whatever fails (a card file made unreadable or invalid by hand, a folder
    that cannot be written) is that decision's error, and the import goes on."""
    try:
        fn(*args)
    except Exception as exc:  # noqa: BLE001 - one row never stops the import
        d.status, d.message = "error", f"{what}: {type(exc).__name__}: {exc}; the card file was left as it is"


def _merge(d: Decision, rows: dict[str, Decision], raw_rows: dict[str, dict], known_decisions: dict[str, dict],
           known_cards: set[str]) -> None:
    target = d.merge_into
    links = typed_links(raw_rows[d.candidate_id].get("source_links"))
    if not target:
        d.status, d.message = "error", "merge: say in merge_into which candidate or card this one joins"
        return
    t = rows.get(target)
    if t is not None and t.decision == "accept" and t.card is not None:
        place_links(t.card, links)
        d.card_id, d.period = t.card_id, t.period
    elif target in known_decisions and known_decisions[target].get("card_id"):
        prev = known_decisions[target]
        d.card_id, d.period = prev["card_id"], prev.get("period")
        d.card_path = prev.get("card_path")
        _append_links(Path(prev["card_path"]) if prev.get("card_path") else None, links)
    elif target in known_cards:
        d.card_id = target
    else:
        d.status, d.message = "error", f"merge: '{target}' is neither an accepted candidate nor an existing card"


def _write_card(d: Decision, inbox: Path) -> None:
    folder = inbox / "cards" / d.period
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{d.card_id}.yaml"
    body = yaml.safe_dump(d.card, allow_unicode=True, sort_keys=False)
    text = ("# A card made from media reports in the review of candidate " + d.candidate_id + "\n"
            f"# machine-written {_digest(body)} (edit freely: a file changed by hand is never overwritten)\n" + body)
    if path.exists() and edited_by_hand(path):
        d.kept_by_hand = True
        d.message = (f"{path.name} was corrected by hand after it was written: kept as it is, the sheet's "
                     "values were not applied")
    elif not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
        d.written = True
    d.card_path = str(path)


def _reject(d: Decision, old: dict) -> None:
    """A reject of a candidate accepted earlier removes the card the accept wrote, never one corrected
    by hand (deleting cannot be undone by the next import)."""
    card = Path(old["card_path"]) if old.get("decision") == "accept" and old.get("card_path") else None
    if card is None or not card.exists():
        return
    if not written_unchanged(card):  # a monitor's correction is never deleted by a sheet
        d.status, d.message = "error", (
            f"reject: {card.name} was corrected by hand after the earlier accept wrote it (or carries no "
            "digest of what was written): it is kept and the reject was not applied; delete the file yourself "
            "if the event is to go, or take the reject out of the sheet")
    else:
        card.unlink()  # changed its mind: the card the accept wrote goes
        d.message = f"reject: {card.name}, written by the earlier accept, removed"


def _digest(body: str) -> str:
    return "sha1:" + hashlib.sha1(body.encode("utf-8")).hexdigest()[:16]


def edited_by_hand(path: Path) -> bool:
    """A card file whose body no longer matches the digest written with it was changed by a person
    (or moved out of quarantine and fixed): imports leave it alone."""
    text = path.read_text(encoding="utf-8")
    m = re.search(r"^# machine-written (sha1:[0-9a-f]+)", text, flags=re.M)
    if not m:
        return False  # written before digests existed: treated as machine-written
    body = "".join(l for l in text.splitlines(keepends=True) if not l.startswith("#"))
    return _digest(body) != m.group(1)


def written_unchanged(path: Path) -> bool:
    """The file carries the digest written with it and still matches it: nobody changed it since.
    Stricter than `not edited_by_hand` (a file without a digest is not known to be ours), as
    deleting is not undone by the next import."""
    text = path.read_text(encoding="utf-8")
    m = re.search(r"^# machine-written (sha1:[0-9a-f]+)", text, flags=re.M)
    body = "".join(l for l in text.splitlines(keepends=True) if not l.startswith("#"))
    return bool(m) and _digest(body) == m.group(1)


SAVED_COPIES = "Read from saved copies (no web link, so not in source_links): "


def place_links(card: dict, links: list[str]) -> None:
    """Add `links` to a card: web links (http, https) to source_links; anything else (the file:// path of an
    article saved in a folder source) to a line of compiler_notes, internal and never published: validation
    refuses a card whose source_links hold a link that is not a web link, so such a card was quarantined."""
    kept = typed_links(card.get("source_links"))
    notes = str(card.get("compiler_notes") or "")
    line = next((l for l in notes.splitlines() if l.startswith(SAVED_COPIES)), None)
    saved = line[len(SAVED_COPIES):].split("; ") if line else []
    for u in links:
        (kept if WEB_LINK.match(u) else saved).append(u)
    card["source_links"] = ";".join(dict.fromkeys(kept)) or None
    if saved:
        new = SAVED_COPIES + "; ".join(dict.fromkeys(u for u in saved if u))
        card["compiler_notes"] = notes.replace(line, new) if line else "\n".join(x for x in (notes, new) if x)
    if card["source_links"] is None:
        del card["source_links"]


def _append_links(path: Path | None, links: list[str]) -> None:
    if path is None or not path.exists():
        return
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    header = "".join(l for l in lines if l.startswith("#"))
    card = yaml.safe_load(text) or {}
    before = (card.get("source_links"), card.get("compiler_notes"))
    place_links(card, links)
    if (card.get("source_links"), card.get("compiler_notes")) != before:
        by_hand = edited_by_hand(path)
        body = yaml.safe_dump(card, allow_unicode=True, sort_keys=False)
        if not by_hand:  # still machine-written: the digest follows the new body
            header = re.sub(r"^# machine-written sha1:[0-9a-f]+", f"# machine-written {_digest(body)}", header, flags=re.M)
        path.write_text(header + body, encoding="utf-8")


def review_files(inbox: Path | None = None) -> list[Path]:
    folder = (inbox or settings.inbox_dir()) / "reviews"
    if not folder.exists():
        return []
    # every file: a workbook whatever the case of its suffix is read, any other file is named as not read
    # (not Excel's lock files ~$x.xlsx, hidden files, downloads under way: as the inbox watch)
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith(("~$", "."))
                  and p.suffix.lower() not in (".part", ".tmp", ".crdownload"))
