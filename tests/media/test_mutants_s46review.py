"""(session 46) The review loop's survivors of the mutation run (scripts/mutate.py --area media; docs/testing.md,
"Session 46"): the sheet a monitor fills (what was typed before kept, the not_events sheet and its answers, the
drop-downs read back), a card file corrected by hand never overwritten nor deleted, one stable candidate of several
articles with every field, the match to a card, and the two sides' claims of one crowd. The end-to-end promises are
tests/media/test_review_loop.py's. Each expected value is worked out from the input."""
from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
import re
from pathlib import Path

import pytest
import yaml

from assets.media import dedup, match
from assets.media.event import Event
from assets.media.participants import ANNOUNCED_BEFORE_RE
from assets.media.source_claims import other_source_claim
from assets.media.text import Sentence

D = dt.date


# -- match.py: a candidate scored against a card -----------------------------------------------------------------------
def _cand(**over):
    return {"city": "almaty", "date": D(2017, 5, 3), "form": "picket", "topic": "против тарифов", **over}


def test_a_card_two_days_off_still_scores_and_the_same_form_counts_in_full():
    card = {"card_id": "2017-ALA-001", "period": "2017", "city": "almaty", "date": D(2017, 5, 5), "form": "picket",
            "topic": "против тарифов"}
    # two days off: 0.4 x 0.4 for the date, the same form 0.3 x 1, the same topic 0.3 x 1
    assert match.score(_cand(), card) == 0.76
    m = match.best_match(_cand(), [card])
    assert m == match.Match("2017-ALA-001", "2017", 0.76)
    # one day off, a compatible form (a rally for a picket): 0.4 x 0.7 + 0.3 x 0.5 + 0.3 = 0.73
    assert match.score(_cand(form="rally"), {**card, "date": D(2017, 5, 4)}) == 0.73
    # the same day and form: 1.0; three days off: 0
    assert match.score(_cand(), {**card, "date": D(2017, 5, 3)}) == 1.0
    assert match.score(_cand(), {**card, "date": D(2017, 5, 6)}) == 0.0


def test_the_best_of_two_cards_is_the_match():
    near = {"card_id": "A", "period": "2017", "city": "almaty", "date": D(2017, 5, 3), "form": "picket",
            "topic": "против тарифов"}
    far = {**near, "card_id": "B", "date": D(2017, 5, 4)}
    assert match.best_match(_cand(), [far, near]).card_id == "A"
    assert match.best_match(_cand(), [near, far]).card_id == "A"
    # the threshold is reached at its value: 0.76 with a threshold of 0.76 matches, with 0.77 not
    two_days = {**near, "date": D(2017, 5, 5)}
    assert match.best_match(_cand(), [two_days], threshold=0.76) is not None
    assert match.best_match(_cand(), [two_days], threshold=0.77) is None


# -- source_claims.py: the organisers' and the police's counts of one gathering ----------------------------------------
def _claims(texts, first, ev=None):
    """other_source_claim on sentences 0, 1, ... of one paragraph; the event's count (1, 2, 3) marks "unchanged"."""
    ev = ev or Event(participants_low=1, participants=2, participants_high=3)
    ev.evidence["participants"] = first
    other_source_claim(ev, [Sentence(i, t, 0, 0) for i, t in enumerate(texts)], ANNOUNCED_BEFORE_RE)
    return ev.participants_low, ev.participants, ev.participants_high, ev.evidence["participants"]


ORG_POLICE = "По данным организаторов, на митинг вышли 2000 человек, по данным полиции — около 500."


def test_a_bare_figure_of_the_police_under_a_hundred_is_a_claim():
    # "около 50" is 45..55 and named by "по данным полиции —" with no noun after it: the second claim
    t = "По данным организаторов, на митинг вышли 200 человек, по данным полиции — около 50."
    assert _claims([t], t) == (45, 125, 200, t)  # best: (50 + 200) / 2


def test_a_figure_of_no_people_beside_the_two_claims_is_no_claim():
    # "2 часа" counts hours: the claims stay 2000 and "около 500" (450..550), best (500 + 2000) / 2
    t = ORG_POLICE[:-1] + ", митинг длился 2 часа."
    assert _claims([t], t)[:3] == (450, 1250, 2000)


def test_one_figure_of_one_side_is_no_second_claim():
    # both sides named, one figure: nothing to span (the event keeps the count it had)
    t = "По данным организаторов, на митинг вышли 300 человек; по данным полиции, задержаний не было."
    assert _claims([t], t) == (1, 2, 3, t)


def test_a_planned_crowd_early_in_a_long_sentence_is_no_claim():
    # 5000 is what the organisers planned (within 80 characters of "планировали"); the claims are 500 and 1000
    # ("намеревались" is a plan only: the announcement's pattern, read over 60 characters, does not take it)
    t = ("Организаторы намеревались собрать 5000 человек, но по данным полиции пришли около 500, по данным "
         "организаторов — 1000.")
    assert _claims([t], t)[:3] == (450, 750, 1000)


def test_the_police_figure_in_the_sentence_after_the_organisers_is_read_whatever_precedes_them():
    s = ["Митинг прошёл в Костанае.", "По данным организаторов, на митинг вышли 2000 человек.",
         "По данным полиции, участников было около 500."]
    assert _claims(s, s[1]) == (450, 1250, 2000, s[1] + " " + s[2])


def test_evidence_ending_with_the_count_sentence_finds_it():
    # the evidence is the headline and the sentence: the sentence is found by the evidence's end
    first = "Митинг в Костанае. " + ORG_POLICE
    assert _claims([ORG_POLICE], first) == (450, 1250, 2000, first)


