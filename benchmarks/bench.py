"""`make bench`: how fast and how big the pipeline is, against a pandas baseline, written to BENCHMARKS.md.

    .venv/bin/python benchmarks/bench.py                   # 10k and 100k cards, 3 runs each, job at 2k and 20k
    .venv/bin/python benchmarks/bench.py --million         # ... and 1M cards (slow with today's code)
    .venv/bin/python benchmarks/bench.py --sizes 1000 --runs 1 --job-sizes 500 --articles 200 --no-profile
    .venv/bin/python benchmarks/bench.py --smoke --out /tmp/B.md   # what the test runs (seconds)

For every size, cards are generated once (benchmarks/generate.py, one period, seed 1), then each run
is a fresh child process (so that its peak memory is its own) that times the stages the pipeline's
assets call — `ingest_period`, `validate_period`, the warehouse write (`replace_partitions`) and
every figure model (`refresh_codes` + `derive_figures`) — without Dagster; another child runs the
pandas baseline (benchmarks/pandas_baseline.py) on the same files. Their figures are compared cell
by cell. Then: media triage in-process (`assets.media.triage` as it is, on generated articles), the
whole `period_job` through Dagster in process for the job sizes (seconds per step from the run's
events), and cProfile profiles of the core at the largest size measured in full and of the job.
Medians of the runs are reported; the machine is shared, so ratios are more telling than times.
"""
from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import json
import math
import os
import platform
import pstats
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

PERIOD = "2017"
CORE_STAGES = ("ingest_s", "validate_s", "write_s", "figures_s")
PANDAS_STAGES = ("read_s", "check_s", "figures_s")
# the pandas stage each pipeline stage is compared with
STAGE_PAIRS = (("ingest_s", "read_s", "ingest vs read_csv"), ("validate_s", "check_s", "validate vs checks"),
               ("figures_s", "figures_s", "write+figures vs groupby"))
TARGETS = {"core_1m_s": 10.0, "core_100k_s": 2.0, "core_1m_rss_mib": 2048.0, "pandas_ratio": 20.0,
           "triage_per_min": 50_000.0, "job_100k_s": 30.0}


# ------------------------------------------------------------------------------------ measuring

def _status_mib(key: str) -> float | None:
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith(key + ":"):
                    return int(line.split()[1]) / 1024.0  # kB
    except OSError:
        pass
    return None


def peak_rss_mib() -> float:
    """This process's own peak resident set: VmHWM, the high-water mark of its address space since its
    exec. Not ru_maxrss: Linux carries the parent's peak into a child started by fork/vfork + exec
    (subprocess), so a child of a parent holding 2 GiB of generated cards reported 2 GiB before doing
    anything. ru_maxrss only where /proc is absent."""
    hwm = _status_mib("VmHWM")
    return hwm if hwm is not None else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # KiB on Linux


def rss_mib() -> float:
    """The resident set now (the interpreter with its imports, when called before the work)."""
    now = _status_mib("VmRSS")
    return now if now is not None else peak_rss_mib()


def drop_warehouse(wh: Path) -> None:
    """A benchmark's warehouse file and its raw store beside it (assets/core/rawstore.py)."""
    wh.unlink(missing_ok=True)
    shutil.rmtree(Path(str(wh) + ".raw"), ignore_errors=True)


