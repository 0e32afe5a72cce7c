"""Pseudonyms that link without revealing: HMAC-SHA256 of a person's normalised identity under a
secret key kept outside the repository.

The same person (same name, however cased, with ё or е, extra spaces, or words in another order)
gets the same pseudonym on every card and in every period, so the report can count distinct
people detained and people detained more than once; without the key nobody can recompute a
pseudonym from a guessed name, nor reverse one.

The key: MONITOR_PSEUDONYM_KEY_FILE, else $XDG_CONFIG_HOME/assembly-monitor/pseudonym.key (default
~/.config/assembly-monitor/pseudonym.key). Created on first use (32 random bytes, hex, mode 0600).
Back it up with the warehouse backups but apart from them. The warehouse records the fingerprint of
the key that made its pseudonyms (table pseudonym_key): a run with another key, or without the key
file while the warehouse holds pseudonyms, is refused (`warehouse_key`): pseudonyms of two keys never
match, so one person would count as two across periods. Rotation: `monitor pseudonym-key --rotate`
keeps the old key as pseudonym.key.<time>.bak (never overwriting an older backup) and writes a new one,
then re-pseudonymises every period and the persons' stored revisions under it in one transaction
(`rekey`): a new pseudonym is no correction of a card, so no revision is made of it.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import os
import re
import secrets
import unicodedata
from pathlib import Path

from assets.core.sqlfiles import sql
from assets.core.transactions import transaction
from assets.core.writes import retry_conflicts
from core import settings

_WORD = re.compile(r"[^\w]+", re.UNICODE)


def key_path() -> Path:
    explicit = os.environ.get("MONITOR_PSEUDONYM_KEY_FILE")
    if explicit:
        return Path(explicit).expanduser()
    base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "assembly-monitor" / "pseudonym.key"


def _inside_repo(p: Path) -> bool:
    try:
        p.resolve().relative_to(settings.repo_root())
        return True
    except ValueError:
        return False


def load_key(path: Path | None = None, create: bool = True) -> bytes:
    """The secret key (created on first use). Refuses a key file inside the checkout."""
    p = Path(path) if path else key_path()
    if _inside_repo(p):
        raise ValueError(f"the pseudonym key {p} lies inside the repository: keep it outside "
                         "(MONITOR_PSEUDONYM_KEY_FILE, default ~/.config/assembly-monitor/pseudonym.key)")
    if p.is_dir():  # before: "PATH: it is a folder: give a file name", which did not say whose
        raise IsADirectoryError(f"the pseudonym key {p} (MONITOR_PSEUDONYM_KEY_FILE) is a folder: point "
                                "MONITOR_PSEUDONYM_KEY_FILE at the key's file (restore it from the backup)")
    if not p.exists():
        if not create:
            raise FileNotFoundError(f"no pseudonym key at {p}")
        p.parent.mkdir(parents=True, exist_ok=True)
        try:
            p.parent.chmod(0o700)
        except OSError:
            pass
        fd = os.open(p, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_hex(32) + "\n")
    try:
        text = p.read_text(encoding="ascii").strip()
    except UnicodeDecodeError:  # binary garbage, a key pasted with other text: said as the file, not as a codec
        text = ""
    if not re.fullmatch(r"[0-9a-fA-F]{64,}", text):
        raise ValueError(f"the pseudonym key {p} is not 64+ hex characters; restore it from the backup")
    return bytes.fromhex(text)


class KeyMismatch(ValueError):
    """The key at hand did not make the warehouse's pseudonyms (or is missing): nothing was written."""


def rotate(path: Path | None = None) -> tuple[Path, Path | None]:
    """A new key; the old one is kept next to it as <name>.<time>.bak (<name>.<time>.<n>.bak when that name is
    taken: a backup is never overwritten, two rotations in one second keep both old keys). The old key is
    linked to its backup name before the new one replaces it, so there is always a key file."""
    p = Path(path) if path else key_path()
    if _inside_repo(p):
        load_key(p)  # refuses, naming the file
    backup = None
    if p.exists():
        stamp = f"{dt.datetime.now():%Y%m%d%H%M%S}"
        for n in range(1000):
            candidate = p.with_name(f"{p.name}.{stamp}.bak" if n == 0 else f"{p.name}.{stamp}.{n}.bak")
            try:
                os.link(p, candidate)  # fails if the name exists: never overwrites
            except FileExistsError:
                continue
            backup = candidate
            break
        else:
            raise FileExistsError(f"no free backup name for {p} (1000 backups of {stamp})")
    p.parent.mkdir(parents=True, exist_ok=True)
    tmp = p.with_name(f".{p.name}.{secrets.token_hex(4)}.new")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(secrets.token_hex(32) + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, p)
    load_key(p, create=False)
    return p, backup