# -- dedup.py: one candidate of several articles ---------------------------------------------------------------------
@pytest.mark.parametrize("a, b, compatible", [
    ("picket", "single_picket", True), ("rally", "picket", True), ("march", "flashmob", True),
    ("happening", "flashmob", True), ("road_block", "rally", True), ("road_block", "picket", True),
    ("flashmob", "happening", True), ("other", "hunger_strike", True), (None, "rally", True),
    ("march", "rally", False), ("hunger_strike", "picket", False), ("happening", "march", False),
])
def test_forms_compatible_by_hand(a, b, compatible):
    assert dedup.forms_compatible(a, b) is compatible


def _art(key, published, **over):
    return {"event_key": key, "url": f"https://n.kz/{key}", "city": "almaty", "date": D(2017, 5, 3),
            "form": "picket", "topic": "против тарифов", "title": f"Пикет {key}", "published": published,
            "article_id": "a" + key, "kind": "web", **over}


def test_a_candidate_takes_each_field_by_vote_and_a_tie_by_the_earliest_article():
    a = _art("k1", D(2017, 5, 3), character="social", organizer_type="ngo", place="у акимата",
             participants_low=10, participants=12, participants_high=15, detained=1, why_found="пикет",
             evidence={"city": "в Алматы", "date": "3 мая"})
    b = _art("k2", D(2017, 5, 4), character="political", organizer_type="citizens", place=None,
             participants_low=20, participants=25, participants_high=30, detained=3,
             evidence={"city": "Алматы, второй"})
    c = _art("k3", D(2017, 5, 5), character="political", organizer_type=None, place="",
             participants=40, detained=None, kind="telegram")
    out = dedup.merge([a, b, c])  # as cluster gives a group: by publication
    assert out["candidate_id"] == "m" + hashlib.sha1(b"k1").hexdigest()[:11]  # the earliest article's key
    assert dedup.candidate_id([c, b, a]) == out["candidate_id"]
    assert out["character"] == "political"  # two of three
    assert out["organizer_type"] == "ngo"  # one vote each: the earliest article's
    assert out["place"] == "у акимата"  # None and "" are no votes
    assert (out["participants_low"], out["participants"], out["participants_high"]) == (10, 25, 30)  # 25: median
    assert out["detained"] == 3
    assert out["evidence"] == {"city": "в Алматы", "date": "3 мая"}  # the earliest article's sentence per field
    assert out["source_links"] == "https://n.kz/k1;https://n.kz/k2;https://n.kz/k3"
    assert out["titles"] == "Пикет k1 | Пикет k2 | Пикет k3"
    assert out["article_ids"] == "ak1;ak2;ak3" and out["event_keys"] == "k1;k2;k3"
    assert out["why_found"] == "https://n.kz/k1: пикет"
    assert out["first_seen"] == D(2017, 5, 3)
    assert out["source_type"] == "media"  # one telegram post among web articles
    assert dedup.merge([c])["source_type"] == "social"


# every field the extraction fills and the sheet shows, typed here (not read from dedup.FIELDS_VOTED)
VOTED = ("time_start", "city", "settlement", "place", "form", "topic", "character", "organizer_type", "organizer_name",
         "duration_min", "attributes", "permission_requested", "permission_answer", "reason_not_applied",
         "police_present", "police_count", "police_warned", "prosecutor_present", "prosecutor_warned", "akimat_present",
         "akimat_warned", "obstruction", "dispersal", "preventive_detentions", "state_organised",
         "authorities_response", "date")


@pytest.mark.parametrize("name", VOTED)
def test_every_extracted_field_reaches_the_candidate(name):
    # the value of two of three articles wins whatever the field; the odd one is the earliest, so no tie decides it
    odd, common = f"{name}-odd", f"{name}-common"
    group = [_art("k1", D(2017, 5, 3), **{name: odd}), _art("k2", D(2017, 5, 4), **{name: common}),
             _art("k3", D(2017, 5, 5), **{name: common})]
    assert dedup.merge(group)[name] == common


def test_an_article_without_a_date_joins_no_event():
    a = _art("k1", D(2017, 5, 3))
    undated = _art("k2", D(2017, 5, 4), date=None)
    assert dedup.same_event(a, undated) is False and dedup.same_event(undated, a) is False
    assert dedup.same_event(a, _art("k3", D(2017, 5, 4))) is True  # the same picket, dated: one event
    assert len(dedup.deduplicate([a, undated])) == 2


# -- review_export.py: what the sheet shows --------------------------------------------------------------------------
def test_only_the_fields_the_sources_disagree_on_are_shown_side_by_side():
    from assets.media.review_export import _claims_text

    ledger = {"participants": [{"value": 30, "url": "https://a"}, {"value": 50, "url": "https://b"}],
              "date": [{"value": "2017-05-03", "url": "https://a"}, {"value": "2017-05-03", "url": "https://b"}],
              "detained": [{"value": 1, "url": "https://a"}, {"value": 4, "url": "https://c"}]}
    shown = "participants: 30 (https://a) | 50 (https://b)\ndetained: 1 (https://a) | 4 (https://c)"
    assert _claims_text(ledger) == shown
    assert _claims_text(json.dumps(ledger)) == shown  # as the warehouse stores it
    assert _claims_text({"date": ledger["date"]}) is None  # all agree: nothing to show
    assert _claims_text(None) is None and _claims_text("") is None and _claims_text("{not json") is None


