"""Tables for reporters and analysts as CSV and XLSX (build/exports/<period>/), public by design:
figures, every table as a sheet (rows x columns), the reconciliation and audit, and the cards
without personal data (no persons, no notes).

Every public export carries an explicit allow-list of columns (`PUBLIC_COLUMNS`, the one place
that says what leaves the warehouse); card text in it (place, settlement, topic, organiser, links)
has every private person's name redacted (assets/validate/redaction.py), and every text cell that a
spreadsheet would take for a formula (it begins with = + - @, a tab or a carriage return) is
neutralised with a leading apostrophe, in CSV and XLSX alike (the OWASP rule)."""
from __future__ import annotations

import re
from pathlib import Path

import duckdb
import polars as pl

from assets.core.warehouse import query
from assets.core.sqlfiles import sql
from assets.report import xlsx_rows
from assets.report.tables import table_order
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
_FORMULA_START_RE = "^[" + "".join("\\" + ch if ch in "-\\]^" else ch for ch in FORMULA_START) + "]"
# characters a workbook may not hold (as openpyxl's ILLEGAL_CHARACTERS_RE): shown as \x1b etc.
_ILLEGAL_RE = r"[\x00-\x08\x0b\x0c\x0e-\x1f]"
# rows of one Excel sheet (the header included): a longer table continues on a sheet "<name> (2)"
MAX_SHEET_ROWS = 1_048_576
# the long tables of the workbook: one of more rows than xlsx_max_rows() stays out of it (README sheet)
LONG_SHEETS = ("reconciliation", "audit", "cards_public")
XLSX_MAX_ROWS_DEFAULT = 50_000


def xlsx_max_rows() -> int:
    """Rows above which a long table is left out of the workbook (config/limits.yaml exports.xlsx_max_rows;
    the environment's MONITOR_XLSX_MAX_ROWS wins). Its CSV and Parquet are always complete."""
    import os

    from core import yamlfiles

    env = os.environ.get("MONITOR_XLSX_MAX_ROWS", "").strip()
    if env:
        return int(env)
    try:
        raw = yamlfiles.load(settings.config_dir() / "limits.yaml") or {}  # one parse, shared with assets.core.limits
        return int((raw.get("exports") or {}).get("xlsx_max_rows", XLSX_MAX_ROWS_DEFAULT))
    except OSError:
        return XLSX_MAX_ROWS_DEFAULT


