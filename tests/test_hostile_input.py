"""Hostile and broken input (issue 10): a corpus of bad files next to the 36 example cards. No file
stops the period; every case ends accepted or quarantined with a reason naming the file (and row
and field where there is one); raw = clean + quarantine; nothing from outside the inbox is read;
no private name, formula or live script reaches a public output; the terminal sees no control
character. Plus property-based tests of the readers, redaction, escaping and neutralisation."""
from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from openpyxl import load_workbook

from assets.core import warehouse
from assets.validate.redaction import redact
from assets.core.terminal import escape
from assets.ingest.readers import read_file
from assets.report.exports import FORMULA_START, neutralise
from tests import hostile_corpus as corpus
from tests.conftest import EXAMPLE_2017, examples, module_root, run_period

# The report's text is checked in its staged sources (prepare.build, both languages): rendering
# them is the report tests' business and would double this module's time.
ALL = ("raw_cards", "cards", "figures", "reconciliation", "exports")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    with module_root(tmp_path_factory, "hostile", example=True) as root:
        cases = corpus.build(root / "inbox", root / "outside")
        yield root, cases, _run()


def _run():
    """The period's assets with the nothing_lost check (the figures' quality checks have their own tests)."""
    import dagster as dg

    from pipelines.definitions import defs

    selection = (dg.AssetSelection.assets(*ALL).without_checks()
                 | dg.AssetSelection.checks(dg.AssetCheckKey(dg.AssetKey("cards"), "nothing_lost")))
    return dg.materialize(assets=[*defs.assets, *defs.asset_checks], selection=selection, partition_key="2017",
                          resources=defs.resources, instance=dg.DagsterInstance.ephemeral(), raise_on_error=False)


@pytest.fixture(scope="module")
def outcome(hostile):
    """The quarantine and the clean card ids after the run (read once for every case)."""
    return _q(hostile[0]), _ids()


def _q(root) -> pl.DataFrame:
    with warehouse.connect(read_only=True) as con:
        # and what lies in cards/ outside every period's folder (recorded once, at the inbox level)
        return warehouse.query(con, "SELECT * FROM quarantine WHERE period IN ('2017', 'inbox')")


def _ids() -> set[str]:
    with warehouse.connect(read_only=True) as con:
        return {r[0] for r in con.execute("SELECT card_id FROM cards WHERE period = '2017' "
                                          "UNION ALL SELECT card_id FROM events_not_held WHERE period = '2017'").fetchall()}


def test_the_corpus_is_large_and_the_run_completes(hostile):
    root, cases, result = hostile
    assert len({c.name for c in cases}) >= 60
    assert result.success, [e.message for e in result.all_events if e.is_failure]
    checks = result.get_asset_check_evaluations()
    assert [c.check_name for c in checks] == ["nothing_lost"] and checks[0].passed
    example = {p.stem for p in EXAMPLE_2017.glob("*.yaml")}
    assert len(example) == 37 and example <= _ids()  # every good card flows (36 assemblies, 1 refused application)


def _check_case(case: corpus.Case, q: pl.DataFrame, ids: set[str]) -> str | None:
    """None when the case ended as it must, else what went wrong."""
    rows = q.filter(pl.col("source_file") == corpus.source_file(case))
    reasons = rows["reason"].to_list()
    if case.expect == "ACCEPT":
        return None if set(case.ids) <= ids else f"not accepted: {reasons}"
    if not any(case.expect in r for r in reasons):
        return f"no quarantine reason with {case.expect!r}: {reasons}"
    if set(case.ids) & ids:
        return f"quarantined, yet its cards are clean: {set(case.ids) & ids}"
    hit = rows.filter(pl.col("reason").str.contains(case.expect, literal=True))
    if case.record:
        if not (hit["row_no"].is_not_null().all() and case.field in hit["field"].to_list()):
            return f"no row/field {case.field}: {hit.to_dicts()}"
    elif case.expect == "skipped":
        if not (hit["severity"] == "warning").all():
            return f"a skipped housekeeping file is an error: {hit.to_dicts()}"
    elif not ((hit["kind"] == "file").all() and (hit["severity"] == "error").all()):
        return f"not a file-level error: {hit.to_dicts()}"
    return None


def test_every_case_is_accepted_or_quarantined_naming_the_file(hostile, outcome):
    _, cases, _ = hostile
    q, ids = outcome
    wrong = {f"{c.name} ({c.expect})": why for c in cases if (why := _check_case(c, q, ids))}
    assert not wrong, "\n".join(f"{k}: {v}" for k, v in wrong.items())


def test_the_case_check_can_fail(outcome):
    q, ids = outcome
    assert _check_case(corpus.Case("alias_bomb.yaml", "ACCEPT", ("2017-X",)), q, ids)
    assert _check_case(corpus.Case("csv_bom.csv", "never closed"), q, ids)
    assert _check_case(corpus.Case("yaml_bad_date.yaml", "no such day in the calendar", record=True, field="city"), q, ids)


