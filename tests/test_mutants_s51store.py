"""Session 51: the survivors of the mutation run over the storage layer and the GX setup (scripts/mutate.py's area
"store": assets/core/layout.py, raw.py, raw_migration.py, encryption.py, lockinfo.py, sqlfiles.py, transactions.py,
assets/failures.py, assets/quality/gx_context.py, gx_docs.py, gx_cache.py, schemas/xlsform.py, schemas/derived.py).
Each test asserts what a user relies on: the record given back as the monitor typed it, the table the layout makes,
the refusal naming the table or the file (docs/testing.md, "Session 51 — the storage layer and the GX setup in the
mutation run")."""
from __future__ import annotations

from assets.core import raw


def test_a_record_comes_back_as_its_header_and_cells_said():
    header = raw.header_json(["card_id", "Город", "participants"])
    cells = raw.cells_json(["2017-A-1", "Алматы", 12])
    assert raw.record_data(header, cells) == {"card_id": "2017-A-1", "Город": "Алматы", "participants": 12}
    assert raw.data_json(header, cells) == '{"card_id": "2017-A-1", "Город": "Алматы", "participants": 12}'


# --- assets/failures.py: what a failure says and whether it is tried again -----------------------------------------

import duckdb  # noqa: E402
from pathlib import Path  # noqa: E402
import pytest  # noqa: E402

from assets import failures  # noqa: E402
from assets.core.lockinfo import Holder  # noqa: E402
from assets.core.warehouse import WarehouseBusy  # noqa: E402


@pytest.mark.parametrize("exc, transient", [
    (WarehouseBusy("busy"), True),
    (duckdb.IOException("Could not set lock on file w.duckdb"), True),
    (duckdb.IOException("write failed: No space left on device"), True),
    (duckdb.IOException("Resource temporarily unavailable"), True),
    (duckdb.IOException("Unable to connect to Postgres at localhost"), True),
    (duckdb.IOException("Cannot open file w.duckdb: it is no database"), False),
    (duckdb.TransactionException("Transaction conflict: cannot update a table that has been altered"), True),
    (duckdb.TransactionException("cannot commit: no transaction is active"), False),
    (duckdb.CatalogException("Table with name cards does not exist"), False),
    (duckdb.ConversionException("Could not convert string 'x' to INT32"), False),
    (FileNotFoundError("inbox/a.csv"), False), (FileExistsError("enc.duckdb"), False),
    (IsADirectoryError("inbox"), False), (NotADirectoryError("inbox"), False), (PermissionError("inbox"), False),
    (BrokenPipeError(), False),
    (TimeoutError("read timed out"), True), (ConnectionResetError(), True), (OSError(5, "Input/output error"), True),
    (ValueError("a bad value"), False), (KeyError("city"), False),
    (ValueError("two conflicting dates on card 2017-A-1"), False),  # a conflict in the data: no commit conflict
])
def test_only_the_lock_the_disk_and_the_network_are_tried_again(exc, transient):
    assert failures.is_transient(exc) is transient


def test_a_network_error_of_httpx_is_tried_again():
    httpx = pytest.importorskip("httpx")
    assert failures.is_transient(httpx.ConnectError("connection refused")) is True
    assert failures.is_transient(httpx.HTTPStatusError("404", request=None, response=None)) is False


def test_a_broken_figure_model_names_its_file_the_cases_and_the_period_to_run(monkeypatch):
    monkeypatch.setenv("MONITOR_WAREHOUSE", "/data/w.duckdb")
    exc = failures.ModelError("sql/figures/table_05.sql", "Binder Error: column x\nLINE 3: ...", ["almaty: -1"])
    e = failures.explain(exc, "figures", "2017")
    assert e.what == "figure model sql/figures/table_05.sql failed: Binder Error: column x"
    assert e.files == ["sql/figures/table_05.sql"] and e.cases == ["almaty: -1"] and e.transient is False
    assert e.action == ("fix sql/figures/table_05.sql (try it in `duckdb /data/w.duckdb` after sql/staging/ and "
                        "sql/intermediate/), then run again: monitor run --period 2017")
    monkeypatch.delenv("MONITOR_WAREHOUSE")
    assert "`duckdb build/warehouse.duckdb`" in failures.explain(exc).action
    assert failures.explain(exc).action.endswith("then run again: monitor run")
    assert e.metadata() == {"what_to_do": e.action, "kind": "permanent", "file": "sql/figures/table_05.sql",
                            "first_cases": "almaty: -1"}


def test_a_busy_warehouse_says_whom_to_stop_and_is_transient():
    busy = WarehouseBusy("the warehouse w.duckdb is being written", Holder(4711, "writer", "monitor run"))
    e = failures.explain(busy, period="2017")
    assert e.transient and e.what == "the warehouse w.duckdb is being written"
    assert e.action == ("let the other process finish or stop it (kill 4711), then run again (monitor run --period 2017); "
                        "MONITOR_LOCK_WAIT_S sets how long a run waits")
    assert e.metadata() == {"what_to_do": e.action, "kind": "transient"}
    nobody = failures.explain(WarehouseBusy("busy", Holder(None, "process", "")), retried=False)
    assert nobody.action.startswith("let the other process finish or stop it, then give the same command again;")
    assert "(kill" not in failures.explain(WarehouseBusy("busy")).action


def test_another_layout_says_what_the_layout_error_says():
    from assets.core.layout import LayoutDiffers

    exc = LayoutDiffers("w.duckdb", ["table cards: no column city"])
    e = failures.explain(exc, "cards", "2017")
    assert (e.what, e.action, e.transient, e.files) == (str(exc), exc.action, False, [])
    assert "mv w.duckdb w.duckdb.other; mv w.duckdb.raw w.duckdb.raw.other" in e.action


def test_pandera_cases_are_named_by_column_check_and_value_five_at_most():
    pandera = pytest.importorskip("pandera.polars")
    import polars as pl

    schema = pandera.DataFrameSchema({"n": pandera.Column(int, pandera.Check.ge(0))})
    with pytest.raises(Exception) as info:
        schema.validate(pl.DataFrame({"n": [-1, -2, -3, -4, -5, -6, -7]}), lazy=True)
    e = failures.explain(info.value, "figures", "2017")
    assert e.what == "figures produced data that breaks its schema (7 failure cases)"
    assert e.action == "fix what produces figures and run again: monitor run --period 2017"
    assert len(e.cases) == 5 and e.cases[0].startswith("n: greater_than_or_equal_to(0) failed for ")
    assert all(c.startswith("n: ") for c in e.cases)
    assert failures.explain(info.value).what == "the asset produced data that breaks its schema (7 failure cases)"
    assert failures.explain(info.value).action == "fix what produces it and run again: monitor run"
    with pytest.raises(Exception) as one:
        schema.validate(pl.DataFrame({"n": [-1]}))
    e1 = failures.explain(one.value, "cards")
    assert e1.action == "fix what produces cards and run again: monitor run" and e1.what == str(one.value).strip().splitlines()[0]


def test_a_file_named_in_a_note_is_the_alert_s_file_and_the_first_line_only_is_said():
    exc = ValueError("a card without an id\nsecond line")
    exc.add_note("file: inbox/cards/2017/a.csv")
    exc.add_note("another note")
    e = failures.explain(exc, "raw_cards", "2017")
    assert e.files == ["inbox/cards/2017/a.csv"] and e.what == "ValueError: a card without an id"
    assert e.action == ("this will not pass by retrying: fix the cause named here, then run again (monitor run --period 2017); "
                        "`monitor --debug` shows the traceback")
    assert failures.explain(exc, retried=False).action == (
        "this will not pass by retrying: fix the cause named here, then give the same command again; "
        "`monitor --debug` shows the traceback")
    long = failures.explain(ValueError("x" * 500))
    assert long.what == "ValueError: " + "x" * 400
    assert failures.explain(ValueError("")).what == "ValueError: "


