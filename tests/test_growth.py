"""Issue 15, item 5: every asset of period_job (with its checks, the exports and the report) grows at
most linearly with the cards, and the report not at all beyond its tables and bounded lists.

Asserted on counts, not on time limits (benchmarks/growth.py): the Python calls each step makes for
n1 and 10 x n1 generated cards (deterministic: the machine's load does not change them), the bytes
the report and the exports write, and - loosely - the CPU seconds. A quadratic step (openpyxl's
`ws[ws.max_row]` per row, as the exports had it) gives a call exponent near 2 and fails here.

CI runs a smoke size (300 vs 3,000 cards, ~40 s of CPU; the old quadratic export fails at it); the sizes of issue 15 with
MONITOR_GROWTH_SIZES=2000,20000 (minutes). The report is rendered as HTML only here, and in Russian only: the two
editions are built by the same functions (prepare, tables, notable events, charts, pandoc), only their labels
differ, and Russian is the edition with the language-specific code (plural agreement, `fmt`); its growth is the
report's. The English edition doubled the report step (~2 CPU s a size, half the step's calls). `make bench`
measures every format and both languages.
"""
from __future__ import annotations

import os

import pytest

from tests.conftest import use_root

pytestmark = pytest.mark.slow  # `make test-slow` (docs/testing.md, "Two tiers")

SIZES = tuple(int(s) for s in os.environ.get("MONITOR_GROWTH_SIZES", "300,3000").split(","))


@pytest.fixture(scope="module")
def growth(tmp_path_factory):
    from benchmarks import growth as g

    with pytest.MonkeyPatch.context() as mp:
        root = use_root(mp, tmp_path_factory.mktemp("growth"))
        mp.setenv("MONITOR_REPORT_FORMATS", "html")
        from assets.report import refresh

        mp.setattr(refresh, "LANGS", ("ru",))  # the report step renders the Russian edition (see above)
        yield g.run(list(SIZES), root, formats=None, set_env=False)


def _why(res: dict) -> str:
    runs = res["runs"]
    return "\n".join(f"{step}: calls {[runs[n]['steps'][step]['calls'] for n in runs]}, "
                     f"cpu {[round(runs[n]['steps'][step]['cpu_s'], 2) for n in runs]} -> exponents {e}"
                     for step, e in res["growth"]["steps"].items())


def test_every_step_of_period_job_ran_with_its_checks(growth):
    from benchmarks.growth import job_steps

    steps = job_steps()
    assert {"raw_cards", "cards", "figures", "reconciliation", "exports", "report"} <= set(steps)
    for run in growth["runs"].values():
        assert list(run["steps"]) == steps
        # every check ran and passed, but possible_duplicate_events: a warning (never blocking) that the generator's
        # cards, drawn at random over a few days, cities and forms, raise by design
        assert run["checks"] and all(v for k, v in run["checks"].items() if k != "possible_duplicate_events"), run["checks"]
        assert "possible_duplicate_events" in run["checks"]
        assert run["exports_bytes"] > 0 and run["report_bytes"] > 0


def test_no_step_grows_faster_than_the_cards(growth):
    g = growth["growth"]
    for step, e in g["steps"].items():
        assert e["calls"] is not None and e["calls"] <= 1.1, f"{step} grows super-linearly:\n{_why(growth)}"
    assert g["run_calls"] <= 1.05, _why(growth)
    # CPU time sees DuckDB, Polars and the renderers too; loose (a shared machine), but 10x the cards
    # may not cost more than ~15x the CPU of the whole run
    assert g["run_cpu_s"] <= 1.2, _why(growth)


def test_the_report_does_not_grow_with_the_cards(growth):
    """10x the cards: the report's markdown and HTML grow by well under 2x (tables of cities and forms
    may gain rows; lists of events are capped), the exports by up to 10x (they hold every card, beside tables of fixed size)."""
    g = growth["growth"]
    assert g["report_md_bytes"] <= 0.25, growth["runs"]
    assert g["report_bytes"] <= 0.3, growth["runs"]
    assert 0.3 <= g["exports_bytes"] <= 1.1, growth["runs"]
