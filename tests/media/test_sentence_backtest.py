"""The marked event sentences (tests/media/real/event_sentences.jsonl, session 41) and the sentence model's pieces."""
from __future__ import annotations

import json

import pytest

from assets.media import evaluate_real, sentence_backtest as sb
from assets.media.sources import NEVER_TRAIN, OPENED_PARTS

PARTS = ("dev", "measured", *OPENED_PARTS)


@pytest.fixture(scope="module")
def marks():
    return sb.load_marks()


@pytest.fixture(scope="module")
def assemblies():
    """{part/file: its sentences as `split` gives them}, every article of PARTS that reports an assembly."""
    out = {}
    for part in PARTS:
        for name, item in evaluate_real.load(evaluate_real.DEFAULT_DIR, part):
            if item["annotations"]["is_event"]:
                out[f"{part}/{name.split('/')[-1]}"] = sb.split(*evaluate_real.article(item)[:2])
    return out


def test_every_assembly_of_the_opened_parts_is_marked_and_nothing_else(marks, assemblies):
    assert set(marks) == set(assemblies)
    assert not any(a.split("/")[0] in NEVER_TRAIN for a in marks)  # never a closed part


def test_each_mark_is_the_sentence_the_splitter_gives_today(marks, assemblies):
    """A change of `split` or of text.sentences that moves a sentence shows here, article and index named."""
    wrong = [(a, i) for a, ms in marks.items() for i, quote in ms
             if i >= len(assemblies[a]) or not assemblies[a][i].startswith(quote)]
    assert not wrong, f"marks no longer on their sentence (re-mark or keep the splitter): {wrong[:5]}"
    lines = [json.loads(x) for x in sb.LABELS.read_text(encoding="utf-8").splitlines()]
    assert all(d["sentences"] == len(assemblies[d["article"]]) for d in lines)


def test_marks_are_few_sentences_of_each_article(marks, assemblies):
    """What an annotator marks: the sentences that tell the event, not the whole lead (about 3 of 8)."""
    marked = sum(len(m) for m in marks.values())
    total = sum(len(s) for s in assemblies.values())
    assert 2.5 <= marked / len(marks) <= 4.0 and marked / total < 0.5
    assert sum(not m for m in marks.values()) <= 5  # an article whose stored lead never tells it


def test_split_stops_at_twelve_sentences_or_the_characters():
    body = " ".join(f"Жители собрались у акимата номер {i}." for i in range(40))
    assert len(sb.split("Заголовок", body)) == sb.MAX_SENTENCES
    long = " ".join(f"{'Очень длинное предложение о собрании жителей ' * 8}{i}." for i in range(10))
    s = sb.split("Заголовок", long)
    assert s[0] == "Заголовок" and len(s) < sb.MAX_SENTENCES
    assert sum(map(len, s[:-1])) <= sb.MAX_CHARS < sum(map(len, s)) + len("Заголовок")


def test_a_twice_marked_article_is_refused(tmp_path):
    p = tmp_path / "m.jsonl"
    line = json.dumps({"article": "dev/a.yaml", "sentences": 3, "event": [[0, "x"]]})
    p.write_text(f"{line}\n{line}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 2: article 'dev/a.yaml' is marked twice"):
        sb.load_marks(p)


def test_the_sentence_model_scores_an_article_by_its_best_sentence():
    rows = [("u1", True, ["жители собрались у акимата", "погода была хорошей"], [True, False]),
            ("u2", False, ["акимат отчитался о ремонте", "погода была хорошей"], [False, False]),
            ("u3", True, ["рабочие вышли на митинг", "зарплату не платят"], [True, False]),
            ("u4", False, ["концерт прошел в парке", "зарплату повысили"], [False, False])]
    m = sb.SentenceModel().fit(rows)
    one = [("a", True, ["погода была хорошей"], [False])]
    two = [("b", True, ["погода была хорошей", "жители собрались у акимата"], [False, True])]
    assert m.article_scores(two)[0] > m.article_scores(one)[0]
    assert m.article_scores(two)[0] == pytest.approx(max(m.article_scores([("c", True, [s], [False])])[0]
                                                         for s in two[0][2]))
