"""What the scripts of hand mutants share (scripts/mutate_by_hand.py and its later batches,
scripts/mutate_by_hand_i14m.py, _i14q.py, _i14s.py, _i14v.py, _i14y.py): loading a sibling script as a module, the short names
of the files they mutate, picking an earlier run's survivors again, and running a list of mutants through
scripts/mutate_by_hand.py's loop (each applied alone to a throw-away copy; `killed`, `SURVIVED`, `NOMATCH`).
Not a script itself."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.dont_write_bytecode = True  # a mutant of the same size written in the same second must not reuse a stale .pyc
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def load_script(name: str):
    """scripts/<name>.py as the module `name` (once: a second call returns the same module)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


# ---- the files the hand mutants mutate, by short name
S, E, P, K = "sql/staging/stg_cards.sql", "sql/staging/stg_events_not_held.sql", "sql/staging/stg_persons.sql", "sql/staging/stg_codes.sql"
IC, IU, IK, CC = ("sql/intermediate/int_assemblies_by_city.sql", "sql/intermediate/int_unsanctioned.sql",
                  "sql/intermediate/int_code_counts.sql", "sql/intermediate/int_court_cases.sql")
F = "sql/figures/"
T99, T99P = F + "t99_summary.sql", F + "t99_summary_persons.sql"
FS, NL = "sql/checks/figure_sums.sql", "sql/checks/nothing_lost.sql"
GXE, GXS, GXO, CHK = ("assets/quality/gx_expectations.py", "assets/quality/gx_suite.py", "assets/quality/gx_outcomes.py",
                      "assets/quality/checks.py")
SCH, VA = "schemas/figures.py", "assets/validate/assets.py"
SEN, PV, TF, FM = "assets/report/sentences.py", "assets/report/period_view.py", "assets/report/text_figures.py", "assets/report/fmt.py"
PT, AP, CH, MS, NE, CF = ("assets/report/period_tables.py", "assets/report/appendix.py", "assets/report/changes.py",
                          "assets/report/media_sources.py", "assets/report/notable_events.py", "assets/report/chart_fragments.py")
LB = "assets/report/labels.py"
FC, RM, CCH = "sql/report/figure_changes.sql", "sql/report/remainders.sql", "sql/report/card_changes.sql"
RECS = "sql/reconciliation.sql"


def again(mutants: list[tuple], output: str, *, nomatch_prefix: bool = False, unlisted: bool = False) -> list[tuple]:
    """The mutants an earlier run's output (a file) lists as SURVIVED or NOMATCH. `nomatch_prefix`: a NOMATCH
    line also picks a mutant whose old text starts with the text it printed (the old text made unique since);
    `unlisted`: also every mutant the output does not list at all (added since)."""
    text = Path(output).read_text(encoding="utf-8")
    nomatch = [(line.split(": ", 1)[0][len("NOMATCH  "):], eval(line.split(": ", 1)[1]))
               for line in text.splitlines() if line.startswith("NOMATCH  ")] if nomatch_prefix else []
    return [m for m in mutants if f"SURVIVED {m[0]} {m[1]!r} -> {m[2]!r}" in text
            or f"NOMATCH  {m[0]}: {m[1]!r}" in text
            or any(rel == m[0] and m[1].startswith(old) for rel, old in nomatch)
            or (unlisted and f"{m[0]} {m[1]!r} -> {m[2]!r}" not in text)]


def run(todo: list[tuple]) -> int:
    """Run the mutants through scripts/mutate_by_hand.py's loop (its argument, if any, filters by path). The
    forked test runs go first: the in-process SQL runs start DuckDB threads a fork should not inherit."""
    hand = load_script("mutate_by_hand")
    hand.MUTANTS = sorted(todo, key=lambda m: m[0].startswith(hand.SQL_MODELS))
    return hand.main()


def check(mutants: list[tuple]) -> int:
    """Every old text found exactly once in its file (no run). 0 when all are, else 1."""
    bad = 0
    for m in mutants:
        n = (ROOT / m[0]).read_text(encoding="utf-8").count(m[1])
        if n != 1:
            bad += 1
            print(f"{n} matches: {m[0]}: {m[1]!r}")
    print(f"{len(mutants)} mutants, {bad} not found exactly once")
    return 1 if bad else 0


def without_new(todo: list[tuple], new_tests: tuple[str, ...], sql_module: str | None = None) -> list[tuple]:
    """The score before a branch's tests: the SQL harness without the module `sql_module` (a stub with no edge
    tests takes its place), every forked list without the files `new_tests`; a mutant left with no test at all
    is printed SURVIVED unrun."""
    import types

    import tests  # noqa: F401  (the package, before its stub module)

    hand = load_script("mutate_by_hand")
    if sql_module:
        stub = types.ModuleType(sql_module)
        stub.EDGE_TESTS, stub.LAYER_EDGE_TESTS = {}, ()
        sys.modules[sql_module] = stub
    out = []
    for m in todo:
        if m[0].startswith(hand.SQL_MODELS) or len(m) < 4:
            out.append(m)
            continue
        kept = [t for t in m[3] if t not in new_tests]
        if kept:
            out.append((*m[:3], kept))
        else:
            print("SURVIVED", m[0], repr(m[1]), "->", repr(m[2]), "(no test)", flush=True)
    return out


