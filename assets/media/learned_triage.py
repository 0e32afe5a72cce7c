"""A learned triage step, measured against the rules (issue 16, item 2).

A logistic regression over character n-grams of the article (TF-IDF) and, optionally, the rules' own
signals (the rules' verdict, which kinds of event sentence they found, which kinds of sentence they set
aside, a title about something else, abroad, a city of Kazakhstan named, detentions told). It is trained
on the `dev` part of `tests/media/real/` (labels `is_event`) and the self-written corpus, never on `measured`
or the holdout, deterministically, when first needed: no model file is kept in the repository.
`assets.media.learned_eval` compares it with the rules (docs/media.md, "Learned step measured against the
rules"); the pipeline runs it only when `triage: learned:` in config/sources.yaml is not `off` (the default).

scikit-learn is imported only when a model is built, so the rules alone never pay for it.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from assets.media import kazlatin, places
from assets.media.sources import LEARNED_MODES as MODES
from assets.media.text import normalise
from assets.media.triage import ABROAD_RE, KZ_MARK_RE, PAST_DETENTION_RE, TriageResult

# how much of an article the text features read: the headline and the lead carry the verdict
TEXT_CHARS = 1500
SEED = 0

_POSITIVE_KINDS = ("form+verb", "kk form+verb", "gathering+protest", "gathering", "protesters detained",
                   "road block", "crane", "protesters present", "kk gathering", "stopped by detentions",
                   "demand at a building")
_NEGATIVE_KINDS = ("background", "planned", "permission", "threat", "court", "online", "entertainment",
                   "law", "statistics", "celebration")
_SENT_RE = re.compile(r"^sentence \d+: ([^«]*)")
_SKIP_RE = re.compile(r"^sentence \d+ not counted \(([^)]*)\)")
_KAZAKH_LETTERS = re.compile(r"[әғқңөұүһі]")

SIGNAL_NAMES = (("rule_assembly", "rule_mention", "n_event_sentences", "title_negative", "abroad",
                 "kz_city", "kz_mark", "abroad_word", "detention_told", "kazakh")
                + tuple(f"pos:{k}" for k in _POSITIVE_KINDS) + tuple(f"neg:{k}" for k in _NEGATIVE_KINDS))


def document(title: str, text: str) -> str:
    """The text the n-grams are read from: headline and the start of the body, Kazakh in Latin letters
    read back in Cyrillic, lower-cased."""
    title, text = kazlatin.convert(title or "", text or "")
    return f"{normalise(title)}\n{normalise(text)}"[:TEXT_CHARS].lower()


def signals(title: str, text: str, tri: TriageResult) -> list[float]:
    """The rules' signals about one article, in the order of SIGNAL_NAMES."""
    full = f"{title}\n{text}"
    pos: set[str] = set()
    neg: set[str] = set()
    for r in tri.reasons:
        if m := _SENT_RE.match(r):
            pos.update(k.strip() for k in m.group(1).split(","))
        elif m := _SKIP_RE.match(r):
            neg.update(k.strip() for k in m.group(1).split(","))
    kinds = " ".join(sorted(pos))
    row = [
        float(tri.is_assembly),
        float(tri.passed_quick and not tri.is_assembly),
        min(len(tri.event_sentences), 3) / 3,
        float(any(r.startswith("title is about") for r in tri.reasons)),
        float(any("abroad" in r for r in tri.reasons)),
        float(any(places.hit_role(full, h) == "place" for h in places.find_cities(full))),
        float(bool(KZ_MARK_RE.search(full))),
        float(bool(ABROAD_RE.search(full))),
        float(bool(PAST_DETENTION_RE.search(full))),
        float(len(_KAZAKH_LETTERS.findall(full.lower())) > 5),
    ]
    row += [float(k in kinds) for k in _POSITIVE_KINDS]
    row += [float(k in neg) for k in _NEGATIVE_KINDS]
    return row


@dataclass
class Example:
    title: str
    text: str
    tri: TriageResult
    label: bool | None = None
    published: dt.date | None = None


class TriageModel:
    """`features`: 'text' (n-grams only), 'signals' (the rules' signals only) or 'both'."""

    def __init__(self, features: str = "both", c: float = 1.0):
        if features not in ("text", "signals", "both"):
            raise ValueError(f"features must be text, signals or both, not {features!r}")
        self.features, self.c = features, c
        self._vec = None
        self._clf = None

    def _matrix(self, examples: Sequence[Example], fit: bool):
        import numpy as np
        from scipy import sparse

        parts = []
        if self.features in ("text", "both"):
            docs = [document(e.title, e.text) for e in examples]
            if fit:
                from sklearn.feature_extraction.text import TfidfVectorizer

                self._vec = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True, lowercase=False,
                                            max_features=60000, dtype=np.float64)
                parts.append(self._vec.fit_transform(docs))
            else:
                parts.append(self._vec.transform(docs))
        if self.features in ("signals", "both"):
            parts.append(sparse.csr_matrix(np.array([signals(e.title, e.text, e.tri) for e in examples])))
        return sparse.hstack(parts, format="csr")

    def fit(self, examples: Sequence[Example]) -> TriageModel:
        from sklearn.linear_model import LogisticRegression

        y = [bool(e.label) for e in examples]
        self._clf = LogisticRegression(C=self.c, solver="liblinear", random_state=SEED, max_iter=1000)
        self._clf.fit(self._matrix(examples, fit=True), y)
        return self

    def proba(self, examples: Sequence[Example]) -> list[float]:
        """The probability that each article reports an assembly."""
        if self._clf is None:
            raise RuntimeError("TriageModel.proba before fit")
        if not examples:
            return []
        return [float(p) for p in self._clf.predict_proba(self._matrix(examples, fit=False))[:, 1]]


