"""A learned ranker for the head count, measured against the rules (issue 16, item 2: where rules reach their
limit, try a learned step).

Every number expression of the article (figures, number words, approximate words, Kazakh numerals: what
`numbers.quantities` reads) is a candidate. A logistic regression scores each from features of its place: the
lemma of the noun that follows it and of the two words before it, what the rules say it counts (`counts.counted`:
people, police, press or nothing), the sentence's role (headline, event sentence, background, plan or threat,
another city's), a verb of detaining or of gathering in its clause, its size, and whether the rules chose it.
The article's count is the best-scored candidate when its score passes a threshold, else none.

It is trained on the `dev` part of tests/media/real/ only (a candidate is positive when its low / best / high
would score right against the annotation), deterministically (liblinear, fixed order), when first needed: no
model file is kept in the repository. `python -m assets.media.learned_counts` compares it with the rules on
`measured` (docs/media-accuracy.md). It is not part of the pipeline: it did not beat the rules there (see docs).
"""
from __future__ import annotations

import argparse
import math
import re
import sys
from dataclasses import dataclass

from assets.media import crowd, evaluate_real, extract, triage, triage_modes
from assets.media.count_context import clause_of
from assets.media.counts import counted
from assets.media.detentions import DETAIN_RE
from assets.media.numbers import quantities
from assets.media.text import parses, sentences, yo

WORD_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


@dataclass
class Candidate:
    low: int
    best: int
    high: int
    features: dict
    chosen_by_rules: bool


def _lemma(word: str) -> str:
    ps = parses(word.lower())
    return yo(ps[0].normal_form) if ps else word.lower()


def candidates(title: str, body: str, published=None) -> tuple[list[Candidate], object]:
    """The candidates of one article and the rules' event (or None)."""
    tri = triage.classify(title, body, published)
    events = extract.extract(title, body, published=published, url="https://learned.example/x",
                             triage_result=tri, force=True)
    ev = events[0] if events else None
    rule_sentence = ev.evidence.get("participants") if ev else None
    anchor = ev.evidence.get("form") if ev else None
    out = []
    sents = [title] + [s.text for s in sentences(body)]
    for k, text in enumerate(sents):
        role = "title" if k == 0 else "anchor" if text == anchor else f"s{min(k, 4)}"
        background = bool(triage_modes.BACKGROUND_RE.search(text))
        mode = triage_modes.sentence_mode(text) or "none"
        elsewhere = crowd.placed_elsewhere(text, ev.city if ev else None)
        for q, after in quantities(text):
            before = text[max(0, q.start - 40):q.start]
            kind = counted(q, after, before)
            clause = clause_of(text, q.start, q.end)
            nxt = WORD_RE.findall(after)[:1]
            prev = WORD_RE.findall(before)[-2:]
            f = {
                "kind=" + (kind[0] if kind else "none"): 1.0,
                "next=" + (_lemma(nxt[0]) if nxt else "-"): 1.0,
                "role=" + role: 1.0,
                "mode=" + mode: 1.0,
                "background": float(background),
                "elsewhere": float(elsewhere),
                "detain_clause": float(bool(DETAIN_RE.search(clause))),
                "crowd_verb": float(bool(crowd.CROWD_VERB_RE.search(crowd.clause_verbs(text, q.start, q.end)))),
                "digit": float(bool(re.search(r"\d", q.text))),
                "log_best": math.log10(max(q.best, 1)),
                "range": float(q.low != q.high),
            }
            for i, w in enumerate(prev):
                f[f"prev{len(prev) - i}=" + _lemma(w)] = 1.0
            chosen = bool(ev and rule_sentence == text and ev.participants == q.best)
            f["rules_chose"] = float(chosen)
            out.append(Candidate(q.low, q.best, q.high, f, chosen))
    return out, ev


def _label(c: Candidate, expected) -> int:
    return int(expected is not None and evaluate_real.participants_ok(expected, c.low, c.best, c.high))


def _articles(split: str):
    for name, item in evaluate_real.load(split=split):
        ann = item["annotations"]
        if not ann["is_event"]:
            continue
        yield name, *evaluate_real.article(item), ann.get("participants")


class CountRanker:
    def __init__(self, threshold: float = 0.5, use_rules: bool = True):
        self.threshold, self.use_rules = threshold, use_rules
        self.vec = self.model = None

    def _feats(self, c: Candidate) -> dict:
        return c.features if self.use_rules else {k: v for k, v in c.features.items() if k != "rules_chose"}

    def fit(self, rows: list[tuple[list[Candidate], object]]) -> "CountRanker":
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
        X, y = [], []
        for cands, expected in rows:
            for c in cands:
                X.append(self._feats(c))
                y.append(_label(c, expected))
        self.vec = DictVectorizer(sparse=False, sort=True)
        self.model = LogisticRegression(solver="liblinear", C=1.0, random_state=0, class_weight="balanced")
        self.model.fit(self.vec.fit_transform(X), y)
        return self

    def choose(self, cands: list[Candidate]) -> tuple[int, int, int] | None:
        if not cands:
            return None
        p = self.model.predict_proba(self.vec.transform([self._feats(c) for c in cands]))[:, 1]
        k = max(range(len(cands)), key=lambda i: (p[i], -i))
        return (cands[k].low, cands[k].best, cands[k].high) if p[k] >= self.threshold else None


def score(rows, pick) -> dict[str, tuple[int, int]]:
    ok = {"participants": [0, 0], "none_invented": [0, 0]}
    for cands, expected, ev in rows:
        got = pick(cands, ev)
        if expected is None:
            ok["none_invented"][1] += 1
            ok["none_invented"][0] += got is None or got[1] is None
        else:
            ok["participants"][1] += 1
            ok["participants"][0] += bool(got and got[1] is not None and evaluate_real.participants_ok(expected, *got))
    return {k: tuple(v) for k, v in ok.items()}


def rows_of(split: str):
    out = []
    for _name, title, body, published, expected in _articles(split):
        cands, ev = candidates(title, body, published)
        out.append((cands, expected, ev))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="the learned head-count ranker against the rules")
    ap.add_argument("--split", default="measured", choices=["dev", "measured"])
    args = ap.parse_args(argv)
    train = rows_of("dev")
    test = train if args.split == "dev" else rows_of(args.split)
    rules = score(test, lambda c, ev: (ev.participants_low, ev.participants, ev.participants_high) if ev else None)
    print(f"rules    {args.split}: participants {rules['participants'][0]}/{rules['participants'][1]}  "
          f"none invented {rules['none_invented'][0]}/{rules['none_invented'][1]}")
    for use_rules in (False, True):
        for th in (0.3, 0.5, 0.7):
            m = CountRanker(th, use_rules).fit([(c, e) for c, e, _ in train])
            r = score(test, lambda c, ev, m=m: m.choose(c))
            print(f"learned{'+rules' if use_rules else '      '} t={th} {args.split}: participants "
                  f"{r['participants'][0]}/{r['participants'][1]}  none invented "
                  f"{r['none_invented'][0]}/{r['none_invented'][1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