def run_core(inbox: Path, warehouse_path: Path, fig_out: Path | None = None) -> dict:
    """ingest -> validate -> write -> figures of one period, as benchmarks/run.py always did."""
    from assets.core import periods, rawstore, warehouse, writes
    from assets.derive.figures import derive_figures, refresh_codes
    from assets.ingest.streamed import ingest_validated, write_frames

    p = periods.get(PERIOD)
    t: dict = {"rss_before_mib": rss_mib()}  # after the imports: what the pipeline adds is peak - before
    with warehouse.connect(warehouse_path) as con:
        # what the raw_cards asset does: ingest and validation file by file (assets/ingest/streamed.py), each
        # file's bytes and records put into the warehouse's raw store as they are read; the seconds of each
        # part are measured inside
        got, res = ingest_validated(p, inbox, times=t, store=rawstore.location(con))
        t["cards"], t["persons"] = res.cards.height, res.persons.height
        t["quarantined_records"] = res.quarantine.filter(res.quarantine["severity"] == "error")["record_id"].n_unique()
        frames = {**write_frames(got), "cards": res.cards, "persons": res.persons, "quarantine": res.quarantine}
        del got, res  # handed over to the write, which lets each go once DuckDB holds it (as the raw_cards asset does)
        t0 = time.perf_counter()
        writes.replace_partitions(con, PERIOD, frames, release=True)
        t["write_s"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        refresh_codes(con)
        fig = derive_figures(con, p)
        t["figures_s"] = time.perf_counter() - t0
    t["total_s"] = sum(t[s] for s in CORE_STAGES)
    t["figures"] = fig.height
    if fig_out:
        fig.select("table_no", "row_key", "col_key", "value").write_csv(fig_out)
    t["peak_rss_mib"] = peak_rss_mib()
    return t


def run_pandas(folder: Path, fig_out: Path | None = None) -> dict:
    from benchmarks import pandas_baseline

    t: dict = {"rss_before_mib": rss_mib()}
    fig, times = pandas_baseline.run(folder, PERIOD)
    t.update(times)
    t["total_s"] = sum(t[s] for s in PANDAS_STAGES)
    if fig_out:
        fig.to_csv(fig_out, index=False)
    t["peak_rss_mib"] = peak_rss_mib()
    return t


def run_triage(n: int, runs: int, seed: int = 1) -> dict:
    """Media triage in-process over n generated articles: the quick pass on all, `classify` on those
    it lets through, then extraction on those classified as reporting an assembly."""
    from assets.media import extract, triage
    from benchmarks.generate import generate_articles

    arts = generate_articles(n, seed)
    triage.classify(arts[0].title, arts[0].text)  # loads the morphology dictionaries once
    rates, cpu_rates, results = [], [], {}
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        verdicts = triage.classify_batch([(a.title, a.text) for a in arts])  # as pipeline.triage_articles
        results = {a.article_id: v for a, v in zip(arts, verdicts) if v.passed_quick}
        rates.append(n / (time.perf_counter() - t0) * 60)
        cpu_rates.append(n / max(time.process_time() - c0, 1e-9) * 60)  # per CPU second: what a shared machine's load hides
    t0 = time.perf_counter()
    quick_only = sum(triage.quick_pass(f"{a.title}\n{a.text}") for a in arts)
    quick_rate = n / (time.perf_counter() - t0) * 60
    assembly = [a for a in arts if a.article_id in results and results[a.article_id].is_assembly]
    t0, c0 = time.perf_counter(), time.process_time()
    events = sum(len(extract.extract(a.title, a.text, triage_result=results[a.article_id])) for a in assembly)
    ext_s, ext_cpu = time.perf_counter() - t0, time.process_time() - c0
    truth = {a.article_id for a in arts if a.reports_assembly}
    found = {a.article_id for a in assembly}
    return {
        "articles": n, "avg_chars": statistics.mean(len(a.text) for a in arts), "runs": runs,
        "triage_per_min": statistics.median(rates), "triage_cpu_per_min": statistics.median(cpu_rates),
        "quick_pass_per_min": quick_rate,
        "passed_quick_share": quick_only / n, "to_extraction_share": len(assembly) / n,
        "extraction_per_min": (len(assembly) / ext_s * 60) if ext_s and assembly else None,
        "extraction_cpu_per_min": (len(assembly) / ext_cpu * 60) if ext_cpu and assembly else None, "events": events,
        "precision": len(found & truth) / len(found) if found else None,
        "recall": len(found & truth) / len(truth) if truth else None, "peak_rss_mib": peak_rss_mib(),
    }


def run_job(n: int, work: Path, seed: int = 1, profile_to: Path | None = None) -> dict:
    """period_job (ingest -> validate -> derive -> report, with checks) through Dagster in process, on n
    generated cards, after the unpartitioned published figures it reads (not timed)."""
    from benchmarks.generate import generate_inbox

    for k, sub in (("MONITOR_WAREHOUSE", "warehouse.duckdb"), ("MONITOR_INBOX", "inbox"), ("MONITOR_BUILD", "build")):
        os.environ[k] = str(work / sub)
    generate_inbox(work / "inbox", n, (PERIOD,), seed)
    from benchmarks.growth import split_files

    split_files(work / "inbox" / "cards" / PERIOD)  # at most 10,000 records a file (limits: 20,000)
    import dagster as dg

    from pipelines.commands.runs import PUBLISHED_ASSETS, materialize
    from pipelines.definitions import defs

    instance = dg.DagsterInstance.ephemeral()
    materialize(PUBLISHED_ASSETS, None, instance)
    job = defs.get_job_def("period_job")
    prof = cProfile.Profile() if profile_to else None
    t0 = time.perf_counter()
    if prof:
        prof.enable()
    result = job.execute_in_process(partition_key=PERIOD, instance=instance, raise_on_error=False)
    if prof:
        prof.disable()
        prof.dump_stats(profile_to)
    total = time.perf_counter() - t0
    steps: dict[str, float] = {}
    start: dict[str, float] = {}
    for e in instance.all_logs(result.run_id):
        ev = e.dagster_event
        if ev is None or not ev.step_key:
            continue
        if ev.event_type_value == "STEP_START":
            start[ev.step_key] = e.timestamp
        elif ev.event_type_value in ("STEP_SUCCESS", "STEP_FAILURE") and ev.step_key in start:
            steps[ev.step_key] = e.timestamp - start[ev.step_key]
    checks = result.get_asset_check_evaluations()
    return {"cards": n, "success": result.success, "total_s": total, "steps": steps,
            "checks": len(checks), "checks_passed": sum(c.passed for c in checks), "peak_rss_mib": peak_rss_mib()}


def profile_core(inbox: Path, warehouse_path: Path, out: Path) -> dict:
    import assets.derive.figures, assets.ingest.inbox, assets.validate.validate  # noqa: F401,E401 (imports are not profiled)

    prof = cProfile.Profile()
    prof.enable()
    t = run_core(inbox, warehouse_path)
    prof.disable()
    prof.dump_stats(out)
    return t


# ----------------------------------------------------------------------------- child processes

def child(kind: str, args: list[str], work: Path, timeout: float | None = None) -> dict:
    """Run one measurement in a fresh interpreter; its last stdout line is the JSON result."""
    env = dict(os.environ, MONITOR_HOME=str(ROOT), GX_ANALYTICS_ENABLED="false", DAGSTER_DISABLE_TELEMETRY="1",
               PYTHONPATH=str(ROOT))
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", kind, "--work", str(work), *args]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT, timeout=timeout)
    if proc.returncode != 0:
        raise RuntimeError(f"benchmark child {kind} {args} failed:\n{proc.stderr[-4000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def child_main(kind: str, work: Path, rest: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--inbox", type=Path)
    ap.add_argument("--fig-out", type=Path)
    ap.add_argument("--cards", type=int, default=0)
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--profile-to", type=Path)
    ap.add_argument("--pair", type=int, nargs=2)
    a = ap.parse_args(rest)
    if kind == "core":
        wh = work / f"warehouse-{os.getpid()}.duckdb"
        out = run_core(a.inbox, wh, a.fig_out)
        drop_warehouse(wh)
    elif kind == "pandas":
        out = run_pandas(a.inbox / "cards" / PERIOD, a.fig_out)
    elif kind == "triage":
        out = run_triage(a.cards, a.runs)
    elif kind == "job":
        out = run_job(a.cards, work, profile_to=a.profile_to)
    elif kind == "growth":
        from benchmarks import growth as job_growth

        out = job_growth.run(a.pair, work)
    elif kind == "profile":
        wh = work / f"warehouse-{os.getpid()}.duckdb"
        out = profile_core(a.inbox, wh, a.profile_to)
        drop_warehouse(wh)
    else:
        raise SystemExit(f"unknown child {kind}")
    print(json.dumps(out, default=str))
    return 0


# --------------------------------------------------------------------------------- comparisons

def read_figures(path: Path) -> dict[tuple[str, str, str], float | None]:
    import csv

    with open(path, encoding="utf-8", newline="") as fh:
        return {(r["table_no"], r["row_key"], r["col_key"]): (float(r["value"]) if r["value"] not in ("", "nan", "NaN") else None)
                for r in csv.DictReader(fh)}


def compare_figures(pipeline: dict, baseline: dict, rel: float = 1e-9) -> tuple[int, list[str]]:
    """Cells of the tables the baseline computes: how many, and every difference (missing, extra, value)."""
    tables = {k[0] for k in baseline}
    pipe = {k: v for k, v in pipeline.items() if k[0] in tables}
    diffs = [f"only in the pipeline: {k} = {pipe[k]}" for k in sorted(set(pipe) - set(baseline))]
    diffs += [f"only in pandas: {k} = {baseline[k]}" for k in sorted(set(baseline) - set(pipe))]
    for k in sorted(set(pipe) & set(baseline)):
        a, b = pipe[k], baseline[k]
        if (a is None) != (b is None) or (a is not None and not math.isclose(a, b, rel_tol=rel, abs_tol=1e-9)):
            diffs.append(f"{k}: pipeline {a}, pandas {b}")
    return len(pipe), diffs


def slope(ns: list[float], ts: list[float]) -> float | None:
    """The fitted growth exponent b of t = a * n^b (least squares on logs)."""
    pts = [(math.log(n), math.log(t)) for n, t in zip(ns, ts) if n > 0 and t and t > 0]
    if len(pts) < 2:
        return None
    mx = statistics.mean(x for x, _ in pts)
    my = statistics.mean(y for _, y in pts)
    den = sum((x - mx) ** 2 for x, _ in pts)
    return sum((x - mx) * (y - my) for x, y in pts) / den if den else None


def summarise_profile(path: Path, top: int = 12) -> list[tuple[str, float, float]]:
    """(file:function, share of self time, share of cumulative time) for the heaviest functions."""
    st = pstats.Stats(str(path), stream=io.StringIO())
    total = st.total_tt or 1.0
    rows = []
    for (fname, line, func), (_cc, _nc, tt, ct, _callers) in st.stats.items():
        rows.append((_short(fname, func), tt / total, ct / total))
    by_self = sorted(rows, key=lambda r: -r[1])[:top]
    return by_self


def project_cumulative(path: Path, top: int = 12) -> list[tuple[str, float]]:
    """The project's own functions by cumulative time (where its time goes, top-down)."""
    st = pstats.Stats(str(path), stream=io.StringIO())
    total = st.total_tt or 1.0
    rows = []
    for (fname, line, func), (_cc, _nc, tt, ct, _callers) in st.stats.items():
        f = Path(fname)
        if str(ROOT) in fname and ".venv" not in fname and "benchmarks" not in fname:
            rows.append((_short(fname, func), ct / total))
    return sorted(rows, key=lambda r: -r[1])[:top]


def _short(fname: str, func: str) -> str:
    if fname.startswith(str(ROOT)) and ".venv" not in fname:
        return f"{Path(fname).relative_to(ROOT).as_posix()}:{func}"
    if "site-packages/" in fname:
        return f"{fname.split('site-packages/', 1)[1]}:{func}"
    if fname == "~":
        return func
    return f"{Path(fname).name}:{func}"


# ------------------------------------------------------------------------------------- report

def machine() -> dict:
    def first(path: str, key: str) -> str:
        try:
            for line in Path(path).read_text().splitlines():
                if line.startswith(key):
                    return line.split(":", 1)[1].strip()
        except OSError:
            pass
        return "?"
    import duckdb
    import pandas
    import polars

    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT).stdout.strip()
    except OSError:
        commit = "?"
    mem_kb = first("/proc/meminfo", "MemTotal").split()[0] if first("/proc/meminfo", "MemTotal") != "?" else "0"
    return {"nproc": os.cpu_count(), "memory_gib": round(int(mem_kb) / 1024 / 1024, 1), "cpu": first("/proc/cpuinfo", "model name"),
            "python": platform.python_version(), "polars": polars.__version__, "duckdb": duckdb.__version__,
            "pandas": pandas.__version__, "commit": commit, "load": os.getloadavg()}


