"""The cards' paperwork: `monitor quarantine` (what was rejected, and why), `monitor codebook`,
`monitor template` (the XLSX template monitors fill) and `monitor form` (the XLSForm of the card)."""
from __future__ import annotations

import sys
from pathlib import Path

from assets.core import periods
from core import plural, settings


def cmd_quarantine(args) -> int:
    from assets.core import ducklake, warehouse
    from assets.ingest.inbox import INBOX_LEVEL
    from assets.core.sqlfiles import sql

    if args.period:
        periods.get(args.period)  # an unknown period is refused, not answered with "0 quarantine rows"
    with warehouse.connect(read_only=True) as con:
        rows = con.execute(sql("cli/quarantine"), {"period": args.period or None, "inbox": INBOX_LEVEL}).fetchall()
    from assets.core.terminal import escape

    for p, f, sheet, row, field, value, reason, _record, _severity in rows:  # card text is escaped: no control character reaches the terminal
        # the sheet of a workbook (or the member of an ODK export's zip); a CSV's or a YAML card's is implied
        in_sheet = f", sheet {escape(sheet)}" if sheet and f.lower().endswith((".xlsx", ".zip")) else ""
        where = escape(f) + in_sheet + (f", row {row}" if row is not None else "")
        print(f"[{escape(p)}] {where}" + (f", field {escape(field)}" if field else "")
              + (f" = '{escape(value, 200)}'" if value else "") + f": {escape(reason)}")
    print(quarantine_total(len(rows), sum(1 for r in rows if r[-1] == "error"), len({(r[0], r[-2]) for r in rows if r[-1] == "error"})))
    return 0


def quarantine_total(rows: int, errors: int, records: int) -> str:
    """The last line of `monitor quarantine`: one row per problem; the records refused are fewer where a record
    has several problems, and warnings (unknown columns) refuse nothing (the run's line counts the records)."""
    out = plural.en_count(rows, "quarantine row")
    if rows:
        out += (f" ({plural.en_count(errors, 'error')} refusing {plural.en_count(records, 'record')}"
                f"{'' if rows == errors else ', ' + plural.en_count(rows - errors, 'warning')})")
    return out


def cmd_codebook(args) -> int:
    from schemas.codebook import write_codebook

    path = write_codebook()
    print(f"wrote {path}")
    return 0


def _workbook_path(given: str | None, what: str, example: str) -> tuple[Path | None, str | None]:
    """(the path to write an XLSX workbook to, or why `given` cannot be one): a folder is no file name, and a
    name must end in .xlsx (an XLSX under another name opens as garbage or not at all)."""
    if not given:
        return None, None
    path = Path(given)
    if path.is_dir():
        return None, f"monitor: {given} is a folder: give a file name (e.g. {path / example})"
    if path.suffix.lower() != ".xlsx":
        return None, f"monitor: {given}: {what} is an XLSX workbook: give a file name ending in .xlsx (e.g. {path.with_suffix('.xlsx')})"
    return path, None


def cmd_template(args) -> int:
    from schemas.codebook import write_template

    target, bad = _workbook_path(args.path, "the card template", "card-template.xlsx")
    if bad:
        print(bad, file=sys.stderr)
        return 2
    path = write_template(target)
    print(f"wrote {path}")
    return 0


def cmd_form(args) -> int:
    from schemas.xlsform import write_xlsform

    target, bad = _workbook_path(args.path, "the XLSForm", "assembly_card.xlsx")
    if bad:
        print(bad, file=sys.stderr)
        return 2
    dates = None
    if args.period:
        p = periods.get(args.period)
        dates = (p.start, p.end)
    path = write_xlsform(target or settings.build_dir() / "forms" / "assembly_card.xlsx", dates)
    print(f"wrote {path} (upload it to ODK Central or KoboToolbox; submissions come back through the inbox)")
    return 0
