"""Work a whole `monitor run` no longer does: the media pipeline's imports in a card run, and the pool watch's
looks at a fixed 0.5 s for as long as a run lasts (README, "Benchmarks": the whole example run's CPU)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pipelines.waiting import PoolWatch

REPO = Path(__file__).resolve().parents[1]


def test_loading_the_definitions_leaves_the_media_pipeline_unimported():
    """`pipelines.definitions` (every `monitor` process, every test process) does not import the media extraction
    and triage (~0.6 CPU s); a media asset imports it when it runs."""
    code = ("import sys, pipelines.definitions; "
            "print(sorted(m for m in ('assets.media.pipeline', 'assets.media.extract', 'assets.media.triage') "
            "if m in sys.modules))")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout
    from assets.media import assets as media_assets, pipeline

    assert media_assets._pipeline() is pipeline


class _Stop:
    """threading.Event's wait, recorded: set after `n` pauses."""

    def __init__(self, n: int):
        self.n, self.waits = n, []

    def wait(self, timeout: float) -> bool:
        self.waits.append(timeout)
        return len(self.waits) > self.n


def test_the_pool_watch_looks_less_often_the_longer_a_run_lasts():
    watch = PoolWatch(instance=None, say=lambda m: None)
    looks = []
    watch.check = lambda: looks.append(1) or []
    watch._stop = _Stop(8)
    watch._loop()
    assert watch._stop.waits == [0.5, 0.75, 1.125, 1.6875, 2.0, 2.0, 2.0, 2.0, 2.0]
    assert len(looks) == 8  # one look after each pause but the last, which the stop ended


def test_the_pool_watch_still_names_a_waiting_step():
    said = []
    watch = PoolWatch(instance=None, say=said.append)
    watch.check = lambda: ["figures waits for the write pool"]
    watch._stop = _Stop(1)
    watch._loop()
    assert said == ["figures waits for the write pool"]
