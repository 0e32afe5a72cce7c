"""Validation by value (issue 14): every rule of schemas/card.yaml and of assets/validate/rules.py on its
boundary — the last value that passes and the first that fails — with the whole quarantine row (file, row,
field, value, rule, reason) typed by hand. Each case runs through both validations: by column
(validate_period, what the pipeline runs) and record by record (validate_period_by_record, the reference).

The card of every case is GOOD (period 2017, 2017-01-01 – 2017-12-31) changed in a few fields; one record is
row 2 of cards/2017/t.csv.
"""
from __future__ import annotations

import json

import polars as pl
import pytest

from assets.core import periods
from assets.validate.validate import validate_period, validate_period_by_record

GOOD = {
    "card_id": "2017-V-1", "date": "2017-05-03", "city": "Алматы", "form": "picket", "topic": "Тема",
    "character": "social", "organizer_type": "spontaneous", "participants": "15", "permission_requested": "нет",
    "reason_not_applied": "unknown", "source_type": "monitor", "police_count": "2", "police_present": "да",
}
FILE = "cards/2017/t.csv"
NO_FILES = pl.DataFrame(schema={"source_file": pl.Utf8, "problem": pl.Utf8, "warnings": pl.Utf8})
VALIDATORS = {"by_column": validate_period, "by_record": validate_period_by_record}


def raw(*records: tuple[str, dict]) -> pl.DataFrame:
    return pl.DataFrame([{"record_id": f"{FILE}#cards:{i}", "source_file": FILE, "sheet": "cards", "row_no": i,
                          "kind": kind, "data": json.dumps(data, ensure_ascii=False)}
                         for i, (kind, data) in enumerate(records, start=2)])


@pytest.fixture(params=sorted(VALIDATORS))
def validate(request):
    fn = VALIDATORS[request.param]

    def run(*records, files=NO_FILES, period="2017"):
        return fn(periods.get(period), raw(*records), files)
    return run


def rows(res) -> list[tuple]:
    """The quarantine as (row_no, kind, card_id, field, value, rule, reason), in the order it is kept."""
    q = res.quarantine
    assert set(q["severity"].to_list()) <= {"error"}
    assert set(q["source_file"].to_list()) <= {FILE} and set(q["period"].to_list()) <= {"2017"}
    return [(r["row_no"], r["kind"], r["card_id"], r["field"], r["value"], r["rule"], r["reason"])
            for r in q.iter_rows(named=True)]


def card(**change) -> tuple[str, dict]:
    return "card", {**GOOD, **change}


# ------------------------------------------------------------------ each field's type and bounds

def test_the_good_card_and_its_defaults(validate):
    res = validate(card())
    assert rows(res) == []
    c = res.cards.row(0, named=True)
    assert (c["participants_low"], c["participants"], c["participants_high"]) == (15, 15, 15)
    # detained and preventive_detentions left empty: not known (None), never 0
    assert (c["detained"], c["preventive_detentions"], c["police_count"]) == (None, None, 2)
    assert c["sanctioned"] is False and c["period"] == "2017" and c["record_id"] == f"{FILE}#cards:2"
    assert res.events.height == 0


