"""Validation rules: each bad value is quarantined with the file, row, field and a reason a monitor
understands; good records pass; nothing is lost."""
import json

import polars as pl
import pytest

from assets.core import periods
from assets.validate.validate import validate_period

GOOD = {
    "card_id": "2017-V-1", "date": "2017-05-03", "city": "Алматы", "form": "picket", "topic": "Тема",
    "character": "social", "organizer_type": "spontaneous", "participants": "15", "permission_requested": "нет",
    "reason_not_applied": "unknown", "source_type": "monitor", "police_count": "2", "police_present": "да",
}


def raw(*records: tuple[str, dict]) -> pl.DataFrame:
    rows = []
    for i, (kind, data) in enumerate(records, start=2):
        rows.append({"record_id": f"cards/2017/t.csv#cards:{i}", "source_file": "cards/2017/t.csv", "sheet": "cards",
                     "row_no": i, "kind": kind, "data": json.dumps(data, ensure_ascii=False)})
    return pl.DataFrame(rows)


NO_FILES = pl.DataFrame(schema={"source_file": pl.Utf8, "problem": pl.Utf8, "warnings": pl.Utf8})


def check(*records, elsewhere=None):
    res = validate_period(periods.get("2017"), raw(*records), NO_FILES, elsewhere)
    return res


def only_problem(res, field):
    q = res.quarantine
    assert q.height >= 1, "expected a quarantine row"
    rows = q.filter(pl.col("field") == field)
    assert rows.height >= 1, q
    return rows.row(0, named=True)


def test_good_card_passes():
    res = check(("card", GOOD))
    assert res.cards.height == 1 and res.quarantine.height == 0
    c = res.cards.row(0, named=True)
    assert c["city"] == "almaty" and c["participants"] == 15 and c["sanctioned"] is False
    assert c["participants_low"] == 15 and c["participants_high"] == 15  # bounds default to the estimate


@pytest.mark.parametrize("field,value,words", [
    ("city", "Москва", "not a city of the gazetteer"),
    ("participants", "-5", "negative"),
    ("participants", "много", "not a whole number"),
    ("form", "дискотека", "not one of the codes"),
    ("date", "2016-12-31", "outside the monitoring period 2017"),
    ("date", "32.13.2017", "not a date"),
    ("date", "", "required but empty"),
])
def test_bad_values_are_quarantined_with_reasons(field, value, words):
    res = check(("card", {**GOOD, field: value}), ("card", {**GOOD, "card_id": "2017-V-2"}))
    assert res.cards["card_id"].to_list() == ["2017-V-2"]  # the good card still flows
    row = only_problem(res, field)
    assert words in row["reason"]
    assert row["source_file"] == "cards/2017/t.csv" and row["row_no"] == 2 and row["value"] == value


def test_city_by_old_or_kazakh_name():
    res = check(("card", {**GOOD, "city": "Нур-Султан"}), ("card", {**GOOD, "card_id": "b", "city": "Орал"}))
    assert sorted(res.cards["city"].to_list()) == ["astana", "uralsk"]


def test_duplicate_card_ids_keep_the_first_and_hold_back_the_others():
    res = check(("card", GOOD), ("card", {**GOOD, "participants": "99"}), ("card", {**GOOD, "card_id": "other"}))
    assert sorted(res.cards["card_id"].to_list()) == ["2017-V-1", "other"]
    assert res.cards.filter(pl.col("card_id") == "2017-V-1")["participants"].to_list() == [15]  # the first one
    row = only_problem(res, "card_id")
    assert row["row_no"] == 3
    assert "already used by cards/2017/t.csv row 2" in row["reason"]


def test_duplicate_card_id_keeps_the_card_that_held_it_before():
    res = validate_period(periods.get("2017"), raw(("card", GOOD), ("card", {**GOOD, "participants": "99"})), NO_FILES,
                          incumbents={"2017-V-1": "cards/2017/t.csv#cards:3"})
    assert res.cards["participants"].to_list() == [99]
    assert only_problem(res, "card_id")["row_no"] == 2


def test_card_id_used_in_another_period():
    res = check(("card", GOOD), elsewhere={"2017-V-1": "2016"})
    assert "already used by a card of period 2016" in only_problem(res, "card_id")["reason"]


@pytest.mark.parametrize("change,field,words", [
    ({"detained": "20"}, "detained", "detained cannot exceed participants"),
    ({"permission_requested": "да", "permission_answer": "granted"}, "reason_not_applied", "there is no reason for not applying"),
    ({"reason_not_applied": ""}, "reason_not_applied", "give the reason for not applying"),
    ({"permission_answer": "granted"}, "permission_answer", "no permission was requested"),
    ({"participants_low": "20"}, "participants", "between the low and high"),
    ({"prosecutor_warned": "да", "prosecutor_present": "нет"}, "prosecutor_warned", "not present"),
    ({"police_present": "нет"}, "police_count", "police marked as not present"),
])
def test_cross_field_rules(change, field, words):
    res = check(("card", {**GOOD, **change}))
    assert res.cards.height == 0
    assert words in only_problem(res, field)["reason"]


