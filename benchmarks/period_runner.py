"""One period's run in a process of its own, for the concurrent-writers test (tests/backends/) and benchmark (benchmarks/ducklake_concurrency.py).

    python -m benchmarks.period_runner PERIOD [--checks] [ASSET ...]

As `monitor` does: the Dagster instance of DAGSTER_HOME (shared by the processes: its pool
`duckdb_write` gates their write steps) with the pool's limit set for the configured warehouse backend
(assets/resources.sync_write_pool), then one in-process run of the period's assets (default: ingest,
validate, figures, reconciliation; their read-only checks only with --checks). Prints one JSON
line: period, success, the pool limit, seconds, and how many commit conflicts were retried.
"""
from __future__ import annotations

import json
import logging
import os
import sys
import time

ASSETS = ["raw_cards", "cards", "figures", "reconciliation"]


class _Count(logging.Handler):
    def __init__(self):
        super().__init__()
        self.conflicts = 0

    def emit(self, record):
        if "commit conflict" in record.getMessage():
            self.conflicts += 1


def main(argv: list[str]) -> int:
    t0 = time.monotonic()
    import dagster as dg

    from assets.resources import sync_write_pool
    from pipelines import automation
    from pipelines.definitions import defs

    checks = "--checks" in argv
    argv = [a for a in argv if a != "--checks"]
    period, selection = argv[0], argv[1:] or ASSETS
    chosen = dg.AssetSelection.assets(*selection)
    counter = _Count()
    logging.getLogger("monitor.wait").addHandler(counter)
    logging.getLogger("monitor.wait").setLevel(logging.INFO)
    instance = dg.DagsterInstance.get() if os.environ.get("DAGSTER_HOME") else dg.DagsterInstance.ephemeral()
    limit = sync_write_pool(instance)
    t1 = time.monotonic()
    result = dg.materialize(
        assets=[*defs.assets, *defs.asset_checks],
        selection=chosen if checks else chosen.without_checks(),
        partition_key=period,
        resources=defs.resources,
        instance=instance,
        raise_on_error=False,
        tags=automation.run_tags(),
        run_config={"loggers": {"console": {"config": {"log_level": "CRITICAL"}}}},
    )
    if not result.success:
        for ev in result.all_events:
            if ev.is_step_failure:
                print(f"FAILED {ev.step_key}: {ev.step_failure_data.error.to_string()}", file=sys.stderr)
    print(json.dumps({"period": period, "success": result.success, "run_id": result.run_id, "pool_limit": limit,
                      "run_s": round(time.monotonic() - t1, 2), "process_s": round(time.monotonic() - t0, 2),
                      "conflicts_retried": counter.conflicts}), flush=True)
    return 0 if result.success else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