@pytest.mark.parametrize("change,field,value,rule,reason", [
    ({"police_count": "-1"}, "police_count", "-1", "greater_than_or_equal_to(0)",
     "'Количество полицейских' (police_count): '-1' is negative; it cannot be below zero"),
    ({"duration_min": "-1"}, "duration_min", "-1", "greater_than_or_equal_to(0)",
     "'Продолжительность, мин.' (duration_min): '-1' is negative; it cannot be below zero"),
    ({"date": "2016-12-31"}, "date", "2016-12-31", "in_range(2017-01-01, 2017-12-31)",
     "'Дата проведения' (date): 2016-12-31 lies outside the monitoring period 2017 (2017-01-01 – 2017-12-31); "
     "put the card in the folder of its period"),
    ({"date": "01.01.2018"}, "date", "2018-01-01", "in_range(2017-01-01, 2017-12-31)",
     "'Дата проведения' (date): 2018-01-01 lies outside the monitoring period 2017 (2017-01-01 – 2017-12-31); "
     "put the card in the folder of its period"),
    ({"date": "2017-02-30"}, "date", "2017-02-30", "type:date",
     "'Дата проведения' (date): '2017-02-30' is not a date: there is no such day in the calendar"),
    ({"date": "3 мая"}, "date", "3 мая", "type:date",
     "'Дата проведения' (date): '3 мая' is not a date (write 2017-05-03 or 03.05.2017)"),
    ({"participants": ""}, "participants", "", "participants_required_when_held",
     "'Участники (оценка)' (participants) is required but empty (only a record of an event not held, event_status "
     "refused or prevented, may leave it empty)"),
    ({"participants": "15,5"}, "participants", "15,5", "type:int", "'Участники (оценка)' (participants): '15,5' is not a whole number"),
    ({"participants": "1000001"}, "participants", "1000001", "limit:count",
     "'Участники (оценка)' (participants): 1000001 is more than 1 000 000 - not a plausible count "
     "(config/limits.yaml counts); check the number"),
    ({"police_present": "может быть"}, "police_present", "может быть", "type:bool",
     "'Присутствие полиции' (police_present): 'может быть' is not yes/no (да/нет, 1/0, true/false)"),
    ({"time_start": "25:00"}, "time_start", "25:00", "type:time", "'Время начала' (time_start): '25:00' is not a time (write 15:00)"),
    ({"character": "cultural"}, "character", "cultural", "type:code",
     "'Характер' (character): 'cultural' is not one of the codes: political (Политический), economic (Экономический), "
     "social (Социальный)"),
    ({"source_links": "https://a.kz/1; ftp://b.kz"}, "source_links", "https://a.kz/1; ftp://b.kz", "type:links",
     "'Ссылки' (source_links): 'https://a.kz/1; ftp://b.kz' has something that is not an http(s) link"),
    ({"topic": "  "}, "topic", "", "required", "'Тема' (topic) is required but empty"),
    ({"topic": "Тема\x1b[31m"}, "topic", "Тема\x1b[31m", "type:control_character",
     "'Тема' (topic) contains the control character '\\x1b' at position 5, which is not text (copied from a terminal "
     "or a damaged file?); retype the value"),
    # a right-to-left override shows "Тема txet" for what is stored as "Тема text" (Trojan source)
    ({"topic": "Тема \u202etext"}, "topic", "Тема \u202etext", "type:control_character",
     "'Тема' (topic) contains the invisible direction control U+202E at position 6, which shows the text after it "
     "in another order than it is stored; retype the value"),
])
def test_a_bad_value_is_one_quarantine_row_naming_file_row_field_and_value(validate, change, field, value, rule, reason):
    res = validate(card(card_id="2017-V-2"), card(**change))
    assert res.cards["card_id"].to_list() == ["2017-V-2"]
    assert rows(res) == [(3, "card", "2017-V-1", field, value, rule, reason)]


@pytest.mark.parametrize("change", [
    {"participants": "0", "police_count": "0"},
    {"participants": "1000000"},
    {"date": "2017-01-01"}, {"date": "31.12.2017"}, {"date": "31.12.2017 10:00"}, {"date": "3 мая 2017 г."},
    {"participants": " 1 000 ", "participants_high": "1000,0"},
    {"police_present": "Да", "permission_requested": "0"},
    {"police_present": "Да.", "permission_requested": "Нет."}, {"police_present": "Ия", "permission_requested": "жок"},
    {"form": "Одиночный пикет"}, {"form": "FLASH MOB"}, {"character": "Political"},
    {"time_start": "23:59"}, {"time_start": "9.30"},
    {"source_links": "https://a.kz/1; http://b.kz/2"},
    {"attributes": ""},
])
def test_the_last_value_that_passes(validate, change):
    res = validate(card(**change))
    assert rows(res) == [] and res.cards.height == 1


