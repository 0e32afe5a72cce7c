"""Tables for reporters and analysts as CSV and XLSX (build/exports/<period>/), public by design:
figures, every table as a sheet (rows x columns), the reconciliation and audit, and the cards
without personal data (no persons, no notes).

Every public export carries an explicit allow-list of columns (`PUBLIC_COLUMNS`, the one place
that says what leaves the warehouse); card text in it (place, settlement, topic, organiser, links)
has every private person's name redacted (assets/validate/redaction.py), and every text cell that a
spreadsheet would take for a formula (it begins with = + - @, a tab or a carriage return) is
neutralised with a leading apostrophe, in CSV and XLSX alike (the OWASP rule)."""
from __future__ import annotations

from pathlib import Path

import duckdb
import polars as pl

from assets.core.warehouse import query
from assets.core.sqlfiles import sql
from assets.validate import redaction
from core import settings

PUBLIC_CARD_COLUMNS = [
    "card_id", "date", "city", "settlement", "place", "form", "topic", "character", "organizer_type", "organizer_name",
    "participants_low", "participants", "participants_high", "duration_min", "permission_requested", "permission_answer",
    "reason_not_applied", "sanctioned", "prosecutor_present", "prosecutor_warned", "akimat_present", "akimat_warned",
    "police_present", "police_warned", "police_count", "obstruction", "dispersal", "preventive_detentions", "detained",
    "state_organised", "source_type", "source_links",
]
# The allow-list of every public export: table -> the columns that may leave the warehouse, in order.
# (Card notes, persons and everything of the raw layer and quarantine never do.)
PUBLIC_COLUMNS: dict[str, list[str]] = {
    "figures": ["period", "table_no", "row_key", "col_key", "value", "provenance"],
    "cards_public": PUBLIC_CARD_COLUMNS,
    "reconciliation": ["period", "table_no", "row_key", "col_key", "derived", "published", "printed", "decimals",
                       "location", "line", "primary", "difference", "status", "contradicted_in_report", "audit_note"],
    "audit": ["source", "rule", "period", "table_no", "row_key", "col_key", "published", "expected", "message"],
}
# Free text from cards in the public columns: private names are redacted in these.
REDACTED_COLUMNS: dict[str, list[str]] = {
    "cards_public": ["settlement", "place", "topic", "organizer_name", "source_links"],
    "figures": ["row_key"],
}
# A text cell beginning with one of these is a formula to a spreadsheet (OWASP CSV injection),
# also in their full-width forms; a leading line feed is treated alike.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")


def neutralise(value):
    """A text cell a spreadsheet could take for a formula, prefixed with an apostrophe (shown as
    text, never evaluated); any other value unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def neutralise_frame(df: pl.DataFrame) -> pl.DataFrame:
    texts = [c for c, t in df.schema.items() if t == pl.Utf8]
    if not texts:
        return df
    return df.with_columns(pl.col(c).map_elements(neutralise, return_dtype=pl.Utf8) for c in texts)


def public_frame(name: str, df: pl.DataFrame, names: list[str]) -> pl.DataFrame:
    """`df` reduced to the allow-list of `name`, names redacted, formulas neutralised."""
    cols = PUBLIC_COLUMNS[name]
    df = df.select([c for c in cols if c in df.columns])
    df = redaction.redact_frame_columns(df, REDACTED_COLUMNS.get(name, []), names)
    return neutralise_frame(df)


def _table_exists(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    return bool(con.execute(sql("common/table_exists"), {"name": name}).fetchone()[0])


def export_period(con: duckdb.DuckDBPyConnection, period: str, out: Path | None = None) -> dict[str, Path]:
    out = out or settings.build_dir() / "exports" / period
    out.mkdir(parents=True, exist_ok=True)
    names = redaction.private_names(con, period)
    frames: dict[str, pl.DataFrame] = {
        # sql/exports/*.sql; public_frame keeps only the PUBLIC_COLUMNS of each
        "figures": query(con, sql("exports/figures"), {"period": period}),
        "cards_public": query(con, sql("exports/cards_public"), {"period": period}),
    }
    for t in ("reconciliation", "audit"):
        if _table_exists(con, t):
            frames[t] = query(con, sql(f"exports/{t}"), {"period": period})
    frames = {n: public_frame(n, df, names) for n, df in frames.items()}
    files: dict[str, Path] = {}
    for name, df in frames.items():
        files[f"{name}.csv"] = out / f"{name}.csv"
        df.write_csv(files[f"{name}.csv"])
    # one workbook: a sheet per report table (rows x columns), then the long tables
    xlsx = out / f"tables-{period}.xlsx"
    sheets: list[tuple[str, pl.DataFrame]] = []
    for (table_no,), part in sorted(frames["figures"].group_by(["table_no"]), key=lambda kv: _table_order(kv[0][0])):
        sheets.append((f"table {table_no}", part.pivot(on="col_key", index="row_key", values="value", aggregate_function="first")))
    sheets += [(n, frames[n]) for n in ("reconciliation", "audit", "cards_public") if n in frames and frames[n].height]
    _write_xlsx(xlsx, sheets)
    files[xlsx.name] = xlsx
    return files


def _write_xlsx(path: Path, sheets: list[tuple[str, pl.DataFrame]]) -> None:
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    wb = Workbook()
    wb.remove(wb.active)
    for name, df in sheets:
        ws = wb.create_sheet(str(neutralise(name))[:31].replace("/", "-"))
        ws.append([neutralise(c) for c in df.columns])
        for row in df.iter_rows():
            # control characters are not allowed in a workbook: shown as \x1b etc.
            ws.append([ILLEGAL_CHARACTERS_RE.sub(lambda m: f"\\x{ord(m.group()):02x}", v) if isinstance(v, str) else v
                       for v in map(neutralise, row)])
            for cell in ws[ws.max_row]:
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # text stays text: never a formula
    wb.save(path)


def _table_order(t: str) -> tuple:
    head = t.split("-")[0]
    return (0, int(head), t) if head.isdigit() else (1, 0, t)
