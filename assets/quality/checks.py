"""Dagster asset checks of the quality gates: the Great Expectations suites over `figures`.

`figures_expectations` is partitioned like `figures`: a run that materializes a period's figures
validates that period (keys, uniqueness, ranges, sums; assets/quality/gx_suite.py) and, being
blocking, keeps the report of that run from rendering when it fails. Its metadata names every
failing expectation with the table, row, column and value, and points to the Data Docs.
"""
import warnings
from dataclasses import replace

import dagster as dg

from assets.partitions import periods_partitions
from assets.resources import DUCKDB_WRITE_POOL, WarehouseResource
from assets.core.sqlfiles import sql


def _result(outcome) -> dg.AssetCheckResult:
    from core import settings

    metadata = {
        "period": outcome.period,
        "expectations": len(outcome.outcomes),
        "passed": outcome.passed,
        "failed": outcome.failed,
        "failing": ", ".join(o.check for o in outcome.failures) or "none",
    }
    if outcome.data_docs:
        metadata["data_docs"] = dg.MetadataValue.path(str(outcome.data_docs))
        metadata["data_docs_url"] = dg.MetadataValue.url(outcome.data_docs.resolve().as_uri())
        try:
            metadata["data_docs_in_build"] = str(outcome.data_docs.resolve().relative_to(settings.build_dir().resolve()))
        except ValueError:
            pass
    for i, page in enumerate(outcome.pages):
        metadata[f"validation_page_{i + 1}"] = dg.MetadataValue.path(str(page))
    if outcome.failures:
        lines = []
        for o in outcome.failures:
            lines.append(f"- **{o.description}** (`{o.check}`, {o.expectation})")
            lines += [f"    - {e}" for e in o.explanations]
        metadata["failures"] = dg.MetadataValue.md("\n".join(lines))
    return dg.AssetCheckResult(
        passed=outcome.success,
        severity=dg.AssetCheckSeverity.ERROR,
        description=outcome.summary().splitlines()[0],
        metadata=metadata,
    )


def _figures_expectations(context: dg.AssetCheckExecutionContext, warehouse: WarehouseResource) -> dg.AssetCheckResult:
    from assets.quality import gx_suite

    with warehouse.get_connection(read_only=True) as con:
        if context.has_partition_key:
            periods = [context.partition_key]
        else:  # run without a partition: every period in the warehouse
            periods = [r[0] for r in con.execute(sql("checks/figure_periods")).fetchall()]
        frames = {p: gx_suite.load_figures(con, p) for p in periods}
    frames = {p: f for p, f in frames.items() if f.height}
    if not frames:
        return dg.AssetCheckResult(passed=True, metadata={"periods": ", ".join(periods), "figures": 0,
                                                          "note": "no figures to check (the period has no clean cards)"})
    from assets.quality import gx_cache, gx_context

    docs = gx_context.data_docs_on()
    outcomes = [gx_suite.validate_figures(df, p, data_docs=docs) for p, df in frames.items()]
    for o, (p, df) in zip(outcomes, frames.items()):  # the report's gate reads this instead of running again
        if o.success:
            gx_cache.record_pass(p, df)
        else:
            gx_cache.forget(p)
    for o in outcomes:
        for line in o.summary().splitlines():
            (context.log.info if o.success else context.log.error)(line)
    if len(outcomes) == 1:
        return _result(outcomes[0])
    merged = gx_suite.SuiteOutcome(period=", ".join(o.period for o in outcomes),
                                   outcomes=[replace(x, explanations=[f"{o.period}: {e}" for e in x.explanations])
                                             for o in outcomes for x in o.outcomes],
                                   data_docs=outcomes[-1].data_docs, pages=[pg for o in outcomes for pg in o.pages])
    return _result(merged)


# Partitioned asset checks are a "preview" feature in Dagster 1.13 (a PreviewWarning when defined);
# they are what lets the check validate exactly the period being materialized.
with warnings.catch_warnings():
    warnings.simplefilter("ignore", dg.PreviewWarning)
    figures_expectations = dg.asset_check(
        asset="figures",
        name="figures_expectations",
        blocking=True,
        pool=DUCKDB_WRITE_POOL,
        partitions_def=periods_partitions,
        description=("Great Expectations over the period's figures: keys present and unique, provenance, shares 0–100, "
                     "counts and indices ≥ 0, rows summing to their totals (derived figures). Data Docs: build/data_docs/."),
    )(_figures_expectations)

QUALITY_CHECKS = [figures_expectations]
