"""The pseudonym key and the warehouse: a key change is no correction of a card, one key makes every
period's pseudonyms, and a rotation never loses an old key (assets/validate/pseudonym.py, `monitor
pseudonym-key`). Each test failed on the code before its fix:

- rotation then a re-run made a revision of every person (a new pseudonym is a new row hash), and the
  appendix listed their cards as "corrected — Persons";
- a run with another key (rotated, or a lost key silently created again) mixed two keys' pseudonyms
  across periods, exit 0;
- two rotations in one second overwrote the first backup: the original key was gone.
"""
from __future__ import annotations

import datetime as dt
import types

import pytest

from assets.core import warehouse
from assets.report import changes
from assets.validate import pseudonym as ps
from pipelines import cli
from tests.conftest import module_root, run_period, write
from tests.test_pseudonym import _card_with, _person


def _persons(con) -> dict:
    return {(r[0], r[1], r[2]): r[3] for r in con.execute(
        "SELECT period, card_id, person_id, pseudonym FROM persons").fetchall()}


def _revisions(con) -> list:
    return con.execute("SELECT period, card_id, person_id, row_hash, valid_from, valid_to, pseudonym "
                       "FROM person_revisions ORDER BY period, card_id, person_id, valid_from").fetchall()


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    with module_root(tmp_path_factory, "pkey", example=False) as root:
        inbox = root / "inbox" / "cards"
        write(inbox / "2016" / "d.yaml", _card_with("2016-K-1", "2016-06-01", [_person("P1", "Ахметова Жанара")]))
        write(inbox / "2017" / "a.yaml", _card_with("2017-K-1", "2017-03-01", [
            _person("P1", "Жанара Ахмётова"), _person("P2", "Руслан Уразалиев"), _person("P3", None)]))
        write(inbox / "2017" / "b.yaml", _card_with("2017-K-2", "2017-05-01", [_person("P1", "Пётр Петров")]))
        for p in ("2016", "2017"):
            assert run_period(p).success
        # a correction: stored revisions (one closed, one open) that a re-keying must carry along
        write(inbox / "2017" / "b.yaml", _card_with("2017-K-2", "2017-05-01", [_person("P1", "Пётр Петров", detained=False)]))
        assert run_period("2017").success
        yield root


def test_rotation_re_pseudonymises_every_period_and_its_history_without_a_revision(project, capsys):
    with warehouse.connect(read_only=True) as con:
        before, revs_before = _persons(con), _revisions(con)
    assert any(r[5] is not None for r in revs_before)  # a closed revision is stored
    between = dt.datetime.now(dt.timezone.utc)
    assert cli.main(["pseudonym-key", "--rotate"]) == 0
    key = ps.load_key()
    with warehouse.connect(read_only=True) as con:
        after, revs_after = _persons(con), _revisions(con)
        named = dict(((r[0], r[1], r[2]), r[3]) for r in con.execute("SELECT period, card_id, person_id, name FROM persons").fetchall())
    # every person's pseudonym is the new key's, in every period
    assert after == {k: ps.pseudonym(key, named[k], k[1], k[2]) for k in after}
    assert all(after[k] != before[k] for k in after)
    assert after[("2016", "2016-K-1", "P1")] == after[("2017", "2017-K-1", "P1")]  # one person, one pseudonym
    # the history too: the same revisions (moments, count), none with an old pseudonym
    assert [r[:3] + r[4:6] for r in revs_after] == [r[:3] + r[4:6] for r in revs_before]
    assert not {r[6] for r in revs_after} & set(before.values())
    # a re-run makes no revision of the new pseudonyms, and the appendix lists no card
    assert run_period("2017").success
    with warehouse.connect(read_only=True) as con:
        assert _revisions(con) == revs_after
        assert changes.card_changes(con, "2017", between).is_empty()
        assert con.execute("SELECT fingerprint FROM pseudonym_key").fetchall() == [(ps.fingerprint(key),)]


