"""A warehouse whose tables are another version's (a column renamed or dropped) is said so, with what to do,
before anything is written - by a run, and by a read-only command (before: the run wrote raw_cards and cards,
then failed in figures with a BinderException; with the mark intact it ran, and `monitor quarantine` failed
with a raw Binder Error)."""
from __future__ import annotations

import pytest

from assets.core import layout, warehouse
from pipelines import cli
from tests.conftest import card, run_period, write


def _made(project):
    write(project / "inbox" / "cards" / "2017" / "a.yaml", card("2017-A", "2017-03-01"))
    with warehouse.connect() as con:  # this version's tables, marked
        pass
    return warehouse.warehouse_config.load().path


@pytest.mark.parametrize("change, named", [
    (["ALTER TABLE quarantine RENAME COLUMN reason TO why"], "table quarantine: no column reason (it has why instead)"),
    (["ALTER TABLE figures DROP COLUMN provenance", "UPDATE warehouse_schema SET ddl_sha256 = 'another version'"],
     "table figures: no column provenance"),
])
def test_another_layout_is_said_before_anything_is_written(project, capsys, change, named):
    path = _made(project)
    import duckdb

    con = duckdb.connect(str(path))
    for statement in change:
        con.execute(statement)
    con.close()
    assert cli.main(["quarantine"]) == 1
    err = capsys.readouterr().err
    assert f"the warehouse {path} has another table layout" in err and named in err
    assert f"what to do: restore a backup" in err and f"mv {path} {path}.other" in err and "monitor run" in err
    assert "Binder" not in err
    result = run_period("2017", selection=("raw_cards",), raise_on_error=False, checks=False)
    assert not result.success
    con = duckdb.connect(str(path), read_only=True)
    assert con.execute("SELECT count(*) FROM raw_file_index").fetchone()[0] == 0  # nothing was written
    con.close()
    with pytest.raises(layout.LayoutDiffers, match=named.split(" (")[0]):
        with warehouse.connect():
            pass


def test_this_versions_warehouse_passes(project):
    _made(project)
    with warehouse.connect(read_only=True) as con:
        assert layout.layout_differences(con) == []