def _f(x, nd=2, unit=""):
    if x is None:
        return "–"
    if isinstance(x, float) and (x >= 1000 or x == int(x)) and nd <= 2:
        return f"{x:,.0f}{unit}"
    return f"{x:.{nd}f}{unit}"


def write_report(out: Path, r: dict) -> None:
    m = r["machine"]
    L: list[str] = []
    L += ["# Benchmarks", "",
          f"Written by `{r['command']}` on {r['date']} (commit {m['commit']}). Regenerate with `make bench`",
          "(`make bench ARGS=--million` adds 1,000,000 cards). Medians of "
          f"{r['runs']} runs; each run a fresh process.", "",
          f"**Machine:** {m['nproc']} cores ({m['cpu']}), {m['memory_gib']} GiB RAM; Python {m['python']}, "
          f"polars {m['polars']}, duckdb {m['duckdb']}, pandas {m['pandas']}.",
          f"The machine may be **shared** with other work (load average "
          f"{m['load'][0]:.1f} at the start, {r['load_end'][0]:.1f} at the end): absolute times are noisy, "
          "the ratios within this run (pipeline vs pandas, 10× more cards) are the robust numbers.", ""]
    core, pand = r["core"], r["pandas"]
    sizes = sorted(core, key=int)

    # targets
    L += ["## Targets of issue 15 and where today's code stands", "",
          "| target | measured | met |", "|---|---:|:---:|"]
    for row in r["targets"]:
        L.append(f"| {row[0]} | {row[1]} | {row[2]} |")
    L.append("")

    L += ["## Core: ingest → validate → write → figure models (no Dagster)", "",
          "Seconds, median of the runs; peak memory is the child process's own maximum resident set (VmHWM: "
          "not ru_maxrss, which counts the parent's generated data into a forked child); `before` is the "
          "interpreter with its imports, `above` what the pipeline itself added.", "",
          "| cards | ingest | validate | write | figures | **total** | cards/s | peak MiB (before) | above MiB |",
          "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for n in sizes:
        c = core[n]
        L.append(f"| {int(n):,}{' *(extrapolated)*' if c.get('extrapolated') else ''} | {_f(c['ingest_s'])} | {_f(c['validate_s'])} | "
                 f"{_f(c['write_s'])} | {_f(c['figures_s'])} | **{_f(c['total_s'])}** | {_f(int(n) / c['total_s'], 0)} | "
                 f"{_f(c['peak_rss_mib'], 0)} ({_f(c['rss_before_mib'], 0)}) | "
                 f"{_f(c['peak_rss_mib'] - c['rss_before_mib'] if c.get('peak_rss_mib') is not None else None, 0)} |")
    L += ["", "## The pandas baseline on the same files", "",
          "`benchmarks/pandas_baseline.py`: read_csv, checks with pandas, groupby for every table it shares with "
          "sql/figures/ (1–19, topics, courts, summary).", "",
          "| cards | read | check | figures | **total** | peak MiB | figures equal |", "|---:|---:|---:|---:|---:|---:|---|"]
    for n in sizes:
        if n not in pand:
            continue
        p = pand[n]
        eq = r["equal"].get(n)
        eqs = "–" if eq is None else (f"yes, {eq[0]} cells" if not eq[1] else f"**NO**: {len(eq[1])} of {eq[0]} cells differ")
        L.append(f"| {int(n):,} | {_f(p['read_s'])} | {_f(p['check_s'])} | {_f(p['figures_s'])} | **{_f(p['total_s'])}** | "
                 f"{_f(p['peak_rss_mib'], 0)} | {eqs} |")
    diffs = [d for n in r["equal"] for d in r["equal"][n][1]]
    if diffs:
        L += ["", "Differences (first 10):", "", *[f"- {d}" for d in diffs[:10]]]
    L += ["", "### Speed-up of the pipeline over pandas (pandas time / pipeline time; > 1: the pipeline is faster)", "",
          "| cards | " + " | ".join(label for _, _, label in STAGE_PAIRS) + " | whole core | memory (pandas / pipeline) |",
          "|---:|" + "---:|" * (len(STAGE_PAIRS) + 2)]
    for n in sizes:
        if n not in pand or core[n].get("extrapolated"):
            continue
        c, p = core[n], pand[n]
        cells = []
        for a, b, _ in STAGE_PAIRS:
            pipe_t = c[a] + (c["write_s"] if a == "figures_s" else 0)
            cells.append(_f(p[b] / pipe_t, 2, "×") if pipe_t else "–")
        L.append(f"| {int(n):,} | " + " | ".join(cells) + f" | **{_f(p['total_s'] / c['total_s'], 2, '×')}** | "
                 f"{_f(p['peak_rss_mib'] / c['peak_rss_mib'], 2, '×')} |")

    # growth
    L += ["", "## Growth", "",
          "| cards | core s | core peak MiB | pandas s | pandas peak MiB |", "|---:|---:|---:|---:|---:|"]
    for n in sizes:
        c, p = core[n], pand.get(n, {})
        L.append(f"| {int(n):,} | {_f(c['total_s'])}{'*' if c.get('extrapolated') else ''} | {_f(c.get('peak_rss_mib'), 0)} | "
                 f"{_f(p.get('total_s'))} | {_f(p.get('peak_rss_mib'), 0)} |")
    g = r["growth"]
    L += ["", f"Fitted growth exponent b of time = a·n^b: core **{_f(g['core_time'])}**, pandas {_f(g['pandas_time'])}; "
          f"of peak memory above the interpreter's: core {_f(g['core_mem'])}, pandas {_f(g['pandas_mem'])} "
          "(1 = linear)." + (" \\* extrapolated from the fitted exponent, not measured" + (
              f": the 1,000,000-card run was stopped after {r['timeouts']['1000000']:,.0f} s without finishing."
              if r.get("timeouts", {}).get("1000000") else " (run with `--million`).")
              if any(core[n].get("extrapolated") for n in sizes) else ""), ""]

    # job
    if r["job"]:
        L += ["## The whole `period_job` through Dagster (in process, with its checks, the report and the exports)", "",
              "One run per size on generated cards (the published figures it reads are materialized first, untimed). "
              "Seconds per step from the run's STEP_START/STEP_SUCCESS events.", ""]
        jsizes = sorted(r["job"], key=int)
        steps = sorted({s for n in jsizes for s in r["job"][n]["steps"]})
        L += ["| step | " + " | ".join(f"{int(n):,} cards" for n in jsizes) + " | exponent |",
              "|---|" + "---:|" * (len(jsizes) + 1)]
        for s in steps:
            ts = [r["job"][n]["steps"].get(s) for n in jsizes]
            L.append(f"| {s} | " + " | ".join(_f(t) for t in ts) + f" | {_f(slope([int(n) for n in jsizes], ts))} |")
        tot = [r["job"][n]["total_s"] for n in jsizes]
        L.append(f"| **whole run** | " + " | ".join(f"**{_f(t)}**" for t in tot) + f" | **{_f(g.get('job_time'))}** |")
        L.append(f"| peak MiB | " + " | ".join(_f(r["job"][n]["peak_rss_mib"], 0) for n in jsizes) + " | |")
        L.append(f"| checks passed | " + " | ".join(f"{r['job'][n]['checks_passed']}/{r['job'][n]['checks']}" + ("" if r["job"][n]["success"] else " (run FAILED)") for n in jsizes) + " | |")
        L.append("")
        many = [n for n in jsizes if len(r["job"][n].get("all_totals") or []) > 1]
        for n in many:
            L += [f"At {int(n):,} cards: the median of {len(r['job'][n]['all_totals'])} runs (each step its own median); "
                  f"the runs took " + ", ".join(f"{t:.1f}" for t in r["job"][n]["all_totals"]) + " s.", ""]
    jg = r.get("job_growth")
    if jg:
        g2, runs = jg["growth"], jg["runs"]
        n1, n2 = str(g2["n1"]), str(g2["n2"])
        L += [f"### How every step of `period_job` grows ({int(n1):,} → {int(n2):,} cards; benchmarks/growth.py)", "",
              "Each asset materialized with its checks, one after the other, under cProfile (report as "
              f"{jg.get('formats') or 'every format'}). Python calls are deterministic for the same data (blind to the "
              "machine's load); the exponent log(m₂/m₁)/log(n₂/n₁) is 1 for linear growth, 2 for quadratic; fixed costs "
              "pull it below 1. tests/test_growth.py asserts on the same measures at a smoke size.", "",
              f"| step | calls {int(n1):,} | calls {int(n2):,} | exponent (calls) | CPU s {int(n1):,} | CPU s {int(n2):,} | exponent (CPU) |",
              "|---|---:|---:|---:|---:|---:|---:|"]
        for st, e in g2["steps"].items():
            a, b = runs[n1]["steps"][st], runs[n2]["steps"][st]
            L.append(f"| {st} | {a['calls']:,} | {b['calls']:,} | {_f(e['calls'])} | {_f(a['cpu_s'])} | {_f(b['cpu_s'])} | {_f(e['cpu_s'])} |")
        L.append(f"| **whole run** | {sum(x['calls'] for x in runs[n1]['steps'].values()):,} | "
                 f"{sum(x['calls'] for x in runs[n2]['steps'].values()):,} | **{_f(g2['run_calls'])}** | "
                 f"{_f(sum(x['cpu_s'] for x in runs[n1]['steps'].values()))} | {_f(sum(x['cpu_s'] for x in runs[n2]['steps'].values()))} | "
                 f"**{_f(g2['run_cpu_s'])}** |")
        L += ["", "| output | bytes " + f"{int(n1):,} | bytes {int(n2):,} | exponent |", "|---|---:|---:|---:|"]
        for m, label in (("report_md_bytes", "report markdown (both languages)"), ("report_bytes", "report files"),
                         ("exports_bytes", "exports")):
            L.append(f"| {label} | {runs[n1][m]:,} | {runs[n2][m]:,} | {_f(g2[m])} |")
        L.append("")

    # triage
    if r["triage"]:
        t = r["triage"]
        L += ["## Media triage (in process, `assets.media.triage` as it is)", "",
              f"{t['articles']:,} generated articles of {t['avg_chars']:,.0f} characters on average "
              f"(benchmarks/generate.py: Russian news-like text, ~3% report an assembly; many more use the words).", "",
              "| measure | value |", "|---|---:|",
              f"| triage (quick pass on all + `classify` on those it lets through), articles/min | **{_f(t['triage_per_min'], 0)}** |",
              f"| the same per CPU second of the process (what the shared machine's load does not change) | {_f(t.get('triage_cpu_per_min'), 0)} |",
              f"| quick pass alone, articles/min | {_f(t['quick_pass_per_min'], 0)} |",
              f"| share let through by the quick pass | {t['passed_quick_share']:.1%} |",
              f"| share reaching extraction (classified as an assembly) | {t['to_extraction_share']:.1%} |",
              f"| extraction, articles/min (per CPU second) | {_f(t['extraction_per_min'], 0)} ({_f(t.get('extraction_cpu_per_min'), 0)}) |",
              f"| precision / recall against the generator's truth | {_f(t['precision'])} / {_f(t['recall'])} |", ""]

    # profiles
    if r["profiles"]:
        L += ["## Where the time goes (cProfile)", ""]
        for title, prof in r["profiles"].items():
            L += [f"### {title}", "", "Heaviest functions by self time (share of the profiled time):", "",
                  "| function | self | cumulative |", "|---|---:|---:|"]
            L += [f"| `{name}` | {s:.1%} | {c:.1%} |" for name, s, c in prof["self"]]
            L += ["", "The project's functions by cumulative time:", "", "| function | cumulative |", "|---|---:|"]
            L += [f"| `{name}` | {c:.1%} |" for name, c in prof["project"]]
            L.append("")
    notes = Path(__file__).with_name("ANALYSIS.md")
    if notes.exists():  # the hand-written reading of a run's numbers and profiles
        text = notes.read_text(encoding="utf-8").split("\n", 1)[1].strip()
        L += ["## Reading the numbers (hand-written, benchmarks/ANALYSIS.md)", "", text, ""]
    notes = Path(__file__).with_name("ANALYSIS-job.md")
    if notes.exists():  # the same for the whole period_job (exports, report, checks)
        text = notes.read_text(encoding="utf-8").strip()
        L += ["#" + text if text.startswith("# ") else text, ""]  # its title one level down
    L += ["## Reproduce", "", "```", "make bench                       # this file", "make bench ARGS=--million         # with 1M cards",
          ".venv/bin/python benchmarks/bench.py --help", "```", ""]
    out.write_text("\n".join(L), encoding="utf-8")


def targets(r: dict) -> list[tuple[str, str, str]]:
    core, pand, g = r["core"], r["pandas"], r["growth"]
    rows = []

    def ok(good: bool | None) -> str:
        return "–" if good is None else ("yes" if good else "**no**")
    m = core.get("1000000")
    if m:
        tag = " (extrapolated)" if m.get("extrapolated") else ""
        if r.get("timeouts", {}).get("1000000"):
            tag = f" (extrapolated: the measured run did not finish within {r['timeouts']['1000000']:,.0f} s)"
        rows.append(("1,000,000 cards through the core < 10 s", f"{_f(m['total_s'])} s{tag}", ok(m["total_s"] < TARGETS["core_1m_s"])))
        if m.get("peak_rss_mib") is not None:
            rows.append(("… peak memory < 2 GiB", f"{_f(m['peak_rss_mib'], 0)} MiB{tag}", ok(m["peak_rss_mib"] < TARGETS["core_1m_rss_mib"])))
    h = core.get("100000")
    if h:
        rows.append(("100,000 cards through the core < 2 s", f"{_f(h['total_s'])} s", ok(h["total_s"] < TARGETS["core_100k_s"])))
    big = max((n for n in pand if n in core and not core[n].get("extrapolated")), key=int, default=None)
    if big:
        ratio = pand[big]["total_s"] / core[big]["total_s"]
        rows.append((f"≥ 20× faster than pandas (whole core, {int(big):,} cards)", f"{ratio:.2f}×", ok(ratio >= TARGETS["pandas_ratio"])))
    if r["triage"]:
        tr = r["triage"]["triage_per_min"]
        rows.append(("media triage ≥ 50,000 articles/min", f"{tr:,.0f}/min", ok(tr >= TARGETS["triage_per_min"])))
    if r["job"]:
        jsizes = sorted(r["job"], key=int)
        n, t = int(jsizes[-1]), r["job"][jsizes[-1]]["total_s"]
        b = g.get("job_time")
        if n >= 100_000:
            rows.append(("period_job, 100,000 cards < 30 s", f"{_f(t)} s", ok(t < TARGETS["job_100k_s"])))
        elif len(jsizes) >= 2:
            # every step extrapolated with its own exponent (a fixed cost stays fixed), plus the run's overhead
            f = 100_000 / n
            steps = r["job"][jsizes[-1]]["steps"]
            est = t - sum(steps.values())
            for step, ts in steps.items():
                bs = step_slope(r, step)
                est += ts * f ** max(bs or 0.0, 0.0)
            rows.append(("period_job, 100,000 cards < 30 s", f"~{_f(est, 0)} s (extrapolated from {n:,}, each step with its own exponent)",
                         ok(est < TARGETS["job_100k_s"])))
        if len(jsizes) >= 2:
            worst = max(r["job"][jsizes[-1]]["steps"], key=lambda st: step_slope(r, st) or 0.0)
            bw = step_slope(r, worst)
            rows.append(("every step of period_job grows at most linearly (b ≤ 1.1)",
                         f"worst: {worst} b = {bw:.2f}; whole run b = {b:.2f}", ok(bw is not None and bw <= 1.1)))
    if g.get("core_time") is not None:
        rows.append(("core grows at most linearly (b ≤ 1.1)", f"b = {g['core_time']:.2f}", ok(g["core_time"] <= 1.1)))
    return rows


# --------------------------------------------------------------------------------------- main

def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter,
                                 allow_abbrev=False)
    ap.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000], help="cards per size (one period)")
    ap.add_argument("--million", action="store_true", help="add 1,000,000 cards (minutes with today's code)")
    ap.add_argument("--million-runs", type=int, default=1, help="runs at 1M (default 1)")
    ap.add_argument("--million-timeout", type=float, default=1200.0,
                    help="seconds after which the 1M core run is stopped and 1M extrapolated instead (default 1200)")
    ap.add_argument("--core-profile", type=Path, help="summarise this cProfile file of the core instead of profiling again")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--job-sizes", type=int, nargs="*", default=[2_000, 20_000, 100_000])
    ap.add_argument("--job-runs", type=int, default=3, help="period_job runs at the largest job size (median; default 3)")
    ap.add_argument("--growth-sizes", type=int, nargs="*", default=[2_000, 20_000],
                    help="two sizes for the call-count growth of every period_job step (benchmarks/growth.py; none: skip)")
    ap.add_argument("--articles", type=int, default=2_000)
    ap.add_argument("--no-profile", action="store_true")
    ap.add_argument("--profile-size", type=int, default=None, help="cards for the core profile (default: the largest size)")
    ap.add_argument("--profile-job-size", type=int, default=5_000, help="cards for the period_job profile (0: none)")
    ap.add_argument("--out", type=Path, default=ROOT / "BENCHMARKS.md")
    ap.add_argument("--json", type=Path, help="also write the raw results as JSON")
    ap.add_argument("--work", type=Path, help="scratch folder (default: a temporary one, removed at the end)")
    ap.add_argument("--in-process", action="store_true", help="no child processes (peak memory is then the whole process's)")
    ap.add_argument("--smoke", action="store_true", help="tiny sizes, in process: what CI runs")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--render-only", type=Path, metavar="JSON", help="rewrite --out from the JSON of an earlier run (no measuring)")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args, rest = ap.parse_known_args(argv)
    if args.child:
        if any(x == "--runs" or x.startswith("--runs=") for x in argv):
            rest += ["--runs", str(args.runs)]  # this parser took it: the child's runs (else each child ran once)
        return child_main(args.child, args.work, rest)
    if rest:
        ap.error(f"unrecognized arguments: {' '.join(rest)}")
    if args.render_only:
        r = json.loads(args.render_only.read_text(encoding="utf-8"))
        r["equal"] = {n: tuple(v) for n, v in r["equal"].items()}
        r["targets"] = targets(r)
        write_report(args.out, r)
        print(f"[bench] wrote {args.out} from {args.render_only}")
        return 0
    if args.smoke:
        args.sizes, args.runs, args.job_sizes, args.articles, args.growth_sizes = [200, 400], 1, [], 30, []
        args.no_profile, args.in_process, args.profile_job_size = True, True, 0

    from benchmarks.generate import generate_inbox

    own_work = args.work is None
    work = Path(tempfile.mkdtemp(prefix="monitor-bench-")) if own_work else args.work
    work.mkdir(parents=True, exist_ok=True)
    r: dict = {"command": "benchmarks/bench.py " + " ".join(argv) if argv else "make bench",
               "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), "machine": machine(),
               "runs": args.runs, "core": {}, "pandas": {}, "equal": {}, "job": {}, "triage": None, "profiles": {},
               "generate_s": {}, "timeouts": {}, "growth": {}}
    def save() -> None:  # after every stage: an interrupted run still leaves its numbers
        _growth(r)
        r["load_end"] = os.getloadavg()
        r["targets"] = targets(r)
        write_report(args.out, r)
        if args.json:
            args.json.write_text(json.dumps(r, indent=1, default=str), encoding="utf-8")

    def measure(n: int, runs: int, timeout: float | None = None) -> None:
        box = work / f"cards-{n}"
        t0 = time.perf_counter()
        man = generate_inbox(box, n, (PERIOD,), args.seed)[PERIOD]
        r["generate_s"][str(n)] = time.perf_counter() - t0
        print(f"[bench] {n:,} cards generated in {r['generate_s'][str(n)]:.1f}s ({man.bad_cards} bad)", flush=True)
        core_runs, pandas_runs = [], []
        fig_c, fig_p = work / f"fig-core-{n}.csv", work / f"fig-pandas-{n}.csv"
        for i in range(runs):
            if args.in_process:
                wh = work / f"w-{n}-{i}.duckdb"
                core_runs.append(run_core(box, wh, fig_c))
                drop_warehouse(wh)
                pandas_runs.append(run_pandas(box / "cards" / PERIOD, fig_p))
            else:
                try:
                    core_runs.append(child("core", ["--inbox", str(box), "--fig-out", str(fig_c)], work, timeout))
                except subprocess.TimeoutExpired:
                    r["timeouts"][str(n)] = timeout
                    print(f"[bench] {n:,}: the core did not finish within {timeout:.0f}s; extrapolating", flush=True)
                    pandas_runs.append(child("pandas", ["--inbox", str(box), "--fig-out", str(fig_p)], work))
                    r["pandas"][str(n)] = _median(pandas_runs)
                    shutil.rmtree(box, ignore_errors=True)
                    return
                pandas_runs.append(child("pandas", ["--inbox", str(box), "--fig-out", str(fig_p)], work))
            print(f"[bench] {n:,} run {i + 1}: core {core_runs[-1]['total_s']:.2f}s, pandas {pandas_runs[-1]['total_s']:.2f}s", flush=True)
        if core_runs[-1]["cards"] != man.good_cards or pandas_runs[-1]["cards"] != man.good_cards:
            print(f"[bench] WARNING: {n:,}: generator says {man.good_cards} good cards, pipeline kept "
                  f"{core_runs[-1]['cards']}, pandas {pandas_runs[-1]['cards']}", flush=True)
        r["core"][str(n)] = _median(core_runs)
        r["pandas"][str(n)] = _median(pandas_runs)
        r["equal"][str(n)] = compare_figures(read_figures(fig_c), read_figures(fig_p))
        if not args.no_profile and n == profile_size:
            prof = work / f"core-{n}.prof"
            if args.core_profile:
                prof = args.core_profile
            elif args.in_process:
                profile_core(box, work / "wp.duckdb", prof)
            else:
                child("profile", ["--inbox", str(box), "--profile-to", str(prof)], work)
            r["profiles"][f"Core at {n:,} cards (ingest → validate → write → figures)"] = {
                "self": summarise_profile(prof), "project": project_cumulative(prof)}
        shutil.rmtree(box, ignore_errors=True)

    main_sizes = sorted(set(args.sizes))
    profile_size = args.profile_size or (max(main_sizes) if main_sizes else 0)
    try:
        for n in main_sizes:
            measure(n, args.runs)
            save()
        if args.articles:
            r["triage"] = run_triage(args.articles, max(1, args.runs)) if args.in_process else \
                child("triage", ["--cards", str(args.articles), "--runs", str(max(1, args.runs))], work)
            print(f"[bench] triage {r['triage']['triage_per_min']:,.0f} articles/min", flush=True)
            save()
        for n in sorted(args.job_sizes):
            job_runs = []
            for i in range(args.job_runs if n == max(args.job_sizes) else 1):  # medians at the largest size
                jw = work / f"job-{n}-{i}"
                jw.mkdir()
                job_runs.append(run_job(n, jw) if args.in_process else child("job", ["--cards", str(n)], jw))
                print(f"[bench] period_job {n:,} cards, run {i + 1}: {job_runs[-1]['total_s']:.1f}s "
                      f"{ {k: round(v, 1) for k, v in job_runs[-1]['steps'].items()} }", flush=True)
                shutil.rmtree(jw, ignore_errors=True)
            r["job"][str(n)] = _median_job(job_runs)
            save()
        if args.growth_sizes and len(args.growth_sizes) == 2:
            from benchmarks import growth as job_growth

            gw = work / "growth"
            gw.mkdir()
            r["job_growth"] = child("growth", ["--pair", *map(str, args.growth_sizes)], gw) if not args.in_process \
                else job_growth.run(args.growth_sizes, gw)
            print(f"[bench] period_job growth by calls: {r['job_growth']['growth']['run_calls']:.2f}", flush=True)
            save()
        if args.profile_job_size and not args.no_profile:
            jw = work / "job-profile"
            jw.mkdir()
            prof = work / "job.prof"
            child("job", ["--cards", str(args.profile_job_size), "--profile-to", str(prof)], jw)
            r["profiles"][f"period_job at {args.profile_job_size:,} cards"] = {
                "self": summarise_profile(prof), "project": project_cumulative(prof)}
            save()
        if args.million:  # last: the slowest, and optional
            measure(1_000_000, args.million_runs, args.million_timeout)
            save()
        print(f"[bench] wrote {args.out}", flush=True)
    finally:
        if own_work:
            shutil.rmtree(work, ignore_errors=True)
    return 0