def _refused(period: str) -> None:
    with warehouse.connect() as con:
        before = _persons(con)
    assert not run_period(period, raise_on_error=False).success
    with warehouse.connect() as con:
        assert _persons(con) == before  # nothing written


def test_a_run_with_another_key_or_without_the_key_is_refused(project):
    path = ps.key_path()
    kept = path.read_bytes()
    write(project / "inbox" / "cards" / "2018" / "e.yaml",
          _card_with("2018-K-1", "2018-03-01", [_person("P1", "Руслан Уразалиев")]))
    try:
        path.write_text("ab" * 32 + "\n")  # another key
        _refused("2018")
        with warehouse.connect() as con, pytest.raises(ps.KeyMismatch, match=ps.fingerprint(bytes.fromhex(kept.decode().strip()))):
            ps.warehouse_key(con)
        with warehouse.connect() as con:  # a warehouse that recorded no fingerprint (older): checked on its persons
            con.execute("DELETE FROM pseudonym_key")
        _refused("2018")
        path.unlink()  # a lost key: not made again silently
        _refused("2018")
        assert not path.exists()
        with warehouse.connect() as con, pytest.raises(ps.KeyMismatch, match="no pseudonym key at .*--rekey.*Nothing was written"):
            ps.warehouse_key(con)
    finally:
        path.write_bytes(kept)
    assert run_period("2018").success
    with warehouse.connect(read_only=True) as con:
        got = _persons(con)
    assert got[("2018", "2018-K-1", "P1")] == got[("2017", "2017-K-1", "P2")]


def test_rekey_gives_a_new_key_s_pseudonyms_to_every_period(project, capsys):
    path = ps.key_path()
    path.unlink()  # lost: --rekey is the explicit choice of a new key for everyone
    assert cli.main(["pseudonym-key", "--rekey"]) == 0
    key = ps.load_key()
    with warehouse.connect(read_only=True) as con:
        rows = con.execute("SELECT name, card_id, person_id, pseudonym FROM persons").fetchall()
    assert all(p == ps.pseudonym(key, n, c, i) for n, c, i, p in rows)
    assert run_period("2017").success


def test_two_rotations_in_one_second_keep_both_old_keys(tmp_path, monkeypatch):
    path = tmp_path / "keys" / "pseudonym.key"
    monkeypatch.setenv("MONITOR_PSEUDONYM_KEY_FILE", str(path))
    fixed = dt.datetime(2026, 12, 2, 8, 55, 53)
    monkeypatch.setattr(ps, "dt", types.SimpleNamespace(datetime=types.SimpleNamespace(now=lambda *a: fixed)))
    k0 = ps.load_key()
    _, b1 = ps.rotate()
    k1 = ps.load_key()
    _, b2 = ps.rotate()
    k2 = ps.load_key()
    assert b1 != b2 and b1.exists() and b2.exists()
    assert bytes.fromhex(b1.read_text().strip()) == k0 and bytes.fromhex(b2.read_text().strip()) == k1
    assert len({k0, k1, k2}) == 3
    assert sorted(p.name for p in path.parent.iterdir()) == sorted([path.name, b1.name, b2.name])


def test_showing_the_key_never_creates_one(tmp_path, monkeypatch, capsys):
    # `monitor pseudonym-key` (no option) used to create a missing key silently and print its fingerprint, exit 0:
    # a lost key looked present, and a read-only command made a secret. Now it says there is none and which
    # command makes one, exit 1, nothing written
    path = tmp_path / "keys" / "pseudonym.key"
    monkeypatch.setenv("MONITOR_PSEUDONYM_KEY_FILE", str(path))
    assert cli.main(["pseudonym-key"]) == 1
    err = capsys.readouterr().err
    assert f"no pseudonym key at {path}" in err and "monitor pseudonym-key --rotate" in err
    assert not path.exists() and not path.parent.exists()
    key = ps.load_key()  # made on first use (a run), as before
    assert cli.main(["pseudonym-key"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{path} (fingerprint {ps.fingerprint(key)})")
