"""The triage's reasons in Russian for the monitor (assets/media/reason_words.py, session 45): every reason the rules
can give has words, the quote and the rule's shorthand are kept, a reason without words is left as it is, and the
review workbook shows them so."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from assets.media import evaluate_real, reason_words, review_export, triage, triage_cues, triage_formless_gatherings
from assets.media import triage_in_person
from assets.media.reason_words import CUES, NOT_COUNTED, WHOLE, for_monitor, one, split_reasons
from assets.media.review_columns import COLUMNS

MEDIA = Path(reason_words.__file__).parent


def _literals(pattern: str, *files: str) -> set[str]:
    return {m for f in files for m in re.findall(pattern, (MEDIA / f).read_text(encoding="utf-8"))}


def test_every_cue_and_every_not_counted_kind_the_rules_name_has_words():
    cues = set(triage_in_person.REASONS) | {c[2] for c in triage_formless_gatherings.CLASSES} \
        | {"keeping works from going on"} \
        | _literals(r'v\.reasons\.append\("([^"]+)"\)', "triage_sentence.py", "triage.py")
    assert cues - set(CUES) == set()
    kinds = set(triage_cues.NEGATIVE) | _literals(r'return "([a-z ]+)"', "triage_modes.py") \
        | _literals(r'negatives\.append\("([^"]+)"\)', "triage.py", "triage_sentence.py") \
        | _literals(r'^- "([a-z ]+)"', "triage_not_events.py")
    assert kinds and kinds - set(NOT_COUNTED) == set()
    whole = _literals(r'set_aside = (?:\[\], )?"((?:[^"\\]|\\.)+)"', "triage.py")
    assert len(whole) >= 8 and {w.replace('\\"', '"') for w in whole} - set(WHOLE) == set()


@pytest.mark.parametrize("part", ["dev", "measured"])
def test_every_reason_on_real_articles_is_read_in_russian(part):
    """Run the rules on a part's real articles: each reason they give comes out with Russian words and its
    shorthand in brackets, its quote unchanged."""
    seen = 0
    for _, item in evaluate_real.load(split=part):
        title, text, published = evaluate_real.article(item)[:3]
        for reason in triage.classify(title, text, published).reasons:
            out = one(reason)
            seen += 1
            assert out != reason and re.search("[а-яё]", out.split(" [")[0]), reason
            quote = re.search(r"«.*»", reason, re.S)
            assert quote is None or quote.group(0) in out, reason
    assert seen > 200


def test_split_keeps_a_quote_whole():
    assert split_reasons("sentence 1: gathering «а; б»; title is about: court") == [
        "sentence 1: gathering «а; б»", "title is about: court"]
    assert split_reasons("") == [] and split_reasons("x") == ["x"]


def test_each_kind_of_reason_by_hand():
    assert one("sentence 2: gathering+protest, crowd at a seat of power «Люди у акимата.»") == (
        "предложение 2: люди собрались с протестом; толпа у здания власти «Люди у акимата.» "
        "[sentence 2: gathering+protest, crowd at a seat of power]")
    assert one("sentence 3 not counted (planned, court) «Завтра.»") == (
        "предложение 3 не засчитано (план или анонс; суд) «Завтра.» [sentence 3 not counted (planned, court)]")
    assert one("sentence 4 not counted () «x»") == "предложение 4 не засчитано «x» [sentence 4 not counted ()]"
    assert one("title is about: celebration") == "заголовок о другом: праздник [title is about: celebration]"
    assert one("sentence 0: a gathering or road block with no protest cue near it «Собрались.»").startswith(
        "предложение 0: люди собрались или перекрыли дорогу, но протест рядом не назван «Собрались.»")
    assert one("learned step (override): p(assembly) = 0.41, the rules said mention_only").startswith(
        "обученная модель изменила решение правил (правила: не акция; вероятность акции 0.41)")
    assert one("the same event as rejected candidate m12ab").startswith("то же событие, что отклонённый кандидат m12ab")
    # words it has none for: left as they are, never half-translated
    assert one("sentence 2: gathering, a cue of tomorrow «x»") == "sentence 2: gathering, a cue of tomorrow «x»"
    assert one("something new") == "something new"


def test_a_cell_of_several_articles_and_a_change():
    cell = ("the articles changed after the decision: participants 50 → 300; date 2020-01-01 → 2020-01-02 — decide "
            "again (a card corrected by hand is kept as it is)\n"
            "https://a.kz/1: sentence 1: form+verb «Митинг прошёл.»; title is about: court\n"
            "https://b.kz/2: no form of assembly mentioned")
    lines = for_monitor(cell).split("\n")
    assert lines[0].startswith("статьи изменились после решения: участники 50 → 300; дата 2020-01-01 → 2020-01-02")
    assert lines[1:] == ["https://a.kz/1:",
                         "• предложение 1: названа форма акции и сказано, что она прошла «Митинг прошёл.» "
                         "[sentence 1: form+verb]",
                         "• заголовок о другом: суд [title is about: court]",
                         "https://b.kz/2:",
                         "• в тексте нет ни одной формы акции [no form of assembly mentioned]"]
    assert for_monitor(None) is None and for_monitor("") == ""


def test_a_refusal_says_first_what_refused_it():
    cell = ("sentence 0: form+verb «В Тбилиси прошёл митинг.»; sentence 2 not counted (planned) «Завтра.»; "
            "the event is abroad (no city of Kazakhstan named)")
    assert [line.split(" [")[0] for line in for_monitor(cell, refused=True).split("\n")] == [
        "• предложение 2 не засчитано (план или анонс) «Завтра.»",
        "• событие за рубежом (город Казахстана не назван)",
        "• предложение 0: названа форма акции и сказано, что она прошла «В Тбилиси прошёл митинг.»"]
    assert for_monitor(cell).split("\n")[0].startswith("• предложение 0: названа форма акции")  # the queue: as given


def test_the_workbook_shows_the_reasons_in_russian(tmp_path):
    cand = {k: None for k in COLUMNS} | {"candidate_id": "c1", "date": "2022-02-14", "city": "almaty",
                                         "why_found": "https://a.kz/1: sentence 1: form+verb «Митинг прошёл.»"}
    path = tmp_path / "q.xlsx"
    review_export.export_queue([cand], path, not_events=[
        {"url": "https://b.kz/2", "title": "Концерт", "published": None, "reason": "no form of assembly mentioned"}])
    wb = load_workbook(path)
    assert wb["queue"].cell(row=2, column=COLUMNS.index("why_found") + 1).value == (
        "https://a.kz/1:\n• предложение 1: названа форма акции и сказано, что она прошла «Митинг прошёл.» "
        "[sentence 1: form+verb]")
    assert wb["not_events"]["D2"].value == "в тексте нет ни одной формы акции [no form of assembly mentioned]"
    assert any("квадратных скобках" in (c.value or "") for c in wb["help"]["A"])