def test_each_kind_of_value_in_a_cell():
    from assets.media.review_export import MAX_CELL, _cell_value

    assert _cell_value(None) is None
    assert _cell_value(True) == "yes" and _cell_value(False) == "no"
    assert _cell_value(7) == 7 and _cell_value(2.5) == 2.5
    assert _cell_value(D(2017, 5, 3)) == "2017-05-03" and _cell_value(dt.datetime(2017, 5, 3, 15, 30)) == "2017-05-03"
    assert _cell_value({"date": "3 мая", "city": "в Алматы"}) == "date: 3 мая\ncity: в Алматы"
    assert _cell_value("пикет\x01\x07 у акимата") == "пикет у акимата"  # control characters dropped
    assert _cell_value("я" * (MAX_CELL + 5)) == "я" * MAX_CELL


def test_a_row_is_15_points_a_line_up_to_the_cap_and_a_header_16_a_line_and_one_more():
    from assets.media.review_columns import MAX_ROW_LINES
    from assets.media.review_export import _header_height, _row_height

    one_line, three_lines = ("пикет", 20), ("а\nб\nв", 20)
    many = ("\n".join("x" * (MAX_ROW_LINES + 3)), 20)
    assert _row_height([one_line]) == 15 and _row_height([one_line, three_lines]) == 45
    assert _row_height([many, one_line]) == 15 * MAX_ROW_LINES
    assert _header_height([one_line]) == 32 and _header_height([three_lines, one_line]) == 64


def test_a_code_is_shown_by_its_two_labels_and_an_unknown_one_as_it_is():
    from assets.media.review_export import _code_label

    assert _code_label("form", "picket") == "Пикет / Picket"
    assert _code_label("form", "no_such_form") == "no_such_form"


def test_the_help_names_the_columns_and_sheets_the_workbook_has(tmp_path):
    """The help sheet is what a monitor reads first: the source columns it names are the sheet's (1 to the last),
    the merge column and the not_events sheet by their names, and what that sheet holds."""
    from openpyxl import load_workbook

    from assets.media import review_export
    from assets.media.review_columns import COLUMNS, label

    help_text = review_export.HELP
    sources = [c for c in COLUMNS if re.fullmatch(r"source_\d", c)]
    last = len(sources)
    assert [label(c) for c in sources] == [f"Источник {i} / Source {i}" for i in range(1, last + 1)]
    assert f"«Источник 1–{last}»" in help_text and f"Source 1-{last} are clickable" in help_text
    ru, en = label("merge_into").split(" / ")
    assert f"её номер — в «{ru.split(' (')[0]}»" in help_text and f'put its id in "{en.split(" (")[0]}"' in help_text
    assert "Лист «not_events»: статьи, которые программа сочла не событием" in help_text
    assert 'Sheet "not_events": articles judged not to report an event' in help_text
    path = tmp_path / "q.xlsx"
    review_export.export_queue([], path)
    assert "not_events" in load_workbook(path).sheetnames


def _exported(tmp_path, cands, **kw):
    from openpyxl import load_workbook

    from assets.media import review_export
    from assets.media.review_columns import COLUMNS

    path = tmp_path / "review_queue.xlsx"
    assert review_export.export_queue(cands, path, **kw) == len(cands)
    wb = load_workbook(path)
    ws = wb["queue"]
    return path, wb, ws, {k: i + 1 for i, k in enumerate(COLUMNS)}


def test_the_queue_row_shows_the_candidate_and_what_the_monitor_typed_before(tmp_path):
    """A candidate's row: its sources one a column (web links clickable), the city in Russian, codes and yes / no by
    their labels, and the monitor's decision, merge target and notes from the failed import kept; the problem of
    that import under its column."""
    cand = {"candidate_id": "m1", "decision": "принять / accept", "merge_into": "m0", "notes": "звонили организатору",
            "date": D(2017, 5, 3), "city": "almaty", "form": "picket", "police_present": True, "obstruction": False,
            "participants": 15, "topic": "=HYPERLINK(\"http://evil.example\",\"x\")",
            "source_links": "https://a.kz/1;file:///saved/b.txt", "evidence": json.dumps({"date": "3 мая"}),
            "why_found": None, "claims": None}
    path, wb, ws, col = _exported(tmp_path, [cand], notes={"m1": "city: 'Алмата' is not a city"})
    cell = {k: ws.cell(row=2, column=c) for k, c in col.items()}
    assert cell["candidate_id"].value == "m1"
    assert (cell["decision"].value, cell["merge_into"].value, cell["notes"].value) == (
        "принять / accept", "m0", "звонили организатору")
    assert cell["import_note"].value == "city: 'Алмата' is not a city"
    assert cell["date"].value == "2017-05-03" and cell["city"].value == "Алматы"
    assert cell["form"].value == "Пикет / Picket" and cell["participants"].value == 15
    assert cell["police_present"].value == "да / yes" and cell["obstruction"].value == "нет / no"
    assert cell["source_1"].value == "https://a.kz/1" and cell["source_1"].hyperlink.target == "https://a.kz/1"
    assert cell["source_2"].value == "file:///saved/b.txt" and cell["source_2"].hyperlink is None
    assert cell["source_3"].value is None
    assert cell["evidence"].value == "date: 3 мая"
    assert cell["topic"].value.startswith("=HYPERLINK") and cell["topic"].data_type == "s"  # text, no formula
    for k in ("decision", "merge_into", "date", "notes", "police_present"):  # where the monitor types: yellow
        assert cell[k].fill.fgColor.rgb.endswith("FFF2CC")
    for k in ("candidate_id", "source_1", "evidence", "import_note"):
        assert not str(cell[k].fill.fgColor.rgb).endswith("FFF2CC")
    assert cell["evidence"].alignment.wrap_text and not cell["date"].alignment.wrap_text
    assert ws.freeze_panes == "D2"
    last = ws.cell(row=1, column=len(col)).column_letter
    assert ws.auto_filter.ref == f"A1:{last}2"


