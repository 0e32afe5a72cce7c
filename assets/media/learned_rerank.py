"""A learned re-ranker of the head count and the detained count that works WITH the rules (issue 16, round 18).

The rules' extractor (participants.py, detentions.py) picks one number or none. The re-ranker may only choose
among the numbers the extractor itself reads in the article's event sentences — the headline, the sentences
triage marked as the event's, the sentence the rules took the count from and, for the detained, the sentences
that tell of detaining — plus the rules' own answer, or **none**. It never makes a number up: its answer is one of
`candidates(...)` or None (tested as a property).

Each candidate is scored by a logistic regression (liblinear, seed 0: the same model every time) over
features of its place that do not name a site: what `counts.counted` says the number counts, the lemma of
the noun after it and of the two words before it, the sentence's role (headline, event sentence, detention
sentence), a plan / refusal / threat / background marker in the sentence, a verb of gathering or of detaining
in its clause, an approximate word, another city in the sentence, its size. The rules' choice is NOT a feature
(a model trained where the rules were written learns to copy them, docs/media-accuracy.md); the rules and the model
are combined by the mode:

- `off`: the rules alone (the default);
- `override`: the model's best candidate when its probability reaches `take`, else none — the rules' answer
  is one of the candidates, nothing more;
- `rescue`: the rules' answer; where they give none, the model's best candidate when it reaches `take`;
- `veto`: the rules' answer, dropped when the model gives it less than `drop` (a count invented).

Trained on the `dev` and `measured` parts of tests/media/real/ (never the holdout, never `fresh`), when first
needed: no model file in the repository. The thresholds were chosen by cross-validation grouped by site
(`python -m assets.media.learned_rerank cv`, docs/media-accuracy.md "Round 18 — learned steps that combine with the
rules"). The pipeline runs it only when `extraction:` in config/sources.yaml asks for it (`monitor extract
--learned-participants MODE --learned-detained MODE`).
"""
from __future__ import annotations

import argparse
import math
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field

from assets.media import crowd, model_cache, triage, triage_modes
from assets.media.count_context import clause_of
from assets.media.counts import counted
from assets.media.detention_counts import OTHER_PLACES_RE
from assets.media.detention_patterns import DEMAND_FREE_RE, DETAIN_RE, KK_BACKGROUND_RE
from assets.media.numbers import quantities
from assets.media.text import parses, yo

FIELDS = ("participants", "detained")
MODES = ("off", "override", "rescue", "veto")
SEED = 0
C = 1.0
# per field and mode: `take` (override, rescue) or `drop` (veto), each the best of its mode in cross-validation
# grouped by site over dev + measured (`python -m assets.media.learned_rerank cv`; docs/media-accuracy.md, round 18)
THRESHOLDS = {"participants": {"override": 0.4, "rescue": 0.8, "veto": 0.05},
              "detained": {"override": 0.5, "rescue": 0.8, "veto": 0.1}}

WORD_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
APPROX_RE = re.compile(r"(?:около|более|свыше|не\s+менее|примерно|порядка|почти|до|от|несколько|десятк|сотн|тысяч|"
                       r"жуық|астам|шақты|шамасында)\W*$", re.I)
AGE_AFTER_RE = re.compile(r"^\s*-?\s*(?:летн|лет\b|жас|год|г\.|%|процент|тенге|тг|долл|руб|млн|млрд|мрп|сут|дн|час|мин)",
                          re.I)


@dataclass(frozen=True)
class Candidate:
    low: int
    best: int
    high: int
    sentence: str
    features: dict = field(default_factory=dict, compare=False, hash=False)
    rules: bool = False  # the rules' own answer

    @property
    def value(self) -> tuple[int, int, int]:
        return (self.low, self.best, self.high)


def _lemma(word: str) -> str:
    ps = parses(word.lower())
    return yo(ps[0].normal_form) if ps else word.lower()


def _sentences(title: str, body: str, published) -> list[str]:
    from assets.media.document import Doc

    return [s.text for s in Doc(title, body, published).sents]