def test_values_as_read(validate):
    c = validate(card(participants=" 1 000 ", participants_high="1000,0", form="Одиночный пикет",
                      time_start="9.30", date="31.12.2017 18:45", police_present="нет", police_count="0",
                      source_links="https://a.kz/1;  http://b.kz/2")).cards.row(0, named=True)
    assert (c["participants"], c["participants_high"], c["form"]) == (1000, 1000, "single_picket")
    assert (str(c["time_start"]), str(c["date"]), c["police_present"], c["source_links"]) == \
        ("09:30:00", "2017-12-31", False, "https://a.kz/1;http://b.kz/2")


# ------------------------------------------------------------------ the cross-field rules, each at its boundary

REQ_ANSWER = "permission was requested: give the authorities' answer (granted, refused, other_place, no_answer)"


@pytest.mark.parametrize("change,expected", [
    # detained <= max(participants, participants_high)
    ({"detained": "15"}, []),
    ({"detained": "16"}, [("detained", "16", "detained_le_participants",
                           "16 persons detained but only 15 participants: detained cannot exceed participants")]),
    ({"participants_high": "20", "detained": "20"}, []),
    ({"participants_high": "20", "detained": "21"}, [("detained", "21", "detained_le_participants",
                                                      "21 persons detained but only 15 participants: detained cannot exceed participants")]),
    # preventive <= detained
    ({"detained": "3", "preventive_detentions": "3"}, []),
    ({"detained": "3", "preventive_detentions": "4"}, [("preventive_detentions", "4", "preventive_le_detained",
                                                        "4 preventive detentions but 3 detained in all: preventive "
                                                        "detentions are counted among the detained")]),
    # low <= participants <= high
    ({"participants_low": "15", "participants_high": "15"}, []),
    ({"participants_low": "16"}, [("participants", "15", "participants_bounds",
                                   "participants must lie between the low and high estimates: low 16, best 15, high 15")]),
    ({"participants_high": "14"}, [("participants", "15", "participants_bounds",
                                    "participants must lie between the low and high estimates: low 15, best 15, high 14")]),
    # permission asked / not asked
    ({"permission_requested": "да", "permission_answer": "granted", "reason_not_applied": ""}, []),
    ({"permission_requested": "да", "permission_answer": "granted"},
     [("reason_not_applied", "unknown", "requested_has_no_reason",
       "permission was requested, so there is no reason for not applying: clear 'unknown'")]),
    ({"permission_requested": "да", "reason_not_applied": ""},
     [("permission_answer", "", "request_needs_answer", REQ_ANSWER)]),
    ({"reason_not_applied": ""}, [("reason_not_applied", "", "not_requested_needs_reason",
                                   "permission was not requested: give the reason for not applying (use 'unknown' "
                                   "when it is not known)")]),
    ({"permission_answer": "refused"}, [("permission_answer", "refused", "answer_needs_request",
                                         "the authorities' answer is 'refused' but no permission was requested")]),
    # warned needs presence (present not given: fine)
    ({"prosecutor_warned": "да"}, []), ({"akimat_warned": "да"}, []), ({"police_warned": "да", "police_present": ""}, []),
    ({"prosecutor_warned": "да", "prosecutor_present": "да"}, []),
    ({"prosecutor_warned": "нет", "prosecutor_present": "нет"}, []),
    ({"prosecutor_warned": "да", "prosecutor_present": "нет"}, [("prosecutor_warned", "True", "prosecutor_warned_needs_presence",
                                                                 "the prosecutor warned the participants but is marked as not present")]),
    ({"akimat_warned": "да", "akimat_present": "нет"}, [("akimat_warned", "True", "akimat_warned_needs_presence",
                                                         "the akimat warned the participants but is marked as not present")]),
    ({"police_warned": "да", "police_present": "нет", "police_count": "0"},
     [("police_warned", "True", "police_warned_needs_presence", "the police warned the participants but is marked as not present")]),
    # police counted needs presence
    ({"police_present": "нет", "police_count": "0"}, []),
    ({"police_present": "", "police_count": "5"}, []),
    ({"police_present": "нет", "police_count": "1"}, [("police_count", "1", "police_count_needs_presence",
                                                       "1 police counted but police marked as not present")]),
])
def test_cross_field_rule(validate, change, expected):
    res = validate(card(**change))
    assert rows(res) == [(2, "card", "2017-V-1", *e) for e in expected]
    assert res.cards.height == (0 if expected else 1)


