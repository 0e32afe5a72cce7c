"""The warehouse encrypted at rest: no opening without the key, no name in the file's bytes."""
from __future__ import annotations

import duckdb
import pytest

from assets.core import warehouse
from assets.core.encryption import WarehouseKeyError
from pipelines.cli import main
from tests.conftest import card, run_period, write

NAME = "Айгерим Шифрованная"


def _files(root):
    return [p for p in root.rglob("warehouse*") if p.is_file()]


def test_encrypted_warehouse(project, monkeypatch):
    monkeypatch.setenv("MONITOR_WAREHOUSE_KEY", "correct horse battery staple")
    write(project / "inbox" / "cards" / "2017" / "a.yaml", card("2017-ENC-1", n=4).replace("participants: 4", "participants: 4\ndetained: 1")
          + f"persons:\n  - person_id: P1\n    role: detainee\n    name: {NAME}\n    detained: true\n")
    assert run_period("2017", selection=("raw_cards", "cards")).success
    with warehouse.connect() as con:
        assert con.execute("SELECT name FROM persons").fetchall() == [(NAME,)]
        con.execute("CHECKPOINT")
    files = _files(project)
    assert files
    for f in files:
        data = f.read_bytes()
        for needle in (NAME, "Шифрованная", "2017-ENC-1"):
            assert needle.encode("utf-8") not in data and needle.encode("utf-16-le") not in data, (f, needle)
    path = project / "warehouse.duckdb"
    with pytest.raises(duckdb.Error, match="encrypted"):
        duckdb.connect(str(path), read_only=True)
    monkeypatch.delenv("MONITOR_WAREHOUSE_KEY")
    with pytest.raises(WarehouseKeyError):
        with warehouse.connect(read_only=True):
            pass
    monkeypatch.setenv("MONITOR_WAREHOUSE_KEY", "wrong key")
    with pytest.raises(WarehouseKeyError, match="key"):
        with warehouse.connect(read_only=True):
            pass
    key_file = project / "wh.key"
    key_file.write_text("correct horse battery staple\n")
    monkeypatch.delenv("MONITOR_WAREHOUSE_KEY")
    monkeypatch.setenv("MONITOR_WAREHOUSE_KEY_FILE", str(key_file))
    with warehouse.connect(read_only=True) as con:
        assert con.execute("SELECT count(*) FROM cards").fetchone()[0] == 1
    # an erasure rewrites the encrypted file encrypted again
    assert main(["erase-person", "--person", "2017-ENC-1:P1", "--by", "test"]) == 0
    with pytest.raises(duckdb.Error, match="encrypted"):
        duckdb.connect(str(path), read_only=True)
    with warehouse.connect(read_only=True) as con:
        assert con.execute("SELECT name LIKE 'REDACTED-%' FROM persons").fetchall() == [(True,)]
        assert con.execute("SELECT count(*) FROM erasures").fetchone()[0] == 1


def test_a_plain_warehouse_is_encrypted_by_copy(project, monkeypatch):
    write(project / "inbox" / "cards" / "2017" / "a.yaml", card("2017-ENC-2", n=4).replace("participants: 4", "participants: 4\ndetained: 1")
          + f"persons:\n  - person_id: P1\n    role: detainee\n    name: {NAME}\n    detained: true\n")
    assert run_period("2017", selection=("raw_cards", "cards")).success
    # a name is in clear in the plain file (the card's id is not: ids are stored FSST-compressed, sql/tables/030)
    assert NAME.encode("utf-8") in (project / "warehouse.duckdb").read_bytes()
    monkeypatch.setenv("MONITOR_WAREHOUSE_KEY", "k" * 20)
    dest = project / "enc" / "warehouse.duckdb"
    dest.parent.mkdir()
    assert main(["warehouse-encrypt", str(dest)]) == 0
    assert b"2017-ENC-2" not in dest.read_bytes() and NAME.encode("utf-8") not in dest.read_bytes()
    with warehouse.connect(dest, read_only=True) as con:
        assert con.execute("SELECT card_id FROM cards").fetchall() == [("2017-ENC-2",)]