def test_the_not_events_sheet_lists_each_dropped_article_with_its_reason_and_an_answer_reverses_it(tmp_path):
    from assets.media import review_export, review_sheets

    dropped = [{"url": "https://n.kz/concert", "title": "Концерт на площади", "published": D(2017, 5, 3),
                "reason": "no form of assembly mentioned"},
               {"url": "file:///saved/x.txt", "title": "Сход жителей", "published": None, "reason": None}]
    path, wb, ws, col = _exported(tmp_path, [], not_events=dropped)
    ne = wb["not_events"]
    assert [c.value for c in ne[1]] == ["Ссылка / Link", "Заголовок / Headline", "Опубликовано / Published",
                                        "Почему не событие / Why not an event", "Это событие? / Is an event?"]
    assert [ne.cell(row=2, column=c).value for c in (1, 2, 3)] == ["https://n.kz/concert", "Концерт на площади",
                                                                   "2017-05-03"]
    # the reason in Russian, the rule's own name in brackets (assets/media/reason_words.py)
    assert ne.cell(row=2, column=4).value == "в тексте нет ни одной формы акции [no form of assembly mentioned]"
    assert ne.cell(row=2, column=1).hyperlink.target == "https://n.kz/concert"
    assert ne.cell(row=3, column=1).value == "file:///saved/x.txt" and ne.cell(row=3, column=1).hyperlink is None
    assert ne.cell(row=2, column=5).value is None and ne.cell(row=2, column=5).fill.fgColor.rgb.endswith("FFF2CC")
    assert ne.auto_filter.ref == "A1:E3" and ne.freeze_panes == "B2"
    assert [ne.column_dimensions[x].width for x in "ABCDE"] == list(review_export.NOT_EVENT_WIDTHS)
    (dv,) = ne.data_validations.dataValidation
    assert str(dv.sqref) == "E2:E3" and dv.formula1 == '"да / yes,нет / no"'
    assert wb["codes"].sheet_state == "hidden"
    # the monitor answers "да" for the concert, "нет" for the other: only the concert goes back
    ne.cell(row=2, column=5, value="да / yes")
    ne.cell(row=3, column=5, value="нет")
    wb.save(path)
    assert review_sheets.read_not_events([path]) == {"https://n.kz/concert": (True, path.name),
                                                     "file:///saved/x.txt": (False, path.name)}


def test_every_choice_of_the_drop_downs_reads_back_as_what_it_says(tmp_path):
    """What a monitor picks from a drop-down is read by the import as that decision / that answer."""
    from assets.media import review_export
    from assets.media.review_columns import DECISIONS, _choice
    from assets.media.review_sheets import _bool

    assert [DECISIONS.get(_choice(c).lower()) for c in review_export.DECISION_CHOICES] == ["accept", "reject", "merge"]
    assert [_bool(c) for c in review_export.BOOL_CHOICES] == [(True, None), (False, None)]
    path, wb, ws, col = _exported(tmp_path, [{"candidate_id": "m1"}])
    codes = wb["codes"]
    lists = {codes.cell(row=1, column=j).value: [codes.cell(row=i, column=j).value for i in range(2, codes.max_row + 1)]
             for j in range(1, codes.max_column + 1)}
    assert [v for v in lists["decision"] if v] == review_export.DECISION_CHOICES
    assert [v for v in lists["bool"] if v] == review_export.BOOL_CHOICES
    # a code is chosen by its two labels, and each reads back as its code
    from assets.media.review_columns import code_of

    assert "Пикет / Picket" in lists["form"] and "Митинг / Rally" in lists["form"]
    for name in ("form", "character", "organizer_type", "permission_answer", "reason_not_applied"):
        choices = [v for v in lists[name] if v]
        assert choices and all(" / " in v and code_of(name, v) for v in choices)
        assert "Пикет / Picket" not in choices or name == "form"


def test_the_drop_downs_cover_the_rows_below_the_header_and_a_not_events_formula_is_text(tmp_path):
    cands = [{"candidate_id": "m1"}, {"candidate_id": "m2"}, {"candidate_id": "m3"}]
    path, wb, ws, col = _exported(tmp_path, cands, not_events=[{"url": "https://n.kz/1", "title": "=1+1"}])
    by_formula = {}
    for dv in ws.data_validations.dataValidation:
        by_formula.setdefault(dv.formula1, set()).add(str(dv.sqref))
    decision = ws.cell(row=1, column=col["decision"]).column_letter  # B: candidates in rows 2..4
    assert by_formula["codes!$A$2:$A$4"] == {f"{decision}2:{decision}4"}  # three choices, the three rows
    police = ws.cell(row=1, column=col["police_present"]).column_letter
    assert any(f"{police}2:{police}4" in refs for refs in by_formula.values())
    ne = wb["not_events"]
    assert ne.cell(row=2, column=2).value == "=1+1" and ne.cell(row=2, column=2).data_type == "s"


# -- review_sheets.py: reading the filled sheet back -----------------------------------------------------------------
QUEUE_HEADER = ("Номер кандидата / Candidate id", "Решение / Decision", "Город / City")


def _rows(lines, formulas=None, notes=None):
    from assets.media.review_sheets import _sheet_rows

    return _sheet_rows("queue", [tuple(x) for x in lines], formulas or itertools.repeat(()), notes=notes)


