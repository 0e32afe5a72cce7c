"""The hand-mutant loop refuses to score a batch whose tests fail on the unmutated copy (a broken copy once made
every mutant look killed: docs/testing.md, the eighth batch). The judges are replaced here by hand-set answers."""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from mutants_common import load_script  # noqa: E402

hand = load_script("mutate_by_hand")


def test_each_judge_runs_once_and_the_failing_ones_are_named(monkeypatch):
    calls = []

    def forked(copy, tests, timeout):
        calls.append(tuple(tests))
        return tests != ["tests/test_broken.py"]

    def sql(copy, model):
        calls.append(model)
        return model != "table_02"

    monkeypatch.setattr(hand.mutate, "run_forked", forked)
    monkeypatch.setattr(hand.mutate, "run_sql_tests", sql)
    todo = [("assets/x.py", "a", "b", ["tests/test_ok.py"]), ("assets/y.py", "a", "b", ["tests/test_ok.py"]),
            ("assets/z.py", "a", "b", ["tests/test_broken.py"]),
            ("sql/figures/table_02.sql", "a", "b"), ("sql/staging/table_03.sql", "a", "b")]
    bad = hand.unmutated_failures(Path("/nowhere"), todo)
    assert bad == ["['tests/test_broken.py']", "the tests of table_02"]
    assert calls == [("tests/test_ok.py",), ("tests/test_broken.py",), "table_02", "table_03"]  # forked first, once each
    assert hand.unmutated_failures(Path("/nowhere"), todo[:2] + todo[4:]) == []


def test_not_drawn_leaves_out_exactly_what_earlier_draws_ran():
    import random

    mutate = hand.mutate
    ms = [(f"op{i}", f"text{i}", i + 1) for i in range(20)]
    rel = "assets/report/x.py"
    first = random.Random(f"7:{rel}").sample(ms, 6)     # the draws as main() makes them: --sample 0.3 --seed 7
    second = random.Random(f"9:{rel}").sample(ms, 2)    # --sample 0.1 --seed 9
    left = mutate.not_drawn(rel, ms, ["0.3:7", "0.1:9"])
    assert set(left) == set(ms) - set(first) - set(second)
    assert left == [m for m in ms if m in left]          # in the file's order
    assert mutate.not_drawn(rel, ms, []) == ms
    assert mutate.not_drawn(rel, [], ["0.5:1"]) == []
