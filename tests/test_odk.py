"""Submissions of the field form as ODK Central and KoboToolbox export them come back as the same
cards as the example data, through the same validation and quarantine."""
from __future__ import annotations

import csv
import datetime as dt
import json
import re
import uuid

import polars as pl
import pytest
import yaml
from openpyxl import Workbook

from assets.core.periods import get as period
from assets.ingest.inbox import ingest_period
from assets.validate.validate import validate_period
from schemas import gazetteer
from schemas.card import spec
from schemas.xlsform import GROUPS, RENAMED_PERSON
from tests.conftest import EXAMPLE_2017

GROUP_OF = {f: g for g, (_, _, names) in GROUPS.items() for f in names}


def _example():
    out = []
    for f in sorted(EXAMPLE_2017.glob("*.yaml")):
        card = yaml.safe_load(f.read_text(encoding="utf-8"))
        out.append((card, card.pop("persons", None) or []))
    return out


def _odk_value(kind, name, v, kobo=False):
    """A value as the services write it: yes/no, space-separated choices, ODK times, city keys."""
    if v is None:
        return ""
    t = spec().fields(kind)[name].type
    if t == "bool":
        return "yes" if v else "no"
    if t == "codes":
        return " ".join(str(v).split(";"))
    if t == "city":
        return gazetteer.lookup(v)
    if t == "time":
        return f"{v}:00.000+06:00" if re.fullmatch(r"\d{1,2}:\d{2}", str(v)) else str(v)
    if t == "date" and kobo:
        return f"{v}T00:00:00.000+06:00" if kind == "person" else str(v)
    return v if kobo and isinstance(v, int) else str(v)


def write_central(folder, cards):
    """ODK Central's CSV export: <form>.csv (group-field, KEY) and <form>-persons.csv (PARENT_KEY)."""
    folder.mkdir(parents=True)
    card_fields = list(spec().card)
    main_cols = ["SubmissionDate"] + [f"{GROUP_OF[f]}-{f}" for f in card_fields] + ["SET-OF-persons", "meta-instanceID", "KEY", "SubmitterID", "SubmitterName", "ReviewState"]
    pfields = [f for f in spec().person if f != "card_id"]  # the card is found through PARENT_KEY
    p_cols = [RENAMED_PERSON.get(f, f) for f in pfields] + ["PARENT_KEY", "KEY", "SET-OF-persons"]
    with open(folder / "assembly_card.csv", "w", newline="", encoding="utf-8") as mf, \
         open(folder / "assembly_card-persons.csv", "w", newline="", encoding="utf-8") as pf:
        m, p = csv.writer(mf), csv.writer(pf)
        m.writerow(main_cols)
        p.writerow(p_cols)
        for card, persons in cards:
            key = f"uuid:{uuid.uuid4()}"
            m.writerow(["2018-01-05T10:00:00.000Z"] + [_odk_value("card", f, card.get(f)) for f in card_fields]
                       + [f"{key}/persons", key, key, "7", "monitor-7", "approved"])
            for i, person in enumerate(persons, start=1):
                p.writerow([_odk_value("person", f, person.get(f)) for f in pfields] + [key, f"{key}/persons[{i}]", f"{key}/persons"])


def write_kobo(path, cards):
    """KoboToolbox's XLSX export: the form's sheet (group/field, _uuid, _index, one 0/1 column per
    choice of a select_multiple) and the repeat's sheet `persons` linked by _submission__uuid."""
    path.parent.mkdir(parents=True)
    wb = Workbook()
    ws = wb.active
    ws.title = "Карточка мониторинга мирного со"
    card_fields = list(spec().card)
    cols = ["start", "end"]
    for f in card_fields:
        cols.append(f"{GROUP_OF[f]}/{f}")
        if spec().card[f].type == "codes":
            cols += [f"{GROUP_OF[f]}/{f}/{c}" for c in spec().card[f].codes]
    cols += ["meta/instanceID", "_id", "_uuid", "_submission_time", "_validation_status", "_status", "__version__", "_index"]
    ws.append(cols)
    pws = wb.create_sheet("persons")
    pfields = list(spec().person)
    pcols = [f"persons/{RENAMED_PERSON.get(f, f)}" for f in pfields] + ["_index", "_parent_table_name", "_parent_index", "_submission__id", "_submission__uuid"]
    pws.append(pcols)
    n_person = 0
    for idx, (card, persons) in enumerate(cards, start=1):
        u = str(uuid.uuid4())
        row = ["2018-01-05T10:00:00", "2018-01-05T10:20:00"]
        for f in card_fields:
            row.append(_odk_value("card", f, card.get(f), kobo=True))
            if spec().card[f].type == "codes":
                chosen = str(card.get(f) or "").split(";")
                row += [1 if c in chosen else 0 for c in spec().card[f].codes]
        row += [f"uuid:{u}", 1000 + idx, u, "2018-01-05T10:21:00", "", "submitted_via_web", "vX", idx]
        ws.append(row)
        for person in persons:
            n_person += 1
            pws.append([_odk_value("person", f, person.get(f) if f != "card_id" else card["card_id"], kobo=True) for f in pfields]
                       + [n_person, "assembly_card", idx, 1000 + idx, u])
    wb.save(path)


