#!/usr/bin/env python
"""Mutation run over the figure models (sql/figures/*.sql, with the staging and intermediate models they
read: sql/staging/*.sql, sql/intermediate/*.sql) and the blocking checks' code
(sql/checks/nothing_lost.sql, schemas/figures.py, the nothing_lost check): each mutant (one small
change: an operator swapped, a constant changed, a condition dropped, COUNT→SUM, ...) is applied to
a throw-away copy of the project, the relevant tests are run there, and the mutant is "killed" when
a test fails. Prints survivors and the share killed. Not in CI (minutes); see docs/testing.md.

    .venv/bin/python scripts/mutate.py                 # everything
    .venv/bin/python scripts/mutate.py --only sql/figures/t01_cities.sql --show
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SQL_TESTS = ["tests/test_sql_models.py"]
CHECK_TESTS = ["tests/test_blocking_checks.py"]

# (name, pattern, replacement): every match is one mutant
SQL_OPS = [
    ("> → >=", r"(?<![<>=!])>(?!=)", ">="),
    (">= → >", r">=", ">"),
    ("< → <=", r"(?<![<>=!])<(?![=>])", "<="),
    ("= → <>", r"(?<![<>!=])=(?!=)", "<>"),
    ("NOT dropped", r"\bNOT\s+", ""),
    ("AND → OR", r"\bAND\b", "OR"),
    ("OR → AND", r"\bOR\b", "AND"),
    ("100.0 → 10.0", r"\b100\.0\b", "10.0"),
    ("0 → 1", r"(?<![\w.$'])0(?![\w.'])", "1"),
    ("1 → 0", r"(?<![\w.$'-])1(?![\w.'-])", "0"),
    ("/ → *", r"(?<![-*])/(?![*])", "*"),
    ("+ → -", r"(?<=\s)\+(?=\s)", "-"),
    ("- → +", r"(?<=\s)-(?=\s)", "+"),
    ("count(x) → sum(1)", r"\bcount\((?!\*)(?!DISTINCT)[\w.]+\)", "sum(1)"),
    ("count(*) → count(*)+1", r"\bcount\(\*\)", "(count(*) + 1)"),
    ("count(DISTINCT x) → count(x)", r"\bcount\(DISTINCT\s+", "count("),
    ("sum → avg", r"\bsum\(", "avg("),
    ("sum → max", r"\bsum\(", "max("),
    ("avg → median", r"\bavg\(", "median("),
    ("median → avg", r"\bmedian\(", "avg("),
    ("coalesce false → true", r"coalesce\(([\w.]+), false\)", r"coalesce(\1, true)"),
    ("coalesce default 0 → 1", r"(coalesce\([^()]*(?:\([^()]*\))?[^()]*), 0\)", r"\1, 1)"),
    ("LEFT JOIN → JOIN", r"\bLEFT JOIN\b", "JOIN"),
    ("period filter dropped", r"period = \$period", "true"),
    ("$months → 12", r"\$months", "12"),
    ("FILTER dropped", r"\s*FILTER \(WHERE [^()]*(?:\([^()]*\))?[^()]*\)", ""),
    ("IN-list item dropped", r"'(?:warning|fine|arrest|acquitted|pending)', ", ""),
    ("string constant changed", r"'(ngo|refused|prevented|held|political|economic|social|warning|fine|arrest|acquitted|released|total)'", r"'\1x'"),
    ("> 0 → > 1", r"> 0\b", "> 1"),
    ("IS NOT NULL → IS NULL", r"IS NOT NULL", "IS NULL"),
]
PY_OPS = [
    ("!= → ==", r"!=", "=="),
    ("== → !=", r"==", "!="),
    ("not dropped", r"\bnot\s+", ""),
    ("~ dropped", r"~(?=\w|\()", ""),
    ("| → &", r"(?<=\s)\|(?=\s)", "&"),
    ("+ → -", r"(?<=\s)\+(?=\s)", "-"),
    (">= → >", r">=", ">"),
    ("0 → 1", r"(?<![\w.\[])0(?![\w.\]])", "1"),
    ("100 → 1000", r"\b100\b", "1000"),
    ("True → False", r"\bTrue\b", "False"),
    ("lazy=True dropped", r", lazy=True", ""),
    ("passed=not bad → True", r"passed=not bad", "passed=True"),
    ("is_duplicated → is_unique", r"is_duplicated\(\)", "is_unique()"),
    ("isin list item dropped", r'"(?:derived|value|dash|-1\.0)", ', ""),
]
SQL_TARGETS = ("sql/staging/*.sql", "sql/intermediate/*.sql", "sql/figures/*.sql")
SQL_GROUPS = ("sql/staging/", "sql/intermediate/", "sql/figures/")
CHECK_TARGETS = ["sql/checks/nothing_lost.sql", "schemas/figures.py", "assets/validate/assets.py", "assets/derive/assets.py"]
# in the Python files, only the lines of the check code are mutated
PY_REGIONS = {
    "schemas/figures.py": (r"class FiguresSchema", None),
    "assets/validate/assets.py": (r"def _nothing_lost", r"^# Partitioned"),
    "assets/derive/assets.py": (r"def figures_schema", None),
}


def _code_spans(text: str, sql: bool) -> list[tuple[int, int]]:
    """Spans of code: comments are not mutated (SQL `--` to end of line, Python `#` and docstrings)."""
    spans, pos = [], 0
    for line in text.splitlines(keepends=True):
        body = line
        if sql and "--" in line:
            body = line[:line.index("--")]
        elif not sql:
            s = line.strip()
            if s.startswith("#") or s.startswith('"""') or s.startswith("description="):
                body = ""
        spans.append((pos, pos + len(body)))
        pos += len(line)
    return spans


