"""Bringing an older warehouse's raw layer to today's format (called by layout.ensure_tables on
every writable connection; a no-op once done).

Before issue 15 raw_records held each record as a JSON object in `data`, its header repeated in
every record (1.1 GB at 1,000,000 cards). Now the values are a JSON array in `cells` and each header
is kept once in raw_headers (sql/tables/020, 021; assets/core/raw.py). The conversion keeps every
record to the byte: `raw.data_json(header, cells)` is the old `data` text exactly (checked here for
every row before the old table is dropped), and the record's ids, file, sheet, row, kind and load time
stay as they were. It runs in one transaction: an interrupted conversion leaves the old table.
"""
from __future__ import annotations

import json
import logging

import duckdb
import polars as pl

from assets.core import ducklake, raw, sqlfiles
from assets.core.transactions import transaction

log = logging.getLogger("monitor.migrate")
_BATCH = 100_000
OLD_FORMAT = ("the warehouse's raw layer is in the format of before issue 15 (raw_records.data) and this connection only "
              "reads it: open it once for writing (e.g. `monitor run --period <period>`), which converts it")


def needed(con: duckdb.DuckDBPyConnection) -> bool:
    cols = {c for (c,) in con.execute(sqlfiles.sql("migrations/raw_records_old_columns")).fetchall()}
    return "data" in cols and "cells" not in cols


def _convert(text: str) -> tuple[str, str]:
    """(header text, cells text) of an old `data` object; anything that is no JSON object (nothing the
    pipeline wrote) is kept whole as the one value of a column named `data`."""
    try:
        d = json.loads(text)
    except ValueError:
        d = None
    if not isinstance(d, dict):
        return raw.header_json(["data"]), raw.cells_json([text])
    return raw.header_json(d), raw.cells_json(d.values())


def migrate(con: duckdb.DuckDBPyConnection, ddl) -> int:
    """Convert the old raw_records, if the warehouse has them; the number of rows converted.
    `ddl(name)`: the DDL text of sql/<name>.sql for this backend (layout.ddl)."""
    if not needed(con):
        return 0
    # the converted rows' table: the lake's raw_records; on the DuckDB file raw_record_rows, read by the
    # view raw_records (assets/core/rawstore.py; the period moves to the raw store at its next write)
    target = "raw_records" if ducklake.is_lake(con) else "raw_record_rows"
    with transaction(con):
        con.execute(sqlfiles.sql("migrations/raw_records_rename_old"))
        con.execute(ddl("tables/020_raw_records"))
        con.execute(ddl("tables/021_raw_headers"))
        n_old = con.execute(sqlfiles.sql("migrations/raw_records_count_old")).fetchone()[0]
        reader = con.execute(sqlfiles.sql("migrations/raw_records_old_rows")).fetch_record_batch(_BATCH)
        batches = list(reader)  # read before writing on the same connection
        n = 0
        for batch in batches:
            df = pl.from_arrow(batch)
            heads, cells = [], []
            for text in df["data"]:
                h, c = _convert(text)
                heads.append(h)
                cells.append(c)
            ids = {h: raw.header_id(h) for h in set(heads)}
            out = df.drop("data").with_columns(
                pl.Series("header", heads, dtype=pl.Utf8), pl.Series("cells", cells, dtype=pl.Utf8),
                pl.Series("header_id", [ids[h] for h in heads], dtype=pl.Utf8))
            con.register("_converted", out.to_arrow())
            con.execute(sqlfiles.for_table("migrations/raw_records_insert_converted", target))
            con.unregister("_converted")
            con.register("_headers", out.select("period", "header_id", "header").unique(["period", "header_id"]).to_arrow())
            con.execute(sqlfiles.sql("migrations/raw_headers_insert_converted"))
            con.unregister("_headers")
            n += df.height
        if n != n_old or con.execute(sqlfiles.for_table("migrations/raw_records_count", target)).fetchone()[0] != n_old:
            raise RuntimeError(f"converting raw_records: {n_old} old rows, {n} converted; nothing was changed")
        con.execute(sqlfiles.sql("migrations/raw_records_drop_old"))
    log.warning(f"converted {n} raw records to the format of issue 15 (values as a JSON array, headers in raw_headers)")
    return n
