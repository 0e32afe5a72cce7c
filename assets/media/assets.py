"""Dagster assets of the media part (not partitioned by period: a report is read once, whatever
period its event falls in; accepted cards land in the inbox folder of their period).

media_responses -> media_articles -> media_candidates -> media_review_decisions -> media_review_queue

Nothing here touches the network unless a web source is enabled in config/sources.yaml.
"""

import dagster as dg

from assets.core import warehouse as wh
from assets.media import sources
from assets.core.sqlfiles import sql
from assets.resources import DUCKDB_WRITE_POOL, WarehouseResource

GROUP = "media"


def _pipeline():
    """assets/media/pipeline.py, imported when a media asset runs: it pulls in the extraction and triage
    (~0.6 CPU s of imports, their patterns compiled) that every process loading the definitions paid
    before, though a card run never uses them (`monitor run`, each test process, each `monitor` child)."""
    from assets.media import pipeline

    return pipeline


@dg.asset(
    group_name=GROUP,
    pool=DUCKDB_WRITE_POOL,
    kinds={"duckdb"},
    description="Raw responses of the enabled web sources (feeds, listings, article pages), archived as received; "
                "one log row per URL with the last outcome or error.",
)
def media_responses(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> dg.MaterializeResult:
    cfg = sources.load()
    # the warehouse opened for each write, not held while the network is used (pipeline.fetch_sources)
    stats = _pipeline().fetch_sources(None, cfg, session=warehouse.get_connection)
    with warehouse.get_connection() as con:
        total = con.execute(sql("media/responses_count")).fetchone()[0]
    for e in stats.errors[:50]:
        context.log.warning(e)
    for n in stats.notes[:50]:
        context.log.info(n)
    context.log.info(f"fetch outcomes: {stats.outcomes}")
    return dg.MaterializeResult(metadata={
        "enabled_web_sources": len([s for s in cfg.enabled() if s.uses_network]),
        "outcomes": dg.MetadataValue.json(stats.outcomes),
        "errors": len(stats.errors),
        "archived_responses": int(total),
    })


@dg.asset(
    deps=[media_responses],
    group_name=GROUP,
    pool=DUCKDB_WRITE_POOL,
    kinds={"duckdb"},
    description="Articles read from the archive, Telegram exports and saved-page folders, with the triage verdict "
                "(assembly / mention_only / no_mention).",
)
def media_articles(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> dg.MaterializeResult:
    cfg = sources.load()
    with warehouse.get_connection() as con:
        df, problems = _pipeline().build_articles(con, cfg)
    for p in problems[:50]:
        context.log.warning(p)
    counts = {k: int(v) for k, v in df.group_by("triage_label").len().iter_rows()} if df.height else {}
    return dg.MaterializeResult(metadata={"articles": df.height, "triage": dg.MetadataValue.json(counts),
                                          "problems": len(problems), "dagster/row_count": df.height})


@dg.asset(
    deps=[media_articles],
    group_name=GROUP,
    pool=DUCKDB_WRITE_POOL,
    kinds={"duckdb"},
    description="Assembly candidates: fields extracted from the articles (each with its sentence), several articles "
                "about one event merged, matched to existing cards where possible.",
)
def media_candidates(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> dg.MaterializeResult:
    with warehouse.get_connection() as con:
        articles = wh.query(con, sql("media/articles_all"))
        ext = sources.load().extraction
        df = _pipeline().build_candidates(con, articles, ext.modes(), syntax=ext.syntax)
    counts = {k: int(v) for k, v in df.group_by("status").len().iter_rows()} if df.height else {}
    return dg.MaterializeResult(metadata={"candidates": df.height, "status": dg.MetadataValue.json(counts),
                                          "dagster/row_count": df.height})


@dg.asset(
    deps=[media_candidates],
    group_name=GROUP,
    pool=DUCKDB_WRITE_POOL,
    kinds={"duckdb"},
    description="The monitors' decisions read from inbox/reviews/*.xlsx; accepted candidates become card files in "
                "inbox/cards/<period>/ (source_type media).",
)
def media_review_decisions(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> dg.MaterializeResult:
    with warehouse.get_connection() as con:
        decisions = _pipeline().import_decisions(con)
    errors = [d for d in decisions if d.status == "error"]
    for d in errors[:50]:
        context.log.warning(f"{d.review_file} row {d.review_row} ({d.candidate_id}): {d.message}")
    for d in [d for d in decisions if d.status == "note"][:50]:  # a column the monitor added: not imported, said so
        context.log.warning(d.message)
    return dg.MaterializeResult(metadata={
        "decisions": len([d for d in decisions if d.status == "done"]),
        "cards_written": len([d for d in decisions if d.written]),  # written or changed by this import
        "cards_kept_by_hand": len([d for d in decisions if d.kept_by_hand]),
        "rows_with_problems": len(errors),
    })


@dg.asset(
    deps=[media_review_decisions],
    group_name=GROUP,
    pool=DUCKDB_WRITE_POOL,
    kinds={"excel"},
    description="The review queue as a spreadsheet (build/media/review_queue.xlsx): candidates no monitor has decided "
                "yet. Fill `decision`, correct the fields, save into inbox/reviews/.",
)
def media_review_queue(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> dg.MaterializeResult:
    with warehouse.get_connection() as con:
        path, n = _pipeline().export_queue(con)
    return dg.MaterializeResult(metadata={"path": dg.MetadataValue.path(str(path)), "queued": n})


@dg.asset_check(asset=media_review_decisions, blocking=False, description="Every filled review row could be imported.")
def media_review_rows_ok(warehouse: WarehouseResource) -> dg.AssetCheckResult:
    with warehouse.get_connection() as con:
        from assets.media import archive

        archive.ensure_tables(con)
        rows = con.execute(sql("media/review_import_errors")).fetchall()
    return dg.AssetCheckResult(
        passed=not rows,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={"rows_with_problems": len(rows),
                  "problems": dg.MetadataValue.md("\n".join(f"- {f} row {r} ({c}): {m}" for f, r, c, m in rows[:50]) or "none")},
    )


MEDIA_ASSETS = [media_responses, media_articles, media_candidates, media_review_decisions, media_review_queue]
MEDIA_CHECKS = [media_review_rows_ok]