REFUSED = {"event_status": "refused", "permission_requested": "да", "permission_answer": "refused", "reason_not_applied": ""}


@pytest.mark.parametrize("change,expected", [
    (REFUSED, []),
    ({**REFUSED, "applications": "2"}, []),
    ({"event_status": "refused"},   # nothing requested, no answer
     [("event_status", "refused", "refused_needs_a_refusal",
       "event_status is 'refused' (an application refused, no assembly held): set permission_requested to true and "
       "permission_answer to 'refused'")]),
    ({**REFUSED, "permission_answer": "no_answer"},
     [("event_status", "refused", "refused_needs_a_refusal",
       "event_status is 'refused' (an application refused, no assembly held): set permission_requested to true and "
       "permission_answer to 'refused'")]),
    ({"applications": "2"}, [("applications", "2", "applications_only_when_refused",
                              "'applications' counts refused applications: give it only with event_status 'refused'")]),
    ({"applications": "2", "event_status": "held"}, [("applications", "2", "applications_only_when_refused",
                                                      "'applications' counts refused applications: give it only with event_status 'refused'")]),
    ({"event_status": "prevented", "applications": "1"}, [("applications", "1", "applications_only_when_refused",
                                                           "'applications' counts refused applications: give it only with event_status 'refused'")]),
])
def test_refused_applications(validate, change, expected):
    res = validate(card(**change))
    assert rows(res) == [(2, "card", "2017-V-1", *e) for e in expected]
    if not expected:
        assert res.cards.height == 0 and res.events["event_status"].to_list() == ["refused"]


def test_event_status_sorts_assemblies_from_events(validate):
    res = validate(card(card_id="a"), card(card_id="b", event_status="held"), card(card_id="c", event_status="prevented"),
                   card(card_id="d", **REFUSED))
    assert sorted(res.cards["card_id"].to_list()) == ["a", "b"]
    assert sorted(res.events.select("card_id", "event_status").rows()) == [("c", "prevented"), ("d", "refused")]
    assert res.cards["event_status"].to_list() == ["held", "held"]


def test_sanctioned_is_granted_only(validate):
    answers = {"g": "granted", "o": "other_place", "n": "no_answer", "r": "refused"}
    res = validate(*[card(card_id=k, permission_requested="да", permission_answer=v, reason_not_applied="") for k, v in answers.items()],
                   card(card_id="x"))
    assert dict(res.cards.select("card_id", "sanctioned").rows()) == {"g": True, "o": False, "n": False, "r": False, "x": False}


def test_a_card_with_three_mistakes_shows_three_rows_in_field_order(validate):
    res = validate(card(form="дискотека", duration_min="-2", detained="", city="Москва"))
    got = [(r[3], r[5]) for r in rows(res)]
    assert got == [("city", "type:city"), ("form", "type:code"), ("duration_min", "greater_than_or_equal_to(0)")]