def step_slope(r: dict, step: str) -> float | None:
    js = sorted(r["job"], key=int)
    return slope([int(n) for n in js], [r["job"][n]["steps"].get(step) for n in js])


def _median_job(runs: list[dict]) -> dict:
    """The median of period_job runs: of the total and of every step (each its own median)."""
    out = _median(runs)
    out["steps"] = {s: statistics.median(r["steps"][s] for r in runs if s in r["steps"]) for s in runs[0]["steps"]}
    out["all_totals"] = [r["total_s"] for r in runs]
    out["success"] = all(r["success"] for r in runs)
    return out


def _median(runs: list[dict]) -> dict:
    out = {}
    for k, v in runs[0].items():
        vals = [r[k] for r in runs if isinstance(r.get(k), (int, float))]
        out[k] = statistics.median(vals) if vals and isinstance(v, (int, float)) else v
    out["runs"] = len(runs)
    return out


def _growth(r: dict) -> None:
    core, pand = r["core"], r["pandas"]
    for n in [n for n, c in core.items() if c.get("extrapolated")]:
        del core[n]
    ns = sorted(int(n) for n in core)
    ps = sorted(int(n) for n in pand)
    g = {
        "core_time": slope(ns, [core[str(n)]["total_s"] for n in ns]),
        "pandas_time": slope(ps, [pand[str(n)]["total_s"] for n in ps]),
        "core_mem": slope(ns, [core[str(n)]["peak_rss_mib"] - core[str(n)]["rss_before_mib"] for n in ns]),
        "pandas_mem": slope(ps, [pand[str(n)]["peak_rss_mib"] - pand[str(n)]["rss_before_mib"] for n in ps]),
    }
    if len(r["job"]) >= 2:
        js = sorted(r["job"], key=int)
        g["job_time"] = slope([int(n) for n in js], [r["job"][n]["total_s"] for n in js])
    if "1000000" not in core and g["core_time"] and ns and max(ns) < 1_000_000:
        top = str(max(ns))
        f = (1_000_000 / int(top))
        core["1000000"] = {**{k: core[top][k] * f ** g["core_time"] for k in (*CORE_STAGES, "total_s")},
                           "peak_rss_mib": None, "rss_before_mib": None, "extrapolated": True}
        if g["core_mem"]:
            above = core[top]["peak_rss_mib"] - core[top]["rss_before_mib"]
            core["1000000"]["peak_rss_mib"] = core[top]["rss_before_mib"] + above * f ** g["core_mem"]
            core["1000000"]["rss_before_mib"] = core[top]["rss_before_mib"]
    r["growth"] = g


if __name__ == "__main__":
    sys.exit(main())
