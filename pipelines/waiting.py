"""Saying what a `monitor` command waits for, while it waits.

Two things can hold a run up:
- the `duckdb_write` pool of the Dagster instance (limit 1): another run's step holds the slot.
  `PoolWatch` (a thread beside the run) sees this run's step pending and names the run holding the
  slot: its job, period, step and process (pid and command line);
- DuckDB's file lock, held by a process outside the instance: assets/core/warehouse.py says whom it
  waits for (reader or writer, pid, command) on the `monitor.wait` logger, which the CLI prints.
"""
from __future__ import annotations

import os
import sys
import threading
from typing import Callable, Iterator

from assets.core.lockinfo import command_of

POOL = "duckdb_write"


def describe_run(instance, run_id: str) -> str:
    run = instance.get_run_by_id(run_id)
    if run is None:
        return f"run {run_id[:8]}"
    tags = run.tags or {}
    part = f", period {tags['dagster/partition']}" if "dagster/partition" in tags else ""
    pid = tags.get("monitor/pid", "")
    proc = f"; pid {pid}" + (f": {command_of(int(pid))}" if pid.isdigit() and command_of(int(pid)) else "") if pid else ""
    return f"run {run_id[:8]} ({run.job_name}{part}{proc})"


class PoolWatch:
    """While a command's runs execute, print once per holder when one of its steps waits for the
    write pool, and whom it waits for. Runs of this process are recognised by their monitor/pid tag."""

    def __init__(self, instance, say: Callable[[str], None] | None = None, every_s: float = 0.5,
                 at_most_s: float = 2.0):
        self.instance, self.every_s, self.at_most_s = instance, every_s, max(at_most_s, every_s)
        self.say = say or (lambda m: print(f"monitor: {m}", file=sys.stderr, flush=True))
        self._stop = threading.Event()
        self._told: set[tuple[str, str]] = set()
        self._mine: set[str] = set()
        self._thread = threading.Thread(target=self._loop, name="pool-watch", daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join(timeout=5)

    def _is_mine(self, run_id: str) -> bool:
        if run_id in self._mine:
            return True
        run = self.instance.get_run_by_id(run_id)
        if run is not None and (run.tags or {}).get("monitor/pid") == str(os.getpid()):
            self._mine.add(run_id)
            return True
        return False

    def check(self) -> list[str]:
        """One look: messages for steps of this process waiting for a slot another run holds."""
        try:
            info = self.instance.event_log_storage.get_concurrency_info(POOL)
        except Exception:  # noqa: BLE001 - an instance without pools: nothing to say
            return []
        holders = [c for c in info.claimed_slots if not self._is_mine(c.run_id)]
        waiting = [s for s in info.pending_steps if s.assigned_timestamp is None and self._is_mine(s.run_id)]
        out = []
        for step in waiting:
            for h in holders:
                if (step.step_key, h.run_id) in self._told:
                    continue
                self._told.add((step.step_key, h.run_id))
                out.append(f"{step.step_key} waits for the write pool '{POOL}' (one writer at a time): held by "
                           f"{describe_run(self.instance, h.run_id)}, step {h.step_key}")
        return out

    def waits(self) -> Iterator[float]:
        """The pauses between two looks: `every_s` first, then each half as long again, up to `at_most_s`.
        A look costs ~10 ms of CPU (Dagster's concurrency tables read through a new SQLite connection): at a
        fixed 0.5 s the watch took ~2 CPU s of a whole `monitor run` (3 %), more the longer the run; a step
        waiting for the pool is still named within 2 s."""
        wait = self.every_s
        while True:
            yield wait
            wait = min(wait * 1.5, self.at_most_s)

    def _loop(self) -> None:
        for wait in self.waits():
            if self._stop.wait(wait):
                return
            for m in self.check():
                self.say(m)