def test_a_negative_estimate_is_named_once_not_in_its_defaulted_bounds(validate):
    """participants -1 with no bounds typed: one row, on participants. The bounds default to it, but they are
    not the monitor's values, and a cross-field rule is not judged on a value that fails its own check (before:
    participants_low and _high '-1' named too, and "0 persons detained but only -1 participants" - four rows
    for one bad cell)."""
    neg = "'{}' ({}): '{}' is negative; it cannot be below zero"
    assert rows(validate(card(participants="-1"))) == [
        (2, "card", "2017-V-1", "participants", "-1", "greater_than_or_equal_to(0)", neg.format("Участники (оценка)", "participants", "-1")),
    ]
    # the template's round trip: only 'Участники (оценка)' = -3 typed, 1 person detained
    assert [r[3:5] for r in rows(validate(card(participants="-3", detained="1")))] == [("participants", "-3")]
    # a bound the monitor typed with another bad value is named: it is a cell of its own
    assert [r[3:5] for r in rows(validate(card(participants="-1", participants_low="-2")))] == [
        ("participants_low", "-2"), ("participants", "-1")]


def test_a_required_field_left_empty_is_one_row_not_two(validate):
    res = validate(card(character=""), card(card_id="2017-V-3", character=None))
    assert [(r[0], r[3], r[5]) for r in rows(res)] == [(2, "character", "required"), (3, "character", "required")]


# ------------------------------------------------------------------ persons

PERSON = {"person_id": "P1", "card_id": "2017-V-1", "role": "defendant", "name": "Иван Иванов"}


@pytest.mark.parametrize("change,expected", [
    ({"court_outcome": "fine", "fine_mrp": "1"}, []),
    ({"court_outcome": "fine", "fine_mrp": "0"}, [("fine_mrp", "0", "fine_needs_amount", "the court outcome is a fine: give the fine in MRP (fine_mrp)")]),
    ({"court_outcome": "fine"}, [("fine_mrp", "", "fine_needs_amount", "the court outcome is a fine: give the fine in MRP (fine_mrp)")]),
    ({"court_outcome": "arrest", "arrest_days": "1"}, []),
    ({"court_outcome": "arrest", "arrest_days": "0"},
     [("arrest_days", "0", "arrest_needs_days", "the court outcome is an arrest: give its length in days (arrest_days)")]),
    ({"court_outcome": "arrest", "fine_mrp": "5"},
     [("arrest_days", "", "arrest_needs_days", "the court outcome is an arrest: give its length in days (arrest_days)")]),
    ({"court_outcome": "warning"}, []),
    ({"fine_mrp": "-1"}, [("fine_mrp", "-1", "greater_than_or_equal_to(0)", "'Штраф, МРП' (fine_mrp): '-1' is negative; it cannot be below zero")]),
    ({"role": "witness"}, [("role", "witness", "type:code", "'Роль' (role): 'witness' is not one of the codes: organizer (Организатор), "
                                                            "participant (Участник), detainee (Задержанный), defendant (Обвиняемый)")]),
    ({"card_id": "nope"}, [("card_id", "nope", "person_card_exists", "person 'P1': there is no card 'nope' in this period")]),
])
def test_person_rule(validate, change, expected):
    res = validate(card(), ("person", {**PERSON, **change}))
    assert rows(res) == [(3, "person", change.get("card_id", "2017-V-1"), *e) for e in expected]
    assert res.persons.height == (0 if expected else 1) and res.cards.height == 1


def test_person_ids_unique_per_card_only(validate):
    res = validate(card(), card(card_id="2017-V-2"), ("person", PERSON), ("person", {**PERSON, "card_id": "2017-V-2"}),
                   ("person", {**PERSON, "name": "Другой"}))
    reason = "person id 'P1' is used twice on card '2017-V-1'"
    assert rows(res) == [(4, "person", "2017-V-1", "person_id", "P1", "person_id_unique", reason),
                         (6, "person", "2017-V-1", "person_id", "P1", "person_id_unique", reason)]
    assert res.persons.select("card_id", "person_id").rows() == [("2017-V-2", "P1")]


def test_a_person_of_a_quarantined_card_waits_for_it(validate):
    res = validate(card(police_count="-1"), ("person", PERSON))
    assert rows(res)[1] == (3, "person", "2017-V-1", "card_id", "2017-V-1", "person_card_exists",
                            "person 'P1': its card was quarantined; it will be loaded once the card is corrected")
    assert len(rows(res)) == 2 and res.persons.height == 0


