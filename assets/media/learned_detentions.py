"""A learned ranker of the detained count, measured against the rules (issue 16, batch 13).

Every number in a sentence that tells of detaining (and in the headline) is a candidate; a logistic regression
over the candidate's context (a person noun after it, the verb of detaining in its clause, a vague word, the
headline, another city or a total for the country in its sentence, background, a demand to free, "из" before
it, police after it, whether it is the rules' own answer) scores them, and the best one is the article's count.
It is trained on the `dev` part of `tests/media/real/` only (every article whose annotation gives a number of
detained: the Kazakhstan assemblies and the articles from abroad), deterministically, when called: no model file
is kept. `python -m assets.media.learned_detentions` prints the rules and the ranker side by side on `measured`
(docs/media.md, "Detentions: a learned ranker measured against the rules"). The pipeline does not run it.
"""
from __future__ import annotations

import math
import re
import sys

from assets.media import evaluate_real, places, triage_modes
from assets.media.count_context import clause_of
from assets.media.counts import counted
from assets.media.detention_counts import OTHER_PLACES_RE, unscaled_vague
from assets.media.detention_patterns import DEMAND_FREE_RE, DETAIN_RE, KK_BACKGROUND_RE
from assets.media.numbers import quantities

FEATURES = ("people", "detain_clause", "vague", "title", "first_sentences", "other_city", "multi_city",
            "country_total", "background", "demand", "whole_before", "police_after", "rules_answer", "log_value",
            "approx_word")


def candidates(title: str, body: str, city: str | None, rules_n: int | None) -> list[tuple[int, list[float]]]:
    """(value, features) of every number in the headline and in the sentences that tell of detaining."""
    sents = [title] + [s for s in re.split(r"(?<=[.!?])\s+", body) if s]
    out = []
    for i, t in enumerate(sents):
        low = t.lower()
        if not DETAIN_RE.search(low):
            continue
        keys = {h.key for h in places.find_cities(t) if places.hit_role(t, h) == "place"}
        for q, after in quantities(t):
            if re.search(r"(?:19|20)\d\d", q.text) or unscaled_vague(q.text) or q.best is None or q.best <= 0:
                continue
            kind = counted(q, after, t[max(0, q.start - 40):q.start])
            f = [kind is not None and kind[0] == "people", bool(DETAIN_RE.search(clause_of(t, q.start, q.end).lower())),
                 not re.search(r"\d", q.text), i == 0, i <= 2, bool(keys) and city is not None and city not in keys,
                 len(keys) >= 2, bool(OTHER_PLACES_RE.search(low)),
                 bool(triage_modes.BACKGROUND_RE.search(t) or KK_BACKGROUND_RE.search(t)), bool(DEMAND_FREE_RE.search(t)),
                 bool(re.search(r"\bиз\s*$", t[max(0, q.start - 4):q.start])),
                 kind is not None and kind[0] == "police", rules_n == q.best, math.log1p(q.best),
                 bool(re.search(r"около|более|свыше|не\s+менее|примерно|порядка|жуық|астам|шақты", t[max(0, q.start - 15):q.start]
                                + after[:12], re.I))]
            out.append((q.best, [float(x) for x in f]))
    return out


def _articles(split: str):
    for name, item in evaluate_real.load(split=split):
        exp = item["annotations"].get("detained")
        if exp is None or exp == "unstated":
            continue
        _, events, _ = evaluate_real.run_one(item)
        ev = events[0] if events else None
        title, body, _ = evaluate_real.article(item)
        yield name, exp, (ev.detained if ev else None), candidates(title, body, ev.city if ev else None,
                                                                   ev.detained if ev else None)


def train(split: str = "dev"):
    from sklearn.linear_model import LogisticRegression  # only when a model is built

    X, y = [], []
    for _, exp, _, cands in _articles(split):
        for value, f in cands:
            X.append(f)
            y.append(int(evaluate_real.detained_ok(exp, value)))
    model = LogisticRegression(C=1.0, class_weight="balanced", max_iter=2000, random_state=0)
    model.fit(X, y)
    return model


def compare(model, split: str = "measured") -> dict[str, int]:
    """Per article with a number of detained: how often the rules, and the ranker, give an accepted count."""
    res = {"articles": 0, "rules": 0, "ranker": 0}
    for _, exp, rules_n, cands in _articles(split):
        res["articles"] += 1
        res["rules"] += evaluate_real.detained_ok(exp, rules_n)
        if cands:
            probs = model.predict_proba([f for _, f in cands])[:, 1]
            best = max(range(len(cands)), key=lambda k: (probs[k], -k))
            res["ranker"] += evaluate_real.detained_ok(exp, cands[best][0])
    return res


def main() -> int:
    model = train("dev")
    for split in ("dev", "measured"):
        r = compare(model, split)
        print(f"{split}: {r['articles']} articles with a number of detained; rules {r['rules']}, ranker {r['ranker']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
