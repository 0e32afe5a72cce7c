"""Dagster asset of stage 1: the period's inbox files land unchanged in raw_files / raw_records.

Raw and clean are written in ONE transaction: the same write validates the records and replaces
the period's cards, persons and quarantine, so a failure can never leave the raw layer replaced
and the clean one not (the `cards` asset re-validates from the raw layer, e.g. after a rule change).
"""
import dagster as dg

from assets.core import periods
from core import settings
from assets.core import warehouse as wh, writes
from assets.core.terminal import escape
from assets.ingest.inbox import INBOX_LEVEL, InboxUnusable, inbox_problem, stray_rows
from assets.ingest.streamed import ingest_validated_in_warehouse, write_frames
from assets.partitions import periods_partitions
from assets.resources import DUCKDB_WRITE_POOL, WarehouseResource
from assets.validate.erasure_resume import finish_interrupted
from assets.validate.validate import inbox_quarantine


@dg.asset(
    partitions_def=periods_partitions,
    group_name="ingest",
    pool=DUCKDB_WRITE_POOL,
    kinds={"duckdb"},
    description="Card files of the period's inbox folder (inbox/cards/<period>/), byte for byte, and their records as received (written together with their validation).",
)
def raw_cards(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> dg.MaterializeResult:
    period = context.partition_key
    with warehouse.get_connection() as con:
        held = con.execute(wh.read_sql("raw/files_of_period_count"), {"period": period}).fetchone()[0]
        bad = inbox_problem(period, held, settings.inbox_dir())
        if bad:  # before anything is read or replaced (fails at once, never retried: the path is the user's)
            raise InboxUnusable(bad)
        # an erasure killed mid-way: its name never comes back (the period's folder, the one this ingest reads)
        for line in finish_interrupted(con, settings.inbox_dir(), settings.cards_inbox(period)):
            context.log.warning(escape(line))
        # file by file: each file's frames are typed and let go before the next is read (bounded memory);
        # the records come sorted by (source_file, sheet, row_no), and validated as validate_in_warehouse would
        # what lies in cards/ outside every period's folder: recorded once, at the inbox level (scanned first:
        # a stray that appears during the period's ingest is seen by the next run)
        strays = inbox_quarantine(INBOX_LEVEL, stray_rows(settings.inbox_dir()))
        got, result = ingest_validated_in_warehouse(con, periods.get(period), settings.inbox_dir())
        n_files, n_records = got.files.height, got.records.height
        rejected = got.files.filter(got.files["problem"].is_not_null()).drop("content", strict=False)
        frames = {**write_frames(got), "cards": result.cards, "persons": result.persons,
                  "quarantine": result.quarantine, "events_not_held": result.events}
        del got, result  # handed over: the write lets each frame go once DuckDB holds its rows
        writes.replace_partitions(con, period, frames, release=True, inbox_level=(INBOX_LEVEL, strays))
    context.log.info(f"read {n_files} files ({rejected.height} refused or unreadable), {n_records} records "
                     f"from {escape(settings.cards_inbox(period))}")
    for row in rejected.head(50).iter_rows(named=True):
        context.log.warning(f"not read: {escape(row['source_file'])}: {escape(row['problem'])}")
    for row in strays.filter(strays["severity"] == "error").head(50).iter_rows(named=True):
        context.log.warning(f"read by no period: {escape(row['source_file'])}: {escape(row['reason'])}")
    return dg.MaterializeResult(metadata={
        "files": n_files,
        "records": n_records,
        "unreadable_files": rejected.height,
        "outside_every_period": strays.height,
        "dagster/row_count": n_records,
    })