def test_a_card_id_of_another_period():
    for f in VALIDATORS.values():
        res = f(periods.get("2017"), raw(card(), card(card_id="2017-V-2")), NO_FILES, {"2017-V-1": "2016", "2017-V-2": "2017"})
        assert rows(res) == [(2, "card", "2017-V-1", "card_id", "2017-V-1", "card_id_unique_across_periods",
                              "card id '2017-V-1' is already used by a card of period 2016; card ids are unique across periods")]
        assert res.cards["card_id"].to_list() == ["2017-V-2"]


# ------------------------------------------------------------------ files

def test_a_file_refused_or_unreadable_and_a_warning(validate):
    files = pl.DataFrame({"source_file": ["cards/2017/a.csv", "cards/2017/b.lnk", "cards/2017/c.csv"],
                          "format": ["csv", "link", "csv"],
                          "problem": ["cannot be read: not UTF-8", "a link: not read", None],
                          "warnings": [None, json.dumps(["skipped, hidden"]), json.dumps(["unknown column 'x'", "unknown column 'y'"])]})
    q = validate(card(), files=files).quarantine
    got = q.select("record_id", "source_file", "kind", "field", "row_no", "reason", "rule", "severity").rows()
    assert got == [
        ("cards/2017/a.csv", "cards/2017/a.csv", "file", None, None, "cannot be read: not UTF-8", "file_unreadable", "error"),
        ("cards/2017/b.lnk", "cards/2017/b.lnk", "file", None, None, "a link: not read", "inbox_refused", "error"),
        ("cards/2017/b.lnk", "cards/2017/b.lnk", "file", None, None, "skipped, hidden", "inbox_skipped", "warning"),
        ("cards/2017/c.csv", "cards/2017/c.csv", "file", None, None, "unknown column 'x'", "unknown_column", "warning"),
        ("cards/2017/c.csv", "cards/2017/c.csv", "file", None, None, "unknown column 'y'", "unknown_column", "warning"),
    ]


def test_nothing_is_lost(validate):
    records = [card(card_id=f"c{i}", participants=str(i - 2)) for i in range(5)] + [card(card_id="e", **REFUSED)]
    records += [("person", {**PERSON, "card_id": "c4"}), ("person", {**PERSON, "card_id": "c0"})]
    res = validate(*records)
    bad = res.quarantine["record_id"].unique().to_list()
    assert sorted(bad) == [f"{FILE}#cards:{n}" for n in (2, 3, 9)]  # c0, c1 (participants -2, -1) and c0's person
    assert res.cards.height + res.events.height + res.persons.height + len(bad) == len(records)


def test_every_rule_names_fields_of_the_card():
    """A rule's fields (the one its quarantine row names, then the others involved) are fields of card.yaml."""
    from assets.validate.rules import CARD_RULES, PERSON_RULES
    from schemas.card import spec
    for rules_, kind in ((CARD_RULES, "card"), (PERSON_RULES, "person")):
        names = set(spec().fields(kind))
        for rid, rule in rules_.items():
            assert rule.fields and set(rule.fields) <= names, (rid, rule.fields)
    assert CARD_RULES["preventive_le_detained"].fields == ("preventive_detentions", "detained")
    assert PERSON_RULES["person_id_unique"].fields == ("person_id", "card_id")


def test_two_reasons_on_one_field_are_two_rows():
    """A card id used twice in the period and also in another period: the second card has both reasons."""
    across = "card id '2017-V-1' is already used by a card of period 2016; card ids are unique across periods"
    for f in VALIDATORS.values():
        res = f(periods.get("2017"), raw(card(), card(participants="99")), NO_FILES, {"2017-V-1": "2016"})
        assert rows(res) == [
            (3, "card", "2017-V-1", "card_id", "2017-V-1", "card_id_unique",
             f"card id '2017-V-1' is already used by {FILE} row 2; every card needs its own id (that card is kept, this one is held back)"),
            (3, "card", "2017-V-1", "card_id", "2017-V-1", "card_id_unique_across_periods", across),
            (2, "card", "2017-V-1", "card_id", "2017-V-1", "card_id_unique_across_periods", across),
        ]


