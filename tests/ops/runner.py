"""A real, separate process that materializes one period, for the kill and race tests.

    python -m tests.ops.runner PERIOD [ASSET ...]

Instance: DAGSTER_HOME's if set (as `monitor` uses it), else an ephemeral one.

Test-only instrument (nothing of it is in the pipeline): with MONITOR_TEST_PAUSE_TABLE=<table>, the
process wraps the warehouse connection so that, inside the write transaction that replaces
<table>'s rows -- after its DELETE and INSERT, right before COMMIT -- it writes the file
MONITOR_TEST_PAUSE_READY and then blocks opening the FIFO MONITOR_TEST_PAUSE_FIFO (until the test
opens it for writing, or kills the process). With MONITOR_TEST_LOCKED_MARK=<file>, the process
writes that file the first time DuckDB refuses it the warehouse because another process holds it.
"""
from __future__ import annotations

import contextlib
import json
import os
import sys


# the raw layer's tables by the names the write is given (assets/core/rawstore.py keeps them in these)
_STORED_AS = {"raw_file_index": "raw_files", "raw_file_rows": "raw_files",
              "raw_record_parts": "raw_records", "raw_record_rows": "raw_records"}


def _install_hooks() -> None:
    import duckdb

    from assets.core import warehouse

    table = os.environ.get("MONITOR_TEST_PAUSE_TABLE")
    if table:
        real_connect = warehouse.connect

        class Paused:
            def __init__(self, con):
                self._con, self._tables = con, []

            def _pause(self):
                if table in self._tables:
                    ready = os.environ["MONITOR_TEST_PAUSE_READY"]
                    with open(ready + ".part", "w") as fh:  # whole before it exists: the test reads it once it does
                        json.dump({"pid": os.getpid(), "tables": self._tables}, fh)
                    os.replace(ready + ".part", ready)
                    with open(os.environ["MONITOR_TEST_PAUSE_FIFO"]) as fifo:  # blocks until released or killed
                        fifo.read()

            # the transaction as statements or through the connection's API (con.begin() / con.commit())
            def begin(self):
                self._tables = []
                return self._con.begin()

            def commit(self):
                self._pause()
                return self._con.commit()

            def execute(self, sql, *args, **kw):
                s = "\n".join(line for line in sql.splitlines() if not line.strip().startswith("--")).strip()
                if s.upper().startswith("BEGIN"):
                    self._tables = []
                elif s.upper().startswith("DELETE FROM"):
                    name = s.split('"')[1] if '"' in s else s.split()[2]
                    self._tables.append(_STORED_AS.get(name, name))
                elif s.upper() == "COMMIT":
                    self._pause()
                return self._con.execute(sql, *args, **kw)

            def __getattr__(self, name):
                return getattr(self._con, name)

        @contextlib.contextmanager
        def connect(*a, **kw):
            with real_connect(*a, **kw) as con:
                yield con if kw.get("read_only") else Paused(con)

        warehouse.connect = connect

    mark = os.environ.get("MONITOR_TEST_LOCKED_MARK")
    if mark:
        real = duckdb.connect

        def connect_and_mark(*a, **kw):
            try:
                return real(*a, **kw)
            except duckdb.IOException as exc:
                if "lock" in str(exc).lower() and not os.path.exists(mark):
                    # written whole, then renamed: the test waits for the mark to exist and reads it at once
                    tmp = f"{mark}.{os.getpid()}.tmp"
                    with open(tmp, "w") as fh:
                        fh.write(str(exc))
                    os.replace(tmp, mark)
                raise

        warehouse.duckdb = type(sys)("duckdb_marked")
        warehouse.duckdb.__dict__.update(duckdb.__dict__)
        warehouse.duckdb.connect = connect_and_mark


def main(argv: list[str]) -> int:
    _install_hooks()
    import dagster as dg

    from pipelines import automation
    from pipelines.definitions import defs

    period, selection = argv[0], argv[1:] or ["raw_cards", "cards", "figures"]
    instance = dg.DagsterInstance.get() if os.environ.get("DAGSTER_HOME") else dg.DagsterInstance.ephemeral()
    for line in automation.reap_dead_runs(instance):  # as `monitor` does before a run
        print(line, file=sys.stderr)
    result = dg.materialize(
        assets=[*defs.assets, *defs.asset_checks],
        selection=dg.AssetSelection.assets(*selection),
        partition_key=period,
        resources=defs.resources,
        instance=instance,
        raise_on_error=False,
        tags=automation.run_tags(),
    )
    if not result.success:
        for ev in result.all_events:
            if ev.is_step_failure:
                print(f"FAILED {ev.step_key}: {ev.step_failure_data.error.to_string()}", file=sys.stderr)
    return 0 if result.success else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
