"""Tests for the survivors of issue 14's sample of the report's period view and tables with seed 61 (branch i14p;
docs/testing.md, "Measured score"), each on a tiny hand-made fixture with its expected values worked out by hand.

1. A row of the topics' table is labelled as the topic in the edition's language (the cards' English version in
   the English edition, else the topic marked untranslated), not as a row key of the dictionary.
"""
from __future__ import annotations

from tests.test_mutants_i14z import T, _view


# 1. key_label of a topic -------------------------------------------------------------------------------------------------

def test_a_topics_row_is_labelled_in_the_editions_language():
    # 2017: one topic, "жильё", whose cards give "housing" in English; another, "тарифы", without an English version
    # (marked with config/labels.yaml's words.untranslated.en, "(untranslated, Russian):")
    v = _view({"2017": {("2", T, "count"): 2.0}}, lang="en")
    v.data.topic_en.update({"жильё": "housing"})
    assert v.key_label("topics", "жильё") == "housing"
    assert v.key_label("topics", "тарифы") == "[(untranslated, Russian): тарифы]{.untranslated lang=ru}"