def test_a_passing_problem_is_said_as_retried_in_a_run_and_as_try_again_outside_one():
    e = failures.explain(TimeoutError("read timed out"), "raw_cards", "2017")
    assert e.transient and e.what == "TimeoutError: read timed out"
    assert e.action == ("a passing problem (disk, network): it is retried; if it persists, check the disk and the network, "
                        "then run again: monitor run --period 2017")
    out = failures.explain(TimeoutError("read timed out"), retried=False)
    assert out.transient and out.action == ("a passing problem (disk, network): check the disk and the network, then give "
                                            "the same command again")


def test_outside_a_run_a_passing_problem_is_retried_after_the_delay_and_another_fails_for_good(monkeypatch):
    import dagster as dg

    monkeypatch.setenv("MONITOR_RETRY_DELAY_S", "3")
    r = failures.to_dagster(TimeoutError("slow"))
    assert isinstance(r, dg.RetryRequested) and r.seconds_to_wait == 3.0 and r.max_retries == failures.RETRIES == 2
    f = failures.to_dagster(ValueError("bad\nmore"))
    assert isinstance(f, dg.Failure) and f.description == "ValueError: bad" and f.allow_retries is False
    assert f.metadata["kind"].value == "permanent"
    with pytest.raises(dg.Failure) as info:
        with failures.guard():
            raise KeyError("city")
    assert info.value.description == "KeyError: 'city'"
    with pytest.raises(dg.RetryRequested):
        with failures.guard():
            raise ConnectionResetError("reset")
    with pytest.raises(dg.Failure) as kept:
        with failures.guard():
            raise dg.Failure(description="the check's own")
    assert kept.value.description == "the check's own"


# --- assets/core/lockinfo.py: who holds the DuckDB file -----------------------------------------------------------

import subprocess  # noqa: E402
import sys  # noqa: E402

from assets.core import lockinfo  # noqa: E402

_HOLD = ("import duckdb, sys; con = duckdb.connect(sys.argv[1], read_only=sys.argv[2] == 'ro'); print('ready', flush=True); "
         "sys.stdin.read()")


def _holding(tmp_path, path, mode):
    script = tmp_path / "hold_it.py"
    script.write_text(_HOLD, encoding="utf-8")
    child = subprocess.Popen([sys.executable, str(script), str(path), mode], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             text=True)
    assert child.stdout.readline().strip() == "ready"
    return child


def test_the_holder_of_the_file_is_named_by_pid_lock_and_command(tmp_path):
    w = tmp_path / "w.duckdb"
    duckdb.connect(str(w)).close()
    for mode, role in (("ro", "reader"), ("rw", "writer")):
        child = _holding(tmp_path, w, mode)
        try:
            msg = f"IO Error: Could not set lock on file \"{w}\": Conflicting lock is held in {sys.executable} (PID {child.pid})"
            h = lockinfo.holder(w, msg)
            # the interpreter's path left out, the script by its name, its arguments as given
            assert h == lockinfo.Holder(child.pid, role, f"hold_it.py {w} {mode}")
            assert h.describe() == f"a {role}: pid {child.pid}, hold_it.py {w} {mode}"
            assert lockinfo.lock_role(child.pid, tmp_path / "other.duckdb") == "process"  # no such file
            other = tmp_path / "o.duckdb"
            duckdb.connect(str(other)).close()
            assert lockinfo.lock_role(child.pid, other) == "process"  # a file it holds no lock on
            assert lockinfo.lock_role(child.pid + 10**6, w) == "process"  # a pid that holds nothing
        finally:
            child.stdin.close()
            child.wait()