# ------------------------------------------------------------------ counts left empty (missing is not zero)

@pytest.mark.parametrize("change,police,detained,preventive", [
    ({"police_present": "да", "police_count": ""}, None, None, None),     # police seen, not counted: not known
    ({"police_present": "", "police_count": ""}, None, None, None),       # presence not recorded either
    ({"police_present": "нет", "police_count": ""}, 0, None, None),       # no police: none to count
    ({"police_present": "да", "police_count": "0"}, 0, None, None),       # a counted zero stays 0
    ({"detained": "0"}, 2, 0, 0),                                         # none detained: none before either
    ({"detained": "2"}, 2, 2, None),                                      # 2 detained, when not known
    ({"detained": "", "preventive_detentions": "1"}, 2, None, 1),         # 1 before it began, in all not known
    ({"detained": "3", "preventive_detentions": "0"}, 2, 3, 0),
])
def test_a_count_left_empty_is_not_known_unless_the_card_says(validate, change, police, detained, preventive):
    res = validate(card(**change))
    assert rows(res) == []
    c = res.cards.row(0, named=True)
    assert (c["police_count"], c["detained"], c["preventive_detentions"]) == (police, detained, preventive)


PREVENTED = {"event_status": "prevented"}


@pytest.mark.parametrize("change,detained,preventive", [
    ({**PREVENTED, "preventive_detentions": "2"}, 2, 2),   # it never began: every detention was before it began
    ({**PREVENTED, "detained": "1"}, 1, 1),
    ({**PREVENTED, "detained": "1", "preventive_detentions": "1"}, 1, 1),
    ({**PREVENTED}, None, None),                            # nobody said: not known
])
def test_at_a_prevented_assembly_the_detained_are_the_preventive_detentions(validate, change, detained, preventive):
    res = validate(card(**change))
    assert rows(res) == [] and res.cards.height == 0
    e = res.events.row(0, named=True)
    assert (e["event_status"], e["detained"], e["preventive_detentions"]) == ("prevented", detained, preventive)


@pytest.mark.parametrize("change,participants", [
    # a refused application or a prevented assembly: no assembly held, so no participants to count
    ({**REFUSED, "participants": ""}, None),
    ({**PREVENTED, "participants": ""}, None),
    # organisers detained before it began (1) though nobody took part (0): no 'detained exceed participants'
    ({**PREVENTED, "participants": "0", "detained": "1"}, 0),
    ({**PREVENTED, "participants": "", "detained": "2", "preventive_detentions": "2"}, None),
])
def test_an_event_not_held_needs_no_participants(validate, change, participants):
    res = validate(card(**change))
    assert rows(res) == [] and res.cards.height == 0
    assert res.events["participants"].to_list() == [participants]


@pytest.mark.parametrize("change,expected", [
    # an assembly held still needs its participants, and cannot have more detained than participants
    ({"participants": "0", "detained": "1"}, [("detained", "1", "detained_le_participants",
                                               "1 person detained but only 0 participants: detained cannot exceed participants")]),
    ({"participants": "", "event_status": "held"},
     [("participants", "", "participants_required_when_held",
       "'Участники (оценка)' (participants) is required but empty (only a record of an event not held, event_status "
       "refused or prevented, may leave it empty)")]),
    # detained is given as 0 beside 2 preventive detentions: they contradict each other, said in the words of a prevented one
    ({**PREVENTED, "preventive_detentions": "2", "detained": "0"},
     [("preventive_detentions", "2", "preventive_le_detained",
       "2 preventive detentions but 0 detained in all: preventive detentions are counted among the detained (at a "
       "prevented assembly every detention was before it began: write the same number in both, or leave detained empty)")]),
    # a participants value that cannot be read is said once, not again as empty
    ({**PREVENTED, "participants": "много"},
     [("participants", "много", "type:int", "'Участники (оценка)' (participants): 'много' is not a whole number")]),
    ({"participants": "много"},
     [("participants", "много", "type:int", "'Участники (оценка)' (participants): 'много' is not a whole number")]),
])
def test_the_rules_of_events_held_and_not_held(validate, change, expected):
    res = validate(card(**change))
    assert rows(res) == [(2, "card", "2017-V-1", *e) for e in expected]


