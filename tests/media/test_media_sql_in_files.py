"""Issue 14 item 5 for assets/media: no SQL text in its Python (every statement is a sql/media/*.sql
or sql/common/*.sql file read by assets/core/sqlfiles.sql), and extract.py is split by job."""
from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SQL = re.compile(r"\b(?:SELECT\b[\s\S]*\bFROM|INSERT\s+INTO|DELETE\s+FROM|UPDATE\s+\w+\s+SET|CREATE\s+|"
                 r"BEGIN\s+TRANSACTION|COMMIT\b|ROLLBACK\b|information_schema)", re.I)


def _sql_constants(source: str) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                node.func.attr in ("execute", "executemany", "query", "sql") and node.args:
            for arg in node.args[:2]:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and SQL.search(arg.value):
                    found.append((node.lineno, arg.value[:60]))
    return found


def test_detector_finds_planted_sql():
    assert _sql_constants('def f(con):\n    con.execute("DELETE FROM media_claims")\n')
    assert _sql_constants('def f(wh, con):\n    wh.query(con, "SELECT * FROM media_articles")\n')
    assert not _sql_constants('def f(con):\n    con.execute(sql("media/claims_delete_all"))\n')


def test_no_sql_text_in_assets_media():
    bad = {p.name: _sql_constants(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "assets" / "media").glob("*.py"))}
    assert not {k: v for k, v in bad.items() if v}


def test_every_media_sql_file_is_used():
    code = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "assets").rglob("*.py"))
    unused = [p.stem for p in sorted((ROOT / "sql" / "media").glob("*.sql"))
              if f'"media/{p.stem}"' not in code and not p.stem[:1].isdigit()]
    assert not unused


def test_extract_is_split_into_files_of_one_job():
    sizes = {p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in (ROOT / "assets" / "media").glob("*.py")}
    assert sizes["extract.py"] < 150
    for name in ("document", "event_date", "event_city", "venue", "forms", "numbers", "counts", "participants",
                 "topics", "circumstances", "authorities", "detentions", "event"):
        assert 0 < sizes[f"{name}.py"] < 250, name