def _number_features(text: str, q, after: str, role: str, fld: str) -> dict:
    before = text[max(0, q.start - 40):q.start]
    kind = counted(q, after, before)
    clause = clause_of(text, q.start, q.end)
    nxt = WORD_RE.findall(after)[:1]
    prev = WORD_RE.findall(before)[-2:]
    low = text.lower()
    f = {
        "kind=" + (kind[0] if kind else "none"): 1.0,
        "next=" + (_lemma(nxt[0]) if nxt else "-"): 1.0,
        "role=" + role: 1.0,
        "mode=" + (triage_modes.sentence_mode(text) or "none"): 1.0,
        "background": float(bool(triage_modes.BACKGROUND_RE.search(text) or KK_BACKGROUND_RE.search(text))),
        "detain_clause": float(bool(DETAIN_RE.search(clause.lower()))),
        "detain_sentence": float(bool(DETAIN_RE.search(low))),
        "crowd_verb": float(bool(crowd.CROWD_VERB_RE.search(crowd.clause_verbs(text, q.start, q.end)))),
        "digit": float(bool(re.search(r"\d", q.text))),
        "year_like": float(bool(re.fullmatch(r"(?:19|20)\d\d", q.text.strip()))),
        "unit_after": float(bool(AGE_AFTER_RE.match(after))),
        "approx": float(bool(APPROX_RE.search(before[-20:]))),
        "range": float(q.low != q.high),
        "log_best": math.log10(max(q.best, 1)) / 4,
        "other_places": float(bool(OTHER_PLACES_RE.search(low))),
        "demand_free": float(bool(DEMAND_FREE_RE.search(text))),
        "first": float(role == "title"),
    }
    if fld == "participants":
        f["elsewhere"] = float(crowd.placed_elsewhere(text, None))
    for i, w in enumerate(prev):
        f[f"prev{len(prev) - i}=" + _lemma(w)] = 1.0
    return f


def candidates(fld: str, title: str, body: str, tri: triage.TriageResult, ev, published=None) -> list[Candidate]:
    """The numbers the re-ranker may choose for `fld` in one article (never anything else), the rules' answer
    among them (`rules=True`; its own low / best / high)."""
    if fld not in FIELDS:
        raise ValueError(f"field must be one of {FIELDS}, not {fld!r}")
    sents = _sentences(title, body, published)
    has_title = bool((title or "").strip())
    rules_value = None
    rules_sentence = None
    if ev is not None:
        rules_sentence = ((ev.get("evidence") if isinstance(ev, dict) else ev.evidence) or {}).get(fld)
        get = ev.get if isinstance(ev, dict) else lambda k: getattr(ev, k)
        if fld == "participants" and get("participants") is not None:
            rules_value = (get("participants_low"), get("participants"), get("participants_high"))
            rules_value = tuple(v if v is not None else rules_value[1] for v in rules_value)
        elif fld == "detained" and get("detained") is not None:  # (0: "no one was detained", a count too)
            rules_value = (get("detained"),) * 3
    event_idx = set(tri.event_sentences)
    out: list[Candidate] = []
    for i, text in enumerate(sents):
        is_title = has_title and i == 0
        is_event = i in event_idx
        is_rules = rules_sentence is not None and text == rules_sentence
        detains = bool(DETAIN_RE.search(text.lower()))
        if fld == "participants" and not (is_title or is_event or is_rules):
            continue
        if fld == "detained" and not (is_rules or detains):  # (the headline too, where it tells of detaining)
            continue
        role = "title" if is_title else "event" if is_event else "rules" if is_rules else "detention"
        for q, after in quantities(text):
            if q.best is None or q.best <= 0:
                continue
            f = _number_features(text, q, after, role, fld)
            mine = rules_value is not None and is_rules and q.best == rules_value[1]
            value = rules_value if mine else (q.low, q.best, q.high)
            out.append(Candidate(*value, text, f, mine))
    seen: dict[int, int] = {}
    for c in out:
        seen[c.best] = seen.get(c.best, 0) + 1
    top = max(seen, default=None)
    out = [Candidate(c.low, c.best, c.high, c.sentence,
                     {**c.features, "repeated": float(seen[c.best] > 1), "largest": float(c.best == top),
                      "alone": float(len(seen) == 1)}, c.rules) for c in out]
    if rules_value is not None and not any(c.rules for c in out):
        # (a figure the rules read across sentences, or their 0 of "no one was detained")
        out.append(Candidate(*rules_value, rules_sentence or "", {"role=rules_only": 1.0, "zero": float(rules_value[1] == 0)},
                             True))
    return out


def choose(cands: Sequence[Candidate], probs: Sequence[float], mode: str, take: float, drop: float
           ) -> Candidate | None:
    """The answer of `mode` (see the module's doc): one of `cands`, or None. `probs`: the model's probability
    that each candidate is the right count."""
    if mode not in MODES:
        raise ValueError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")
    if len(probs) != len(cands):
        raise ValueError("one probability per candidate")
    rules = next((c for c in cands if c.rules), None)
    if mode == "off":
        return rules
    k = max(range(len(cands)), key=lambda i: (probs[i], cands[i].rules, -i)) if cands else None
    pick = cands[k] if k is not None and probs[k] >= take else None
    if mode == "override":
        return pick
    if mode == "rescue":
        return rules if rules is not None else pick
    # veto
    if rules is None:
        return None
    return rules if probs[cands.index(rules)] >= drop else None


