"""Tables for reporters and analysts as CSV and XLSX (build/exports/<period>/), public by design:
figures, every table as a sheet (rows x columns), the reconciliation and audit, and the cards
without personal data (no persons, no notes)."""
from __future__ import annotations

from pathlib import Path

import duckdb
import polars as pl

from assets.core import settings
from assets.core.warehouse import query

PUBLIC_CARD_COLUMNS = [
    "card_id", "date", "city", "settlement", "place", "form", "topic", "character", "organizer_type", "organizer_name",
    "participants_low", "participants", "participants_high", "duration_min", "permission_requested", "permission_answer",
    "reason_not_applied", "sanctioned", "prosecutor_present", "prosecutor_warned", "akimat_present", "akimat_warned",
    "police_present", "police_warned", "police_count", "obstruction", "dispersal", "preventive_detentions", "detained",
    "state_organised", "source_type", "source_links",
]


def _table_exists(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    return con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]).fetchone()[0] > 0


def export_period(con: duckdb.DuckDBPyConnection, period: str, out: Path | None = None) -> dict[str, Path]:
    out = out or settings.build_dir() / "exports" / period
    out.mkdir(parents=True, exist_ok=True)
    frames: dict[str, pl.DataFrame] = {
        "figures": query(con, "SELECT * FROM figures WHERE period = ? ORDER BY table_no, row_key, col_key", [period]),
        "cards_public": query(con, f"SELECT {', '.join(PUBLIC_CARD_COLUMNS)} FROM cards WHERE period = ? ORDER BY card_id", [period]),
    }
    for t in ("reconciliation", "audit"):
        if _table_exists(con, t):
            frames[t] = query(con, f"SELECT * FROM {t} WHERE period = ?", [period])
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

    wb = Workbook()
    wb.remove(wb.active)
    for name, df in sheets:
        ws = wb.create_sheet(name[:31])
        ws.append(df.columns)
        for row in df.iter_rows():
            ws.append(list(row))
            for cell in ws[ws.max_row]:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"  # text stays text: never a formula
    wb.save(path)


def _table_order(t: str) -> tuple:
    head = t.split("-")[0]
    return (0, int(head), t) if head.isdigit() else (1, 0, t)
