"""Dagster asset of stage 2: raw records -> clean cards and persons, rejected rows -> quarantine."""
import warnings

import dagster as dg
import polars as pl

from assets.core import periods
from assets.core import warehouse as wh, writes
from assets.core.raw import with_header
from assets.core.terminal import escape
from assets.validate.validate import validate_in_warehouse
from assets.partitions import periods_partitions
from assets.resources import DUCKDB_WRITE_POOL, WarehouseResource


@dg.asset(
    partitions_def=periods_partitions,
    group_name="validate",
    deps=["raw_cards"],
    pool=DUCKDB_WRITE_POOL,
    kinds={"duckdb", "pandera"},
    description="Typed, validated cards and persons of the period (pandera), and the quarantine with a reason for each rejected row.",
)
def cards(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> dg.MaterializeResult:
    period = periods.get(context.partition_key)
    with warehouse.get_connection() as con:
        raw = with_header(wh.query(con, wh.read_sql("validate/raw_records_of_period"), {"period": period.id}),
                          wh.query(con, wh.read_sql("validate/raw_headers_of_period"), {"period": period.id}))
        files = wh.query(con, wh.read_sql("validate/raw_files_of_period"), {"period": period.id})
        result = validate_in_warehouse(con, period, raw, files)
        writes.replace_partitions(con, period.id, {
            "cards": result.cards, "persons": result.persons, "quarantine": result.quarantine,
            "events_not_held": result.events})
    q = result.quarantine
    errors = q.filter(q["severity"] == "error")
    context.log.info(f"wrote {result.cards.height} cards, {result.persons.height} persons, {q.height} quarantine rows for {period.id}")
    for row in errors.head(50).iter_rows(named=True):
        where = f"{row['source_file']}" + (f" row {row['row_no']}" if row["row_no"] is not None else "")
        context.log.warning(f"quarantined {escape(where)} [{row['field'] or 'file'}]: {escape(row['reason'])}")
    preview = errors.select("source_file", "row_no", "field", "value", "reason").head(20).with_columns(
        pl.col(c).map_elements(lambda v: escape(v, 120).replace("|", "\\|"), return_dtype=pl.Utf8)
        for c in ("source_file", "value", "reason"))  # card text shown as text in the UI
    return dg.MaterializeResult(metadata={
        "cards": result.cards.height,
        "persons": result.persons.height,
        "quarantined_records": errors["record_id"].n_unique() if errors.height else 0,
        "quarantine_rows": q.height,
        "dagster/row_count": result.cards.height,
        "quarantine_preview": dg.MetadataValue.md(preview.to_pandas().to_markdown(index=False) if preview.height else "nothing quarantined"),
    })


def _nothing_lost(context: dg.AssetCheckExecutionContext, warehouse: WarehouseResource) -> dg.AssetCheckResult:
    # Only the period being materialized: another process may be between the raw and the clean
    # write of ANOTHER period at this moment (each is its own transaction), which is no loss.
    with warehouse.get_connection(read_only=True) as con:
        rows = con.execute(wh.read_sql("checks/nothing_lost")).fetchall()
    if context.has_partition_key:
        rows = [r for r in rows if r[0] == context.partition_key]
    bad = [r for r in rows if r[1] != r[2] + r[3] + r[4]]
    return dg.AssetCheckResult(
        passed=not bad,
        metadata={"periods": ", ".join(r[0] for r in rows) or "none",
                  "unbalanced": ", ".join(f"{r[0]}: raw {r[1]} != {r[2]}+{r[3]}+{r[4]}" for r in bad) or "none",
                  "redacted_records": sum(r[5] for r in rows)},
    )


def _possible_duplicate_events(context: dg.AssetCheckExecutionContext, warehouse: WarehouseResource) -> dg.AssetCheckResult:
    # Two cards of one day, city and form at one place or on one topic (sql/checks/possible_duplicate_events.sql): a
    # warning, the cards still count; a monitor looks and removes one card if both record the same assembly
    with warehouse.get_connection(read_only=True) as con:
        pairs = con.execute(wh.read_sql("checks/possible_duplicate_events"), {"period": context.partition_key}).fetchall()
    listed = [f"{a} ({escape(fa, 80)}) and {b} ({escape(fb, 80)}): {d} {city} {form}" for a, b, fa, fb, d, city, form in pairs]
    return dg.AssetCheckResult(
        passed=not pairs,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={"pairs": len(pairs), "possible_duplicates": "\n".join(listed[:50]) or "none"},
    )


# Partitioned asset checks are a "preview" feature in Dagster 1.13 (see assets/quality/checks.py).
with warnings.catch_warnings():
    warnings.simplefilter("ignore", dg.PreviewWarning)
    nothing_lost = dg.asset_check(
        asset=cards,
        name="nothing_lost",
        blocking=True,
        pool=DUCKDB_WRITE_POOL,
        partitions_def=periods_partitions,
        description="Nothing is lost: raw records = clean cards + clean persons + quarantined records, for the period.",
    )(_nothing_lost)
    possible_duplicate_events = dg.asset_check(
        asset=cards,
        name="possible_duplicate_events",
        blocking=False,
        partitions_def=periods_partitions,
        description="Warns (never blocks) of two cards of one day, city and form at one place or on one topic: one "
                    "assembly recorded twice? The cards still count; a monitor decides.",
    )(_possible_duplicate_events)