def mutants(rel: str) -> list[tuple[str, str, int]]:
    text = (ROOT / rel).read_text(encoding="utf-8")
    sql = rel.endswith(".sql")
    lo, hi = 0, len(text)
    if not sql:
        start, end = PY_REGIONS[rel]
        lo = re.search(start, text, re.M).start()
        if end:
            m = re.compile(end, re.M).search(text, lo)
            hi = m.start() if m else hi
    spans = [(a, b) for a, b in _code_spans(text, sql) if a >= lo and b <= hi]
    out = []
    for name, pat, rep in (SQL_OPS if sql else PY_OPS):
        for m in re.finditer(pat, text):
            if not any(a <= m.start() and m.end() <= b for a, b in spans):
                continue
            new = text[:m.start()] + m.expand(rep) + text[m.end():]
            if new != text:
                line = text.count("\n", 0, m.start()) + 1
                out.append((name, new, line))
    return out


def copy_project(dst: Path) -> None:
    ignore = shutil.ignore_patterns(".venv", ".git", "build", "dagster_home", "__pycache__", ".pytest_cache", "inbox", "report")
    shutil.copytree(ROOT, dst, ignore=ignore, dirs_exist_ok=True)
    (dst / "dagster_home").mkdir(exist_ok=True)
    if (ROOT / "report").exists():  # templates etc. (read only by the report tests)
        os.symlink(ROOT / "report", dst / "report")


def run_sql_tests(copy: Path, model: str) -> bool:
    """In-process (fast): the unit tests of tests/test_sql_models.py that touch `model`, reading the
    models from the copy; for a staging or intermediate model, its own test and every figure model's
    (they all read it). True when they pass (the mutant survives)."""
    import duckdb

    from assets.failures import ModelError

    sys.path.insert(0, str(ROOT))
    import tests.test_sql_models as t

    t.SQL = copy / "sql"
    t.FIGURES = copy / "sql" / "figures"
    try:
        if model in t.LAYER_TESTS:
            t.LAYER_TESTS[model]()
            figures = sorted(t.EXPECTED)
        else:
            figures = [model]
        for name in figures:
            t.test_model(name)
            for extra in t.MODEL_EXTRA_TESTS.get(name, ()):
                extra()
    except (AssertionError, duckdb.Error, ModelError, TypeError, ValueError, KeyError):
        return False
    return True


def run_tests(copy: Path, tests: list[str], timeout: float) -> bool:
    """True when the tests pass (the mutant survives)."""
    env = dict(os.environ, PYTHONPATH=str(copy), MONITOR_HOME=str(copy), DAGSTER_HOME=str(copy / "dagster_home"),
               GX_ANALYTICS_ENABLED="false", DAGSTER_DISABLE_TELEMETRY="1", PYTHONDONTWRITEBYTECODE="1")
    cmd = [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", "-p", "no:randomly", *tests]
    try:
        r = subprocess.run(cmd, cwd=copy, env=env, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return False
    return r.returncode == 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", nargs="*", help="files (relative paths) to mutate; default: all targets")
    ap.add_argument("--sql-only", action="store_true", help="only the SQL models (sql/staging/, sql/intermediate/, sql/figures/)")
    ap.add_argument("--show", action="store_true", help="print each survivor's changed line")
    ap.add_argument("--timeout", type=float, default=120)
    a = ap.parse_args()
    targets = [str(p.relative_to(ROOT)) for pattern in SQL_TARGETS for p in sorted(ROOT.glob(pattern))]
    if not a.sql_only:
        targets += CHECK_TARGETS
    if a.only:
        targets = [t for t in targets if t in a.only]
    t0 = time.monotonic()
    totals: dict[str, list[int]] = {}
    survivors = []
    with tempfile.TemporaryDirectory(prefix="mutate-") as tmp:
        copy = Path(tmp) / "project"
        copy_project(copy)
        # the unmutated project must pass, or every mutant would look killed
        for tests in (SQL_TESTS, CHECK_TESTS):
            if not run_tests(copy, tests, a.timeout):
                print(f"the unmutated project fails {tests}: fix that first", file=sys.stderr)
                return 2
        for rel in targets:
            group = next((g.rstrip("/") for g in SQL_GROUPS if rel.startswith(g)), "checks")
            tests = CHECK_TESTS if group == "checks" else SQL_TESTS
            original = (copy / rel).read_text(encoding="utf-8")
            for name, new, line in mutants(rel):
                (copy / rel).write_text(new, encoding="utf-8")
                if group != "checks":
                    survived = run_sql_tests(copy, Path(rel).stem)
                else:
                    survived = run_tests(copy, tests, a.timeout)
                tot = totals.setdefault(group, [0, 0])
                tot[0] += 1
                tot[1] += 0 if survived else 1
                if survived:
                    changed = new.splitlines()[line - 1].strip() if a.show else ""
                    survivors.append(f"SURVIVED {rel}:{line} {name}  {changed}")
                    print(survivors[-1], flush=True)
            (copy / rel).write_text(original, encoding="utf-8")
    print()
    all_n = sum(t[0] for t in totals.values())
    all_k = sum(t[1] for t in totals.values())
    for g, (n, k) in sorted(totals.items()):
        print(f"{g:12s} {k}/{n} mutants killed = {100.0 * k / n:.1f}%")
    if all_n:
        print(f"{'all':12s} {all_k}/{all_n} mutants killed = {100.0 * all_k / all_n:.1f}%  ({time.monotonic() - t0:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