def test_the_header_is_found_on_any_of_the_first_ten_rows_and_not_below():
    above = [("Очередь проверки",)] * 9
    rows, why = _rows([*above, QUEUE_HEADER, ("m1", "принять", "Алматы")])
    assert why is None and [(r.n, r.data["candidate_id"], r.data["city"]) for r in rows] == [(11, "m1", "Алматы")]
    rows, why = _rows([*above, ("ещё строка",), QUEUE_HEADER, ("m1", "принять", "Алматы")])
    assert rows is None and why == ("none of its first 10 rows is the header (columns 'Номер кандидата / Candidate id' "
                                    "and 'Решение / Decision')")
    assert _rows([(None, None)] * 3) == (None, None)  # an empty sheet is no problem


def test_a_header_lacking_the_decision_is_named():
    rows, why = _rows([("Номер кандидата / Candidate id", "Город / City", "Форма / Form"), ("m1", "Алматы", "пикет")])
    assert rows is None and why == "its header (row 1) lacks the column 'Решение / Decision'"


def test_a_formula_without_a_value_is_the_cells_problem_and_two_columns_of_one_field_must_agree():
    header = (*QUEUE_HEADER, "City")  # the city twice: the second by its English half
    lines = [header, ("m1", "принять", "Алматы", "Астана"), ("m2", None, "Алматы", "Алматы"), ("", "", " ", "")]
    formulas = [(), (), (None, "=IF(A1,1,0)"), ()]
    rows, why = _rows(lines, formulas)
    assert [r.n for r in rows] == [2, 3]  # row 4 is empty
    assert rows[0].problems == {"city": "two columns of this field hold different values ('Алматы' and 'Астана')"}
    assert rows[1].problems == {"decision": "the cell holds a formula (=IF(A1,1,0)) with no saved value; type the "
                                            "value itself (or open the file in Excel and save it again)"}
    assert rows[1].data == {"candidate_id": "m2", "decision": None, "city": "Алматы"}


@pytest.mark.parametrize("col, letter", [(0, "A"), (25, "Z"), (26, "AA"), (51, "AZ"), (52, "BA"), (701, "ZZ"),
                                         (702, "AAA")])
def test_column_letters(col, letter):
    from assets.media.review_sheets import _column_letter

    assert _column_letter(col) == letter


def test_a_column_no_field_reads_is_named_with_its_letter_and_count():
    notes: list[str] = []
    lines = [(*QUEUE_HEADER, "Комментарий", None), ("m1", "принять", "Алматы", "звонил", None),
             ("m2", "принять", "Алматы", "  ", "x"), ("m3", None, "Алматы", "ещё", "y")]
    rows, why = _rows(lines, notes=notes)
    assert len(rows) == 3 and why is None
    assert notes == [
        "sheet 'queue': the column 'Комментарий' (D) is not a column of the review, so its 2 filled cells were not "
        "imported (the review reads its own columns only)",
        "sheet 'queue': column E, which has no header, is not a column of the review, so its 2 filled cells were not "
        "imported (the review reads its own columns only)"]
    notes.clear()
    _rows([(*QUEUE_HEADER, "Комментарий"), ("m1", "принять", "Алматы", "звонил")], notes=notes)
    assert notes[0].endswith("so its 1 filled cell was not imported (the review reads its own columns only)")


def test_an_ods_number_is_a_whole_number_only_where_a_float_holds_every_whole_number():
    from assets.media.review_sheets import _ods_value

    # calamine reads every number as a float: 10.0 is the typed 10; from 2**53 on a float skips whole numbers
    # (2**53 + 1 reads as 2**53), so a float there is not taken for the number typed
    assert _ods_value(10.0) == 10 and type(_ods_value(10.0)) is int
    assert type(_ods_value(2.0 ** 53 - 1)) is int
    assert type(_ods_value(2.0 ** 53)) is float and type(_ods_value(-(2.0 ** 53))) is float
    assert _ods_value("") is None and _ods_value(2.5) == 2.5 and _ods_value("пикет") == "пикет"


@pytest.mark.parametrize("typed, read", [
    ("-5", (None, "'-5' is not a whole number of 0 or more")),
    ("2,5", (None, "'2,5' is not a whole number of 0 or more")),
    (-3, (None, "'-3' is not a whole number of 0 or more")),
    (" 1 500 ", (1500, None)), ("5,0", (5, None)), (30.0, (30, None)),
    ("много", (None, "'много' is not a number")),
])
def test_a_count_typed_in_the_sheet(typed, read):
    from assets.media.review_sheets import _int

    assert _int(typed) == read


# -- review.py: the card files a decision writes, and the monitor's edits ---------------------------------------------
def _accepted(card_id="2017-MEDIA-0000aaaa", **card):
    from assets.media import review

    body = {"card_id": card_id, "date": D(2017, 5, 3), "city": "almaty", "participants": 15, **card}
    return review.Decision(candidate_id="m1", decision="accept", merge_into=None, status="done", card=body,
                           card_id=card_id, period="2017")


