"""How the whole `period_job` grows with the number of cards, counted rather than timed.

Every asset of `period_job` (in the order of the asset graph, each with its asset checks) is
materialized in process, one after the other, for generated cards (benchmarks/generate.py, seed 1)
of period 2017, first for n1 cards, then for n2 cards in the same warehouse (partition writes
replace). For each step it records:

- `calls`: Python function calls made while the step ran (cProfile's count: deterministic for the
  same data, blind to the machine's load) - a quadratic loop in Python (openpyxl's `ws[ws.max_row]`,
  a scan per row) multiplies them by 100 for 10x the cards;
- `cpu_s`: CPU seconds of the process and of the renderers it ran (DuckDB, Polars, pandoc, Typst
  included), which also sees work done outside Python;
- the bytes the report and the exports wrote.

The growth exponent of a measure m between n1 and n2 is log(m2/m1) / log(n2/n1): 1 is linear, 2
quadratic; fixed costs (imports, Dagster, rendering) pull it below 1. tests/test_growth.py asserts
on these exponents (a smoke size by default; MONITOR_GROWTH_SIZES=2000,20000 for the sizes of
issue 15); benchmarks/bench.py writes them to BENCHMARKS.md.

    .venv/bin/python -m benchmarks.growth --sizes 2000 20000 [--formats html,pdf,docx]
"""
from __future__ import annotations

import argparse
import cProfile
import json
import math
import os
import pstats
import resource
import shutil
import sys
import time
from pathlib import Path

PERIOD = "2017"


def job_steps() -> list[str]:
    """The assets of period_job in the order of the asset graph (each is materialized with its checks)."""
    from pipelines.definitions import defs

    keys = defs.resolve_job_def("period_job").asset_layer.executable_asset_keys
    return [k.to_user_string() for k in defs.resolve_asset_graph().toposorted_asset_keys if k in keys]


def split_files(folder: Path, rows: int = 10_000) -> None:
    """Cut every generated CSV of `folder` longer than `rows` records into parts of `rows` (a monitor
    network sends many files; one file may hold at most config/limits.yaml `file.max_records`, 20,000,
    and a larger one is refused whole - a benchmark of 100,000 cards in one CSV measures a refusal)."""
    import polars as pl

    for p in sorted(folder.glob("*.csv")):
        sep, enc = (";", "cp1251") if p.name.endswith("_cp1251.csv") else (",", "utf-8")
        raw = p.read_bytes().decode(enc)
        df = pl.read_csv(raw.encode(), separator=sep, infer_schema=False)
        if df.height <= rows:
            continue
        p.unlink()
        for i, start in enumerate(range(0, df.height, rows), 1):
            part = df.slice(start, rows).write_csv(separator=sep, line_terminator="\r\n" if sep == ";" else "\n")
            p.with_name(f"{p.stem}-{i:03d}.csv").write_bytes(part.encode(enc))


def _cpu() -> float:
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) if folder.exists() else 0


def measure(n: int, work: Path, seed: int = 1, formats: str | None = "html") -> dict:
    """Generate n cards into work/inbox (replacing what was there) and run every step of period_job on
    them in process, each under cProfile. The environment (MONITOR_INBOX/WAREHOUSE/BUILD) must point
    under `work`; the published figures must be materialized already (see `prepare`)."""
    import dagster as dg

    from benchmarks.generate import generate_inbox
    from pipelines.definitions import defs

    inbox = work / "inbox" / "cards" / PERIOD
    shutil.rmtree(inbox, ignore_errors=True)
    manifest = generate_inbox(work / "inbox", n, (PERIOD,), seed)[PERIOD]
    split_files(inbox)
    if formats:
        os.environ["MONITOR_REPORT_FORMATS"] = formats
    instance = dg.DagsterInstance.ephemeral()
    out: dict = {"cards": n, "valid_cards": manifest.good_cards, "steps": {}, "checks": {}}
    for step in job_steps():
        prof = cProfile.Profile()
        cpu0, t0 = _cpu(), time.perf_counter()
        prof.enable()
        result = dg.materialize(assets=[*defs.assets, *defs.asset_checks], selection=dg.AssetSelection.assets(step),
                                partition_key=PERIOD, resources=defs.resources, instance=instance,
                                raise_on_error=False)
        prof.disable()
        wall, cpu = time.perf_counter() - t0, _cpu() - cpu0
        if not result.success:
            raise RuntimeError(f"period_job step {step} failed at {n} cards")
        calls = pstats.Stats(prof).total_calls
        out["steps"][step] = {"calls": calls, "cpu_s": cpu, "wall_s": wall}
        for ev in result.get_asset_check_evaluations():
            out["checks"][ev.check_name] = ev.passed
    build = Path(os.environ["MONITOR_BUILD"])
    out["report_bytes"] = _bytes(build / "report" / PERIOD)
    out["report_md_bytes"] = sum(len(v) for v in _report_fragments().values())
    out["exports_bytes"] = _bytes(build / "exports" / PERIOD)
    return out


