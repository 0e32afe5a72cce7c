"""The rules' reasons beside the learned step: a stacker measured on the blind verdicts (issue 16, session 42).

    python -m assets.media.reason_stacker        # pooled totals over the opened parts' blind verdicts (~1.5 min)

The learned step overrides the rules by its probability alone, whatever the rules' reason. A stacker trained where
the rules had not been written (the blind verdicts: each opened part's rules of the day before it was added) could
learn which refusals to trust ("the event is abroad") and which not ("no sentence tells that an assembly was held").
tests/media/real/blind_reasons.json keeps, beside blind_verdicts.json, the reasons those rules gave each article,
without the sentences they quote (`kind`; written by scripts/blind_verdicts.py). For each opened part in turn a
stacker is trained on the other parts: the rules' verdict, whether the quick pass read the article, the shipped
step's log-odds, and `features` of the reasons; a logistic regression (two strengths) and gradient-boosted trees.
A third stacker adds what the rules' extraction, forced, found (tests/media/real/blind_fields.json: a city of
Kazakhstan, a date, a head count, detentions, the form): where, when and told as what, which a sentence alone does
not tell. Totals only; it chooses nothing that ships.
"""
from __future__ import annotations

import math
import re
import sys
from collections.abc import Sequence

from assets.media import learned_backtest as backtest
from assets.media.learned_backtest import REASONS_FILE, load_reasons  # noqa: F401 (the reasons file is read there)
from assets.media.learned_triage import combine, corpus_examples
from schemas.card import codes_of

# kinds of a sentence the rules did not count, and of one they counted, as the reasons name them
NOT_COUNTED = ("planned", "background", "court", "online", "civic", "celebration", "permission", "threat",
               "entertainment")
COUNTED = ("form+verb", "gathering", "gathering+protest", "kk", "road block", "protesters acting",
           "protesters detained", "placards", "no protest cue", "height", "demand at a building")
# article-level reasons
ARTICLE = ("abroad", "no form of assembly", "no sentence tells", "celebration or a festive", "infinitive",
           "title is about")
FORMS = codes_of("form")  # the card's form codes (schemas/card.yaml)
MIXES = ((22, 10),)


def kind(reason: str) -> str:
    """A reason without the sentence it quotes: «sentence 3: gathering «Люди собрались…»» -> «sentence 3: gathering»."""
    return re.sub(r"\s*«.*", "", reason, flags=re.S).strip()


def features(said: bool, quick: bool, p: float, reasons: Sequence[str], with_reasons: bool = True) -> list[float]:
    """The stacker's inputs: the rules' verdict, the quick pass, the step's log-odds (0 where the step did not read the
    article), then, `with_reasons`, the reasons' kinds: how many sentences counted and not, whether the first counted
    is the headline or the lead's first sentence, the article-level reasons, the kinds not counted and counted."""
    f = [float(said), float(quick), backtest.logit(p) * quick]
    if not with_reasons:
        return f
    counted = [r for r in reasons if re.match(r"sentence \d+:", r)]
    not_counted = [r for r in reasons if re.match(r"sentence \d+ not counted", r)]
    first = min((int(re.match(r"sentence (\d+)", r).group(1)) for r in counted), default=None)
    f += [math.log1p(len(counted)), math.log1p(len(not_counted)), float(first == 0),
          float(first is not None and first <= 1), 1.5 if first is None else min(first, 15) / 10, float(not reasons)]
    f += [float(any(a in r for r in reasons)) for a in ARTICLE]
    f += [float(any(k in r.partition("(")[2] for r in not_counted)) for k in NOT_COUNTED]
    f += [float(any(k in r.partition(":")[2] for r in counted)) for k in COUNTED]
    return f


def field_features(ev) -> list[float]:
    """What the blind extraction (forced) found: nothing at all, a city, a date, a head count (and its size), detentions,
    no form, then each form of FORMS (blind_fields.load_fields's values; None: no event)."""
    if ev is None:
        return [1.0] + [0.0] * (6 + len(FORMS))
    return [0.0, float(ev.city is not None), float(ev.date is not None), float(ev.participants is not None),
            math.log1p(ev.participants or 0) / 5, float(bool(ev.detained)), float(ev.form is None),
            *(float(ev.form == f) for f in FORMS)]


def measure(out=print) -> dict[str, backtest.Totals]:
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.linear_model import LogisticRegression

    from assets.media.blind_fields import load_fields

    blind, reasons, fields = backtest.load_blind(), load_reasons(), load_fields()
    parts = [p for p in backtest.OPENED if p in blind]  # (load_blind checks the reasons are the verdicts' articles)
    every = (*backtest.FIRST, *backtest.OPENED)
    ex = {p: backtest.examples(p) for p in every}
    corpus = corpus_examples(rules=False)
    step = {p: backtest.probabilities(backtest.SHIPPED, p, ex, corpus) for p in parts}
    truth = {p: {u: e.label for u, e in ex[p]} for p in parts}
    low, high = backtest.SHIPPED.low, backtest.SHIPPED.high
    results = {}

    def row(name: str, said) -> None:
        results[name] = t = backtest.pooled_totals(blind, truth, parts, said)
        mix = "  ".join(f"{a}:{b} P {m[0]:.3f} F1 {m[2]:.3f}" for a, b in MIXES for m in [t.at_mix(a, b)])
        out(f"{name:<60} tp {t.tp:>3} fp {t.fp:>3} fn {t.fn:>3}  P {t.precision:.3f} R {t.recall:.3f} "
            f"F1 {t.f1:.3f} | {mix}")

    row("rules of the part's day, alone", lambda p, u, r, q: r)
    row("the learned step as shipped", lambda p, u, r, q: combine(r, step[p][u], "override", low, high) if q else r)
    row("the step of session 41 (override 0.2 / 0.5)",
        lambda p, u, r, q: combine(r, step[p][u], "override", 0.2, 0.5) if q else r)
    row("the step of sessions 36-40 (override 0.3 / 0.65)",
        lambda p, u, r, q: combine(r, step[p][u], "override", 0.3, 0.65) if q else r)
    makers = {"logistic, C 1": lambda: LogisticRegression(C=1.0, max_iter=3000),
              "logistic, C 0.1": lambda: LogisticRegression(C=0.1, max_iter=3000),
              "boosted trees": lambda: HistGradientBoostingClassifier(max_depth=3, learning_rate=0.05, max_iter=200,
                                                                      random_state=0)}
    for inputs in ("the verdict and the step", "+ reasons", "+ reasons and fields"):
        rows = {p: [(u, features(*blind[p][u], step[p][u], reasons[p][u], inputs != "the verdict and the step")
                     + (field_features(fields[p][u]) if inputs.endswith("fields") else []), truth[p][u])
                    for u in blind[p]] for p in parts}
        for name, make in makers.items():
            if inputs == "the verdict and the step" and name == "boosted trees":
                continue
            stacked = backtest.lopo(rows, make)
            for th in (0.3, 0.4, 0.5):
                row(f"stacker: {inputs}, {name}, >= {th}", lambda p, u, r, q, s=stacked, th=th: s[p][u] >= th)
    return results


def main(argv: list[str] | None = None) -> int:
    measure()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
