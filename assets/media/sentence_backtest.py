"""A sentence model trained on marked event sentences, measured against the learned step (issue 16, session 41).

    python -m assets.media.sentence_backtest        # pooled totals over the opened parts' blind verdicts (~3 min)

tests/media/real/event_sentences.jsonl marks, in every article of `dev`, `measured` and the opened parts that reports
an assembly (931), the sentences that themselves tell that the assembly happened (2,966; six annotators who write no
rules, session 41). The sentences are this module's `split` of the headline and lead: the headline, then the lead's
sentences (`text.sentences`) until 12 sentences or 1,800 characters. Each mark keeps the sentence's first 60
characters, so that a change of the splitter shows (tests/media/test_sentence_backtest.py). Every sentence of an
article that reports no assembly counts as no event sentence.

For each opened part in turn, a sentence model (hashed character n-grams, TF-IDF, balanced logistic regression, the
step's features) is trained on the other parts' sentences; an article's score is its highest sentence probability.
It is combined with the rules' blind verdicts (learned_backtest) alone, as a rescue beside the shipped step, averaged
with the step's probability, and in a stacker (the rules' verdict, the step's and the sentence model's log-odds,
trained on the other opened parts). Totals only; it chooses nothing that ships.
"""
from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path

from assets.media import evaluate_real, text
from assets.media import learned_backtest as backtest
from assets.media.learned_triage import Example, TriageModel, combine, corpus_examples

LABELS = evaluate_real.DEFAULT_DIR / "event_sentences.jsonl"
MAX_SENTENCES, MAX_CHARS = 12, 1800
QUOTE = 60  # characters of a marked sentence kept beside its index


def split(title: str, body: str) -> list[str]:
    """The sentences the marks count: the headline, then the lead's until 12 sentences or 1,800 characters."""
    out, chars = [title.strip()], len(title)
    for s in text.sentences(body):
        if chars > MAX_CHARS or len(out) >= MAX_SENTENCES:
            break
        out.append(s.text)
        chars += len(s.text)
    return out


def load_marks(path: Path = LABELS) -> dict[str, list[tuple[int, str]]]:
    """{part/file: [(index, the sentence's first 60 characters), ...]}."""
    out = {}
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            d = json.loads(line)
            if d["article"] in out:
                raise ValueError(f"{path}: line {n}: article {d['article']!r} is marked twice")
            out[d["article"]] = [(int(i), q) for i, q in d["event"]]
    return out


def articles(parts: Sequence[str], marks: dict[str, list[tuple[int, str]]]) -> dict[str, list[tuple]]:
    """{part: [(url, label, its sentences, each sentence's mark), ...]}; an assembly's article with no line in `marks`
    is an error (the file must cover every one)."""
    out = {}
    for part in parts:
        rows = []
        for name, item in evaluate_real.load(evaluate_real.DEFAULT_DIR, part):
            title, body, _ = evaluate_real.article(item)
            sents = split(title, body)
            key, label = f"{part}/{Path(name).name}", bool(item["annotations"]["is_event"])
            if label and key not in marks:
                raise KeyError(f"{LABELS}: no line for {key}, an article that reports an assembly")
            marked = {i for i, _ in marks.get(key, ())}
            rows.append((item["url"], label, sents, [i in marked for i in range(len(sents))]))
        out[part] = rows
    return out


class SentenceModel:
    """The step's model (learned_triage.TriageModel: hashed character n-grams, TF-IDF, C 10, balanced), one sentence
    an example, read as a headline with no body."""

    def fit(self, rows: Sequence[tuple]) -> SentenceModel:
        self._model = TriageModel("hash", 10.0, balanced=True).fit(
            [Example(s, "", None, m) for r in rows for s, m in zip(r[2], r[3])])
        return self

    def article_scores(self, rows: Sequence[tuple]) -> list[float]:
        """Each article's highest sentence probability."""
        p = self._model.proba([Example(s, "", None) for r in rows for s in r[2]])
        out, i = [], 0
        for r in rows:
            out.append(max(p[i:i + len(r[2])]))
            i += len(r[2])
        return out


def measure(out=print) -> dict[str, backtest.Totals]:
    blind = backtest.load_blind()
    parts = [p for p in backtest.OPENED if p in blind]
    every = (*backtest.FIRST, *backtest.OPENED)
    rows = articles(every, load_marks())
    sent = {p: dict(zip([r[0] for r in rows[p]],
                        SentenceModel().fit([r for q in every if q != p for r in rows[q]]).article_scores(rows[p])))
            for p in parts}
    ex = {p: backtest.examples(p) for p in every}
    corpus = corpus_examples(rules=False)
    step = {p: backtest.probabilities(backtest.SHIPPED, p, ex, corpus) for p in parts}
    truth = {p: {r[0]: r[1] for r in rows[p]} for p in parts}
    low, high = backtest.SHIPPED.low, backtest.SHIPPED.high
    results = {}

    def row(name: str, said) -> None:
        results[name] = t = backtest.pooled_totals(blind, truth, parts, said)
        out(f"{name:<58} tp {t.tp:>3} fp {t.fp:>3} fn {t.fn:>3}  P {t.precision:.3f} R {t.recall:.3f} F1 {t.f1:.3f}")

    def shipped(p, u, rule, quick):
        return combine(rule, step[p][u], "override", low, high) if quick else rule

    row("rules of the part's day, alone", lambda p, u, r, q: r)
    row("the learned step as shipped", shipped)
    for th in (0.5, 0.7, 0.9):
        row(f"sentence model alone, >= {th}", lambda p, u, r, q, th=th: sent[p][u] >= th)
    for th in (0.9, 0.95):
        row(f"the step as shipped + sentence rescue >= {th}", lambda p, u, r, q, th=th: shipped(p, u, r, q) or sent[p][u] >= th)
    row("0.7 x the step's p + 0.3 x the sentence model's, as shipped",
        lambda p, u, r, q: combine(r, 0.7 * step[p][u] + 0.3 * sent[p][u], "override", low, high) if q else r)
    from sklearn.linear_model import LogisticRegression

    def features(p, u, with_sentences):
        rule, quick = blind[p][u]
        f = [float(rule), float(quick), backtest.logit(step[p][u]) * quick]
        return f + [backtest.logit(sent[p][u])] if with_sentences else f

    for with_sentences in (False, True):
        stacked = backtest.lopo({p: [(u, features(p, u, with_sentences), truth[p][u]) for u in blind[p]] for p in parts},
                                lambda: LogisticRegression(class_weight="balanced", max_iter=1000))
        row(f"stacker (balanced, >= 0.6) {'with' if with_sentences else 'without'} the sentence model",
            lambda p, u, r, q, s=stacked: s[p][u] >= 0.6)
    return results


def main(argv: list[str] | None = None) -> int:
    measure()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
