"""The media sources configuration (config/sources.yaml): which feeds, pages, Telegram exports
and saved-page folders to read, and how politely to fetch them."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from core import plural, settings, yamlfiles

KINDS = ("rss", "html", "listing", "telegram", "folder")
NETWORK_KINDS = ("rss", "html", "listing")


class SourcesError(ValueError):
    """The sources file is wrong; the message names the source and the field."""


@dataclass(frozen=True)
class FetchSettings:
    user_agent: str = "AssemblyMonitorBot/0.1"
    min_interval_s: float = 2.0
    timeout_s: float = 20.0
    retries: int = 3
    backoff_s: float = 1.0
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    respect_robots: bool = True
    max_items_per_source: int = 50
    # an article already archived is asked for again (conditionally: If-None-Match / If-Modified-Since)
    # once this many hours have passed since it was last fetched, so a corrected article is read
    # again; 0 = never
    refetch_after_hours: float = 24.0


@dataclass(frozen=True)
class Source:
    name: str
    kind: str
    url: str | None = None
    path: Path | None = None
    enabled: bool = False
    link_pattern: str | None = None
    channel: str | None = None
    encoding: str | None = None
    max_items: int | None = None
    language: str | None = None

    @property
    def uses_network(self) -> bool:
        return self.kind in NETWORK_KINDS


# the learned step after the rules (assets/media/learned_triage.py, docs/media.md): off, or how it may change
# the rules' verdict
LEARNED_MODES = ("off", "override", "rescue")
TRIAGE_FEATURES = ("hash", "lite", "hash+lemmas", "lite+lemmas")  # learned_triage.STEP_FEATURE_SETS
# the parts of tests/media/real/ collected blind and opened to the rule writers since, in the order they were opened
# (learned_backtest.OPENED; each was scored once on the rules of its day: tests/media/real/blind_verdicts.json)
OPENED_PARTS = ("fresh", "fresh2", "wide", "fresh4", "fresh5", "fresh6", "fresh7", "fresh8", "fresh9", "fresh10", "fresh11",
                "fresh12", "fresh13", "fresh14", "fresh15", "fresh16", "fresh20", "fresh21", "fresh22", "fresh23")
# the parts the learned triage step may train on (`triage: training:`): the first two and every opened part. Since
# session 36 the shipped step trains on all of them (learned_triage.TRAIN_SPLITS; docs/media-accuracy.md, "Session 36").
TRIAGE_TRAINING_PARTS = ("dev", "measured", *OPENED_PARTS)
# opened parts the SHIPPED step leaves out (a `triage: training:` list may still name them). `fresh20` (session 39):
# trained on, the step was no better on the rules' blind verdicts of the other 16 parts (444, 118, 119 against 446,
# 117, 117) nor on the six closed parts (288, 52, 50 against 287, 50, 51), nor at any threshold in both precision and
# recall; by session 36's rule the old step stays (docs/media-accuracy.md, "Session 39"). `fresh21` … `fresh23` (opened in
# session 40 after their blind scores): trained with all four, the step read the 20 parts' blind verdicts worse in
# precision and recall (512, 145, 141 against 516, 141, 137; docs/media-accuracy.md, "Session 40"), so the old step stays.
STEP_LEFT_OUT = ("fresh20", "fresh21", "fresh22", "fresh23")
# the parts the shipped step trains on (learned_triage.TRAIN_SPLITS)
STEP_TRAINING_PARTS = tuple(p for p in TRIAGE_TRAINING_PARTS if p not in STEP_LEFT_OUT)
# the step's training parts from round 19 until session 35 (learned_backtest's pool `s35`, learned_score's `s35` and
# round-21 rows, learned_parts' round-21 settings)
TRAINING_UNTIL_S35 = ("dev", "measured", "fresh")
# the CLOSED parts, which no learned step may ever train on: the holdout, the selection sets `wide2` and `fresh3`, and
# the parts collected blind and never opened (`fresh17` … `fresh19`, `fresh24` … `fresh28`), and `wide3` (session 53),
# scored in totals only. Named here once;
# learned_triage.NEVER_TRAIN is this. (Until session 35 the opened `fresh2`, `fresh4` … `fresh16` were here too;
# `fresh20`, scored blind and opened to the rule writers in session 38, until session 39; `fresh21` … `fresh23` until
# session 40, which added their blind verdicts to the backtest and opened them.)
NEVER_TRAIN = ("holdout", "wide2", "fresh3", "fresh17", "fresh18", "fresh19", "fresh24", "fresh25", "fresh26", "fresh27", "fresh28",
               "wide3")
# the parts scored as unread text (learned_score --closed, expect --check-closed): the closed parts, but of the holdout
# only its half B — session 50 opened half A to the rule writers (evaluate_real.HOLDOUT_HALVES; neither half trains
# the step). Until session 50 the whole holdout. (Session 53) `wide3`, a part from anywhere collected blind for head
# counts and detentions, is split likewise (evaluate_real.WIDE3_HALVES): half A opened to the rule writers after its
# blind score, half B closed; neither half trains the step.
CLOSED_PARTS = ("holdout-b", *NEVER_TRAIN[1:-1], "wide3-b")
TRIAGE_CLASS_WEIGHTS = ("none", "balanced")


@dataclass(frozen=True)
class TriageSettings:
    learned: str = "off"
    features: str = "hash"  # the step's model: hashed n-grams, or `lite`: + the rules' signals without their verdict
    # (round 21) (low, high) of learned_triage.combine; None: the mode's own (learned_triage.THRESHOLDS)
    thresholds: tuple[float, float] | None = None
    training: tuple[str, ...] | None = None  # the parts the model trains on; None: learned_triage.TRAIN_SPLITS
    # balanced: weights inverse to the classes' sizes; none: equal; None: the step's own (learned_triage.STEP_BALANCED)
    class_weights: str | None = None


# the learned re-ranker of the counts after the rules (assets/media/learned_rerank.py, docs/media-accuracy.md round 18)
COUNT_MODES = ("off", "override", "rescue", "veto")
# the dependency parse's reading of the counts after the rules (assets/media/count_roles.py, docs/media-accuracy.md round 21)
SYNTAX_MODES = ("off", "veto", "veto_strict", "override")


@dataclass(frozen=True)
class ExtractionSettings:
    learned_participants: str = "off"
    learned_detained: str = "off"
    syntax: str = "off"  # count_roles.MODES

    def modes(self) -> dict[str, str]:
        return {"participants": self.learned_participants, "detained": self.learned_detained}


@dataclass(frozen=True)
class SourcesConfig:
    fetch: FetchSettings = field(default_factory=FetchSettings)
    sources: tuple[Source, ...] = ()
    triage: TriageSettings = field(default_factory=TriageSettings)
    extraction: ExtractionSettings = field(default_factory=ExtractionSettings)
    origin: str | None = None  # the file it was read from (None: no file)

    def enabled(self) -> list[Source]:
        return [s for s in self.sources if s.enabled]


def default_path() -> Path:
    """config/sources.yaml, or the file named by MONITOR_MEDIA_SOURCES."""
    return Path(os.environ.get("MONITOR_MEDIA_SOURCES") or settings.config_dir() / "sources.yaml")


def load(path: Path | str | None = None, *, base_dir: Path | None = None) -> SourcesConfig:
    """Read and check the sources file. Relative `path`s of sources resolve against `base_dir`
    (default: the inbox folder)."""
    explicit = bool(path or os.environ.get("MONITOR_MEDIA_SOURCES"))
    p = Path(path) if path else default_path()
    if not p.exists():
        if explicit:  # a file named on the command line or in MONITOR_MEDIA_SOURCES must be there
            raise SourcesError(f"{p}: no such sources file")
        return SourcesConfig(origin=str(p))
    if not p.is_file():
        raise SourcesError(f"{p}: not a file")
    try:
        raw = yamlfiles.load(p) or {}  # parsed once while the file is unchanged (three media assets read it per run)
    except yaml.YAMLError as exc:
        raise SourcesError(f"{p}: not valid YAML ({exc})") from exc
    if not isinstance(raw, dict):
        raise SourcesError(f"{p}: expected a mapping with `fetch` and `sources`")
    return parse(raw, origin=str(p), base_dir=base_dir)


# the fetch settings' types and ranges: (kind, lowest, lowest allowed too)
_FETCH_RULES: dict[str, tuple[str, float | None, bool]] = {
    "user_agent": ("text", None, False),
    "min_interval_s": ("number", 0, True),
    "timeout_s": ("number", 0, False),
    "retries": ("integer", 0, True),
    "backoff_s": ("number", 0, True),
    "max_bytes": ("integer", 0, False),
    "max_redirects": ("integer", 0, True),
    "respect_robots": ("boolean", None, False),
    "max_items_per_source": ("integer", 0, False),
    "refetch_after_hours": ("number", 0, True),
}


def _value(v, kind: str, low: float | None, low_ok: bool, where: str):
    """`v` as a YAML `kind` (boolean: true/false unquoted; integer; number; text), within range; else
    SourcesError naming `where` (file, source, field). A quoted "false" is a string, and refused: read as a
    boolean it would switch a source on."""
    if kind == "boolean":
        if not isinstance(v, bool):
            raise SourcesError(f"{where} must be true or false (a YAML boolean, unquoted), not {v!r}")
        return v
    if kind == "text":
        if not isinstance(v, str) or not v.strip():
            raise SourcesError(f"{where} must be a text, not {v!r}")
        return v
    is_num = isinstance(v, (int, float)) and not isinstance(v, bool) and v == v and v not in (float("inf"), float("-inf"))
    if kind == "integer" and not (is_num and float(v).is_integer()):
        raise SourcesError(f"{where} must be a whole number, not {v!r}")
    if not is_num:
        raise SourcesError(f"{where} must be a number, not {v!r}")
    if low is not None and (v < low or (v == low and not low_ok)):
        raise SourcesError(f"{where} must be {'at least' if low_ok else 'more than'} {low:g}, not {v!r}")
    return int(v) if kind == "integer" else float(v)


def parse(raw: dict, *, origin: str = "sources.yaml", base_dir: Path | None = None) -> SourcesConfig:
    base = base_dir or settings.inbox_dir()
    fetch_raw = raw.get("fetch") or {}
    if not isinstance(fetch_raw, dict):
        raise SourcesError(f"{origin}: `fetch` must be a mapping of settings, not {fetch_raw!r}")
    known = set(FetchSettings.__dataclass_fields__)
    unknown = set(fetch_raw) - known
    if unknown:
        raise SourcesError(f"{origin}: unknown fetch {plural.en(len(unknown), 'setting')} {sorted(unknown)}; known: {sorted(known)}")
    fs = FetchSettings(**{k: _value(v, *_FETCH_RULES[k], f"{origin}: fetch.{k}") for k, v in fetch_raw.items()})
    out: list[Source] = []
    names: set[str] = set()
    listed = raw.get("sources") or []
    if not isinstance(listed, list):
        raise SourcesError(f"{origin}: `sources` must be a list of sources (each `- name: ...`), not {listed!r}")
    for i, item in enumerate(listed, start=1):
        if not isinstance(item, dict):
            raise SourcesError(f"{origin}: source #{i} is not a mapping")
        name = str(item.get("name") or "").strip()
        where = f"{origin}: source #{i} ({name or 'no name'})"
        if not name:
            raise SourcesError(f"{where}: `name` is required")
        if name in names:
            raise SourcesError(f"{where}: the name {name!r} is used twice")
        names.add(name)
        kind = str(item.get("kind") or "").strip().lower()
        if kind not in KINDS:
            raise SourcesError(f"{where}: `kind` must be one of {', '.join(KINDS)}, not {kind!r}")
        url = item.get("url")
        path = item.get("path")
        if kind in NETWORK_KINDS:
            if not url or not re.match(r"^https?://", str(url)):
                raise SourcesError(f"{where}: a {kind} source needs an http(s) `url`")
        elif not path:
            raise SourcesError(f"{where}: a {kind} source needs a `path`")
        pattern = item.get("link_pattern")
        if kind == "listing":
            if not pattern:
                raise SourcesError(f"{where}: a listing needs `link_pattern` (a regular expression)")
            try:
                re.compile(pattern)
            except re.error as exc:
                raise SourcesError(f"{where}: `link_pattern` is not a valid regular expression ({exc})") from exc
        enabled = _value(item.get("enabled", False), "boolean", None, False, f"{where}: `enabled`")
        max_items = item.get("max_items")
        if max_items is not None:
            max_items = _value(max_items, "integer", 0, False, f"{where}: `max_items`")
        p = None
        if path:
            p = Path(str(path)).expanduser()
            if not p.is_absolute():
                p = base / p
        out.append(
            Source(
                name=name,
                kind=kind,
                url=str(url) if url else None,
                path=p,
                enabled=enabled,
                link_pattern=pattern,
                channel=item.get("channel"),
                encoding=item.get("encoding"),
                max_items=max_items,
                language=item.get("language"),
            )
        )
    return SourcesConfig(fetch=fs, sources=tuple(out), triage=_triage_settings(raw.get("triage"), origin),
                         extraction=_extraction_settings(raw.get("extraction"), origin), origin=origin)


def _choice(raw: dict, section: str, key: str, allowed: tuple[str, ...], default: str, origin: str) -> str:
    """`section.key` of the file, one of `allowed` (case and spaces ignored; YAML's bare `off` reads as False)."""
    v = raw.get(key, default)
    v = "off" if v is False else str(v).strip().lower()
    if v not in allowed:
        raise SourcesError(f"{origin}: {section}.{key} must be one of {', '.join(allowed)}, not {raw.get(key)!r}")
    return v


def _extraction_settings(raw, origin: str) -> ExtractionSettings:
    keys = ("learned_participants", "learned_detained")
    if raw is None:
        return ExtractionSettings()
    if not isinstance(raw, dict) or set(raw) - set(keys) - {"syntax"}:
        raise SourcesError(f"{origin}: `extraction` takes {' and '.join(keys)} ({' | '.join(COUNT_MODES)}) and "
                           f"syntax ({' | '.join(SYNTAX_MODES)})")
    return ExtractionSettings(**{k: _choice(raw, "extraction", k, COUNT_MODES, "off", origin) for k in keys},
                              syntax=_choice(raw, "extraction", "syntax", SYNTAX_MODES, "off", origin))


_TRIAGE_KEYS = ("learned", "features", "thresholds", "training", "class_weights")


def _triage_settings(raw, origin: str) -> TriageSettings:
    if raw is None:
        return TriageSettings()
    if not isinstance(raw, dict) or set(raw) - set(_TRIAGE_KEYS):
        unknown = ", ".join(sorted(map(str, set(raw) - set(_TRIAGE_KEYS)))) if isinstance(raw, dict) else repr(raw)
        raise SourcesError(f"{origin}: `triage` takes the settings `learned` ({' | '.join(LEARNED_MODES)}), "
                           f"`features` ({' | '.join(TRIAGE_FEATURES)}), `thresholds` ([low, high]), `training` "
                           f"(a list of {', '.join(TRIAGE_TRAINING_PARTS)}) and `class_weights` "
                           f"({' | '.join(TRIAGE_CLASS_WEIGHTS)}); unknown: {unknown}")
    return TriageSettings(learned=_choice(raw, "triage", "learned", LEARNED_MODES, "off", origin),
                          features=_choice(raw, "triage", "features", TRIAGE_FEATURES, "hash", origin),
                          thresholds=_thresholds(raw.get("thresholds"), origin),
                          training=_training(raw.get("training"), origin),
                          class_weights=_choice(raw, "triage", "class_weights", TRIAGE_CLASS_WEIGHTS, None, origin)
                          if "class_weights" in raw else None)


def _thresholds(v, origin: str) -> tuple[float, float] | None:
    """`triage.thresholds`: [low, high], numbers with 0 <= low < high <= 1 (None: the mode's own)."""
    if v is None:
        return None
    ok = (isinstance(v, list) and len(v) == 2 and all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in v)
          and 0 <= v[0] < v[1] <= 1)
    if not ok:
        raise SourcesError(f"{origin}: triage.thresholds must be [low, high], two numbers with 0 <= low < high <= 1 "
                           f"(the model's probability at or below low makes no assembly, at or above high one), "
                           f"not {v!r}")
    return float(v[0]), float(v[1])


def _training(v, origin: str) -> tuple[str, ...] | None:
    """`triage.training`: the open parts of tests/media/real/ the step trains on (None: the shipped ones)."""
    if v is None:
        return None
    never = NEVER_TRAIN
    parts = v if isinstance(v, list) else None
    if parts and any(str(p).strip().lower() in never for p in parts):
        raise SourcesError(f"{origin}: triage.training names {', '.join(str(p) for p in parts if str(p).strip().lower() in never)}"
                           f", a part the learned step must never train on ({', '.join(never)})")
    if not parts or any(str(p).strip().lower() not in TRIAGE_TRAINING_PARTS for p in parts):
        raise SourcesError(f"{origin}: triage.training must be a list of parts of tests/media/real/, each one of "
                           f"{', '.join(TRIAGE_TRAINING_PARTS)}, not {v!r}")
    return tuple(p for p in TRIAGE_TRAINING_PARTS if p in {str(x).strip().lower() for x in parts})