# ------------------------------------------------------------------ letters lost to an encoding without them

LOST = ("has '?' where letters were: the file was saved in an encoding without them (windows-1251, Excel's 'CSV' in a "
        "Russian locale, has no Kazakh ә ғ қ ң ө ұ ү һ), so they are lost; save the file again as 'CSV UTF-8' (or send "
        "the workbook itself) and put it back in the inbox")


@pytest.mark.parametrize("field,value,label", [
    ("topic", "Забастовка нефтяников Жа?а?зена", "Тема"),       # Жаңаөзена in windows-1251
    ("place", "площадь ?лы дала", "Место проведения"),           # Ұлы дала: the word's first letter
    ("topic", "ЖА?А?ЗЕН", "Тема"),                              # in capitals
    ("city", "Жа?а?зен", "Город"),                              # a city so is no unknown city: its letters are lost
])
def test_a_question_mark_where_a_letter_was_is_quarantined_saying_the_letters_are_lost(validate, field, value, label):
    res = validate(card(card_id="2017-V-2"), card(**{field: value}))
    assert res.cards["card_id"].to_list() == ["2017-V-2"]
    assert rows(res) == [(3, "card", "2017-V-1", field, value, "type:lost_letters", f"'{label}' ({field}): '{value}' {LOST}")]


@pytest.mark.parametrize("topic", ["Что? Где? Когда?", "Доколе?!", "вопрос «?» на плакате", "https://a.kz/?id=1 ?",
                                   "Почему? Ответа нет", "Жаңаөзен"])
def test_a_question_mark_that_is_punctuation_is_text(validate, topic):
    res = validate(card(topic=topic))
    assert rows(res) == [] and res.cards["topic"].to_list() == [topic]


# ------------------------------------------------------------------ a count with its unit typed after it

@pytest.mark.parametrize("change,field,value", [
    ({"participants": "50 человек"}, "participants", 50), ({"participants": "1 500 чел."}, "participants", 1500),
    ({"participants": "50Человек"}, "participants", 50), ({"police_count": "12 чел"}, "police_count", 12),
    ({"duration_min": "90 мин."}, "duration_min", 90), ({"duration_min": "45 минут"}, "duration_min", 45),
    ({"detained": "3 человека"}, "detained", 3),
])
def test_a_count_followed_by_its_unit_is_the_count(validate, change, field, value):
    res = validate(card(**change))
    assert rows(res) == [] and res.cards[field].to_list() == [value]


@pytest.mark.parametrize("value,reason", [
    ("5 МРП", "'Участники (оценка)' (participants): '5 МРП' is not a whole number"),       # another field's unit
    ("50 рублей", "'Участники (оценка)' (participants): '50 рублей' is not a whole number"),
    ("человек 50", "'Участники (оценка)' (participants): 'человек 50' is not a whole number"),
    ("около 50 человек", "'Участники (оценка)' (participants): 'около 50' is an approximate number or a range, not one "
     "whole number: write one number (the estimate here, its bounds in 'Участники (мин.)' (participants_low) and "
     "'Участники (макс.)' (participants_high))"),
])
def test_a_count_with_another_word_is_refused(validate, value, reason):
    res = validate(card(participants=value))
    assert [(r[3], r[4], r[6]) for r in rows(res)] == [("participants", value, reason)]