def _clean(inbox, folder="2017"):
    files, records = ingest_period("2017", inbox)
    res = validate_period(period("2017"), records, files)
    drop = ["record_id", "source_file"]
    cards = res.cards.drop(drop).sort("card_id")
    persons = res.persons.drop(drop).sort("card_id", "person_id")
    return cards, persons, res.quarantine, files


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    root = tmp_path_factory.mktemp("yaml")
    (root / "cards").mkdir()
    import shutil
    shutil.copytree(EXAMPLE_2017, root / "cards" / "2017")
    return _clean(root)


def _same(a: pl.DataFrame, b: pl.DataFrame):
    assert a.columns == b.columns
    assert a.height == b.height
    assert a.to_dicts() == b.to_dicts()


def test_odk_central_export_reads_as_the_example_cards(reference, tmp_path):
    write_central(tmp_path / "cards" / "2017", _example())
    cards, persons, quarantine, files = _clean(tmp_path)
    assert reference[0].height == 36 and reference[1].height > 5
    assert files["problem"].to_list() == [None, None]
    assert quarantine.filter(pl.col("severity") == "error").height == 0, quarantine.to_dicts()
    assert quarantine.height == 0, quarantine["reason"].to_list()  # meta columns are no "unknown column"
    _same(cards, reference[0])
    _same(persons, reference[1])


def test_kobo_export_reads_as_the_example_cards(reference, tmp_path):
    write_kobo(tmp_path / "cards" / "2017" / "kobo.xlsx", _example())
    cards, persons, quarantine, _ = _clean(tmp_path)
    assert quarantine.height == 0, quarantine["reason"].to_list()
    _same(cards, reference[0])
    _same(persons, reference[1])


def test_a_bad_submission_goes_to_quarantine_with_its_row(tmp_path):
    cards = _example()[:3]
    cards[1][0]["form"] = "parade"          # no such code
    cards[2][0]["time_start"] = "25:99"     # no such time
    cards[0][0]["time_start"] = "09:30"
    write_central(tmp_path / "cards" / "2017", cards)
    c, _, quarantine, _ = _clean(tmp_path)
    assert c.height == 1 and c["time_start"].to_list() == [dt.time(9, 30)]
    bad = {(r["row_no"], r["field"]) for r in quarantine.to_dicts()}
    assert bad == {(3, "form"), (4, "time_start")}
    assert all(f == "cards/2017/assembly_card.csv" for f in quarantine["source_file"])


def test_a_repeat_file_without_its_main_file_is_refused_by_name(tmp_path):
    cards = [c for c in _example() if c[1]][:1]
    write_central(tmp_path / "cards" / "2017", cards)
    (tmp_path / "cards" / "2017" / "assembly_card.csv").unlink()
    files, _ = ingest_period("2017", tmp_path)
    problem = files["problem"][0]
    assert "not in the main export" in problem and "persons row 2" in problem
    assert json.loads(files["warnings"][0]) == []


def test_odk_central_zip_as_downloaded(reference, tmp_path):
    import zipfile

    write_central(tmp_path / "unzipped", _example())
    target = tmp_path / "cards" / "2017" / "assembly_card.csv.zip"
    target.parent.mkdir(parents=True)
    with zipfile.ZipFile(target, "w") as z:
        for f in ("assembly_card-persons.csv", "assembly_card.csv"):  # the repeat first: order does not matter
            z.write(tmp_path / "unzipped" / f, f)
        z.writestr("media/photo.jpg", b"\xff\xd8")
    cards, persons, quarantine, files = _clean(tmp_path)
    assert files["problem"].to_list() == [None] and quarantine.height == 0, quarantine["reason"].to_list()
    _same(cards, reference[0])
    _same(persons, reference[1])


