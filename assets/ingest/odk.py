"""Submissions of the field form (schemas/xlsform.py) as ODK Central and KoboToolbox export them.

ODK Central (CSV, "submissions.csv.zip" unpacked): the main file `<form>.csv` with group-prefixed
columns `event-card_id`, a `KEY` (uuid:…) and meta columns (SubmissionDate, SubmitterName, …); the
repeat group in its own file `<form>-persons.csv`, its rows linked to their card by `PARENT_KEY`.
KoboToolbox (XLSX or CSV): columns `event/card_id` (or `event-card_id`), meta columns `_uuid`,
`_index`, `_submission_time`…; in XLSX the repeat is its own sheet `persons`, linked by
`_submission__uuid` (or `_parent_index`). Both write a select_multiple answer space-separated (Kobo
may add one 0/1 column per choice, `assembly/attributes/placards`), times as `15:00:00.000+06:00`
and dates as `2017-05-03` (or a datetime).

`adapt` turns such records, already read by readers.py, into card and person records with the
card's field names and formats, so they go through the same validation and quarantine as any card.
Values are not judged here (a wrong code still reaches quarantine with its row); only the export's
layout is undone. The file itself stays byte for byte in raw_files.
"""
from __future__ import annotations

import io
import re
from pathlib import Path

from assets.ingest.csvfile import FileProblem, _check_text, _read_csv, decode_text, open_archive
from assets.ingest.jail import read_inside
from assets.core.limits import limits
from schemas.card import header_aliases, normalise_header, spec
from schemas.xlsform import RENAMED_PERSON

# Columns the two services add to every export; they are no field of the card.
CENTRAL_META = {"submissiondate", "key", "parent_key", "submitterid", "submittername", "attachmentspresent",
                "attachmentsexpected", "status", "reviewstate", "deviceid", "edits", "formversion",
                "meta-instanceid", "meta-instancename", "meta/instanceid", "meta/instancename", "instanceid",
                # XLSForm's metadata questions a form may add (start, end, today, …)
                "start", "end", "today", "username", "phonenumber", "simserial", "subscriberid", "email", "audit"}
KOBO_PREFIX = "_"  # _id, _uuid, _index, _parent_index, _submission__uuid, _submission_time, __version__, …
# A sheet is an export when it has one of these (a monitor's own spreadsheet has none of them).
MARKERS = {"parent_key", "meta-instanceid", "meta/instanceid", "_uuid", "_submission__uuid",
           "_parent_index", "submissiondate", "_submission_time"}
_TIME = re.compile(r"^(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$")
_DATETIME = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}")


def is_export(headers) -> bool:
    return bool({str(h).strip().lower() for h in headers} & MARKERS)


def is_empty_repeat(raw: bytes) -> bool:
    """ODK Central writes the repeat's file with only its header when no submission has a person."""
    first = raw.lstrip(b"\xef\xbb\xbf").split(b"\n", 1)[0].decode("utf-8", "replace")
    return _is_repeat(h.strip().strip('"') for h in re.split(r"[,;\t]", first)) and not raw.strip().count(b"\n")


def _is_meta(h: str) -> bool:
    low = h.strip().lower()
    return low in CENTRAL_META or low.startswith((KOBO_PREFIX, "meta/", "meta-", "set-of-"))


def _segments(h: str) -> list[str]:
    return [s for s in re.split(r"[/\-]", h.strip()) if s]


def _field_of(h: str, kind: str) -> tuple[str | None, str | None]:
    """(field, choice) for a column: `event/date` -> (date, None); `assembly/attributes/placards` ->
    (attributes, placards) when `attributes` is a select_multiple; (None, None) when no field."""
    fields = spec().fields(kind)
    renamed = {v: k for k, v in RENAMED_PERSON.items()} if kind == "person" else {}
    segs = _segments(h)
    if not segs:
        return None, None
    last = renamed.get(segs[-1], segs[-1])
    if last in fields:
        return last, None
    by_label = header_aliases(kind).get(normalise_header(h.split("/")[-1]))  # Kobo's export "with labels"
    if by_label:
        return by_label, None
    if len(segs) >= 2:
        parent = renamed.get(segs[-2], segs[-2])
        if parent in fields and fields[parent].type == "codes" and segs[-1] in fields[parent].codes:
            return parent, segs[-1]
    return None, None


def _value(kind: str, name: str, v):
    if v is None:
        return ""
    t = spec().fields(kind)[name].type
    s = str(v).strip() if not isinstance(v, (int, float)) else v
    if not isinstance(s, str) or not s:
        return s
    if t == "codes":
        return ";".join(s.split())
    if t == "time":
        m = _TIME.match(s)
        return f"{int(m.group(1)):02d}:{m.group(2)}" if m else s
    if t == "date":
        m = _DATETIME.match(s)
        return m.group(1) if m else s
    return s


def _translate(data: dict, kind: str) -> tuple[dict, list[str]]:
    out: dict = {}
    split: dict[str, list[str]] = {}
    unknown: list[str] = []
    for h, v in data.items():
        if _is_meta(h):
            continue
        name, choice = _field_of(h, kind)
        if name is None:
            out[h] = v  # reported by readers' header check as not a field of the card
            unknown.append(h)
        elif choice is not None:
            if str(v).strip().lower() in ("1", "true", "1.0"):
                split.setdefault(name, []).append(choice)
            else:
                split.setdefault(name, [])
        else:
            out[name] = _value(kind, name, v)
    for name, chosen in split.items():  # 0/1 columns only count when the answer column is absent
        if name not in out:
            out[name] = ";".join(chosen)
    return out, unknown


