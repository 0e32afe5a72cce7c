"""Pseudonyms that link without revealing: HMAC-SHA256 of a person's normalised identity under a
secret key kept outside the repository.

The same person (same name, however cased, with ё or е, extra spaces, or words in another order)
gets the same pseudonym on every card and in every period, so the report can count distinct
people detained and people detained more than once; without the key nobody can recompute a
pseudonym from a guessed name, nor reverse one.

The key: MONITOR_PSEUDONYM_KEY_FILE, else $XDG_CONFIG_HOME/assembly-monitor/pseudonym.key (default
~/.config/assembly-monitor/pseudonym.key). Created on first use (32 random bytes, hex, mode 0600).
Back it up with the warehouse backups but apart from them; losing it means new pseudonyms for
everyone at the next run. Rotation: `monitor pseudonym-key --rotate` keeps the old key as
pseudonym.key.<date>.bak and writes a new one; then re-run every period (`monitor backfill`) so all
periods carry the new pseudonyms (pseudonyms of different keys never match).
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
    text = p.read_text(encoding="ascii").strip()
    if not re.fullmatch(r"[0-9a-fA-F]{64,}", text):
        raise ValueError(f"the pseudonym key {p} is not 64+ hex characters; restore it from the backup")
    return bytes.fromhex(text)


def rotate(path: Path | None = None) -> tuple[Path, Path | None]:
    """A new key; the old one is kept next to it as <name>.<date>.bak."""
    p = Path(path) if path else key_path()
    backup = None
    if p.exists():
        backup = p.with_name(f"{p.name}.{dt.datetime.now():%Y%m%d%H%M%S}.bak")
        p.rename(backup)
    load_key(p, create=True)
    return p, backup


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