def _shell(*args):
    """A shell that says it runs (its command line is then its own, not the forked parent's) and waits for stdin."""
    child = subprocess.Popen(["/bin/sh", "-c", "echo ready; read x", *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             text=True)
    assert child.stdout.readline().strip() == "ready"
    return child


def _ended(child):
    child.stdin.close()
    child.wait()


def test_a_command_is_cut_at_its_limit_and_a_program_named_by_its_file():
    child = _shell("holder", "2017")
    full = "sh -c echo ready; read x holder 2017"  # /bin/sh by its name, the arguments as given
    try:
        assert lockinfo.command_of(child.pid) == full
        assert lockinfo.command_of(child.pid, limit=len(full)) == full  # exactly the limit: whole
        assert lockinfo.command_of(child.pid, limit=len(full) - 1) == full[:len(full) - 2] + "…"
    finally:
        _ended(child)
    assert lockinfo.command_of(2**22 + 12345) == ""  # no such process


def test_a_message_without_a_pid_names_another_process():
    assert lockinfo.pid_in("Conflicting lock is held in /usr/bin/python3.11 (PID 1234) by user x") == 1234
    assert lockinfo.pid_in("") is None and lockinfo.pid_in(None) is None
    h = lockinfo.holder(Path("w.duckdb"), "Could not set lock on file")
    assert h == lockinfo.Holder(None, "process", "") and h.describe() == "another process"
    assert lockinfo.Holder(12, "process", "").describe() == "a process: pid 12"


# --- assets/core/raw.py: the raw layer's shape --------------------------------------------------------------------

import datetime as dt  # noqa: E402
import hashlib  # noqa: E402
import json  # noqa: E402
import pickle  # noqa: E402

import polars as pl  # noqa: E402


def test_a_header_s_id_is_the_first_16_hex_digits_of_its_md5_the_same_in_every_file():
    text = raw.header_json(["card_id", "Дата"])
    assert text == '["card_id","Дата"]'  # compact, the Cyrillic as itself
    assert raw.header_id(text) == hashlib.md5('["card_id","Дата"]'.encode("utf-8")).hexdigest()[:16]
    assert raw.header_id(raw.header_json(["card_id", "Дата"])) == raw.header_id(text)
    assert raw.header_id(raw.header_json(["Дата", "card_id"])) != raw.header_id(text)
    assert raw.cells_json(["a", None, 1.5, dt.date(2017, 5, 3)]) == '["a",null,1.5,"2017-05-03"]'
    assert raw.header_list(text) == ("card_id", "Дата")


def test_a_record_with_more_cells_than_its_header_is_no_record():
    with pytest.raises(ValueError):
        raw.record_data(raw.header_json(["a"]), raw.cells_json(["1", "2"]))


def test_a_note_keeps_its_rule_through_json_and_a_worker_process():
    n = raw.Note("column 'Штраф' is not a card field", "unknown_column")
    assert str(n) == "column 'Штраф' is not a card field" and n.rule == "unknown_column"
    back = pickle.loads(pickle.dumps(n))
    assert (str(back), back.rule) == (str(n), "unknown_column")
    text = raw.notes_json([n, raw.Note("sheet 'Лист2' not read", "sheet_not_read")])
    assert json.loads(text) == [{"rule": "unknown_column", "reason": "column 'Штраф' is not a card field"},
                                {"rule": "sheet_not_read", "reason": "sheet 'Лист2' not read"}]
    assert "Штраф" in text  # not escaped
    assert raw.notes_of(text) == [("unknown_column", "column 'Штраф' is not a card field"), ("sheet_not_read", "sheet 'Лист2' not read")]
    assert raw.notes_of(None) == [] and raw.notes_of("") == []
    assert raw.notes_of('["a note of before the rules", {"rule": "hidden_rows"}]') == [
        (None, "a note of before the rules"), ("hidden_rows", "")]
    with pytest.raises(ValueError, match="unknown note rule 'no_such_rule'"):
        raw.Note("x", "no_such_rule")
    with pytest.raises(TypeError, match="needs its rule"):
        raw.notes_json(["a bare text"])
    assert raw.notes_json([]) == "[]"


def test_cells_of_lines_are_those_of_each_line_split_at_its_own_separator():
    lines = ["a,b\\c,d", "x;y;z", "1\t2,3", None]  # kept as lines: no quote in them (fastcsv)
    records = pl.DataFrame({"record_id": ["r1", "r2", "r3", "r4"], "line": lines, "sep": [",", ";", ",", None],
                            "cells": [None, None, None, '["kept"]']})
    out = raw.cells_of_lines(records)
    assert out.columns == ["record_id", "cells"]
    got = out["cells"].to_list()
    assert [json.loads(c) for c in got] == [["a", "b\\c", "d"], ["x", "y", "z"], ["1\t2", "3"], ["kept"]]
    # the same text to the byte as a record's cells read one by one
    assert got[:3] == [raw.cells_of_line(line, sep) for line, sep in zip(lines[:3], [",", ";", ","])]
    plain = pl.DataFrame({"record_id": ["r"], "cells": ['["v"]']})
    assert raw.cells_of_lines(plain) is plain


def test_a_write_s_headers_go_to_raw_headers_once_each_and_come_back_beside_their_records():
    h1, h2 = raw.header_json(["card_id"]), raw.header_json(["card_id", "city"])
    recs = pl.DataFrame({"period": ["2017"] * 3, "record_id": ["a", "b", "c"], "header_id": [raw.header_id(h) for h in (h2, h1, h2)],
                         "cells": ['["1","x"]', '["2"]', '["3","y"]'], "header": [h2, h1, h2]},
                        schema_overrides={"header": pl.Categorical})
    frames = {"raw_records": recs, "raw_files": pl.DataFrame({"x": [1]})}
    out = raw.split_headers(frames)
    assert "header" not in out["raw_records"].columns and out["raw_records"]["record_id"].to_list() == ["a", "b", "c"]
    assert out["raw_files"] is frames["raw_files"] and "header" in frames["raw_records"].columns  # the caller's left
    heads = out["raw_headers"]
    assert heads["header_id"].to_list() == sorted([raw.header_id(h1), raw.header_id(h2)])
    assert dict(zip(heads["header_id"], heads["header"])) == {raw.header_id(h1): h1, raw.header_id(h2): h2}
    assert heads.schema["header"] == pl.Utf8 and heads["period"].to_list() == ["2017", "2017"]
    assert raw.split_headers({"raw_files": frames["raw_files"]}) == {"raw_files": frames["raw_files"]}
    back = raw.with_header(out["raw_records"].reverse(), heads)
    assert back["record_id"].to_list() == ["c", "b", "a"] and back["header"].cast(pl.Utf8).to_list() == [h2, h1, h2]
    assert list(raw.record_texts(back)) == [{"card_id": "3", "city": "y"}, {"card_id": "2"}, {"card_id": "1", "city": "x"}]


def test_records_that_cannot_be_read_are_said_record_by_record():
    old = pl.DataFrame({"data": ['{"card_id": "1"}', "{not json", '{"a": [1, 2]}']})
    got = list(raw.record_texts(old))
    assert got[0] == {"card_id": "1"} and isinstance(got[1], ValueError) and got[2] == {"a": [1, 2]}
    new = pl.DataFrame({"header": [raw.header_json(["a"]), raw.header_json(["a"])], "cells": ['["1","2"]', '["3"]']})
    got = list(raw.record_texts(new))
    assert isinstance(got[0], ValueError) and got[1] == {"a": "3"}


# --- assets/core/sqlfiles.py: the SQL files and the allow-list of tables ------------------------------------------

from assets.core import sqlfiles  # noqa: E402


def test_a_table_name_is_put_in_only_from_the_warehouse_s_tables_and_a_column_only_as_a_plain_name():
    tables = sqlfiles.tables()
    assert {"cards", "persons", "raw_files", "codes", "warehouse_schema", "media_articles", "media_fetch_log"} <= tables
    assert not any("." in t or " " in t for t in tables)
    text = sqlfiles.for_table("erasure/count_matches", "cards", "notes")
    assert 'FROM "cards" WHERE regexp_matches("notes", $pattern)' in text and "__" not in text.split("\n", 2)[2]
    with pytest.raises(ValueError) as exc:
        sqlfiles.for_table("erasure/count_matches", "cards; DROP TABLE cards", "notes")
    assert str(exc.value).startswith("'cards; DROP TABLE cards' is not a table of the warehouse (allowed: ")
    assert "cards, " in str(exc.value)  # the allowed names, sorted and listed
    with pytest.raises(ValueError, match="'notes\\) OR \\(1' is not a column name of the warehouse"):
        sqlfiles.for_table("erasure/count_matches", "cards", "notes) OR (1")
    with pytest.raises(ValueError, match="is not a column name"):
        sqlfiles.for_table("erasure/count_matches", "cards", "notes x")
    # names read from a warehouse's own catalog stand in for the DDL's
    assert 'FROM "extra_t"' in sqlfiles.for_table("erasure/count_matches", "extra_t", "c_1", allowed={"extra_t"})
    with pytest.raises(ValueError, match="allowed: extra_t\\)"):
        sqlfiles.check_table("cards", {"extra_t"})
    assert sqlfiles.check_table("cards") == "cards"
    with pytest.raises(FileNotFoundError, match="no SQL file .*no_such_file.sql"):
        sqlfiles.sql("common/no_such_file")


# --- assets/core/layout.py: the DDL of sql/tables/ and its check -------------------------------------------------

import re  # noqa: E402

from assets.core import layout, warehouse  # noqa: E402
from core import settings  # noqa: E402
from schemas import gazetteer  # noqa: E402
from schemas.card import spec  # noqa: E402


def _ddl_names(backend_files) -> set[str]:
    """The tables and views the DDL files create, read with a pattern of this test's own."""
    names = set()
    for f in backend_files:
        names |= set(re.findall(r"CREATE\s+(?:OR\s+REPLACE\s+)?(?:TABLE|VIEW)\s+(?:IF\s+NOT\s+EXISTS\s+)?(\w+)",
                                f.read_text(encoding="utf-8"), re.I))
    return names


def _catalog(con) -> dict[str, str]:
    return dict(con.execute("SELECT table_name, table_type FROM information_schema.tables "
                            "WHERE table_catalog = current_database() AND table_schema = 'main'").fetchall())


def test_a_new_warehouse_has_every_table_of_sql_tables_the_code_lists_and_one_mark(tmp_path, monkeypatch):
    monkeypatch.setenv("MONITOR_RAW_STORE", "inside")
    folder = settings.sql_dir() / "tables"
    plain = [f for f in sorted(folder.glob("*.sql")) if f.name.count(".") == 1]
    with warehouse.connect(tmp_path / "w.duckdb") as con:
        made = _catalog(con)
        assert _ddl_names(plain) <= set(made)
        assert {"cards", "persons", "figures", "quarantine", "codes", "warehouse_schema"} <= {
            n for n, kind in made.items() if kind == "BASE TABLE"}
        # codes: every code of card.yaml's lists and every city, with both labels
        want = {("city", k, c["ru"], c["en"]) for k, c in gazetteer.cities().items()}
        for kind in ("card", "person"):
            for name, f in spec().fields(kind).items():
                want |= {(name, code, lab["ru"], lab["en"]) for code, lab in f.codes.items()}
        got = con.execute("SELECT field, code, ru, en FROM codes").fetchall()
        assert len(got) == len(want) and set(got) == want
        assert con.execute("SELECT count(*) FROM warehouse_schema").fetchone()[0] == 1
        assert layout.layout_current(con)
        assert layout.layout_differences(con) == []
        assert layout.takes_compression_hints(con)  # a new file in DuckDB's default storage
        # a code list edited by hand is put back by the next fill
        con.execute("DELETE FROM codes WHERE field = 'city'")
        layout.fill_codes(con)
        assert set(con.execute("SELECT field, code, ru, en FROM codes").fetchall()) == want
    with warehouse.connect(tmp_path / "w.duckdb") as con:
        assert _catalog(con) == made and con.execute("SELECT count(*) FROM warehouse_schema").fetchone()[0] == 1


def test_a_table_of_another_version_is_named_by_table_and_column_and_a_view_in_its_place_is_no_missing_table():
    con = duckdb.connect(":memory:")
    lay = layout._Layout("duckdb")
    layout._apply_ddl(con, lay.texts)
    assert layout.layout_differences(con, lay) == []
    con.execute("ALTER TABLE quarantine RENAME COLUMN reason TO why")
    con.execute("ALTER TABLE figures DROP COLUMN provenance")
    con.execute("DROP TABLE erasures")
    assert layout.layout_differences(con, lay) == [
        "table erasures: missing", "table figures: no column provenance",
        "table quarantine: no column reason (it has why instead)"]
    assert layout.layout_differences(con, lay, tables=False) == [
        "table figures: no column provenance", "table quarantine: no column reason (it has why instead)"]
    con.execute("CREATE VIEW erasures AS SELECT 1 AS x")  # a view where the table was: not said missing
    assert layout.layout_differences(con, lay)[0] == "table figures: no column provenance"
    with pytest.raises(layout.LayoutDiffers) as exc:
        layout.check_layout(con, None, lay)
    assert str(exc.value) == ("the warehouse has another table layout than this version of the pipeline makes (table figures: "
                              "no column provenance; table quarantine: no column reason (it has why instead)): it was made or "
                              "changed by another version (or by hand); nothing was written")
    assert exc.value.action == ("restore a backup of the warehouse made by this version, or rebuild it from the inbox into a "
                                "new one (`monitor run`)")
    assert exc.value.differences == layout.layout_differences(con, lay) and exc.value.path is None


def test_more_than_five_differences_are_cut_with_dots():
    six = [f"table t{i}: missing" for i in range(6)]
    e = layout.LayoutDiffers("w.duckdb", six)
    assert "(table t0: missing; table t1: missing; table t2: missing; table t3: missing; table t4: missing; ...)" in str(e)
    assert str(e).startswith("the warehouse w.duckdb has another table layout")
    five = layout.LayoutDiffers("w.duckdb", six[:5])
    assert "table t4: missing): it was made" in str(five)
    assert five.action.startswith("restore a backup of the warehouse made by this version; or rebuild it from the inbox: move "
                                  "w.duckdb and its raw store w.duckdb.raw/ (if there) aside")


def test_the_ddl_drops_primary_keys_for_the_lake_and_hints_where_the_storage_takes_none(tmp_path):
    text = "CREATE TABLE t (id VARCHAR PRIMARY KEY, city VARCHAR USING COMPRESSION dictionary, n INTEGER primary key)"
    assert layout.without_primary_keys(text) == "CREATE TABLE t (id VARCHAR, city VARCHAR USING COMPRESSION dictionary, n INTEGER)"
    assert layout.without_compression(text) == "CREATE TABLE t (id VARCHAR PRIMARY KEY, city VARCHAR, n INTEGER primary key)"
    mem = duckdb.connect(":memory:")
    assert not layout.takes_compression_hints(mem)
    assert layout.for_storage(mem, text) == layout.without_compression(text)
    assert layout.for_storage(mem, text, hints=True) == text
    assert "USING COMPRESSION" not in layout.ddl(mem, "tables/030_cards")
    f = duckdb.connect(str(tmp_path / "f.duckdb"))
    assert layout.takes_compression_hints(f) and layout.for_storage(f, text) == text
    assert "USING COMPRESSION" in layout.ddl(f, "tables/030_cards")
    f.close()
    newer = duckdb.connect(":memory:")
    newer.execute(f"ATTACH '{tmp_path / 'n.duckdb'}' AS n (STORAGE_VERSION 'v1.3.0')")
    newer.execute("USE n")
    assert not layout.takes_compression_hints(newer)
    old = duckdb.connect(":memory:")
    old.execute(f"ATTACH '{tmp_path / 'o.duckdb'}' AS o (STORAGE_VERSION 'v1.2.0')")
    old.execute("USE o")
    assert layout.takes_compression_hints(old)


def test_a_backend_s_variant_stands_in_for_its_file_and_only_for_that_backend():
    lake = [f.name for f in layout.ddl_files("ducklake")]
    plain = [f.name for f in layout.ddl_files("duckdb")]
    assert "010_raw_files.ducklake.sql" in lake and "010_raw_files.sql" not in lake
    assert "010_raw_files.sql" in plain and not any(".ducklake." in n for n in plain)
    assert len(lake) == len(plain) and lake == sorted(lake, key=lambda n: n.split(".")[0])
    assert plain[0] == "000_warehouse_schema.sql"


def test_other_ddl_runs_once_per_state_and_again_when_a_table_is_dropped():
    con = duckdb.connect(":memory:")
    calls = []

    def apply():
        calls.append(1)
        con.execute("CREATE TABLE IF NOT EXISTS media_fetch_log (x INTEGER)")

    files = ("media/010_tables",)
    layout.ensure_once(con, files, apply)
    assert len(calls) == 1 and con.execute("SELECT count(*) FROM media_fetch_log").fetchone() == (0,)
    layout.ensure_once(con, files, apply)
    layout.ensure_once(con, files, apply)
    assert len(calls) == 1  # the same state: nothing to apply
    con.execute("DROP TABLE media_fetch_log")
    layout.ensure_once(con, files, apply)
    assert len(calls) == 2


# --- assets/core/encryption.py: the warehouse encrypted at rest ---------------------------------------------------

from assets.core import encryption, writes  # noqa: E402


def test_the_key_comes_from_the_environment_else_its_file_and_a_bad_file_is_named(tmp_path, monkeypatch):
    monkeypatch.delenv("MONITOR_WAREHOUSE_KEY", raising=False)
    monkeypatch.delenv("MONITOR_WAREHOUSE_KEY_FILE", raising=False)
    assert encryption.key() is None
    f = tmp_path / "wh.key"
    f.write_text("  the file's key \n", encoding="utf-8")
    monkeypatch.setenv("MONITOR_WAREHOUSE_KEY_FILE", str(f))
    assert encryption.key() == "the file's key"
    monkeypatch.setenv("MONITOR_WAREHOUSE_KEY", "")  # set but empty: the file's
    assert encryption.key() == "the file's key"
    monkeypatch.setenv("MONITOR_WAREHOUSE_KEY", "the variable's key")
    assert encryption.key() == "the variable's key"
    monkeypatch.delenv("MONITOR_WAREHOUSE_KEY")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("MONITOR_WAREHOUSE_KEY_FILE", "~/wh.key")
    assert encryption.key() == "the file's key"
    monkeypatch.setenv("MONITOR_WAREHOUSE_KEY_FILE", str(tmp_path / "gone.key"))
    with pytest.raises(FileNotFoundError) as gone:
        encryption.key()
    assert str(gone.value) == f"MONITOR_WAREHOUSE_KEY_FILE points to {tmp_path / 'gone.key'}, which does not exist"
    (tmp_path / "empty.key").write_text(" \n", encoding="utf-8")
    monkeypatch.setenv("MONITOR_WAREHOUSE_KEY_FILE", str(tmp_path / "empty.key"))
    with pytest.raises(ValueError) as empty:
        encryption.key()
    assert str(empty.value) == f"the warehouse key file {tmp_path / 'empty.key'} is empty"


def test_a_key_error_of_duckdb_is_said_as_the_key_and_another_error_is_left_as_it_is(tmp_path):
    w = tmp_path / "w.duckdb"
    for said in ("Catalog Error: the file is encrypted", "Invalid Input Error: wrong KEY given"):
        with pytest.raises(encryption.WarehouseKeyError) as exc:
            encryption.explain(w, duckdb.InvalidInputException(said))
        assert str(exc.value).startswith(f"the warehouse {w} cannot be opened: it is encrypted and the key is missing or wrong")
        assert str(exc.value).endswith(f"({said})")
    assert encryption.explain(w, duckdb.CatalogException("Table with name cards does not exist")) is None


def test_an_encrypted_copy_holds_every_table_and_row_and_nothing_in_clear(tmp_path, monkeypatch):
    from tests.test_rawstore import _frames, _visible

    monkeypatch.delenv("MONITOR_WAREHOUSE_KEY", raising=False)
    monkeypatch.delenv("MONITOR_WAREHOUSE_KEY_FILE", raising=False)
    folder = tmp_path / "it's here"  # a quote in the path and in the key: quoted, not cut
    folder.mkdir()
    plain, enc = folder / "plain.duckdb", folder / "enc.duckdb"
    with warehouse.connect(plain) as con:
        writes.replace_partitions(con, "2017", _frames("2017", "Шифр"))
        con.execute("INSERT INTO quarantine (period, record_id, source_file, kind, value, reason, rule, severity) "
                    "VALUES ('2017', 'r1', 'a.csv', 'card', 'Гульнара Секретная', 'a name', 'x', 'error')")
        quarantined = con.execute("SELECT * FROM quarantine").fetchall()
        before = _visible(con)
        made = _catalog(con)
        codes_before = sorted(con.execute("SELECT * FROM codes").fetchall())
    secret = "it's a key"
    encryption.encrypt_copy(plain, enc, secret)
    data = enc.read_bytes()
    for needle in ("Гульнара Секретная", "Алматы Шифр", "Алматы", "card_id,city"):
        assert needle.encode("utf-8") not in data, needle
    assert "Гульнара Секретная".encode("utf-8") in plain.read_bytes()  # in clear in the plain file
    with pytest.raises(duckdb.Error, match="encrypt"):
        duckdb.connect(str(enc), read_only=True)
    con = encryption.connect_encrypted(enc, True, secret)
    try:
        assert _catalog(con) == made
        assert _visible(con) == before
        assert sorted(con.execute("SELECT * FROM codes").fetchall()) == codes_before
        assert con.execute("SELECT * FROM quarantine").fetchall() == quarantined
        with pytest.raises(duckdb.Error):
            con.execute("DELETE FROM codes")  # read only
    finally:
        con.close()
    with pytest.raises(duckdb.Error):
        encryption.connect_encrypted(enc, True, "another key")
    with pytest.raises(FileExistsError, match="enc.duckdb exists: choose a new file"):
        encryption.encrypt_copy(plain, enc, secret)
    assert enc.read_bytes() == data  # the existing file left as it was


# --- assets/quality/gx_docs.py: Data Docs readable without a CDN --------------------------------------------------

from assets.quality import gx_docs  # noqa: E402

_INDEX = """<html><head><title>Data Docs</title></head>
<body><img src="https://great-expectations-web-assets.s3.amazonaws.com/logo-long.png">
<table id="section-1-content-table" class="table"></table>
<table id="section-2-content-table"></table>
<i class="fas fa-check-circle text-success" aria-hidden="true"></i>
<i class="fas fa-times text-danger" aria-hidden="true"></i>
<script>
var shown = "<head>";
$('#section-1-content-table').bootstrapTable(
    Object.assign(
        {
            columns: [{'field': 'run_time', 'title': 'Run Time'}, {'field': 'asset_name', 'title': 'Asset <Name>'}, {'field': 'status'}],
            data: [{'run_time': '2026-12-07', 'asset_name': 'figures', 'status': 'ok', '_table_row_link_path': 'validations/a b.html'},
                   {'run_time': '2026-12-06', 'asset_name': '<a href="x.html">sums</a>', 'status': 'failed', '_table_row_link_path': 'v2.html'}],
            toolbar: '#x'
        }));
$('#section-2-content-table').bootstrapTable(
    Object.assign(
        {
            columns: [{'field': 'suite', 'title': 'Suite'}],
            data: [],
            toolbar: '#y'
        }));
</script>
</body></html>"""


def test_a_data_docs_page_gets_its_style_status_words_local_logo_and_plain_tables(tmp_path):
    site = tmp_path / "data_docs"
    (site / "validations" / "figures").mkdir(parents=True)
    (site / "index.html").write_text(_INDEX, encoding="utf-8")
    (site / "validations" / "figures" / "run.html").write_text(_INDEX, encoding="utf-8")
    (site / "notes.txt").write_text("<head>", encoding="utf-8")
    assert gx_docs.make_offline_readable(site) == 2
    page = (site / "index.html").read_text(encoding="utf-8")
    assert page.startswith("<html><head>\n<!-- readable-offline -->\n<style>") and page.count("<style>") == 1
    assert 'var shown = "<head>";' in page  # a second "<head>" (a value in a script) is no head
    # the status in colour without the CDN's stylesheet; the plain tables hidden where bootstrap-table draws its own
    assert ".ge-status-failed, .text-danger { color: #b00020; }" in page and ".ge-status-passed, .text-success { color: #11752f; }" in page
    assert ".ge-js-ok .ge-offline-table { display: none; }" in page
    assert 'src="static/images/logo-long.png"' in page and "great-expectations-web-assets" not in page
    deep = (site / "validations" / "figures" / "run.html").read_text(encoding="utf-8")
    assert 'src="../../static/images/logo-long.png"' in deep
    assert ('<i class="fas fa-check-circle text-success" aria-hidden="true"></i>'
            '<span class="ge-status ge-status-passed">✔ passed</span>') in page
    assert ('<i class="fas fa-times text-danger" aria-hidden="true"></i>'
            '<span class="ge-status ge-status-failed">✘ failed</span>') in page
    # the first table, after its empty anchor: the titles escaped (a column without one by its field), the second
    # column linked to the result's page unless it holds a link already
    one = ('<table id="section-1-content-table" class="table"></table>\n<table class="ge-offline-table"><thead><tr>'
           "<th>Run Time</th><th>Asset &lt;Name&gt;</th><th>status</th></tr></thead><tbody>"
           '<tr><td>2026-12-07</td><td><a href="validations/a b.html">figures</a></td><td>ok</td></tr>'
           '<tr><td>2026-12-06</td><td><a href="x.html">sums</a></td><td>failed</td></tr></tbody></table>')
    assert one in page
    two = ('<table id="section-2-content-table"></table>\n<table class="ge-offline-table"><thead><tr><th>Suite</th></tr>'
           "</thead><tbody><tr><td>none yet</td></tr></tbody></table>")
    assert two in page
    assert page.endswith('<script>if (window.jQuery && jQuery.fn && jQuery.fn.bootstrapTable) '
                         'document.documentElement.classList.add("ge-js-ok");</script>\n</body></html>')
    assert (site / "notes.txt").read_text(encoding="utf-8") == "<head>"
    assert gx_docs.make_offline_readable(site) == 0  # done once
    assert (site / "index.html").read_text(encoding="utf-8") == page


def test_a_one_column_table_links_its_only_column_and_a_table_that_is_no_literal_is_left_out():
    page = _INDEX.replace("'suite', 'title': 'Suite'}],\n            data: []",
                          "'suite', 'title': 'Suite'}],\n            data: [{'suite': 'figures', '_table_row_link_path': 's.html'}]")
    page = page.replace("{'field': 'status'}],", "{'field': 'status'}, open()],")
    tables = gx_docs._static_tables(page)
    assert list(tables) == ["section-2-content-table"]
    assert '<tr><td><a href="s.html">figures</a></td></tr>' in tables["section-2-content-table"]


# --- assets/quality/gx_cache.py: the suite's last pass, per period ------------------------------------------------

from assets.quality import gx_cache  # noqa: E402


def _figures(period, values):
    return pl.DataFrame({"period": [period] * len(values), "table_no": ["1"] * len(values),
                         "row_key": [f"r{i}" for i in range(len(values))], "col_key": ["count"] * len(values),
                         "value": values, "provenance": ["derived"] * len(values)})


def test_a_period_s_pass_holds_while_its_figures_stay_and_a_changed_figure_or_another_period_runs_again(tmp_path, monkeypatch):
    monkeypatch.setenv("MONITOR_BUILD", str(tmp_path / "build"))
    con = duckdb.connect(":memory:")
    con.execute("CREATE TABLE figures (period VARCHAR, table_no VARCHAR, row_key VARCHAR, col_key VARCHAR, value DOUBLE, "
                "provenance VARCHAR)")
    figs = _figures("2017", [3.0, 5.0, None])
    con.register("f", figs.to_arrow())
    con.execute("INSERT INTO figures SELECT * FROM f")
    con.execute("INSERT INTO figures VALUES ('2016', '1', 'r0', 'count', 9, 'derived')")
    assert not gx_cache.passed(con, "2017")  # nothing recorded
    # the check's frame in another column and row order than the warehouse gives back: the same figures
    gx_cache.record_pass("2017", figs.reverse().select(["value", "provenance", "period", "table_no", "row_key", "col_key"]))
    assert (tmp_path / "build" / "gx_cache" / "figures-2017.sha256").is_file()
    assert list((tmp_path / "build" / "gx_cache").iterdir()) == [tmp_path / "build" / "gx_cache" / "figures-2017.sha256"]
    assert gx_cache.passed(con, "2017") and not gx_cache.passed(con, "2016")
    con.execute("UPDATE figures SET value = 4 WHERE period = '2017' AND row_key = 'r0'")
    assert not gx_cache.passed(con, "2017")
    con.execute("UPDATE figures SET value = 3 WHERE period = '2017' AND row_key = 'r0'")
    assert gx_cache.passed(con, "2017")
    con.execute("UPDATE figures SET provenance = 'published' WHERE period = '2017' AND row_key = 'r2'")
    assert not gx_cache.passed(con, "2017")
    con.execute("DELETE FROM figures WHERE period = '2017'")
    assert not gx_cache.passed(con, "2017")  # no figures: never a pass
    gx_cache.forget("2017")
    assert not (tmp_path / "build" / "gx_cache" / "figures-2017.sha256").exists()
    gx_cache.forget("2017")  # forgetting twice is no error


def test_no_pass_is_recorded_for_no_figures_and_a_period_s_file_name_stays_in_the_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("MONITOR_BUILD", str(tmp_path / "build"))
    gx_cache.record_pass("2017", _figures("2017", []))
    assert not (tmp_path / "build" / "gx_cache").exists()
    gx_cache.record_pass("../2017 a", _figures("../2017 a", [1.0]))
    assert [p.name for p in (tmp_path / "build" / "gx_cache").iterdir()] == ["figures-___2017_a.sha256"]
    d1 = gx_cache.figures_digest(_figures("2017", [1.0, 2.0]))
    assert d1 == gx_cache.figures_digest(_figures("2017", [1.0, 2.0]).reverse())
    assert d1 != gx_cache.figures_digest(_figures("2017", [2.0, 1.0]))
    assert d1 != gx_cache.figures_digest(_figures("2017", [1.0, 2.0]).with_columns(pl.col("value").cast(pl.Float32)))
    assert len(d1) == 64 and int(d1, 16) >= 0


def test_a_lake_gets_its_tables_and_code_lists_once_per_fingerprint(monkeypatch):
    # a DuckLake needs its Postgres catalog (tests/backends/test_ducklake.py, 45 s): here the lake's path of
    # fill_codes on an in-memory database that says it is one, its snapshot's label recorded
    from assets.core import ducklake

    labels = []
    monkeypatch.setattr(layout, "is_lake", lambda con: True)
    monkeypatch.setattr(ducklake, "set_commit_message", lambda con, message: labels.append(message))
    con = duckdb.connect(":memory:")
    layout.fill_codes(con)
    assert labels == ["warehouse tables (sql/tables/)"]
    made = _catalog(con)
    assert _ddl_names(layout.ddl_files("ducklake")) <= set(made)
    frame = layout.codes.codes_frame()
    assert con.execute("SELECT count(*) FROM codes").fetchone()[0] == frame.height
    assert con.execute("SELECT count(*) FROM warehouse_schema").fetchone()[0] == 1
    layout.fill_codes(con)  # the same files and code lists: nothing applied again
    assert labels == ["warehouse tables (sql/tables/)"]
    con.execute("DELETE FROM codes")
    con.execute("UPDATE warehouse_schema SET ddl_sha256 = 'another version'")
    layout.fill_codes(con)
    assert len(labels) == 2 and con.execute("SELECT count(*) FROM codes").fetchone()[0] == frame.height


def test_an_inbox_entry_never_opened_is_refused_by_the_inbox_rule_and_a_file_that_fails_by_its_own():
    from assets.validate.validate import inbox_quarantine

    kinds = ["link", "hidden", "folder", "special", "hardlink", "stray", "skipped"]  # inbox.py's entries never opened
    rows = [{"source_file": f"cards/{k}.csv", "format": k, "problem": f"{k} not read", "warnings": None} for k in kinds]
    rows.append({"source_file": "cards/bad.csv", "format": "csv", "problem": "cannot be decoded", "warnings": None})
    rows.append({"source_file": "cards/.DS_Store", "format": "skipped", "problem": None, "warnings": '["skipped .DS_Store"]'})
    rows.append({"source_file": "cards/a.csv", "format": "csv", "problem": None, "warnings": '["column x is not a card field"]'})
    q = inbox_quarantine("inbox", rows)
    assert q.select("source_file", "rule", "severity").rows() == [
        *[(f"cards/{k}.csv", "inbox_refused", "error") for k in kinds], ("cards/bad.csv", "file_unreadable", "error"),
        ("cards/.DS_Store", "inbox_skipped", "warning"), ("cards/a.csv", "unknown_column", "warning")]


def test_an_old_raw_layer_read_without_writing_says_to_open_it_once_for_writing(tmp_path):
    from assets.validate.redaction import private_names
    from tests.test_raw_format import OLD_DDL

    con = duckdb.connect(":memory:")
    con.execute(OLD_DDL)
    with pytest.raises(RuntimeError) as exc:
        private_names(con, "2017")
    assert str(exc.value) == ("the warehouse's raw layer is in the format of before issue 15 (raw_records.data) and this "
                              "connection only reads it: open it once for writing (e.g. `monitor run --period <period>`), "
                              "which converts it")


def test_an_old_raw_layer_is_converted_on_the_first_writable_connection_and_said_so(tmp_path, caplog):
    from tests.test_raw_format import OLD_DDL

    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute(OLD_DDL)
    old = [("2017", "a.csv#:2", "a.csv", "", 2, "card", '{"card_id": "2017-A-1", "Город": "Алматы", "n": 12}'),
           ("2017", "a.csv#:3", "a.csv", "", 3, "card", '{"card_id": "2017-A-2", "Город": null, "n": 1.5}'),
           ("2016", "b.json#:1", "b.json", "", 1, "card", "[1, 2]"),
           ("2016", "b.json#:2", "b.json", "", 2, "person", "no json at all")]
    con.executemany("INSERT INTO raw_records VALUES (?, ?, ?, ?, ?, ?, ?, TIMESTAMP '2026-01-01 10:00:00')", old)
    con.close()
    with caplog.at_level("WARNING", logger="monitor.migrate"):
        with warehouse.connect(path) as con:
            back = con.execute("SELECT r.period, r.record_id, r.source_file, r.sheet, r.row_no, r.kind, h.header, r.cells, "
                               "r.loaded_at FROM raw_records r JOIN raw_headers h USING (period, header_id) "
                               "ORDER BY r.record_id").fetchall()
            n_headers = con.execute("SELECT count(*) FROM raw_headers").fetchone()[0]
    assert ("converted 4 raw records to the format of issue 15 (values as a JSON array, headers in raw_headers)"
            in caplog.messages)
    assert [b[:6] for b in back] == [o[:6] for o in old]  # every row, with its ids, file, sheet, row and kind
    assert all(b[8] == dt.datetime(2026, 1, 1, 10) for b in back)
    # each record's JSON object again to the byte; what is no object kept whole as the value of `data`
    assert [raw.data_json(b[6], b[7]) for b in back[:2]] == [old[0][6], old[1][6]]
    assert raw.record_data(back[2][6], back[2][7]) == {"data": "[1, 2]"}
    assert raw.record_data(back[3][6], back[3][7]) == {"data": "no json at all"}
    assert n_headers == 2  # the two objects' one header once in 2017, `data` once in 2016


def test_pandera_cases_name_the_failing_value_and_a_check_of_the_whole_frame_its_row():
    pandera = pytest.importorskip("pandera.polars")

    schema = pandera.DataFrameSchema({"n": pandera.Column(int, pandera.Check.ge(0))},
                                     checks=[pandera.Check(lambda d: d.lazyframe.select(pl.col("n") < 100), name="below_100")])
    with pytest.raises(Exception) as info:
        schema.validate(pl.DataFrame({"n": [-7, 5, 300]}), lazy=True)
    cases = failures.explain(info.value, "figures").cases
    assert cases == ["n: greater_than_or_equal_to(0) failed for '-7'", "row: below_100 failed for '300'"]


def test_a_command_longer_than_160_characters_is_cut_to_160():
    child = _shell("holder", *["0"] * 80)  # "sh -c echo ready; read x holder 0 0 ...": 191 characters
    try:
        got = lockinfo.command_of(child.pid)
        assert len(got) == 160 and got == ("sh -c echo ready; read x holder" + " 0" * 80)[:159] + "…"
    finally:
        _ended(child)


# --- assets/quality/gx_context.py: the GX project ----------------------------------------------------------------

from assets.quality import gx_context  # noqa: E402


def test_the_gx_project_sends_nothing_shows_no_progress_bars_and_puts_its_data_docs_beside_it(tmp_path, monkeypatch):
    import yaml

    monkeypatch.setenv("MONITOR_BUILD", str(tmp_path / "build"))
    proj = gx_context.project()
    assert gx_context.project() is proj  # once per build folder
    conf = yaml.safe_load((tmp_path / "build" / "gx" / "great_expectations.yml").read_text(encoding="utf-8"))
    assert conf["analytics_enabled"] is False
    assert conf["progress_bars"]["globally"] is False and conf["progress_bars"]["metric_calculations"] is False
    assert list(conf["data_docs_sites"]) == ["figures"]
    site = conf["data_docs_sites"]["figures"]
    assert site["store_backend"] == {"class_name": "TupleFilesystemStoreBackend", "base_directory": "../data_docs/"}
    assert site["show_how_to_buttons"] is False
    assert gx_context.data_docs_dir() == tmp_path / "build" / "data_docs"


# --- schemas/xlsform.py: the field form (its rules evaluated as ODK Collect would) -------------------------------

from schemas import xlsform  # noqa: E402


def _xpath(expr: str, here, **values):
    """The XPath of a form's constraint, relevant or required column evaluated for the answer `here` (`.`) and the
    other answers: the few functions the form uses, translated by this test (not by the form's code)."""
    e = re.sub(r"\$\{(\w+)\}", r"v['\1']", expr)
    e = e.replace("count-selected(", "_count(").replace("string-length(", "_len(")
    e = re.sub(r"\bselected\(", "_sel(", e).replace("regex(", "_re(").replace("date(", "_date(")
    e = re.sub(r"(?<![\w'.\]])\.(?![\w.])", "v['.']", e)
    e = re.sub(r"(?<![!<>=])=(?!=)", "==", e)
    env = {"v": {**values, ".": here}, "_count": lambda a: len(str(a).split()), "_len": lambda a: len(str(a)),
           "_sel": lambda a, b: b in str(a).split(), "_re": lambda a, p: re.search(p, str(a)) is not None,
           "_date": dt.date.fromisoformat}
    return eval(e, env)  # noqa: S307 - the form's own expressions, in a test


def _rows():
    return {r["name"]: r for r in xlsform.build((dt.date(2017, 1, 1), dt.date(2017, 12, 31)))["survey"]}


def test_the_form_refuses_what_the_card_rules_refuse_and_asks_only_what_applies():
    rows = _rows()
    held = dict(event_status="held", participants_low="", participants_high="", preventive_detentions="")
    req = rows["participants"]["required"]
    assert [_xpath(req, None, event_status=s) for s in ("held", "refused", "prevented", "")] == [True, False, False, True]
    c = rows["participants"]["constraint"]
    assert [_xpath(c, n, participants_low=10) for n in (9, 10, 11)] == [False, True, True]
    assert _xpath(c, 3, participants_low="") and not _xpath(c, -1, participants_low="")
    c = rows["participants_high"]["constraint"]
    assert [_xpath(c, n, participants=10) for n in (9, 10, 11)] == [False, True, True]
    c = rows["detained"]["constraint"]
    assert [_xpath(c, n, **{**held, "participants": 10}) for n in (9, 10, 11)] == [True, True, False]
    assert [_xpath(c, n, **{**held, "participants": 10, "participants_high": 20}) for n in (20, 21)] == [True, False]
    assert _xpath(c, 50, **{**held, "participants": 10, "event_status": "refused"})
    assert _xpath(c, 50, **{**held, "participants": 10, "event_status": "prevented"})
    assert [_xpath(c, n, **{**held, "participants": 10, "preventive_detentions": 2}) for n in (1, 2)] == [False, True]
    assert not _xpath(c, -1, **{**held, "participants": 10})
    c = rows["attributes"]["constraint"]
    assert [_xpath(c, a) for a in ("none", "none flags", "flags banners", "")] == [True, False, True, True]
    c = rows["notification"]["constraint"]
    assert [_xpath(c, a) for a in ("none", "unknown", "none sms", "unknown sms", "sms social")] == [True, True, False, False, True]
    for name, outcome in (("fine_mrp", "fine"), ("arrest_days", "arrest")):
        r = rows[name]
        assert [_xpath(r["constraint"], n) for n in (0, 1)] == [False, True] and r["required"] == "yes"
        assert _xpath(r["relevant"], None, court_outcome=outcome) and not _xpath(r["relevant"], None, court_outcome="released")
    r = rows["court_date"]["relevant"]
    assert [_xpath(r, None, court_outcome=o) for o in ("", "released", "fine")] == [False, False, True]
    c = rows["date"]["constraint"]
    assert [_xpath(c, dt.date.fromisoformat(d)) for d in ("2016-12-31", "2017-01-01", "2017-12-31", "2018-01-01")] == [
        False, True, True, False]
    for name, present in (("prosecutor_warned", "prosecutor_present"), ("akimat_warned", "akimat_present"),
                          ("police_warned", "police_present"), ("police_count", "police_present")):
        assert [_xpath(rows[name]["relevant"], None, **{present: p}) for p in ("no", "yes", "")] == [False, True, True]
    assert [_xpath(rows["permission_answer"]["relevant"], None, permission_requested=p) for p in ("yes", "no")] == [True, False]
    assert [_xpath(rows["reason_not_applied"]["relevant"], None, permission_requested=p) for p in ("yes", "no")] == [False, True]
    assert rows["permission_answer"]["required"] == rows["reason_not_applied"]["required"] == "yes"
    assert [_xpath(rows["preventive"]["relevant"], None, p_detained=d) for d in ("no", "yes", "")] == [False, True, True]
    c = rows["card_id"]["constraint"]
    assert [_xpath(c, i) for i in ("2017-ALA-001", "a.b_c", "карта-1", "-x", "x" * 65)] == [True, True, False, False, False]
    c = rows["source_links"]["constraint"]
    assert [_xpath(c, s) for s in ("http://a.kz", " https://a.kz/1 ; http://b.kz ;", "a.kz", "http://a.kz, http://b.kz")] == [
        True, True, False, False]
    for name in ("duration_min", "police_count", "applications"):
        assert [_xpath(rows[name]["constraint"], n) for n in (-1, 0)] == [False, True]
        assert (rows[name][xlsform.MSG_RU], rows[name][xlsform.MSG_EN]) == ("Не может быть меньше нуля", "Cannot be below zero")


def test_the_form_s_messages_say_the_rule_in_both_languages():
    rows = _rows()
    said = {n: (rows[n][xlsform.MSG_RU], rows[n][xlsform.MSG_EN]) for n in
            ("participants", "participants_high", "detained", "attributes", "notification", "fine_mrp", "arrest_days", "date")}
    assert said == {
        "participants": ("Участников не может быть меньше минимальной оценки", "Participants cannot be below the low estimate"),
        "participants_high": ("Максимальная оценка не может быть меньше оценки участников",
                              "The high estimate cannot be below the best estimate"),
        "detained": ("Задержанных не больше, чем участников, и не меньше превентивно задержанных",
                     "Detained cannot exceed participants nor be fewer than the preventive detentions"),
        "attributes": ("«Нет» нельзя отмечать вместе с другими вариантами", "'None' cannot go with other answers"),
        "notification": ("«Не оповещались» / «Неизвестно» нельзя отмечать вместе с другими вариантами",
                         "'Not notified' / 'Unknown' cannot go with other answers"),
        "fine_mrp": ("Штраф в МРП больше нуля", "The fine in MRP is above zero"),
        "arrest_days": ("Срок ареста больше нуля", "The arrest lasts at least one day"),
        "date": ("Дата вне периода мониторинга (2017-01-01 – 2017-12-31)",
                 "The date lies outside the monitoring period (2017-01-01 – 2017-12-31)")}
    assert rows["notes"].get("appearance") == "multiline" and "appearance" not in rows["notes_en"]


def test_a_check_s_result_links_its_own_data_docs_pages(tmp_path, monkeypatch):
    from assets.quality import gx_suite
    from tests.test_gx_project_copy import FIGURES

    monkeypatch.setenv("MONITOR_BUILD", str(tmp_path / "build"))
    monkeypatch.setenv("MONITOR_GX_DATA_DOCS", "1")
    outcome = gx_suite.validate_figures(FIGURES, "2017")
    assert outcome.success and outcome.pages
    docs = tmp_path / "build" / "data_docs" / "validations"
    assert all(p.exists() and p.suffix == ".html" and docs in p.parents for p in outcome.pages)


def test_the_template_project_is_removed_when_the_process_that_made_it_ends_and_only_then(monkeypatch):
    import atexit
    import os

    registered = []
    monkeypatch.setattr(atexit, "register", lambda f: registered.append(f))
    monkeypatch.setattr(gx_context, "_TEMPLATE", {})
    t = gx_context._template()
    folder = Path(t.ctx.root_directory).parent
    assert (folder / "gx" / "great_expectations.yml").exists() and len(registered) == 1
    assert gx_context._template() is t and len(registered) == 1  # one per process
    real = os.getpid()
    monkeypatch.setattr(os, "getpid", lambda: real + 1)  # a forked child's exit: not its folder
    registered[0]()
    assert folder.exists()
    monkeypatch.setattr(os, "getpid", lambda: real)
    registered[0]()
    assert not folder.exists()


# --- schemas/derived.py: the reconciliation's and the audit's schemas ---------------------------------------------

def test_every_printed_value_status_and_every_reconciliation_status_passes_the_schema():
    from schemas.derived import RECONCILIATION_STATUSES, ReconciliationSchema
    from tests.test_mutants_i14zz import _recon, _valid

    # a match of a printed dash ("-": 0), a blank and an unreadable cell against no figure; a not_published value_status
    assert _valid(ReconciliationSchema, _recon(value_status="dash", published=None, derived=0.0))
    for vs in ("blank", "unreadable"):
        assert _valid(ReconciliationSchema, _recon(status="not_published", value_status=vs, published=None))
    assert not _valid(ReconciliationSchema, _recon(value_status="dashed"))
    assert RECONCILIATION_STATUSES == ("match", "match_truncated", "match_approximate", "mismatch", "not_derived",
                                       "not_published")
    for st, over in (("match_truncated", {}), ("match_approximate", {}), ("mismatch", {"derived": 3.0}),
                     ("not_derived", {"derived": None})):
        assert _valid(ReconciliationSchema, _recon(status=st, **over)), st


def test_a_match_is_within_half_the_last_printed_digit_and_a_broken_status_is_named_by_its_check():
    pandera = pytest.importorskip("pandera")
    from schemas.derived import ReconciliationSchema
    from tests.test_mutants_i14zz import _recon, _valid

    assert _valid(ReconciliationSchema, _recon(derived=12.5))  # half a unit: still the printed 12
    assert not _valid(ReconciliationSchema, _recon(derived=12.5 + 5e-9))  # beyond half a unit and the float noise (1e-9)
    assert _valid(ReconciliationSchema, _recon(derived=12.5 + 5e-10))
    with pytest.raises(pandera.errors.SchemaErrors) as exc:
        ReconciliationSchema.validate(_recon(status="not_derived", derived=12.0), lazy=True)
    assert exc.value.failure_cases["check"].to_list() == ["status_fits_sides"]
    e = failures.explain(exc.value, "reconciliation")
    assert e.cases[0].startswith("ReconciliationSchema: status_fits_sides failed for ")


def test_a_finding_of_a_text_figure_has_no_table_row_or_column():
    from schemas.derived import AuditSchema
    from tests.test_mutants_i14zz import _finding, _valid

    # a figure printed in the text (the summary's count of cities): no table, row or column, nor a period
    assert _valid(AuditSchema, _finding(table_no=None, row_key=None, col_key=None, period=None, published=None, expected=None))
    assert not _valid(AuditSchema, _finding(root_id=""))