class Ranker:
    """The candidates' scorer for one field."""

    def __init__(self, fld: str, c: float = C):
        self.fld, self.c = fld, c
        self._vec = self._clf = None

    def fit(self, rows: Sequence[tuple[list[Candidate], object]]) -> Ranker:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression

        X, y = [], []
        for cands, expected in rows:
            for cand in cands:
                X.append(cand.features)
                y.append(right(self.fld, expected, cand))
        self._vec = DictVectorizer(sparse=False, sort=True)
        self._clf = LogisticRegression(C=self.c, solver="liblinear", random_state=SEED, max_iter=2000)
        if len(set(y)) < 2:
            raise ValueError(f"the {self.fld} ranker needs right and wrong candidates to learn from")
        self._clf.fit(self._vec.fit_transform(X), y)
        return self

    def proba(self, cands: Sequence[Candidate]) -> list[float]:
        if self._clf is None:
            raise RuntimeError("Ranker.proba before fit")
        if not cands:
            return []
        return [float(p) for p in self._clf.predict_proba(self._vec.transform([c.features for c in cands]))[:, 1]]


def right(fld: str, expected, cand: Candidate) -> int:
    """Whether a candidate scores right against an annotation (evaluate_real's own checks)."""
    from assets.media import evaluate_real

    if fld == "detained" and cand.best == 0:  # the rules' "no one was detained": right where none is reported too
        return int(expected is None or evaluate_real.detained_ok(expected, 0))
    if expected is None or expected == "unstated":
        return 0
    if fld == "participants":
        return int(evaluate_real.participants_ok(expected, cand.low, cand.best, cand.high))
    return int(evaluate_real.detained_ok(expected, cand.best))


# -- the training set: dev + measured, never the holdout or fresh --------------------------------------------
TRAIN_SPLITS = ("dev", "measured")


@dataclass
class Row:
    name: str
    fld: str
    cands: list[Candidate]
    expected: object


def rows_of_item(name: str, item: dict, tri, events) -> list[Row]:
    """The re-ranker's rows of one annotated article that reports an assembly (the rules' first event)."""
    ann = item["annotations"]
    if not ann["is_event"]:
        return []
    from assets.media import evaluate_real

    title, body, published = evaluate_real.article(item)
    ev = events[0] if events else None
    out = []
    for fld in FIELDS:
        exp = ann.get(fld)
        if fld == "detained" and exp == "unstated":
            continue
        out.append(Row(name, fld, candidates(fld, title, body, tri, ev, published), exp))
    return out


def training_rows(splits: Sequence[str] = TRAIN_SPLITS) -> list[Row]:
    from assets.media import evaluate_real

    if set(splits) - set(TRAIN_SPLITS):
        raise ValueError(f"the re-ranker trains only on {TRAIN_SPLITS}, not {splits}")
    out = []
    for split in splits:
        for name, item in evaluate_real.load(evaluate_real.DEFAULT_DIR, split):
            if item["annotations"]["is_event"]:
                _said, events, tri = evaluate_real.run_one(item)
                out.extend(rows_of_item(name, item, tri, events))
    if not out:
        raise FileNotFoundError("the learned re-ranker trains on tests/media/real/dev and measured, which hold no "
                                "article: run it from a checkout of the project, or set extraction: learned_* off")
    return out


_MODELS: dict[str, Ranker] = {}


def step_model(fld: str) -> Ranker:
    """The field's ranker, trained once on dev + measured (deterministic: liblinear, seed 0) and kept between
    processes (model_cache)."""
    if fld not in _MODELS:
        def build() -> Ranker:
            rows = [r for r in training_rows() if r.fld == fld]
            return Ranker(fld).fit([(r.cands, r.expected) for r in rows])

        _MODELS[fld] = model_cache.trained(f"rerank-{fld}", "", TRAIN_SPLITS, build)
    return _MODELS[fld]