def test_sanctioned_card():
    res = check(("card", {**GOOD, "permission_requested": "да", "permission_answer": "Разрешено", "reason_not_applied": ""}))
    assert res.cards.row(0, named=True)["sanctioned"] is True


def test_persons_rules_and_links():
    person = {"person_id": "P1", "card_id": "2017-V-1", "role": "defendant", "name": "Иван Иванов", "court_outcome": "fine"}
    res = check(("card", GOOD), ("person", person), ("person", {**person, "person_id": "P2", "card_id": "nope", "court_outcome": "warning"}))
    assert res.persons.height == 0
    reasons = res.quarantine["reason"].to_list()
    assert any("give the fine in MRP" in r for r in reasons)
    assert any("there is no card 'nope'" in r for r in reasons)
    ok = check(("card", GOOD), ("person", {**person, "fine_mrp": "50"}))
    p = ok.persons.row(0, named=True)
    assert p["pseudonym"].startswith("P-") and "Иван" not in p["pseudonym"]


def test_persons_of_a_quarantined_card_are_quarantined_too():
    person = {"person_id": "P1", "card_id": "2017-V-1", "role": "detainee"}
    res = check(("card", {**GOOD, "city": "Москва"}), ("person", person))
    assert res.cards.height == 0 and res.persons.height == 0
    assert any("its card was quarantined" in r for r in res.quarantine["reason"].to_list())


def test_every_record_is_clean_or_quarantined():
    records = [("card", {**GOOD, "card_id": f"c{i}", "participants": str(i - 3)}) for i in range(8)]
    records.append(("person", {"person_id": "P1", "card_id": "c7", "role": "detainee"}))
    res = check(*records)
    quarantined = res.quarantine.filter(pl.col("severity") == "error")["record_id"].n_unique()
    assert res.cards.height + res.persons.height + quarantined == len(records)
    assert quarantined == 3  # participants -3, -2, -1


def test_event_status_keeps_refused_and_prevented_out_of_the_assemblies(example_inbox):
    """A record with event_status refused or prevented lands in events_not_held (nothing lost) and is counted in
    its own figures; held is the default; an unknown status, a refused record without a refused permission and
    'applications' on an assembly held are quarantined naming the field."""
    from tests.conftest import CARD, figures_of, run_period
    from assets.core import warehouse
    d = example_inbox / "inbox" / "cards" / "2017"
    (d / "x-ref.yaml").write_text(CARD.format(id="2017-X-REF", date="2017-03-01", city="Астана", character="social", n=0)
                                  .replace("permission_requested: false\nreason_not_applied: unknown",
                                           "permission_requested: true\npermission_answer: refused")
                                  + "event_status: refused\napplications: 3\n", encoding="utf-8")
    (d / "x-prev.yaml").write_text(CARD.format(id="2017-X-PREV", date="2017-03-02", city="Астана", character="social", n=2)
                                   + "event_status: prevented\npreventive_detentions: 2\ndetained: 2\n", encoding="utf-8")
    (d / "x-bad.yaml").write_text(CARD.format(id="2017-X-BAD", date="2017-03-03", city="Астана", character="social", n=1)
                                  + "event_status: cancelled\n", encoding="utf-8")
    # a refused record without a refused permission; 'applications' on an assembly held
    (d / "r1.yaml").write_text(CARD.format(id="2017-R-1", date="2017-03-01", city="Астана", character="social", n=0)
                               + "event_status: refused\n", encoding="utf-8")
    (d / "r2.yaml").write_text(CARD.format(id="2017-R-2", date="2017-03-02", city="Астана", character="social", n=3)
                               + "applications: 4\n", encoding="utf-8")
    assert run_period("2017").success
    fig = figures_of("2017")
    assert fig[("summary", "total", "assemblies")] == 36 and fig[("1", "astana", "count")] == 9
    assert fig[("summary", "total", "applications_refused")] == 17 + 3
    assert fig[("summary", "total", "assemblies_prevented")] == 1 + 1
    assert fig[("summary", "total", "preventive_detentions")] == 1 + 2
    with warehouse.connect(read_only=True) as con:
        ev = dict(con.execute("SELECT card_id, event_status FROM events_not_held").fetchall())
        q = con.execute("SELECT field, reason FROM quarantine WHERE card_id = '2017-X-BAD'").fetchall()
        qr = dict(con.execute("SELECT card_id, field FROM quarantine WHERE card_id LIKE '2017-R-%'").fetchall())
    assert ev == {"2017-OSDP-01": "refused", "2017-X-REF": "refused", "2017-X-PREV": "prevented"}
    assert any(f == "event_status" for f, _ in q), q
    assert qr == {"2017-R-1": "event_status", "2017-R-2": "applications"}