def combine(rule: bool, p: float, mode: str, low: float = 0.2, high: float = 0.8) -> bool:
    """The verdict of rules and model together.
    'rules': the rules alone; 'model': p >= 0.5; 'override': the rules, unless the model is confident the
    other way (p >= high makes an assembly, p <= low makes none); 'veto': the rules' assemblies the model
    puts below `low` are dropped (precision); 'rescue': the rules' non-events the model puts above `high`
    are taken (recall)."""
    if mode == "rules":
        return rule
    if mode == "model":
        return p >= 0.5
    if mode == "override":
        return p >= high if not rule else p > low
    if mode == "veto":
        return rule and p > low
    if mode == "rescue":
        return rule or p >= high
    raise ValueError(f"unknown mode {mode!r}")


# -- the step as the pipeline runs it (a switch in config/sources.yaml: `triage: learned: off`) --------
# the model and thresholds measured (learned_eval.CANDIDATES): char n-grams only, C=10, trained on dev + corpus
STEP_C = 10.0


def _example(title: str, text: str, published, label) -> Example:
    from assets.media import triage

    return Example(title, text, triage.classify(title, text, published), bool(label), published)


def real_examples(split: str, directory: Path | None = None) -> list[Example]:
    """The labelled real articles of a part of tests/media/real/ (evaluate_real.load), with the rules' verdicts."""
    from assets.media import evaluate_real

    out = []
    for _name, item in evaluate_real.load(directory or evaluate_real.DEFAULT_DIR, split):
        title, _, body = item["text"].strip().partition("\n")
        out.append(_example(title, body, evaluate_real._date(item.get("published")), item["annotations"]["is_event"]))
    return out


def corpus_examples(corpus: Path | None = None) -> list[Example]:
    """The self-written corpus (tests/media/corpus/labels.yaml), with the rules' verdicts."""
    import yaml

    from assets.media import evaluate, parse

    corpus = corpus or evaluate.DEFAULT_CORPUS
    labels = yaml.safe_load((corpus / "labels.yaml").read_text(encoding="utf-8"))["articles"]
    out = []
    for item in labels:
        art = parse.read_local(corpus / item["file"], published=item.get("published"))[0]
        out.append(_example(art.title, art.text, art.published, item["assembly"]))
    return out


def training_examples() -> list[Example]:
    """The `dev` part of tests/media/real/ and the self-written corpus: never `measured` nor the holdout."""
    dev = real_examples("dev")
    if not dev:
        raise FileNotFoundError("the learned triage step trains on tests/media/real/dev, which holds no article: "
                                "run it from a checkout of the project, or set triage: learned: off")
    return dev + corpus_examples()


_MODEL: TriageModel | None = None


def step_model() -> TriageModel:
    """The model of the step, trained once per process (a few seconds, deterministic: liblinear, seed 0)."""
    global _MODEL
    if _MODEL is None:
        _MODEL = TriageModel("text", STEP_C).fit(training_examples())
    return _MODEL


THRESHOLDS = {"override": (0.2, 0.8), "rescue": (0.3, 0.7)}


def apply(articles: Sequence[tuple], verdicts: Sequence[TriageResult], mode: str,
          model: TriageModel | None = None) -> list[TriageResult]:
    """The rules' verdicts on (title, text[, published]) articles, changed where the learned step in `mode`
    disagrees (see `combine`); a changed verdict says so in its reasons, with the model's probability."""
    if mode not in MODES:
        raise ValueError(f"triage: learned must be one of {', '.join(MODES)}, not {mode!r}")
    if mode == "off" or not articles:
        return list(verdicts)
    model = model or step_model()
    low, high = THRESHOLDS[mode]
    probs = model.proba([Example(a[0] or "", a[1] or "", v) for a, v in zip(articles, verdicts)])
    out = []
    for v, p in zip(verdicts, probs):
        said = combine(v.is_assembly, p, mode, low, high)
        if said == v.is_assembly:
            out.append(v)
            continue
        why = (f"learned step ({mode}): p(assembly) = {p:.2f}, the rules said "
               f"{'assembly' if v.is_assembly else v.label}")
        out.append(TriageResult(True, said, round(p, 2) if said else 0.0, [why, *v.reasons],
                                v.event_sentences if said else []))
    return out