def test_raw_equals_clean_plus_quarantine(hostile):
    with warehouse.connect(read_only=True) as con:
        raw, cards, events, persons = (con.execute(f"SELECT count(*) FROM {t} WHERE period = '2017'").fetchone()[0]
                                       for t in ("raw_records", "cards", "events_not_held", "persons"))
        held = con.execute("SELECT count(DISTINCT record_id) FROM quarantine WHERE period = '2017' AND severity = 'error' "
                           "AND kind <> 'file'").fetchone()[0]
        raw_ids = {r[0] for r in con.execute("SELECT record_id FROM raw_records WHERE period = '2017'").fetchall()}
        placed = {r[0] for r in con.execute("SELECT record_id FROM cards WHERE period = '2017' UNION ALL SELECT record_id FROM persons "
                                            "WHERE period = '2017' UNION ALL SELECT record_id FROM events_not_held "
                                            "WHERE period = '2017' UNION ALL SELECT record_id FROM quarantine WHERE period = '2017' "
                                            "AND severity = 'error' AND kind <> 'file'").fetchall()}
    assert raw == cards + events + persons + held
    assert raw_ids == placed


def test_nothing_outside_the_inbox_is_read(hostile):
    with warehouse.connect(read_only=True) as con:
        blobs = [b for (b,) in con.execute("SELECT content FROM raw_files WHERE content IS NOT NULL").fetchall()]
        texts = [t for (t,) in con.execute("SELECT cells FROM raw_records UNION ALL SELECT header FROM raw_headers").fetchall()]
        notes = [t for (t,) in con.execute("SELECT coalesce(notes, '') FROM cards").fetchall()]
        unread = con.execute("SELECT count(*) FROM raw_files WHERE format IN ('link', 'hardlink', 'special') AND content IS NOT NULL").fetchone()[0]
    assert unread == 0
    assert not any(corpus.SECRET.encode() in b for b in blobs)
    assert not any(corpus.SECRET in t for t in texts + notes)


def _public_texts(root: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    for f in (root / "build").rglob("*"):
        if not f.is_file() or "data_docs" in f.parts:
            continue
        if f.suffix in {".docx", ".xlsx"}:
            with zipfile.ZipFile(f) as z:
                out[str(f)] = " ".join(z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith(".xml"))
        elif f.suffix in {".csv", ".md", ".html", ".yml", ".qmd", ".typ", ".svg"}:
            out[str(f)] = f.read_text(encoding="utf-8", errors="replace")
    from assets.report import prepare

    with warehouse.connect(read_only=True) as con:
        out["figures.row_key"] = "\n".join(r for (r,) in con.execute("SELECT row_key FROM figures").fetchall())
        out["persons_public"] = "\n".join(str(r) for r in con.execute("SELECT * FROM persons_public").fetchall())
        wh = prepare.load(con, "2017")
    for lang in ("ru", "en"):
        ctx = prepare.build(None, "2017", lang, wh)
        out[f"report-{lang}.md"] = "\n".join(ctx.fragments.values()) + "\n" + json.dumps(ctx.variables, ensure_ascii=False, default=str)
    return out


def test_no_private_name_in_any_public_output(hostile):
    root, _, _ = hostile
    texts = _public_texts(root)
    assert {"report-ru.md", "report-en.md"} <= set(texts) and any(p.endswith("cards_public.csv") for p in texts)
    assert "2017-PRIV-1" in texts["report-ru.md"] or "Пикет в поддержку" in texts["report-ru.md"] or "задержали у акимата" in texts["report-ru.md"]
    words = {w for name in corpus.PRIVATE for w in name.split()}
    # each name word in any case form: Тихая -> Тихой, Дана -> Даны, Тайнова -> Тайновой, Алибек -> Алибеку
    bases = {w[:-2] if w.endswith(("ая", "ой", "ий", "ый")) else w[:-1] if w[-1] in "аяео" else w for w in words}
    endings = "(?:а|я|ы|и|е|у|ю|ой|ою|ей|ом|ым|ых|ая|ую|ов|ова|ову|овой|ове|ого|ому)?"
    for where, text in texts.items():
        for base in bases:
            assert not re.search(rf"\b(?:{base}|{base.upper()}){endings}\b", text), (where, base)
    # the cards themselves flowed: their safe parts are public, the names are not
    assert "2017-PRIV-2" in texts[next(p for p in texts if p.endswith("cards_public.csv"))]


def test_no_formula_script_or_swallowed_card_in_public_outputs(hostile):
    root, _, _ = hostile
    out = root / "build" / "exports" / "2017"
    for f in out.glob("*.csv"):
        with open(f, encoding="utf-8", newline="") as fh:
            for row in csv.reader(fh):
                for cell in row:
                    if cell.startswith(FORMULA_START):
                        float(cell)  # only numbers may begin with '-' or '+'
    wb = load_workbook(next(out.glob("*.xlsx")))
    seen = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type != "f", (ws.title, c.coordinate, c.value)
                if isinstance(c.value, str):
                    assert not c.value.startswith(FORMULA_START), (ws.title, c.coordinate, c.value)
                    seen += "HYPERLINK" in c.value or "cmd|" in c.value
    assert seen >= 2  # the injected cells are there, neutralised
    texts = _public_texts(root)
    for where, text in texts.items():
        assert corpus.SWALLOWED not in text, where
        if where.startswith("report-"):
            assert "<script>alert" not in text and "<img src=x" not in text, where
    assert "alert" in texts["report-ru.md"]  # the card's note is in the report, escaped


def test_the_terminal_sees_no_control_character(hostile, capsys):
    from pipelines.commands.cards import cmd_quarantine

    class Args:
        period = "2017"

    assert cmd_quarantine(Args()) == 0
    shown = capsys.readouterr().out
    assert "\\x1b" in shown  # the escape sequence of the card is shown, not acted upon
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", shown)
    assert "cards/2017/link_passwd.csv" in shown


def test_raw_and_clean_are_written_in_one_transaction(example_inbox, monkeypatch):
    """A failure while validating leaves the raw layer as it was: never raw replaced and clean not."""
    from assets.ingest import assets as ingest_assets

    assert run_period("2017", selection=("raw_cards", "cards")).success
    with warehouse.connect(read_only=True) as con:
        before = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("raw_files", "raw_records", "cards")}
    (example_inbox / "inbox" / "cards" / "2017" / "2017-ATY-01.yaml").unlink()

    def boom(*a, **kw):
        raise RuntimeError("validation failed")

    monkeypatch.setattr(ingest_assets, "ingest_validated_in_warehouse", boom)  # ingest + validation, file by file
    assert not run_period("2017", selection=("raw_cards",), raise_on_error=False).success
    with warehouse.connect(read_only=True) as con:
        after = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("raw_files", "raw_records", "cards")}
    assert after == before