def test_a_card_file_carries_the_digest_of_its_body_and_a_hand_edit_is_never_overwritten(tmp_path):
    from assets.media import review

    d = _accepted()
    review._write_card(d, tmp_path)
    path = tmp_path / "cards" / "2017" / "2017-MEDIA-0000aaaa.yaml"
    assert d.written and d.card_path == str(path)
    head1, head2, *body = path.read_text(encoding="utf-8").splitlines(keepends=True)
    assert head1 == "# A card made from media reports in the review of candidate m1\n"
    digest = "sha1:" + hashlib.sha1("".join(body).encode("utf-8")).hexdigest()[:16]
    assert head2 == f"# machine-written {digest} (edit freely: a file changed by hand is never overwritten)\n"
    assert yaml.safe_load("".join(body))["participants"] == 15
    assert not review.edited_by_hand(path) and review.written_unchanged(path)
    again = _accepted()
    review._write_card(again, tmp_path)  # the same card: nothing to write
    assert not again.written and not again.kept_by_hand
    # the monitor corrects the count in the file; the next import's sheet still says 15, then 20
    path.write_text(path.read_text(encoding="utf-8").replace("participants: 15", "participants: 17"), encoding="utf-8")
    assert review.edited_by_hand(path) and not review.written_unchanged(path)
    later = _accepted(participants=20)
    review._write_card(later, tmp_path)
    assert later.kept_by_hand and not later.written and "corrected by hand" in later.message
    assert yaml.safe_load(path.read_text(encoding="utf-8"))["participants"] == 17
    # a file written before digests existed: machine-written for the writer, not known to be ours for a deletion
    path.write_text("card_id: 2017-MEDIA-0000aaaa\nparticipants: 17\n", encoding="utf-8")
    assert not review.edited_by_hand(path) and not review.written_unchanged(path)


def test_a_reject_removes_the_card_the_accept_wrote_but_never_one_corrected_by_hand(tmp_path):
    from assets.media import review

    d = _accepted()
    review._write_card(d, tmp_path)
    path = Path(d.card_path)
    old = {"decision": "accept", "card_path": str(path)}
    reject = review.Decision(candidate_id="m1", decision="reject", merge_into=None, status="done")
    review._reject(reject, old)
    assert not path.exists() and reject.status == "done"
    assert reject.message == "reject: 2017-MEDIA-0000aaaa.yaml, written by the earlier accept, removed"
    review._write_card(_accepted(), tmp_path)
    path.write_text(path.read_text(encoding="utf-8") + "notes: сверено с протоколом\n", encoding="utf-8")
    reject = review.Decision(candidate_id="m1", decision="reject", merge_into=None, status="done")
    review._reject(reject, old)
    assert path.exists() and reject.status == "error" and reject.message == (
        "reject: 2017-MEDIA-0000aaaa.yaml was corrected by hand after the earlier accept wrote it (or carries no "
        "digest of what was written): it is kept and the reject was not applied; delete the file yourself if the "
        "event is to go, or take the reject out of the sheet")
    # a reject of a candidate merged before (no card of its own) touches nothing
    reject = review.Decision(candidate_id="m1", decision="reject", merge_into=None, status="done")
    review._reject(reject, {"decision": "merge", "card_path": str(path)})
    assert path.exists() and reject.status == "done" and reject.message == ""


def test_web_links_go_to_the_sources_and_saved_copies_to_one_line_of_the_notes():
    from assets.media import review

    line = review.SAVED_COPIES
    card = {"source_links": "https://a.kz/1"}
    review.place_links(card, ["https://b.kz/2", "file:///saved/1.txt", "https://a.kz/1"])
    assert card == {"source_links": "https://a.kz/1;https://b.kz/2", "compiler_notes": line + "file:///saved/1.txt"}
    review.place_links(card, ["file:///saved/2.txt", "file:///saved/1.txt"])  # the line grows, no copy twice
    assert card["compiler_notes"] == line + "file:///saved/1.txt; file:///saved/2.txt"
    card = {"compiler_notes": "звонили в акимат"}
    review.place_links(card, ["file:///saved/3.txt"])
    assert card == {"compiler_notes": "звонили в акимат\n" + line + "file:///saved/3.txt"}  # no web link: no key
    card = {"compiler_notes": "звонили в акимат\n" + line + "file:///saved/3.txt\nещё заметка"}
    review.place_links(card, ["http://c.kz/3", "file:///saved/4.txt"])
    assert card == {"source_links": "http://c.kz/3", "compiler_notes": (
        "звонили в акимат\n" + line + "file:///saved/3.txt; file:///saved/4.txt\nещё заметка")}


ACCEPTED_ROW = {"date": "03.05.2017", "time_start": "15.30", "city": "Алматы", "form": "Пикет / Picket",
                "topic": "  против тарифов ", "character": "Социальный", "organizer_type": "ngo",
                "participants": "15", "attributes": "Плакаты; flags, placards", "permission_requested": "да / yes",
                "permission_answer": "Разрешено / Granted", "police_present": "нет",
                "source_links": "https://a.kz/1;https://b.kz/2"}


def test_an_accepted_row_becomes_the_card_it_says():
    from assets.media import review

    card, problems = review.build_card("m1", dict(ACCEPTED_ROW))
    assert problems == []
    assert card == {
        "card_id": "2017-MEDIA-" + hashlib.sha1(b"m1").hexdigest()[:8],  # the candidate's, stable across imports
        "date": D(2017, 5, 3), "time_start": "15:30", "city": "almaty", "form": "picket", "topic": "против тарифов",
        "character": "social", "organizer_type": "ngo",
        "participants_low": 15, "participants": 15, "participants_high": 15,  # one count: its own range
        "attributes": "placards;flags",  # each code once, in the order typed
        "permission_requested": True, "permission_answer": "granted", "police_present": False,
        "source_type": "media", "source_links": "https://a.kz/1;https://b.kz/2"}
    assert list(card)[:3] == ["card_id", "date", "time_start"]  # the fields in the card's own order
    card, problems = review.build_card("m1", {**ACCEPTED_ROW, "participants_low": 10, "participants_high": 30,
                                              "source_type": "social"})
    assert (card["participants_low"], card["participants"], card["participants_high"]) == (10, 15, 30)
    assert card["source_type"] == "social"


