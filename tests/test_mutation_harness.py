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


def test_every_forked_run_comes_before_any_in_process_sql_run(monkeypatch, tmp_path):
    # DuckDB's threads, started in the loop's process by an in-process SQL run, crash a forked child afterwards (read
    # as "killed"): the forked judges and mutants all run first, whatever the order of the batch (session 22)
    calls = []
    project = tmp_path / "project"
    (project / "sql" / "figures").mkdir(parents=True)
    (project / "sql" / "figures" / "t01.sql").write_text("a\n", encoding="utf-8")
    (project / "assets").mkdir()
    (project / "assets" / "x.py").write_text("c\n", encoding="utf-8")
    monkeypatch.setattr(hand.tempfile, "TemporaryDirectory", lambda prefix: _Dir(tmp_path))
    monkeypatch.setattr(hand.mutate, "copy_project", lambda dst: None)
    monkeypatch.setattr(hand.mutate, "_preload", lambda: None)
    monkeypatch.setattr(hand.mutate, "run_forked", lambda copy, tests, timeout: calls.append(("forked", *tests)) or True)
    monkeypatch.setattr(hand.mutate, "run_sql_tests", lambda copy, model: calls.append(("sql", model)) or True)
    monkeypatch.setattr(hand, "MUTANTS", [("sql/figures/t01.sql", "a", "b"), ("assets/x.py", "c", "d", ["tests/test_x.py"])])
    monkeypatch.setattr(sys, "argv", ["mutate_by_hand.py"])
    assert hand.main() == 0
    # the unmutated judge, then the mutant, of each kind: the forked ones first
    assert calls == [("forked", "tests/test_x.py"), ("forked", "tests/test_x.py"), ("sql", "t01"), ("sql", "t01")]


class _Dir:
    """tempfile.TemporaryDirectory's stand-in: the test's own folder, left in place."""
    def __init__(self, path):
        self.path = path

    def __enter__(self):
        return str(self.path)

    def __exit__(self, *exc):
        return False


# a line with Cyrillic before an annotation, and a docstring in Cyrillic before code: ast counts `col_offset` in UTF-8
# bytes, so spans read as characters were shifted right — the return annotation's `|` was mutated (the seed-141 draw's
# fmt.py:218 `| → &`) and the `if` after a Cyrillic docstring was excluded (session 28)
_CYRILLIC_SRC = '''from __future__ import annotations


def fraction(share: float | None, noun_ru: str = "собрание") -> str | None:
    """Доля словами: «половина собраний»."""
    if share is None:
        return None
    return noun_ru
'''


def test_excluded_spans_are_characters_on_lines_with_cyrillic(monkeypatch, tmp_path):
    mutate = hand.mutate
    spans = mutate._excluded_py(_CYRILLIC_SRC)
    covered = {i for a, b in spans for i in range(a, b)}
    ret = _CYRILLIC_SRC.index("str | None:")
    assert set(range(ret, ret + len("str | None"))) <= covered  # the return annotation, whole
    doc = _CYRILLIC_SRC.index('"""Доля')
    assert set(range(doc, _CYRILLIC_SRC.index("\n", doc))) <= covered  # the docstring, whole
    code = _CYRILLIC_SRC.index("if share")
    assert not covered & set(range(code, len(_CYRILLIC_SRC)))  # the code after it, none of it
    # the same through the mutant list of a file of the report's area
    (tmp_path / "assets" / "report").mkdir(parents=True)
    (tmp_path / "assets" / "report" / "fmt.py").write_text(_CYRILLIC_SRC, encoding="utf-8")
    monkeypatch.setattr(mutate, "ROOT", tmp_path)
    ms = {(name, line) for name, _, line in mutate.mutants("assets/report/fmt.py")}
    assert ("| → &", 4) not in ms
    assert {("is None → is not None", 6), ("condition dropped (if c: → if True:)", 6)} <= ms


# (session 45) `--survivors` of a run printed with --show reruns the survivor's own mutant, not every mutant of its
# operator on its line: the media run's table of number words has a dozen "int + 1" on one line
_TABLE_SRC = '''WORDS = {"one": 1, "two": 2, "three": 3}


def value(word):
    return WORDS.get(word)
'''


def test_survivors_rerun_only_the_mutant_of_the_line_shown(monkeypatch, tmp_path, capsys):
    mutate = hand.mutate
    (tmp_path / "assets" / "media").mkdir(parents=True)
    (tmp_path / "assets" / "media" / "dates.py").write_text(_TABLE_SRC, encoding="utf-8")
    monkeypatch.setattr(mutate, "ROOT", tmp_path)
    plus = [m for m in mutate.mutants("assets/media/dates.py") if m[0] == "int + 1" and m[2] == 1]
    assert len(plus) == 3
    shown = plus[1][1].splitlines()[0]  # {"one": 1, "two": 3, "three": 3}
    out = tmp_path / "run.out"
    for text, expected in ((f"SURVIVED assets/media/dates.py:1 int + 1  {shown}\n", 1),
                           ("SURVIVED assets/media/dates.py:1 int + 1  \n", 3)):  # without --show: every one of them
        out.write_text(text, encoding="utf-8")
        monkeypatch.setattr(sys, "argv", ["mutate.py", "--area", "media", "--survivors", str(out), "--list"])
        assert mutate.main() == 0
        assert f"{expected:5d}  assets/media/dates.py" in capsys.readouterr().out
