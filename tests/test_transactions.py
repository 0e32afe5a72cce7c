"""assets/core/transactions.py: the block's statements commit together, or none does; every
multi-statement write of the project goes through it (no hand-written BEGIN/COMMIT/ROLLBACK)."""
import ast
import re
from pathlib import Path

import duckdb
import pytest

from assets.core.transactions import transaction


def test_the_block_commits_together():
    con = duckdb.connect()
    con.execute("CREATE TABLE t (a INT)")
    with transaction(con):
        con.execute("INSERT INTO t VALUES (1), (2)")
    assert con.execute("SELECT a FROM t ORDER BY a").fetchall() == [(1,), (2,)]


def test_an_error_in_the_block_rolls_back_and_the_connection_is_usable_again():
    con = duckdb.connect()
    con.execute("CREATE TABLE t (a INT)")
    with pytest.raises(ValueError, match="half-way"):
        with transaction(con):
            con.execute("INSERT INTO t VALUES (1)")
            raise ValueError("half-way")
    assert con.execute("SELECT count(*) FROM t").fetchone()[0] == 0
    with transaction(con):  # no transaction left open by the failed one
        con.execute("INSERT INTO t VALUES (2)")
    assert con.execute("SELECT a FROM t").fetchall() == [(2,)]


def test_a_transaction_already_ended_in_the_block_is_not_rolled_back_twice():
    """A failed COMMIT (or a rollback inside the block) has ended the transaction: the error that
    ended it is the one raised, not 'no transaction is active' from a second ROLLBACK."""
    con = duckdb.connect()
    con.execute("CREATE TABLE t (a INT PRIMARY KEY)")
    con.execute("INSERT INTO t VALUES (1)")
    with pytest.raises(duckdb.ConstraintException):
        with transaction(con):
            con.execute("INSERT INTO t VALUES (1)")
    assert con.execute("SELECT a FROM t").fetchall() == [(1,)]


# -- the writes that use it: erasure and the media pipeline roll back a half-done write ---------------
class FailingAt:
    """A connection that raises on the statement of sql/<name>.sql (after the ones before it ran); `probe`,
    a query run inside the open transaction just before, keeps in `seen` what the write had done by then."""

    def __init__(self, con, name, probe=None):
        from assets.core.sqlfiles import sql
        self._con, self._sql, self._probe, self.seen = con, sql(name), probe, None

    def execute(self, statement, *args, **kw):
        if statement == self._sql:
            if self._probe:
                self.seen = self._con.execute(self._probe).fetchall()
            raise RuntimeError("fails half-way")
        return self._con.execute(statement, *args, **kw)

    def __getattr__(self, name):
        return getattr(self._con, name)


def _still_usable(con):
    con.begin()  # fails ('already in a transaction') if the failed write left its transaction open
    con.rollback()


def test_a_failed_erasure_leaves_every_column_as_it_was(project):
    from assets.core import warehouse
    from assets.validate import erasure

    with warehouse.connect() as con:
        con.execute("CREATE TABLE notes (note VARCHAR)")
        con.execute("INSERT INTO notes VALUES ('задержан Иван Петров у акимата')")
        failing = FailingAt(con, "erasure/insert_erasure", probe="SELECT note FROM notes")
        with pytest.raises(RuntimeError, match="half-way"):  # redacts notes.note, then fails to record it
            erasure.erase(failing, name="Иван Петров", by="test", not_in_warehouse=True)  # a name in no person record
        [(redacted,)] = failing.seen  # inside the transaction the name was gone already
        assert redacted.startswith("задержан ") and redacted.endswith(" у акимата") and "Петров" not in redacted
        assert con.execute("SELECT note FROM notes").fetchall() == [("задержан Иван Петров у акимата",)]
        assert con.execute("SELECT count(*) FROM erasures").fetchone()[0] == 0
        _still_usable(con)


def test_a_failed_candidate_rebuild_keeps_the_old_candidates(project, monkeypatch):
    from assets.core import warehouse
    from assets.media import archive, pipeline

    monkeypatch.setattr(pipeline, "events_of", lambda articles, overrides: [])  # no new candidates
    with warehouse.connect() as con:
        archive.ensure_tables(con)
        con.execute("INSERT INTO media_candidates (candidate_id, status) VALUES ('c-old', 'queued')")
        with pytest.raises(RuntimeError, match="half-way"):  # deletes the candidates and claims, then fails
            pipeline.build_candidates(failing := FailingAt(con, "media/card_sources_delete_automatic",
                                                            probe="SELECT count(*) FROM media_candidates"), None)
        assert failing.seen == [(0,)]  # deleted inside the transaction
        assert con.execute("SELECT candidate_id FROM media_candidates").fetchall() == [("c-old",)]
        _still_usable(con)
        pipeline.build_candidates(con, None)
        assert con.execute("SELECT count(*) FROM media_candidates").fetchone()[0] == 0