def test_kobo_csv_export_semicolons_and_labels(reference, tmp_path):
    """Kobo's CSV (main table only, `;`-separated, here with labels instead of codes for yes/no)."""
    cards = [c for c in _example() if not c[1]]
    folder = tmp_path / "cards" / "2017"
    folder.mkdir(parents=True)
    fields = list(spec().card)
    with open(folder / "kobo.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, delimiter=";")
        w.writerow([f"{GROUP_OF[f]}/{f}" for f in fields] + ["_id", "_uuid", "_submission_time", "_index"])
        for i, (card, _) in enumerate(cards, start=1):
            row = [_odk_value("card", f, card.get(f)) for f in fields]
            row = [{"yes": "Да", "no": "Нет"}.get(v, v) for v in row]
            w.writerow(row + [i, str(uuid.uuid4()), "2018-01-05T10:21:00", i])
    got, _, quarantine, _ = _clean(tmp_path)
    assert quarantine.height == 0, quarantine["reason"].to_list()
    _same(got, reference[0].filter(pl.col("card_id").is_in([c["card_id"] for c, _ in cards])))


@pytest.mark.parametrize("value, expected", [
    ("15:00:00.000+06:00", dt.time(15, 0)), ("09:05:00.000Z", dt.time(9, 5)), ("9:05", dt.time(9, 5)),
    ("23:59:59+0600", dt.time(23, 59)), ("15:00", dt.time(15, 0))])
def test_odk_times(value, expected, tmp_path):
    card, _ = _example()[0]
    card = {**card, "time_start": value}
    write_central(tmp_path / "cards" / "2017", [(card, [])])
    got, _, quarantine, _ = _clean(tmp_path)
    assert quarantine.height == 0 and got["time_start"].to_list() == [expected]


def test_kobo_xlsx_with_label_headers_and_no_groups(reference, tmp_path):
    """Kobo's export 'with labels': headers are the Russian labels (group label / question label)."""
    cards = [c for c in _example() if not c[1]][:5]
    wb = Workbook()
    ws = wb.active
    fields = list(spec().card)
    ws.append([f"Группа/{spec().card[f].ru}" for f in fields] + ["_uuid", "_index"])
    for i, (card, _) in enumerate(cards, start=1):
        ws.append([_odk_value("card", f, card.get(f), kobo=True) for f in fields] + [str(uuid.uuid4()), i])
    (tmp_path / "cards" / "2017").mkdir(parents=True)
    wb.save(tmp_path / "cards" / "2017" / "labels.xlsx")
    got, _, quarantine, _ = _clean(tmp_path)
    assert quarantine.height == 0, quarantine["reason"].to_list()
    _same(got, reference[0].filter(pl.col("card_id").is_in([c["card_id"] for c, _ in cards])))


def test_a_monitors_own_csv_is_not_taken_for_an_export(tmp_path):
    from assets.ingest.readers import read_file

    f = write_path = tmp_path / "own.csv"
    write_path.write_text("card_id,date,city,form,topic,character,organizer_type,participants,permission_requested,"
                          "reason_not_applied,source_type,Key,Status\n2017-X-1,2017-05-01,Алматы,picket,Т,social,"
                          "spontaneous,3,нет,unknown,monitor,k1,ok\n", encoding="utf-8")
    fr = read_file(f)
    assert fr.problem is None and fr.records[0].data["Key"] == "k1"  # kept, reported as unknown columns
    assert any("'Key'" in w for w in fr.warnings)


@pytest.mark.parametrize("second", ["assembly_card.csv", "old/assembly_card.csv"])
def test_a_zip_holding_two_members_of_one_name_is_refused_naming_them(tmp_path, second):
    """Two members named assembly_card.csv (the same path twice, or in two folders): the second replaced the first,
    whose cards vanished without a row anywhere (a red-team probe, 2026-12-02)."""
    import warnings
    import zipfile

    write_central(tmp_path / "unzipped", _example())
    target = tmp_path / "cards" / "2017" / "assembly_card.csv.zip"
    target.parent.mkdir(parents=True)
    with warnings.catch_warnings(), zipfile.ZipFile(target, "w") as z:
        warnings.simplefilter("ignore")  # zipfile warns of the duplicate name it is asked to write
        z.write(tmp_path / "unzipped" / "assembly_card.csv", "assembly_card.csv")
        z.write(tmp_path / "unzipped" / "assembly_card.csv", second)
    files, _ = ingest_period("2017", tmp_path)
    problem = files["problem"][0]
    assert problem.startswith("the ZIP archive holds two members named assembly_card.csv")
    assert f"and {second})" in problem