def _report_fragments() -> dict[str, str]:
    """The markdown the report is built from (both languages), as `report` builds it."""
    from assets.core import warehouse
    from assets.report import prepare
    from assets.report.labels import LANGS

    with warehouse.connect(read_only=True) as con:
        wh = prepare.load(con, PERIOD)
    frags: dict[str, str] = {}
    for lang in LANGS:
        ctx = prepare.Builder(wh, PERIOD, lang).build()
        frags |= {f"{lang}/{k}": v for k, v in ctx.fragments.items()}
    return frags


def prepare(work: Path, set_env: bool = True) -> None:
    """Point the MONITOR_* folders under `work` (unless the caller did), import what the steps import
    lazily (a one-time cost that would otherwise fall on the first size only), and materialize the
    unpartitioned published figures (read by `figures`; not part of period_job)."""
    import importlib

    from pipelines.commands.runs import PUBLISHED_ASSETS, materialize

    if set_env:
        for k, sub in (("MONITOR_WAREHOUSE", "warehouse.duckdb"), ("MONITOR_INBOX", "inbox"), ("MONITOR_BUILD", "build")):
            os.environ[k] = str(work / sub)
    (work / "inbox" / "cards").mkdir(parents=True, exist_ok=True)
    for mod in ("great_expectations", "assets.quality.gx_suite", "matplotlib.pyplot", "assets.report.charts",
                "assets.report.refresh", "assets.report.exports", "assets.report.datapackage", "xlsxwriter"):
        importlib.import_module(mod)
    # the build folder's GX project (its context, made once per process): else its ~1.3 M calls fall on the first
    # size's `figures` check and hide growth there (figures' call exponent was -0.3 at 300 vs 3,000 cards)
    from assets.quality import gx_context

    gx_context.project()
    import dagster as dg

    if not materialize(PUBLISHED_ASSETS, None, dg.DagsterInstance.ephemeral()):
        raise RuntimeError("the published figures could not be materialized")


def exponent(m1: float, m2: float, n1: int, n2: int) -> float | None:
    if not m1 or not m2 or m1 <= 0 or m2 <= 0:
        return None
    return math.log(m2 / m1) / math.log(n2 / n1)


def growth(small: dict, big: dict) -> dict:
    """Per step and for the whole run: the exponent of calls and of CPU time; of the report's and the
    exports' bytes."""
    n1, n2 = small["cards"], big["cards"]
    g: dict = {"n1": n1, "n2": n2, "steps": {}}
    for step in small["steps"]:
        a, b = small["steps"][step], big["steps"][step]
        g["steps"][step] = {m: exponent(a[m], b[m], n1, n2) for m in ("calls", "cpu_s", "wall_s")}
    for m in ("calls", "cpu_s", "wall_s"):
        g[f"run_{m}"] = exponent(sum(s[m] for s in small["steps"].values()), sum(s[m] for s in big["steps"].values()), n1, n2)
    for m in ("report_bytes", "report_md_bytes", "exports_bytes"):
        g[m] = exponent(small[m], big[m], n1, n2)
    return g


def run(sizes: list[int], work: Path, formats: str | None = "html", set_env: bool = True) -> dict:
    prepare(work, set_env)
    runs = {str(n): measure(n, work, formats=formats) for n in sizes}
    s = sorted(runs, key=int)
    return {"runs": runs, "growth": growth(runs[s[0]], runs[s[-1]]), "formats": formats}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs=2, default=[2_000, 20_000])
    ap.add_argument("--formats", default="html")
    ap.add_argument("--work", type=Path)
    ap.add_argument("--json", type=Path)
    a = ap.parse_args(argv)
    import tempfile

    work = a.work or Path(tempfile.mkdtemp(prefix="growth-"))
    res = run(a.sizes, work, a.formats)
    text = json.dumps(res, indent=1, default=str)
    if a.json:
        a.json.write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    ROOT = Path(__file__).resolve().parents[1]
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    sys.exit(main())