def test_a_failed_review_import_keeps_the_earlier_decisions(project, monkeypatch, tmp_path):
    from assets.core import warehouse
    from assets.media import archive, pipeline, review, review_sheets

    monkeypatch.setattr(review, "review_files", lambda inbox: [tmp_path / "review.xlsx"])
    monkeypatch.setattr(review_sheets, "read_not_events", lambda files: {"http://example.org/a": (True, "review.xlsx")})
    monkeypatch.setattr(review, "import_reviews", lambda files, **kw: [
        review.Decision(candidate_id="c1", decision="reject", merge_into=None, status="done", event_keys="k1")])
    with warehouse.connect() as con:
        archive.ensure_tables(con)
        con.execute("INSERT INTO media_review_decisions (candidate_id, decision, status) VALUES ('c1', 'accept', 'done')")
        with pytest.raises(RuntimeError, match="half-way"):  # replaces c1's decision, then fails on the override
            pipeline.import_decisions(failing := FailingAt(con, "media/triage_overrides_insert",
                                                            probe="SELECT decision FROM media_review_decisions"))
        assert failing.seen == [("reject",)]  # replaced inside the transaction
        assert con.execute("SELECT candidate_id, decision FROM media_review_decisions").fetchall() == [("c1", "accept")]
        _still_usable(con)
        pipeline.import_decisions(con)
        assert con.execute("SELECT candidate_id, decision FROM media_review_decisions").fetchall() == [("c1", "reject")]
        assert con.execute("SELECT url, is_event FROM media_triage_overrides").fetchall() == [("http://example.org/a", True)]


# -- nobody writes BEGIN / COMMIT / ROLLBACK by hand outside assets/core/transactions.py --------------
ROOT = Path(__file__).resolve().parents[1]
CODE = ("assets", "pipelines", "core", "schemas", "scripts", "benchmarks")
HELPER = "assets/core/transactions.py"
_SQL_TX = re.compile(r"^\s*(BEGIN|START\s+TRANSACTION|COMMIT|ROLLBACK)\b\s*(TRANSACTION|WORK)?\s*;?\s*$",
                     re.I | re.M)


def hand_written_transactions(source: str, filename: str = "<src>") -> list[int]:
    """Lines of `x.begin()`, `x.commit()`, `x.rollback()` calls, and of string constants that are a
    BEGIN / COMMIT / ROLLBACK statement."""
    lines = []
    for node in ast.walk(ast.parse(source, filename)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr in ("begin", "commit", "rollback") and not node.args and not node.keywords:
            lines.append(node.lineno)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and _SQL_TX.fullmatch(node.value.strip()) \
                and (node.value.isupper() or re.search(r"transaction|;", node.value, re.I)):  # not the word 'commit'
            lines.append(node.lineno)
    return sorted(lines)


def _sql_without_comments(text: str) -> str:
    return "\n".join(line.split("--", 1)[0] for line in text.splitlines())


def test_no_hand_written_transaction_outside_the_helper():
    bad = []
    for d in CODE:
        for path in sorted((ROOT / d).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            if rel != HELPER:
                bad += [f"{rel}:{n}" for n in hand_written_transactions(path.read_text(encoding="utf-8"), rel)]
    for path in sorted((ROOT / "sql").rglob("*.sql")):
        for stmt in _sql_without_comments(path.read_text(encoding="utf-8")).split(";"):
            if _SQL_TX.fullmatch(stmt.strip()):
                bad.append(f"{path.relative_to(ROOT).as_posix()}: {stmt.strip()!r}")
    assert not bad, "write `with transaction(con):` (assets/core/transactions.py) instead of BEGIN/COMMIT/ROLLBACK:\n" \
        + "\n".join(bad)
    assert hand_written_transactions((ROOT / HELPER).read_text(encoding="utf-8")), "the detector no longer sees the helper's own"


@pytest.mark.parametrize("src", [
    "def f(con):\n    con.begin()\n    try:\n        con.execute(q)\n        con.commit()\n    except BaseException:\n        con.rollback()\n        raise\n",
    "def f(con):\n    con.execute('BEGIN TRANSACTION')\n",
    "def f(con):\n    con.execute('commit;')\n",
    "def f(con):\n    con.execute('begin transaction')\n",
    "def f(con):\n    q = 'ROLLBACK'\n    con.execute(q)\n",
])
def test_detector_catches_planted_transactions(src):
    assert hand_written_transactions(src)


def test_detector_leaves_the_helper_and_other_words_alone():
    assert not hand_written_transactions(
        "def f(con, m):\n    with transaction(con):\n        con.execute(q)\n    log('begin of the period; commit message', m['commit'])\n")