# -- the step as the pipeline runs it -------------------------------------------------------------------------
def apply(title: str, body: str, published, tri: triage.TriageResult, ev: dict, modes: dict[str, str],
          models: dict | None = None) -> dict:
    """One event (an Event's dict: `participants_low/…/high`, `detained`, `evidence`) with the fields whose mode
    is not `off` chosen again; a changed field says so in `evidence['<field>_learned']`. Returns a new dict."""
    out = dict(ev)
    out["evidence"] = dict(ev.get("evidence") or {})
    for fld in FIELDS:
        mode = modes.get(fld, "off")
        if mode not in MODES:
            raise ValueError(f"extraction: learned_{fld} must be one of {', '.join(MODES)}, not {mode!r}")
        if mode == "off":
            continue
        cands = candidates(fld, title, body, tri, ev, published)
        model = (models or {}).get(fld) or step_model(fld)
        p = model.proba(cands)
        th = THRESHOLDS[fld][mode]
        got = choose(cands, p, mode, th, th)
        rules = next((c for c in cands if c.rules), None)
        if got is rules:
            continue
        said = f"{rules.best}" if rules else "none"
        if fld == "participants":
            out["participants_low"], out["participants"], out["participants_high"] = got.value if got else (None,) * 3
        else:
            out["detained"] = got.best if got else None
        if got:
            out["evidence"][fld] = got.sentence
        else:
            out["evidence"].pop(fld, None)
        pg = p[cands.index(got)] if got else max(p, default=0.0)
        out["evidence"][f"{fld}_learned"] = (f"(learned re-ranker ({mode}): p = {pg:.2f}, "
                                             f"{'chose ' + str(got.best) if got else 'chose none'}; the rules said {said})")
    return out


def apply_events(title: str, body: str, published, tri: triage.TriageResult | None, events: list[dict],
                 modes: dict[str, str], models: dict | None = None) -> list[dict]:
    """The events of one article with the step applied; only an article of one event is re-ranked (the candidates
    are the article's, not a segment's), one of several events keeps the rules' counts."""
    if len(events) != 1 or all(modes.get(f, "off") == "off" for f in FIELDS):
        return events
    tri = tri or triage.classify(title, body, published)
    return [apply(title, body, published, tri, events[0], modes, models)]


# -- cross-validation grouped by site -----------------------------------------------------------------------
TAKES = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
DROPS = (0.05, 0.1, 0.2, 0.3)


def out_of_fold(rows: list[Row], fld: str, seed: int, folds: int = 5) -> list[list[float]]:
    from sklearn.model_selection import GroupKFold

    from assets.media.learned_cv import site

    rows = [r for r in rows if r.fld == fld]
    groups = [site(r.name) for r in rows]
    probs: list[list[float]] = [[] for _ in rows]
    for tr, te in GroupKFold(folds, shuffle=True, random_state=seed).split(rows, groups=groups):
        m = Ranker(fld).fit([(rows[i].cands, rows[i].expected) for i in tr])
        for i in te:
            probs[i] = m.proba(rows[i].cands)
    return probs


def score_choices(fld: str, rows: list[Row], picks: list[Candidate | None]) -> dict[str, tuple[int, int]]:
    """evaluate_real's two scores of a field: (right, scored) where a count is stated, and none invented."""
    stated = [(r, p) for r, p in zip(rows, picks) if r.expected is not None]
    none = [p for r, p in zip(rows, picks) if r.expected is None]
    return {fld: (sum(p is not None and right(fld, r.expected, p) for r, p in stated), len(stated)),
            f"{fld}_none_invented": (sum(p is None or (fld == "detained" and p.best == 0) for p in none), len(none)),
            "right among the candidates": (sum(any(right(fld, r.expected, c) for c in r.cands) for r, _ in stated),
                                           len(stated))}


def cv(seeds: Sequence[int] = (0, 1, 2), out=print) -> dict:
    rows = training_rows()
    res = {}
    for fld in FIELDS:
        frows = [r for r in rows if r.fld == fld]
        oof = [out_of_fold(rows, fld, s) for s in seeds]
        out(f"{fld}: {len(frows)} assemblies of dev + measured, 5 folds grouped by site x shuffles {list(seeds)} "
            f"(right / scored, summed over the shuffles)")
        settings = [("off", 0, 0)] + [("override", t, 0) for t in TAKES] + [("rescue", t, 0) for t in TAKES] \
            + [("veto", 0, d) for d in DROPS]
        for mode, take, drop in settings:
            tot = {}
            for probs in oof:
                picks = [choose(r.cands, p, mode, take, drop) for r, p in zip(frows, probs)]
                for k, (a, b) in score_choices(fld, frows, picks).items():
                    tot[k] = (tot.get(k, (0, 0))[0] + a, tot.get(k, (0, 0))[1] + b)
            res[(fld, mode, take, drop)] = tot
            what = {"off": "rules alone", "override": f"override, take p >= {take}",
                    "rescue": f"rescue, take p >= {take}", "veto": f"veto, drop p < {drop}"}[mode]
            out(f"  {what:<28} " + "  ".join(f"{k} {a}/{b}" for k, (a, b) in tot.items()))
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("what", choices=["cv"])
    ap.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    args = ap.parse_args(argv)
    cv(args.seeds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