# ------------------------------------------------------------------------------ properties
SUFFIXES = [".csv", ".json", ".yaml", ".xlsx"]


@settings(max_examples=examples(30, 300), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(SUFFIXES), st.one_of(
    st.binary(max_size=400),
    st.text(max_size=300).map(lambda t: t.encode("utf-8")),
    st.lists(st.sampled_from(["[", "{", "&a ", "*a", "- ", ": ", '"', ",", "\n", "card_id", "1e23", "\x00", "\ufeff"]),
             max_size=80).map(lambda xs: "".join(xs).encode("utf-8")),
))
def test_no_bytes_make_a_reader_raise(tmp_path, suffix, content):
    p = tmp_path / f"x{suffix}"
    p.write_bytes(content)
    fr = read_file(p)
    assert fr.problem or fr.records  # records, or a reason - never an exception
    if fr.problem is None:
        json.dumps([r.data for r in fr.records], ensure_ascii=False, default=str)


@given(st.text(max_size=200))
def test_escape_leaves_no_control_character(text):
    out = escape(text, limit=None)
    assert not re.search(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]", out)
    assert len(out) >= len(text)


@given(st.text(max_size=60))
def test_a_neutralised_cell_is_never_a_formula_in_csv(text):
    buf = io.StringIO()
    pl.DataFrame({"a": [neutralise(text)]}).write_csv(buf)
    rows = list(csv.reader(io.StringIO(buf.getvalue(), newline="")))
    cell = rows[1][0] if len(rows) > 1 and rows[1] else ""
    assert not cell.startswith(FORMULA_START)
    assert cell.removeprefix("'") == text or cell == text


NAMES = st.sampled_from(["Зарема Тайнова", "Семён Петров", "Алибек Скрытов"])
ENDINGS = st.sampled_from(["", "а", "у", "ой", "ым", "ых", "ом"])


@given(NAMES, ENDINGS, st.text(alphabet="абв .,-", max_size=20), st.sampled_from(["", "\u200b", "\x1b[1m"]))
def test_redaction_catches_every_inflection(name, ending, around, trick):
    surname = name.split()[1]
    text = f"{around} {surname[:3]}{trick}{surname[3:]}{ending} {around}"
    out = redact(text, [name])
    assert surname[:-2].lower() not in out.lower().replace("\u200b", "")


def test_the_inbox_sensor_never_reads_outside_the_inbox(tmp_path, monkeypatch):
    """A link is noticed (a new or changed link starts a run that quarantines it) but never opened."""
    from pipelines import automation

    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.csv").write_text(corpus.SECRET)
    (outside / "dir").mkdir()
    (outside / "dir" / "c.yaml").write_text(corpus.SECRET)
    box = tmp_path / "inbox" / "cards" / "2017"
    box.mkdir(parents=True)
    (box / "ok.yaml").write_text(corpus.yaml_card("2017-OK-1"))
    (box / "link.csv").symlink_to(outside / "secret.csv")
    (box / "linkdir").symlink_to(outside / "dir")
    (tmp_path / "inbox" / "cards" / "2016").symlink_to(outside / "dir")
    opened = []
    real = automation.sha256_of
    monkeypatch.setattr(automation, "sha256_of", lambda p: opened.append(str(p)) or real(p))
    changes = automation.scan_inbox(tmp_path / "inbox")
    assert set(changes.changed_files["2017"]) == {"cards/2017/ok.yaml", "cards/2017/link.csv", "cards/2017/linkdir"}
    assert opened == [str(box / "ok.yaml")]
    assert "2016" not in changes.changed_files
