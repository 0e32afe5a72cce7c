"""Pseudonyms: one per person across cards and periods, not derivable without the key; the
figures of distinct people detained and of people detained more than once."""
from __future__ import annotations

import hashlib
import hmac
import random
import stat

import pytest

from assets.core import warehouse
from assets.validate import pseudonym as ps
from tests.conftest import card, figures_of, module_root, run_period, write

PERSONS = """persons:
{}"""


def _person(pid: str, name: str | None, detained: bool = True, public: bool = False) -> str:
    lines = [f"  - person_id: {pid}", "    role: detainee", f"    detained: {str(detained).lower()}", f"    public: {str(public).lower()}"]
    if name:
        lines.append(f"    name: {name}")
    return "\n".join(lines) + "\n"


def _card_with(cid: str, date: str, persons: list[str]) -> str:
    return card(cid, date=date, n=10).replace("participants: 10", "participants: 10\ndetained: 3") + PERSONS.format("".join(persons))


@pytest.fixture(scope="module")
def two_periods(tmp_path_factory):
    with module_root(tmp_path_factory, "pseud", example=False) as project:
        yield from _two_periods(project)


def _two_periods(project):
    inbox = project / "inbox" / "cards"
    write(inbox / "2017" / "a.yaml", _card_with("2017-T-1", "2017-03-01", [
        _person("P1", "Жанара Ахмётова"), _person("P2", "Руслан Уразалиев"), _person("P3", None)]))
    write(inbox / "2017" / "b.yaml", _card_with("2017-T-2", "2017-05-01", [
        _person("P1", "  ахметова   ЖАНАРА "), _person("P2", "Пётр Петров", detained=False)]))
    write(inbox / "2017" / "c.yaml", _card_with("2017-T-3", "2017-06-01", [_person("P1", "Руслан Уразалиев", public=True)]))
    write(inbox / "2016" / "d.yaml", _card_with("2016-T-1", "2016-06-01", [_person("P1", "Ахметова Жанара")]))
    for p in ("2016", "2017"):
        assert run_period(p).success
    with warehouse.connect(read_only=True) as con:
        rows = con.execute("SELECT period, card_id, person_id, name, pseudonym FROM persons ORDER BY period, card_id, person_id").fetchall()
        public = con.execute("SELECT card_id, person_id, display_name FROM persons_public ORDER BY card_id, person_id").fetchall()
    yield project, {(r[1], r[2]): r for r in rows}, public


def test_same_person_same_pseudonym_across_cards_and_periods(two_periods):
    _, rows, _ = two_periods
    zh = {rows[k][4] for k in [("2017-T-1", "P1"), ("2017-T-2", "P1"), ("2016-T-1", "P1")]}
    assert len(zh) == 1
    ru = {rows[("2017-T-1", "P2")][4], rows[("2017-T-3", "P1")][4]}
    assert len(ru) == 1 and ru != zh
    assert rows[("2017-T-1", "P3")][4] not in zh | ru  # no name: a pseudonym of its own


def test_pseudonym_needs_the_key(two_periods):
    _, rows, _ = two_periods
    p = rows[("2017-T-1", "P1")][4]
    norm = ps.normalise_name("Жанара Ахмётова")
    key = ps.load_key()
    assert p == ps.pseudonym(key, "Ахметова Жанара", "x", "y")
    guesses = [hashlib.sha256(s.encode()).hexdigest() for s in (norm, f"name|{norm}", "Жанара Ахмётова")]
    guesses += [hmac.new(b"", f"name|{norm}".encode(), hashlib.sha256).hexdigest()]
    assert all(g[:12].upper() != p[2:] for g in guesses)
    assert ps.pseudonym(b"another key" * 3, "Жанара Ахмётова", "x", "y") != p


def test_public_outputs_show_pseudonym_or_public_name(two_periods):
    _, rows, public = two_periods
    shown = {(c, pid): d for c, pid, d in public}
    assert shown[("2017-T-3", "P1")] == "Руслан Уразалиев"  # marked public on that card
    assert shown[("2017-T-1", "P2")] == rows[("2017-T-1", "P2")][4]  # not public on this one
    assert not any("Ахм" in d for d in shown.values())


def test_distinct_and_repeat_detained_figures(two_periods):
    f = figures_of("2017")
    # detained in 2017: Ахметова (T-1, T-2), Уразалиев (T-1, T-3), the nameless P3 (T-1); Петров not detained
    assert f[("summary", "total", "distinct_detained")] == 3
    assert f[("summary", "total", "detained_repeat")] == 2
    f16 = figures_of("2016", table="derived_figures")  # 2016's cards are not declared complete: figures stay published
    assert f16[("summary", "total", "distinct_detained")] == 1 and f16[("summary", "total", "detained_repeat")] == 0


def test_key_is_created_private_outside_the_repo(tmp_path, monkeypatch):
    path = tmp_path / "cfg" / "pseudonym.key"
    monkeypatch.setenv("MONITOR_PSEUDONYM_KEY_FILE", str(path))
    k1 = ps.load_key()
    assert path.exists() and stat.S_IMODE(path.stat().st_mode) == 0o600 and len(k1) == 32
    assert ps.load_key() == k1  # stable
    new, backup = ps.rotate()
    assert backup is not None and bytes.fromhex(backup.read_text().strip()) == k1 and ps.load_key() != k1
    from core import settings
    monkeypatch.setenv("MONITOR_PSEUDONYM_KEY_FILE", str(settings.repo_root() / "pseudonym.key"))
    with pytest.raises(ValueError, match="inside the repository"):
        ps.load_key()


@pytest.mark.parametrize("seed", range(30))
def test_normalised_name_ignores_case_yo_spaces_and_order(seed):
    rnd = random.Random(seed)
    letters = "абвгдеёжзийклмнопрстуфхцчшщыэюяәіңғүұқөһ"
    words = ["".join(rnd.choice(letters) for _ in range(rnd.randint(1, 8))) for _ in range(rnd.randint(1, 4))]
    shuffled = words[:]
    rnd.shuffle(shuffled)
    variant = (" " * rnd.randint(1, 3)).join(w.upper().replace("Е", "Ё") for w in shuffled) + "\t"
    assert ps.normalise_name(" ".join(words)) == ps.normalise_name(variant)
    other = words[:-1] + [words[-1] + "а"]
    assert ps.normalise_name(" ".join(other)) != ps.normalise_name(" ".join(words))