def neutralise(value):
    """A text cell a spreadsheet could take for a formula, prefixed with an apostrophe (shown as
    text, never evaluated); any other value unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def neutralise_frame(df: pl.DataFrame) -> pl.DataFrame:
    """`neutralise` over every text column, as one vectorised expression (no Python per cell)."""
    texts = [c for c, t in df.schema.items() if t == pl.Utf8]
    if not texts:
        return df
    return df.with_columns(pl.when(pl.col(c).str.contains(_FORMULA_START_RE)).then(pl.lit("'") + pl.col(c))
                           .otherwise(pl.col(c)).alias(c) for c in texts)


def public_frame(name: str, df: pl.DataFrame, names: list[str]) -> pl.DataFrame:
    """`df` reduced to the allow-list of `name`, names redacted, formulas neutralised."""
    cols = PUBLIC_COLUMNS[name]
    df = df.select([c for c in cols if c in df.columns])
    df = redaction.redact_frame_columns(df, REDACTED_COLUMNS.get(name, []), names)
    return neutralise_frame(df)


def _table_exists(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    return bool(con.execute(sql("common/table_exists"), {"name": name}).fetchone()[0])


def export_period(con: duckdb.DuckDBPyConnection, period: str, out: Path | None = None,
                  max_rows: int | None = None) -> dict[str, Path]:
    """Every public table as CSV, and one workbook: a sheet per report table, then the long tables
    (a long table of more than `max_rows` rows, default xlsx_max_rows(), only in its CSV/Parquet,
    named on a README sheet)."""
    out = out or settings.build_dir() / "exports" / period
    max_rows = xlsx_max_rows() if max_rows is None else max_rows
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
    for (table_no,), part in sorted(frames["figures"].group_by(["table_no"]), key=lambda kv: table_order(kv[0][0])):
        sheets.append((f"table {table_no}", part.pivot(on="col_key", index="row_key", values="value", aggregate_function="first")))
    long = [n for n in LONG_SHEETS if n in frames and frames[n].height]
    left_out = [n for n in long if frames[n].height > max_rows]
    sheets += [(n, frames[n]) for n in long if n not in left_out]
    if left_out:  # first, so that whoever opens the workbook reads it
        sheets.insert(0, ("README", readme_sheet(period, {n: frames[n].height for n in left_out}, max_rows)))
    _write_xlsx(xlsx, sheets, created=data_moment(con, period))
    files[xlsx.name] = xlsx
    return files


def data_moment(con: duckdb.DuckDBPyConnection, period: str):
    """When the period's cards last changed in the warehouse (sql/exports/data_moment.sql), as a naive UTC
    datetime; without any card, the period's last day (00:00 UTC). Not the moment of the run: the exports of two
    identical runs are the same bytes."""
    import datetime as dt

    from assets.core import periods

    row = con.execute(sql("exports/data_moment"), {"period": period}).fetchone() if _table_exists(con, "card_revisions") else None
    moment = row[0] if row else None
    if moment is None:
        end = periods.get(period).end
        return dt.datetime(end.year, end.month, end.day)
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return moment.replace(microsecond=0)


def readme_sheet(period: str, left_out: dict[str, int], max_rows: int) -> pl.DataFrame:
    """The workbook's first sheet when long tables were left out: which, how many rows, and the files
    of the same folder that hold them whole."""
    lines = [f"This workbook is a convenience copy of the open data of period {period}.",
             f"Tables of more than {max_rows:,} rows are not in it; the complete tables are in the files "
             "of the same folder (the same package):", ""]
    lines += [f"{n}: {rows:,} rows in {n}.csv and {n}.parquet (described in datapackage.json)"
              for n, rows in left_out.items()]
    lines += ["", "Every table of the report has its sheet here; figures.csv holds them all in one long table."]
    return pl.DataFrame({"README": lines})


def _escape_illegal(df: pl.DataFrame) -> pl.DataFrame:
    """Control characters a workbook may not hold, shown as \\x1b etc.; Python touches only the cells
    that have one (found by one vectorised test per column)."""
    import re

    illegal = re.compile(_ILLEGAL_RE)
    texts = [c for c, t in df.schema.items() if t == pl.Utf8]
    fix = [c for c in texts if df[c].str.contains(_ILLEGAL_RE).any()]
    return df.with_columns(
        pl.when(pl.col(c).str.contains(_ILLEGAL_RE))
        .then(pl.col(c).map_elements(lambda v: illegal.sub(lambda m: f"\\x{ord(m.group()):02x}", v), return_dtype=pl.Utf8))
        .otherwise(pl.col(c)).alias(c) for c in fix) if fix else df


def _sheet_name(name: str, part: int, used: set[str]) -> str:
    """A valid, unique sheet name (at most 31 characters, none of []:*?/\\, no apostrophe at either end)."""
    base = re.sub(r"[\[\]:*?/\\]", "-", str(name)).strip("'") or "sheet"
    suffix = f" ({part})" if part > 1 else ""
    out = base[: 31 - len(suffix)].rstrip("'") + suffix
    i = 2
    while out.lower() in used:
        tail = f" ~{i}"
        out, i = base[: 31 - len(tail)] + tail, i + 1
    used.add(out.lower())
    return out


def _write_xlsx(path: Path, sheets: list[tuple[str, pl.DataFrame]], created=None) -> None:
    """One workbook, streamed row by row (xlsxwriter in constant-memory mode: linear time, memory of
    one row). Text is written as text, never as a formula or a link (and was neutralised before);
    each column's writer is chosen once from its type, not per cell."""
    import datetime as dt

    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_formulas": False,
                                         "strings_to_urls": False, "strings_to_numbers": False,
                                         "default_date_format": "yyyy-mm-dd"})
    if created is not None:  # the data's moment, not the run's (xlsxwriter's default): identical runs, identical bytes
        wb.set_properties({"created": created})
    datetime_fmt = wb.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
    used: set[str] = set()
    try:
        for name, df in sheets:
            df = _escape_illegal(neutralise_frame(df))
            # NaN and infinities are no number a workbook holds: empty cells (never an error formula)
            df = df.with_columns(pl.when(pl.col(c).is_finite()).then(pl.col(c)).alias(c)
                                 for c, t in df.schema.items() if t.is_float())
            header = [neutralise(str(c)) for c in df.columns]
            per_sheet = MAX_SHEET_ROWS - 1
            fast = xlsx_rows.can_write(df)  # the rows as XML by Polars, as xlsxwriter writes them (the long tables)
            for part, start in enumerate(range(0, max(df.height, 1), per_sheet), 1):
                ws = wb.add_worksheet(_sheet_name(name, part, used))
                for j, h in enumerate(header):
                    ws.write_string(0, j, h)
                if fast:
                    xlsx_rows.write_rows(ws, df.slice(start, per_sheet), 1)
                    continue
                writers = [_writer(ws, t, datetime_fmt) for t in df.dtypes]
                cols = list(enumerate(writers))
                for i, row in enumerate(df.slice(start, per_sheet).iter_rows(), 1):
                    for j, w in cols:
                        v = row[j]
                        if v is not None:
                            w(i, j, v)
    finally:
        wb.close()


def _writer(ws, dtype: pl.DataType, datetime_fmt):
    """The worksheet method that writes a value of this column type (text always as text)."""
    if dtype == pl.Boolean:
        return ws.write_boolean
    if dtype.is_numeric():
        return ws.write_number
    if dtype == pl.Date:
        return ws.write_datetime
    if dtype == pl.Datetime:
        return lambda i, j, v: ws.write_datetime(i, j, v.replace(tzinfo=None), datetime_fmt)
    if dtype == pl.Utf8:
        return ws.write_string
    return lambda i, j, v: ws.write_string(i, j, str(v))