@pytest.mark.parametrize("over, problem", [
    ({"date": "третьего мая"}, "date: 'третьего мая' is not a date (YYYY-MM-DD or DD.MM.YYYY)"),
    ({"date": None}, "date: '' is not a date (YYYY-MM-DD or DD.MM.YYYY)"),
    ({"date": "03.05.1990"}, "date: 1990-05-03 lies in no monitoring period of config/periods.yaml"),
    ({"city": "Алмата"}, "city: 'Алмата' is not a city of config/gazetteer.yaml"),
    ({"form": "концерт"}, "form: 'концерт' is not a code of form: choose one of "),
    ({"attributes": "плакаты; свечи; шарики"}, "attributes: свечи, шарики not codes of attributes: choose from "),
    ({"time_start": "25:00"}, "time_start: '25:00' is not a time HH:MM"),
    ({"participants": "1,000"}, "participants: '1,000' is ambiguous"),
    ({"topic": None}, "topic: required, please fill it in"),
])
def test_what_keeps_a_row_from_being_a_card_is_named_with_what_was_typed(over, problem):
    from assets.media import review

    card, problems = review.build_card("m1", {**ACCEPTED_ROW, **over})
    assert card is None and any(p.startswith(problem) for p in problems), problems
    assert len(problems) == 1  # only the field at fault


def test_a_merge_into_a_card_decided_before_adds_its_links_to_that_file(tmp_path):
    """A row merged into a candidate accepted at an earlier import: its links join that card's file, whose digest
    follows when the file is still the machine's, and stays (so the file stays "corrected by hand") when it is not."""
    from assets.media import review

    d = _accepted(source_links="https://a.kz/1")
    review._write_card(d, tmp_path)
    path = Path(d.card_path)
    known = {"m1": {"decision": "accept", "card_id": d.card_id, "period": "2017", "card_path": str(path)}}
    m = review.Decision(candidate_id="m2", decision="merge", merge_into="m1", status="done")
    review._merge(m, {"m2": m}, {"m2": {"source_links": "https://b.kz/2;file:///saved/c.txt"}}, known, set())
    assert (m.status, m.card_id, m.period, m.card_path) == ("done", d.card_id, "2017", str(path))
    card = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert card["source_links"] == "https://a.kz/1;https://b.kz/2"
    assert card["compiler_notes"] == review.SAVED_COPIES + "file:///saved/c.txt"
    assert review.written_unchanged(path)  # the digest follows the machine's own change
    # the whole digest replaced (the first one, sha1:6098…, holds a 0: a pattern of the digest missing the 0 would
    # leave its tail behind)
    head, *body = path.read_text(encoding="utf-8").splitlines(keepends=True)[1:]
    digest = hashlib.sha1("".join(body).encode("utf-8")).hexdigest()[:16]
    assert head == f"# machine-written sha1:{digest} (edit freely: a file changed by hand is never overwritten)\n"
    path.write_text(path.read_text(encoding="utf-8").replace("participants: 15", "participants: 16"), encoding="utf-8")
    m2 = review.Decision(candidate_id="m3", decision="merge", merge_into="m1", status="done")
    review._merge(m2, {"m3": m2}, {"m3": {"source_links": "https://d.kz/4"}}, known, set())
    card = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert card["source_links"] == "https://a.kz/1;https://b.kz/2;https://d.kz/4" and card["participants"] == 16
    assert review.edited_by_hand(path)  # still the monitor's: the next accept will not overwrite it
    # a merge into an existing card of the monitors' own, and into nothing known
    m3 = review.Decision(candidate_id="m4", decision="merge", merge_into="2017-ALA-003", status="done")
    review._merge(m3, {"m4": m3}, {"m4": {}}, {}, {"2017-ALA-003"})
    assert (m3.status, m3.card_id) == ("done", "2017-ALA-003")
    m4 = review.Decision(candidate_id="m5", decision="merge", merge_into="m9", status="done")
    review._merge(m4, {"m5": m4}, {"m5": {}}, known, {"2017-ALA-003"})
    assert m4.status == "error" and m4.message == "merge: 'm9' is neither an accepted candidate nor an existing card"
    m5 = review.Decision(candidate_id="m6", decision="merge", merge_into=None, status="done")
    review._merge(m5, {"m6": m5}, {"m6": {}}, known, set())
    assert m5.status == "error" and m5.message.startswith("merge: say in merge_into")