def _key(data: dict, *names: str) -> str:
    low = {str(k).strip().lower(): v for k, v in data.items()}
    for n in names:
        if low.get(n) not in (None, ""):
            return str(low[n]).strip()
    return ""


def _is_repeat(headers) -> bool:
    return bool({str(h).strip().lower() for h in headers} & {"parent_key", "_submission__uuid", "_parent_index"})


def _sibling_parents(path: Path) -> dict[str, str]:
    """ODK Central's repeat file: KEY -> card_id from the main CSV of the same folder."""
    lim = limits()
    keys: dict[str, str] = {}
    for other in sorted(path.parent.glob("*.csv")):
        if other == path or other.is_symlink():  # the inbox is a jail: a neighbour is read as any file is
            continue
        try:
            text, _ = decode_text(read_inside(path.parent, other, lim.max_bytes))
            rows = [r.data for r in _read_csv(text, other, lim)]
        except Exception:  # noqa: BLE001 - an unreadable neighbour is reported when it is read itself
            continue
        if not rows or not is_export(rows[0].keys()) or _is_repeat(rows[0].keys()):
            continue
        for r in rows:
            card, _ = _translate(r, "card")
            for k in (_key(r, "key", "meta-instanceid", "meta/instanceid", "_uuid"), _key(r, "_uuid"), _key(r, "_index")):
                if k and card.get("card_id"):
                    keys.setdefault(k, str(card["card_id"]).strip())
    return keys


def read_zip(raw: bytes, lim) -> list:
    """ODK Central's `<form>.csv.zip`: the main CSV and one CSV per repeat (media files are skipped);
    each CSV member is a sheet of the file, so adapt() links the repeat to its cards. The archive is
    held to the workbook limits of config/limits.yaml (parts, unpacked size) and each member is read
    by the same strict CSV reader as any CSV of the inbox."""
    zf, _ = open_archive(raw, lim, "the ZIP archive", "members", "the file is not a readable ZIP archive (it is not a complete .zip")
    records = []
    members = sorted((n for n in zf.namelist() if n.lower().endswith(".csv")), key=lambda n: (n.count("-"), n))
    if not members:
        raise FileProblem("the ZIP archive holds no CSV file (expected ODK Central's export: <form>.csv, <form>-persons.csv)")
    seen: dict[str, str] = {}
    for name in members:  # one sheet a member's file name: a second member of that name would replace the first
        other = seen.setdefault(Path(name).name, name)
        if other is not name:
            raise FileProblem(f"the ZIP archive holds two members named {Path(name).name} ({other} and {name}): one "
                              "would hide the other; export the form again")
    for name in members:
        text, _ = decode_text(zf.read(name))
        _check_text(text, lim)
        try:
            rows = _read_csv(text, Path(name), lim)
        except FileProblem as exc:
            raise FileProblem(f"{name} in the archive: {exc}") from exc
        if not rows:
            continue
        headers = [h.strip() for h in rows[0].data]
        if not is_export(headers):
            raise FileProblem(f"{name} in the archive is not an ODK Central export (no KEY column)")
        kind = "person" if _is_repeat(headers) else "card"
        for r in rows:
            r.kind, r.sheet = kind, Path(name).name
            records.append(r)
    return records


def adapt(out, path: Path) -> None:
    """Rewrite, in place, the records of a FileRead that are an ODK Central / KoboToolbox export."""
    sheets: dict[str, list] = {}
    for r in out.records:
        sheets.setdefault(r.sheet, []).append(r)
    exports = {s: rs for s, rs in sheets.items() if is_export(rs[0].data.keys())}
    if not exports:
        return
    parents: dict[str, str] = {}
    for s, rs in exports.items():
        if _is_repeat(rs[0].data.keys()):
            continue
        for r in rs:
            r.kind = "card"
            keys = [_key(r.data, "key", "meta-instanceid", "meta/instanceid", "_uuid"), _key(r.data, "_uuid"), _key(r.data, "_index")]
            r.data, _ = _translate(r.data, "card")
            for k in keys:
                if k and r.data.get("card_id") not in (None, ""):
                    parents.setdefault(k, str(r.data["card_id"]).strip())
    for s, rs in exports.items():
        if not _is_repeat(rs[0].data.keys()):
            continue
        if not parents:
            parents = _sibling_parents(path)
        for r in rs:
            parent = _key(r.data, "parent_key", "_submission__uuid")
            pindex = _key(r.data, "_parent_index")
            own = _key(r.data, "key", "_index")
            r.kind = "person"
            data, _ = _translate(r.data, "person")
            if data.get("card_id") in (None, ""):
                card_id = parents.get(parent) or parents.get(pindex)
                if card_id is None:
                    out.records = []  # the file is refused as a whole: no half-translated records
                    raise FileProblem(
                        f"{s} row {r.row_no}: this person's submission ({parent or pindex or 'no parent key'}) is not in the "
                        "main export: put the main file of the same export (with its KEY column) next to it")
                data["card_id"] = card_id
            if data.get("person_id") in (None, ""):
                m = re.search(r"\[(\d+)\]$", own)
                data["person_id"] = f"p{m.group(1)}" if m else (f"p{own}" if own else f"p{r.row_no - 1}")
            r.data = data
