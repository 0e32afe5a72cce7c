"""Open data: build/exports/<period>/ as a Frictionless data package (https://datapackage.org).

Called after exports.export_period has written the CSV files: each public table (figures, public
cards, reconciliation, audit) gets a Parquet twin read from that very CSV (so both hold the same
rows), and `datapackage.json` describes both: field types, descriptions (the card's from
schemas/card.yaml), codes as enums, primary keys, licence, sources and the period.

The public columns of the cards are exports.PUBLIC_CARD_COLUMNS (one allow-list for every public
output); only the files that export_period wrote are described, so nothing private is added here.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import duckdb
import polars as pl

from assets.core import periods
from assets.core.sqlfiles import for_table
from schemas import gazetteer
from schemas.card import spec
from schemas.derived import RECONCILIATION_STATUSES

LICENSE = {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0",
           "path": "https://creativecommons.org/licenses/by/4.0/"}
TABLES = ("figures", "cards_public", "reconciliation", "audit")
TITLES = {
    "figures": "Every cell of every table and index of the report",
    "cards_public": "The observation cards without personal data (no persons, no notes)",
    "reconciliation": "Derived and published figures side by side, cell by cell",
    "audit": "Where a published report contradicts itself",
}
PRIMARY_KEYS = {"figures": ["period", "table_no", "row_key", "col_key"], "cards_public": ["card_id"]}
DESCRIPTIONS = {
    "period": "Monitoring period (config/periods.yaml), e.g. 2017.",
    "table_no": "Number of the report's table or index (shared/spec/report-tables.md).",
    "row_key": "Row of the table (a city, a form, a month, 'total', ...).",
    "col_key": "Column of the table (count, share, index, ...).",
    "value": "The figure.",
    "provenance": "derived: computed from the cards; published: taken from the published report.",
    "derived": "The figure computed from the cards.",
    "published": "The figure as the published report prints it.",
    "printed": "The figure as printed (text).",
    "decimals": "Decimals the report prints it with.",
    "location": "Where the report prints it: table or text.",
    "line": "Line of the published report's text.",
    "primary": "The printing of the cell that the report's own table gives.",
    "difference": "derived - published.",
    "status": " | ".join(RECONCILIATION_STATUSES) + ".",
    "contradicted_in_report": "The audit finds this published cell contradicted by the report itself.",
    "audit_note": "What the audit found.",
    "source": "The published report the figure comes from.",
    "rule": "The audit rule that found it.",
    "expected": "What the rule expected.",
    "message": "What is contradicted, in words.",
    "sanctioned": "The authorities granted permission (permission_answer = granted).",
}
ENUMS = {
    "provenance": ["derived", "published"],
    "status": list(RECONCILIATION_STATUSES),
    "location": ["table", "text"],
}


def _ftype(dtype: pl.DataType) -> str:
    if dtype == pl.Boolean:
        return "boolean"
    if dtype.is_integer():
        return "integer"
    if dtype.is_float():
        return "number"
    if dtype == pl.Date:
        return "date"
    if dtype == pl.Time:
        return "time"
    if isinstance(dtype, pl.Datetime):
        return "datetime"
    return "string"


def _field(name: str, dtype: pl.DataType, table: str) -> dict:
    f: dict = {"name": name, "type": _ftype(dtype)}
    card = spec().card.get(name) if table == "cards_public" else None
    if card is not None:
        f["title"] = f"{card.en} / {card.ru}"
        f["description"] = card.meaning or card.en
        if card.type == "code":
            f["constraints"] = {"enum": list(card.codes)}
            f["categories"] = [{"value": k, "label": v["en"]} for k, v in card.codes.items()]
        elif card.type == "city":
            f["constraints"] = {"enum": list(gazetteer.cities())}
        if card.required:
            f.setdefault("constraints", {})["required"] = True
    elif name in DESCRIPTIONS:
        f["description"] = DESCRIPTIONS[name]
    if name in ENUMS and f["type"] == "string":
        f["constraints"] = {"enum": ENUMS[name]}
    if f["type"] == "boolean":
        f["trueValues"], f["falseValues"] = ["true"], ["false"]
    return f


def _types(con: duckdb.DuckDBPyConnection, table: str) -> dict[str, pl.DataType]:
    """Column types as the warehouse holds them (cards_public: the cards table's)."""
    src = "cards" if table == "cards_public" else table
    try:
        rel = con.execute(for_table("common/empty_of", src))
    except (duckdb.Error, ValueError):  # ValueError: not a warehouse table
        return {}
    return dict(pl.from_arrow(rel.fetch_arrow_table()).schema)


def write_datapackage(con: duckdb.DuckDBPyConnection, period: str, out: Path) -> dict[str, Path]:
    """Parquet twins of the CSV tables in `out` and datapackage.json describing both."""
    files: dict[str, Path] = {}
    resources = []
    for table in TABLES:
        csv_path = out / f"{table}.csv"
        if not csv_path.exists():
            continue
        types = _types(con, table)
        header = pl.read_csv(csv_path, n_rows=0).columns
        schema = {c: types.get(c, pl.Utf8) for c in header}
        df = pl.read_csv(csv_path, schema=schema) if csv_path.stat().st_size else pl.DataFrame(schema=schema)
        pq = out / f"{table}.parquet"
        df.write_parquet(pq)
        files[pq.name] = pq
        tschema: dict = {"fields": [_field(c, schema[c], table) for c in header]}
        if PRIMARY_KEYS.get(table) and set(PRIMARY_KEYS[table]) <= set(header):
            tschema["primaryKey"] = PRIMARY_KEYS[table]
        name = table.replace("_", "-")
        resources.append({"name": f"{name}-csv", "type": "table", "path": csv_path.name, "format": "csv",
                          "profile": "tabular-data-resource", "mediatype": "text/csv", "encoding": "utf-8", "title": TITLES[table], "schema": tschema})
        # frictionless-py reads Parquet through pandas, which turns a missing integer into NaN and then
        # reports it as a type error: the twin is a file resource (its bytes and hash are checked) whose
        # rows and columns are those of the CSV resource it names.
        resources.append({"name": f"{name}-parquet", "type": "file", "path": pq.name, "format": "parquet",
                          "mediatype": "application/vnd.apache.parquet", "title": TITLES[table] + " (Parquet)",
                          "description": f"The rows of {name}-csv, with the column types of its schema.",
                          "hash": "sha256:" + hashlib.sha256(pq.read_bytes()).hexdigest(), "bytes": pq.stat().st_size})
    p = periods.get(period)
    from assets.report.exports import data_moment

    moment = data_moment(con, period)  # when the data changed, not when this run made the files
    package = {
        "name": f"assembly-monitor-{period}".lower(),
        "title": f"Freedom of peaceful assembly: monitoring data, period {period}",
        "description": ("Figures of the annual report (every table and index), the observation cards without "
                        "personal data, the reconciliation of derived against published figures and the audit of "
                        "the published report. Each table as CSV and Parquet."),
        "version": f"{period}.{moment:%Y%m%d}",
        "created": moment.replace(tzinfo=dt.timezone.utc).isoformat(),
        "licenses": [LICENSE],
        "sources": [
            {"title": "Observation cards filled by the monitors (schemas/card.yaml)"},
            {"title": "Media and social networks (assets/media), where no monitor was present"},
            {"title": "The organisation's published annual reports (data/published)"},
        ],
        "keywords": ["freedom of assembly", "human rights", "Kazakhstan", "monitoring"],
        "period": {"id": p.id, "start": p.start.isoformat(), "end": p.end.isoformat()},
        "temporalCoverage": f"{p.start.isoformat()}/{p.end.isoformat()}",
        "resources": resources,
    }
    dp = out / "datapackage.json"
    dp.write_text(json.dumps(package, ensure_ascii=False, indent=2), encoding="utf-8")
    files[dp.name] = dp
    return files
