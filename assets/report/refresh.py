"""Re-render one period's report from the warehouse as it is: the work of the `report` asset, as a
plain function (the asset calls it) and as a command without Dagster's start-up, for a reporter who
edits the narrative and wants to see it at once:

    .venv/bin/python -m assets.report.refresh --period 2017 [--formats html]

Unchanged work is skipped (freshness.py): the quality gate when the figures are those that passed it
last, a language's render when its sources and outputs are unchanged; charts come from their cache."""
from __future__ import annotations

import argparse
import sys
import time
from concurrent.futures import ThreadPoolExecutor

from assets.report import changes, charts, freshness, prepare, render
from assets.report.labels import LANGS
from core import settings


def refresh(con, period: str, formats: tuple[str, ...] | None = None,
            out_dir=None, changes_since=None, changes_until=None) -> list[tuple[str, render.Rendered]]:
    """The period's report in every language: [(lang, Rendered)], written into `out_dir` (default
    build/report/<period>/). `con` may be read-only. `out_dir` then holds this render's report files only:
    a format not rendered this time is removed (drop_other_formats), never left beside the new ones with
    older numbers."""
    formats = formats or render.requested_formats()
    quality_gate(con, period)
    wh = prepare.load(con, period)
    found = changes.changes_for(con, period, changes_since, changes_until)  # issue 18: changes since an edition
    rendering = []
    # a language's renderers (pandoc, Typst: processes of their own) start as soon as its context is
    # built, and run while the next language's context and charts are built (Python, this thread)
    with ThreadPoolExecutor(max_workers=len(LANGS)) as pool:
        for lang in LANGS:
            with charts.drawing(formats):  # the PNG of a chart only for DOCX
                ctx = prepare.build(None, period, lang, wh)
            changes.add_section(ctx, found)
            rendering.append((ctx, pool.submit(render.render, ctx, formats, out_dir=out_dir)))
        results = [(c.lang, f.result()) for c, f in rendering]
    drop_other_formats(out_dir or settings.build_dir() / "report" / period, period, results)
    return results


def drop_other_formats(folder, period: str, results) -> list:
    """Remove from `folder` the period's report files (report-<period>-<lang>.<format>, every language and
    format) that this render did not write or keep: a format asked for before and not now would stay with the
    numbers of its own day. The callers render into a folder swapped in whole (atomic_dir), so the report
    folder changes from the old set to exactly the new one at once. The removed files' names."""
    from pathlib import Path

    folder = Path(folder)
    kept = {Path(p).name for _, r in results for p in r.files.values()}
    removed = []
    for lang in LANGS:
        for fmt in render.FORMATS:
            f = folder / f"report-{period}-{lang}.{fmt}"
            if f.name not in kept and f.is_file():
                f.unlink()
                removed.append(f.name)
    return removed


def quality_gate(con, period: str) -> None:
    """Raise FiguresNotValid unless the period's figures pass the Great Expectations suite; the suite
    is not run again for figures that passed it already: at this gate before (freshness.py), or at the
    blocking check `figures_expectations` of the same run (assets/quality/gx_cache.py)."""
    digest = freshness.figures_digest(con)
    if not freshness.gate_passed(period, digest):  # the same figures passed the gate before: not again
        from assets.quality import gx_cache  # (no GX import)

        if not gx_cache.passed(con, period):  # the check passed these very figures: not again
            from assets.quality.gx_suite import assert_figures_ok  # (imports pandera and GX: seconds)

            assert_figures_ok(con, period)  # never render stale or wrong numbers: says which expectation failed
        freshness.record_gate(period, digest)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m assets.report.refresh", description=__doc__.split("\n\n")[0])
    ap.add_argument("--period", required=True)
    ap.add_argument("--formats", default="", help="comma-separated: html,pdf,docx (default: all)")
    args = ap.parse_args(argv)
    from assets.core import warehouse

    t0 = time.monotonic()
    formats = tuple(f for f in args.formats.split(",") if f) or None
    if formats and set(formats) - set(render.FORMATS):
        ap.error(f"--formats: choose from {', '.join(render.FORMATS)}")
    from core import settings
    from assets.core.atomic import atomic_dir

    target = settings.build_dir() / "report" / args.period
    with warehouse.connect(read_only=True) as con, atomic_dir(target, seed=True) as tmp:  # all formats or none
        results = refresh(con, args.period, formats, out_dir=tmp)
    for lang, r in results:
        for f, p in r.files.items():
            print(f"{lang} {f}: {target / p.relative_to(tmp)} ({r.engine})")
    print(f"report {args.period} in {time.monotonic() - t0:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