def _sheet(path, rows, *, extra=None):
    """A workbook of one queue sheet (the header, then `rows`) and optionally more sheets: name -> rows."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "queue"
    for r in rows:
        ws.append(list(r))
    for name, lines in (extra or {}).items():
        other = wb.create_sheet(name)
        for r in lines:
            other.append(list(r))
    wb.save(path)
    return path


HEAD = ("Номер кандидата / Candidate id", "Решение / Decision", "Тема / Topic", "Тип источника / Source type")


def test_two_rows_of_one_candidate_with_different_values_are_a_conflict_and_equal_ones_are_not(tmp_path):
    from assets.media import review

    path = _sheet(tmp_path / "r1.xlsx", [HEAD, ("m1", "принять", "тарифы", None), ("m1", "принять", "вода", None),
                                         ("m2", "принять", "тарифы", None), ("m2", "accept", " тарифы ", None)])
    by = {d.candidate_id: d for d in review._file_decisions(path)[0]}
    assert by["m1"].status == "error"
    assert by["m1"].message == "rows 2 and 3 both decide m1, differently: neither was applied; keep one row for it"
    assert by["m2"].status == "done" and by["m2"].decision == "accept" and by["m2"].review_row == 5


def test_a_candidate_id_typed_differently_in_two_columns_is_the_rows_error(tmp_path):
    from assets.media import review

    head = (*HEAD, "Candidate id")
    path = _sheet(tmp_path / "r1.xlsx", [head, ("m1", "принять", "тарифы", None, "m7")])
    (d,) = review._file_decisions(path)[0]
    assert (d.candidate_id, d.status) == ("m1", "error")
    assert d.message == "candidate_id: two columns of this field hold different values ('m1' and 'm7')"


def test_the_files_own_problems_come_before_its_rows(tmp_path):
    from assets.media import review

    path = _sheet(tmp_path / "r1.xlsx", [HEAD, ("m1", "может быть", "тарифы", None)],
                  extra={"not_events": [("ответы ниже",), ("да",)]})
    decisions = review._file_decisions(path)[0]
    assert [(d.review_sheet, d.review_row) for d in decisions] == [("not_events", 0), ("queue", 2)]
    assert decisions[0].message.startswith("r1.xlsx: sheet 'not_events' was not read: ")
    assert decisions[1].message == "decision 'может быть' is not accept, reject or merge"


def test_a_csv_is_named_as_not_read_with_what_is_read(tmp_path):
    from assets.media import review

    path = tmp_path / "r1.csv"
    path.write_text("candidate_id,decision\nm1,accept\n", encoding="utf-8")
    (d,) = review._file_decisions(path)[0]
    assert d.status == "error" and d.message == (
        "r1.csv was not read: the review import reads Excel workbooks (.xlsx) and LibreOffice spreadsheets (.ods) "
        "only; open it and save it as .xlsx (Excel workbook) (a .csv keeps neither the columns' layout nor the "
        "drop-downs)")


def test_a_changed_source_type_is_a_changed_row():
    """A card file the monitor removed is written again only when its row changed: the source type is one of the
    values a card is made of, the import's own note is not."""
    from assets.media import review

    row = {"decision": "accept", "topic": "тарифы", "source_type": "media", "import_note": "x"}
    assert review._card_inputs(row) == review._card_inputs(json.dumps(row))
    assert review._card_inputs(row) != review._card_inputs({**row, "source_type": "social"})
    assert review._card_inputs(row) != review._card_inputs({**row, "topic": "вода"})
    assert review._card_inputs(row) == review._card_inputs({**row, "import_note": "y"})


def test_two_files_merging_one_candidate_into_different_targets_are_a_conflict(tmp_path, monkeypatch):
    import os

    from assets.media import review

    monkeypatch.setenv("MONITOR_INBOX", str(tmp_path / "elsewhere"))  # the import writes where it is told
    inbox = tmp_path / "inbox"
    head = (*HEAD[:2], "Объединить с (номер) / Merge into (id)")
    r1 = _sheet(tmp_path / "r1.xlsx", [head, ("m3", "объединить", "m1"), ("m4", "объединить", "m1")])
    r2 = _sheet(tmp_path / "r2.xlsx", [head, ("m3", "merge", "m2"), ("m4", "объединить / merge", "m1")])
    os.utime(r1, (1_000_000, 1_000_000))
    os.utime(r2, (2_000_000, 2_000_000))
    by = {d.candidate_id: d for d in review.import_reviews([r2, r1], inbox=inbox, known_cards={"m1", "m2"})}
    assert by["m3"].status == "error" and by["m3"].message == (
        "decided differently in two review files (merge into m1 in r1.xlsx, row 2; merge into m2 in r2.xlsx, row 2): "
        "neither was applied; keep the row in one file only, or make the rows agree")
    assert by["m4"].status == "done" and by["m4"].card_id == "m1"  # the same merge in both files: no conflict
    # an accept is written into the inbox it was given
    head = ("Номер кандидата / Candidate id", "Решение / Decision", *(review_label(k) for k in ACCEPTED_ROW))
    r3 = _sheet(tmp_path / "r3.xlsx", [head, ("m5", "accept", *ACCEPTED_ROW.values())])
    (d,) = review.import_reviews([r3], inbox=inbox)
    assert d.status == "done" and d.card_path == str(inbox / "cards" / "2017" / f"{d.card_id}.yaml")
    assert Path(d.card_path).exists() and not (tmp_path / "elsewhere").exists()


def review_label(key):
    from assets.media.review_columns import label

    return label(key)


def test_a_date_corrected_into_another_period_moves_the_card_unless_the_old_one_was_corrected_by_hand(tmp_path):
    from assets.media import review

    old = _accepted(card_id="2016-MEDIA-0000aaaa", date=D(2016, 12, 30))
    old.period = "2016"
    review._write_card(old, tmp_path)
    known = {"decision": "accept", "card_path": old.card_path}
    d = _accepted(card_id="2017-MEDIA-0000aaaa")
    review._leave_old_card(d, known, tmp_path)
    assert not Path(old.card_path).exists() and d.card is not None
    assert d.message == "2016/2016-MEDIA-0000aaaa.yaml removed: the card's date now lies in period 2017"
    review._write_card(old, tmp_path)
    path = Path(old.card_path)
    path.write_text(path.read_text(encoding="utf-8") + "notes: дата по протоколу\n", encoding="utf-8")
    d = _accepted(card_id="2017-MEDIA-0000aaaa")
    review._leave_old_card(d, known, tmp_path)
    assert path.exists() and (d.card, d.card_id, d.period, d.status) == (None, None, None, "error")
    assert d.message == (
        "the row's date puts the card in another period, but 2016/2016-MEDIA-0000aaaa.yaml, written by an earlier "
        "accept, was corrected by hand (or carries no digest of what was written): it is kept and the row's card "
        "was not written; correct the date in that file (and move it to its period's folder), or delete it and "
        "import again")