def _what_to_do(recorded: str | None) -> str:
    which = f"the key file of fingerprint {recorded}" if recorded else "the key file that made them"
    return (f"Put back {which} (a pseudonym.key.*.bak kept by a rotation, or your backup; `monitor pseudonym-key` "
            "shows the fingerprint of the key in use), or give every person of every period a new pseudonym under "
            "the key in use: `monitor pseudonym-key --rekey`. Nothing was written.")


def warehouse_key(con, path: Path | None = None) -> bytes:
    """The key for pseudonyms written into the warehouse on `con`: the key file's, if it made the pseudonyms the
    warehouse holds (its fingerprint recorded in pseudonym_key; a warehouse written before that is checked on a
    few stored persons, then recorded). Refused (KeyMismatch, saying what to do) when the warehouse holds
    pseudonyms and the key file is missing (no new key is made silently) or another key's. A warehouse without
    pseudonyms records the key's fingerprint (a missing key file is created, as on first use)."""
    p = Path(path) if path else key_path()
    recorded = con.execute(sql("pseudonym/recorded")).fetchone()[0]
    has_persons = con.execute(sql("pseudonym/has_persons")).fetchone()[0]
    if has_persons and not p.exists():
        raise KeyMismatch(f"no pseudonym key at {p}, but the warehouse holds pseudonyms"
                          + (f" made with the key of fingerprint {recorded}" if recorded else "")
                          + "; a new key would give everyone new pseudonyms in the periods run from now on only. "
                          + _what_to_do(recorded))
    key = load_key(p, create=True)
    fp = fingerprint(key)
    if recorded == fp:
        return key
    if has_persons and recorded:
        raise KeyMismatch(f"the warehouse's pseudonyms were made with the key of fingerprint {recorded}, the key at {p} "
                          f"is {fp}: its pseudonyms would never match theirs (one person counted as two across periods). "
                          + _what_to_do(recorded))
    if has_persons:
        for name, card_id, person_id, stored in con.execute(sql("pseudonym/sample")).fetchall():
            if pseudonym(key, name, card_id, person_id) != stored:
                raise KeyMismatch(f"the warehouse's pseudonyms were not made with the key at {p} (fingerprint {fp}). "
                                  + _what_to_do(None))
    def record() -> None:
        with transaction(con):
            con.execute(sql("pseudonym/forget"))
            con.execute(sql("pseudonym/record"), {"fingerprint": fp})

    retry_conflicts(record, "recording the pseudonym key's fingerprint")  # two first runs at once on a DuckLake
    return key


def rekey(con, key: bytes) -> int:
    """Every person's pseudonym, now and in every stored revision, recomputed under `key`, the revisions' content
    hashes with them, and the key's fingerprint recorded: in one transaction (all periods or none). A pseudonym
    is no content of a card: no revision is opened or closed for it. The number of identities re-pseudonymised."""
    import polars as pl

    ids = con.execute(sql("pseudonym/identities")).pl()
    cache: dict[str, str] = {}

    def one(name, card_id, person_id):
        norm = normalise_name(name)
        if not norm:
            return pseudonym(key, name, card_id, person_id)
        if name not in cache:
            cache[name] = pseudonym(key, name, card_id, person_id)
        return cache[name]

    frame = ids.with_columns(pl.Series("pseudonym", [one(*r) for r in ids.iter_rows()], dtype=pl.Utf8))
    with transaction(con):
        con.register("_rekey", frame.to_arrow())
        try:
            con.execute(sql("pseudonym/rekey_persons"))
            con.execute(sql("pseudonym/rekey_revisions"))
        finally:
            con.unregister("_rekey")
        con.execute(sql("pseudonym/rehash_revisions"))
        con.execute(sql("pseudonym/forget"))
        con.execute(sql("pseudonym/record"), {"fingerprint": fingerprint(key)})
    return frame.height


def fingerprint(key: bytes) -> str:
    """A short public fingerprint of the key (to see which key made an output), never the key."""
    return hashlib.sha256(b"fingerprint|" + key).hexdigest()[:12]


def normalise_name(name: str | None) -> str:
    """Case, ё/е, whitespace, punctuation and word order do not matter: 'Ахметова  Жанара' and
    'жанара ахмётова' -> 'ахметова жанара'."""
    if not name:
        return ""
    s = unicodedata.normalize("NFKC", str(name)).casefold().replace("ё", "е")
    words = [w for w in _WORD.split(s) if w and w != "_"]
    return " ".join(sorted(words))


def pseudonym(key: bytes, name: str | None, card_id: str, person_id: str) -> str:
    """P-<12 hex>: keyed hash of the normalised name; a person without a name gets one of their
    card and person id (it links nothing)."""
    norm = normalise_name(name)
    msg = f"name|{norm}" if norm else f"card|{card_id}|{person_id}"
    return "P-" + hmac.new(key, msg.encode("utf-8"), hashlib.sha256).hexdigest()[:12].upper()
