"""A dependency parse of one Russian sentence, offline (issue 16, round 21).

slovnet's syntax and morphology models for Russian news (`slovnet_syntax_news_v1`, `slovnet_morph_news_v1`, over
the `navec_news_v1` word vectors) as the natasha 1.6.0 wheel ships them in `natasha/data/`. natasha itself is
never imported (it needs pymorphy2, which fails on Python 3.11): `make install` installs its wheel with
`--no-deps` for the data files only, and slovnet 0.6.0 + navec 0.10.0 + razdel 0.5.0 (pinned in pyproject and the
lock) run them on the CPU. Nothing is downloaded at run time.

The models are loaded once per process, when the first sentence is parsed (~0.9 s of CPU), never at import; a
sentence is parsed once per process (~10 ms; lru_cache). MONITOR_SYNTAX_MODELS names another folder laid out like
`natasha/data/` (`model/slovnet_syntax_news_v1.tar`, `model/slovnet_morph_news_v1.tar`,
`emb/navec_news_v1_1B_250K_300d_100q.tar`); a missing file is a `ModelMissing` error naming it.

The models are Russian: a Kazakh sentence is not parsed (`parse` returns None) and the rules decide alone.
"""
from __future__ import annotations

import importlib.util
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from assets.media.text import lemma

SYNTAX_FILE = "model/slovnet_syntax_news_v1.tar"
MORPH_FILE = "model/slovnet_morph_news_v1.tar"
NAVEC_FILE = "emb/navec_news_v1_1B_250K_300d_100q.tar"
FILES = (SYNTAX_FILE, MORPH_FILE, NAVEC_FILE)
KAZAKH_RE = re.compile("[әғқңөұүһі]", re.I)  # letters of Kazakh Cyrillic that Russian has not
MAX_CHARS = 1500  # a "sentence" longer than this (a table, a run-on list) is not parsed


class ModelMissing(FileNotFoundError):
    """A model file of the parser is not where it is looked for."""


@dataclass(frozen=True)
class Token:
    i: int  # 1-based, as the parser numbers them; 0 is the root
    text: str
    start: int  # offsets in the sentence's text
    end: int
    head: int
    rel: str
    pos: str
    feats: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def lemma(self) -> str:
        return lemma(self.text)


@dataclass(frozen=True)
class Parse:
    text: str
    tokens: tuple[Token, ...]

    def token(self, i: int) -> Token | None:
        return self.tokens[i - 1] if 0 < i <= len(self.tokens) else None

    def head_of(self, t: Token) -> Token | None:
        return self.token(t.head)

    def children(self, t: Token) -> list[Token]:
        return [c for c in self.tokens if c.head == t.i]

    def at(self, start: int, end: int) -> list[Token]:
        """The tokens overlapping the characters [start, end)."""
        return [t for t in self.tokens if t.start < end and t.end > start]


def data_dir() -> Path:
    """Where the model files lie: MONITOR_SYNTAX_MODELS, else the installed natasha package's `data/` (found
    without importing natasha)."""
    chosen = os.environ.get("MONITOR_SYNTAX_MODELS", "").strip()
    if chosen:
        return Path(chosen)
    spec = importlib.util.find_spec("natasha")
    if spec is None or not spec.submodule_search_locations:
        raise ModelMissing(f"{SYNTAX_FILE}: the natasha 1.6.0 wheel that ships the parser's model files is not "
                           "installed (`make install`, or `pip install --no-deps natasha==1.6.0`), and "
                           "MONITOR_SYNTAX_MODELS names no folder of them")
    return Path(list(spec.submodule_search_locations)[0]) / "data"


def model_files(where: Path | None = None) -> dict[str, Path]:
    """The three files, checked: a missing one is a ModelMissing naming its path."""
    where = where or data_dir()
    out = {}
    for name in FILES:
        p = where / name
        if not p.is_file():
            raise ModelMissing(f"{p}: the dependency parser's model file is missing (natasha 1.6.0's wheel ships it: "
                               "`make install`; or set MONITOR_SYNTAX_MODELS to a folder with model/ and emb/)")
        out[name] = p
    return out


_MODELS: dict[str, object] = {}


def models() -> tuple[object, object]:
    """(syntax, morph), loaded on the first call of the process (slovnet and navec imported only then)."""
    key = str(data_dir())
    if key not in _MODELS:
        files = model_files(Path(key))
        from navec import Navec
        from slovnet import Morph, Syntax

        navec = Navec.load(str(files[NAVEC_FILE]))
        syntax = Syntax.load(str(files[SYNTAX_FILE]))
        syntax.navec(navec)
        morph = Morph.load(str(files[MORPH_FILE]))
        morph.navec(navec)
        _MODELS.clear()
        _MODELS[key] = (syntax, morph)
    return _MODELS[key]  # type: ignore[return-value]


def russian(text: str) -> bool:
    """A sentence the Russian models can read: Cyrillic, no Kazakh letters."""
    return bool(re.search("[а-яё]", text, re.I)) and not KAZAKH_RE.search(text)


@lru_cache(maxsize=4096)
def parse(text: str) -> Parse | None:
    """The sentence's tokens with their head, relation, part of speech and morphology; None for a Kazakh (or
    non-Cyrillic, or overlong) sentence."""
    if not text.strip() or not russian(text) or len(text) > MAX_CHARS:
        return None
    from razdel import tokenize

    toks = list(tokenize(text))
    if not toks:
        return None
    words = [t.text for t in toks]
    syntax, morph = models()
    sy = syntax(words)
    mo = morph(words)
    out = []
    for n, (t, s, m) in enumerate(zip(toks, sy.tokens, mo.tokens), start=1):
        head = int(s.head_id) if str(s.head_id).isdigit() else 0
        out.append(Token(n, t.text, t.start, t.stop, head if head != n else 0, s.rel or "", m.pos or "",
                         dict(m.feats or {})))
    return Parse(text, tuple(out))
