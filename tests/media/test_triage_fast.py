"""The faster triage (issue 15 item 4) gives the same verdicts: the sentence pre-filter never skips a
sentence that judge_sentence would find a reason in, the lower-cased quick pass matches the
case-insensitive one, and the backwards last-word scan of `sentences` equals its regular expression."""
from __future__ import annotations

import functools
import re

from hypothesis import given, settings, strategies as st
import pytest

from assets.media import evaluate_real, kazlatin, text, triage, triage_sentence
from benchmarks.generate import generate_articles
from tests.conftest import examples

pytestmark = pytest.mark.slow  # `make test-slow` (docs/testing.md, "Two tiers")


@functools.cache
def _texts() -> tuple[tuple[str, str], ...]:
    """The generated and the real articles, read once per process (two tests read them)."""
    out = [(a.title, a.text) for a in generate_articles(120, 11)]
    for _, item in evaluate_real.load(split="all"):
        title, _, body = item["text"].strip().partition("\n")
        out.append((title, body))
    return tuple(out)


def test_prefilter_keeps_every_sentence_with_a_reason():
    """No sentence the pre-filter skips has a reason in judge_sentence (every skipped sentence of the corpus is
    judged: the property), and the corpus is no straw man: more than 100 kept sentences have a reason (counted
    until the 101st; judging every kept sentence too proved nothing more and cost ~1.7 CPU s)."""
    skipped = with_reason = 0
    for title, body in _texts():
        for s in text.sentences(text.normalise(f"{title}\n{body}")):
            if not triage_sentence.may_be_event(s):
                skipped += 1
                assert not triage_sentence.judge_sentence(s).reasons, s
            elif with_reason <= 100:
                with_reason += bool(triage_sentence.judge_sentence(s).reasons)
    assert with_reason > 100 and skipped > 1000


def test_prefilter_skips_plain_sentences():
    s = text.Sentence(1, "Погода в Астане будет солнечной, ветер умеренный.", 0, 0)
    assert not triage_sentence.may_be_event(s) and not triage_sentence.judge_sentence(s).reasons
    assert triage_sentence.may_be_event(text.Sentence(1, "Вчера люди вышли к зданию.", 0, 0))  # a gathering, by lemma


def test_batch_equals_one_by_one_and_the_quick_pass_is_unchanged():
    items = _texts()
    batch = triage.classify_batch(items)
    for (title, body), b in zip(items, batch):
        raw = f"{title}\n{body}"
        assert triage.quick_pass(raw) == bool(triage.QUICK_RE.search(raw))
        # (Kazakh in Latin letters skips the Cyrillic quick pass: classify reads it transliterated)
        one = triage.classify(title, body) if triage.quick_pass(raw) or kazlatin.scheme(raw) else triage.no_mention()
        assert (b.is_assembly, b.event_sentences, b.reasons) == (one.is_assembly, one.event_sentences, one.reasons)
    assert sum(b.is_assembly for b in batch) > 20 and sum(not b.passed_quick for b in batch) > 20


def test_word_characters_are_the_word_class():
    assert text._WORD_CHARS == {c for c in map(chr, range(0x500)) if re.fullmatch(text.WORD, c)}


_LAST = re.compile(rf"({text.WORD}+)\.?[\"»”)]?$")


@settings(max_examples=examples(300, 3000), deadline=None)
@given(st.text(alphabet=st.sampled_from(list("абвгУЖzZ.\"»”) ,-1әІ")), max_size=90))
def test_last_word_equals_the_pattern(s):
    found = _LAST.findall(s)
    assert text._last_word(s) == (found[-1] if found else None)