def main(mutants: list[tuple], *, new_tests: tuple[str, ...] | None = None, new_sql_tests: str | None = None,
         nomatch_prefix: bool = False, unlisted: bool = False) -> int:
    """A batch script's command line: `--check` (no run); `--again OUTPUT [filter]` (an earlier run's survivors,
    see `again`); `--without-new [filter]` where the batch names the tests it added (`new_tests`, `new_sql_tests`:
    see `without_new`); else `[filter]` (only files whose path contains it)."""
    if "--check" in sys.argv:
        return check(mutants)
    before = new_tests is not None and "--without-new" in sys.argv
    if before:
        sys.argv.remove("--without-new")
    todo = mutants
    if len(sys.argv) > 2 and sys.argv[1] == "--again":  # --again OUTPUT [filter]: rerun an earlier run's survivors
        todo = again(mutants, sys.argv[2], nomatch_prefix=nomatch_prefix, unlisted=unlisted)
        del sys.argv[1:3]
    if before:
        todo = without_new([m for m in todo if (sys.argv[1] if len(sys.argv) > 1 else "") in m[0]], new_tests, new_sql_tests)
    return run(todo)


# every batch of hand mutants, in the order they were written (the one list; `--dups` of a batch reads those before it)
BATCHES = ("mutate_by_hand", "mutate_by_hand_i14m", "mutate_by_hand_i14q", "mutate_by_hand_i14s", "mutate_by_hand_i14v",
           "mutate_by_hand_i14y", "mutate_by_hand_i14z", "mutate_by_hand_i14zz", "mutate_by_hand_i14zzz",
           "mutate_by_hand_s14", "mutate_by_hand_s17", "mutate_by_hand_s18", "mutate_by_hand_s19", "mutate_by_hand_s20",
           "mutate_by_hand_s21", "mutate_by_hand_s22", "mutate_by_hand_s24", "mutate_by_hand_s24media",
           "mutate_by_hand_s23", "mutate_by_hand_s24media2", "mutate_by_hand_s25", "mutate_by_hand_s25media",
           "mutate_by_hand_s25media2", "mutate_by_hand_s26media", "mutate_by_hand_s26", "mutate_by_hand_s27media",
           "mutate_by_hand_s28media", "mutate_by_hand_s29media", "mutate_by_hand_s30media",
           "mutate_by_hand_s31media", "mutate_by_hand_s32media", "mutate_by_hand_s50media", "mutate_by_hand_s51media",
           "mutate_by_hand_s52", "mutate_by_hand_s53", "mutate_by_hand_s54")


def earlier_batches(name: str) -> tuple[str, ...]:
    """The batches written before `name` (a script's stem, e.g. "mutate_by_hand_i14z")."""
    return BATCHES[:BATCHES.index(name)]


def duplicates(mutants: list[tuple], earlier: tuple[str, ...]) -> list[tuple]:
    """The mutants an earlier batch (scripts named in `earlier`) already holds: the same (file, old, new), or the same
    file text once applied (each earlier mutant applied to today's file where its old text is found exactly once)."""
    triples, texts = set(), set()
    for name in earlier:
        for m in load_script(name).MUTANTS:
            triples.add(tuple(m[:3]))
            path = ROOT / m[0]
            if path.is_file():
                src = path.read_text(encoding="utf-8")
                if src.count(m[1]) == 1:
                    texts.add((m[0], src.replace(m[1], m[2])))
    out = []
    for m in mutants:
        src = (ROOT / m[0]).read_text(encoding="utf-8")
        if tuple(m[:3]) in triples or (m[0], src.replace(m[1], m[2])) in texts:
            out.append(m)
    return out


def dups_main(mutants: list[tuple], earlier: tuple[str, ...]) -> int:
    """`--dups`: print the mutants an earlier batch holds; 1 when there is any."""
    dups = duplicates(mutants, earlier)
    for m in dups:
        print("DUPLICATE", m[0], repr(m[1]), "->", repr(m[2]))
    print(f"{len(mutants)} mutants, {len(dups)} repeat an earlier batch's")
    return 1 if dups else 0


def batch_main(mutants: list[tuple], new_tests: tuple[str, ...], script: str) -> int:
    """A batch script's command line (`script`: its __file__): `--dups` holds its mutants against the batches
    written before it (BATCHES), anything else runs them (main)."""
    if "--dups" in sys.argv:
        return dups_main(mutants, earlier_batches(Path(script).stem))
    return main(mutants, new_tests=new_tests, unlisted=True)
