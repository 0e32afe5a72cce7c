"""Back in time (issue 18, item 5): card revisions with valid_from / valid_to, the report rendered
`--as-of` a moment before a correction equals the report as it was rendered then, corrected cards
keep their earlier versions, and the appendix lists what changed since an edition."""
from __future__ import annotations

import datetime as dt
import re

import dagster as dg
import pytest

from assets.core import revisions, warehouse
from assets.report import asof, changes, prepare
from assets.report.refresh import refresh
from assets.report.labels import LANGS
from pipelines import cli
from tests.conftest import card, start_from, write

pytestmark = pytest.mark.slow  # `make test-slow` (docs/testing.md, "Two tiers")

PERIOD_ASSETS = ("raw_cards", "cards", "figures", "reconciliation")


def _run(selection=PERIOD_ASSETS, period="2017") -> None:
    """The period's assets in process, without their checks (tested elsewhere; seconds each here)."""
    from pipelines.definitions import defs

    assert dg.materialize(assets=[*defs.assets, *defs.asset_checks], selection=dg.AssetSelection.assets(*selection).without_checks(),
                          partition_key=period, resources=defs.resources, instance=dg.DagsterInstance.ephemeral()).success


def _report_sources(con=None) -> dict:
    """What the report says, per language: every number of the text (variables) and every generated
    markdown fragment (tables, notable events, appendix) - the report's content, not the PDF's bytes."""
    def build(c):
        w = prepare.load(c, "2017")
        built = {lang: prepare.build(None, "2017", lang, w) for lang in LANGS}  # once a language (charts drawn)
        return {lang: (b.variables, b.fragments) for lang, b in built.items()}
    if con is not None:
        return build(con)
    with warehouse.connect(read_only=True) as c:
        return build(c)


def _revision_counts() -> tuple[int, int, int]:
    with warehouse.connect(read_only=True) as con:
        return con.execute("SELECT count(*), count(valid_to), (SELECT count(*) FROM person_revisions) "
                           "FROM card_revisions WHERE period = '2017'").fetchone()


def _edit(path, **subs) -> None:
    text = path.read_text(encoding="utf-8")
    for field, value in subs.items():
        text, n = re.subn(rf"^{field}: .*$", f"{field}: {value}", text, count=1, flags=re.M)
        assert n == 1, (path, field)
    path.write_text(text, encoding="utf-8")


def test_report_as_of_before_a_correction_equals_the_report_then(example_inbox, published_run, monkeypatch, capsys):
    monkeypatch.setenv("MONITOR_REPORT_FORMATS", "html")
    box = example_inbox / "inbox" / "cards" / "2017"
    write(box / "zz-extra.yaml", card("2017-ZZ-1", "2017-06-01", city="Караганда", n=7))
    start_from(example_inbox, published_run)  # the published figures and the audit, no card yet
    _run()
    n_cards, closed, n_persons = _revision_counts()
    assert (n_cards, closed) == (38, 0) and n_persons == 13  # 37 cards + 1 event not held, all open
    then = _report_sources()
    with warehouse.connect(read_only=True) as con:
        current_html = {lang: r.files["html"].read_bytes() for lang, r in refresh(con, "2017", ("html",))}

    # the same inbox again: no revision is opened or closed
    _run(("raw_cards",))
    assert _revision_counts() == (38, 0, 13)
    before = dt.datetime.now(dt.timezone.utc)

    # a monitor corrects a card (participants and city), a card is withdrawn
    _edit(box / "2017-ALA-04.yaml", participants=45, city="Шымкент")
    (box / "zz-extra.yaml").unlink()
    _run()
    assert _revision_counts() == (39, 2, 13)  # one new revision; the old one and the removed card's closed
    now = _report_sources()
    assert now != then  # the correction changes the report (else the test proves nothing)

    # the corrected card keeps its earlier version, queryable
    with warehouse.connect(read_only=True) as con:
        hist = revisions.history(con, "2017", "2017-ALA-04")
        assert [(h[3], h[5]) for h in hist] == [("almaty", 42), ("shymkent", 45)]
        assert hist[0][1] == hist[1][0] and hist[1][1] is None  # closed when the new one opened
        [(removed_to,)] = con.execute("SELECT valid_to FROM card_revisions WHERE card_id = '2017-ZZ-1'").fetchall()
        assert removed_to == hist[1][0]
        # what changed since `before`: the appendix's list
        ch = changes.card_changes(con, "2017", before)
        assert {(r["card_id"], r["change"]): sorted(r["fields"]) for r in ch.iter_rows(named=True)} == {
            ("2017-ALA-04", "changed"): ["city", "participants"], ("2017-ZZ-1", "removed"): []}
        # the as-of recomputation on a read-only connection equals what the report said then
        asof.recompute_as_of(con, "2017", before)
        assert _report_sources(con) == then
    with warehouse.connect(read_only=True) as con:  # and the warehouse itself was not touched
        assert con.execute("SELECT participants FROM cards WHERE card_id = '2017-ALA-04'").fetchone() == (45,)

    # the command: its own folder, the current report left as it is
    stamp = before.strftime("%Y-%m-%dT%H:%M:%S.%f")
    assert cli.main(["report", "--period", "2017", "--as-of", stamp, "--changes-since", before.strftime("%Y-%m-%d")]) == 0
    out = capsys.readouterr().out
    folder = asof.out_dir("2017", stamp)
    assert folder.name.startswith("2017-as-of-") and str(folder) in out
    html = {lang: (folder / f"report-2017-{lang}.html").read_text(encoding="utf-8") for lang in LANGS}
    assert "Изменения с предыдущего издания" in html["ru"] and "Changes since the previous edition" in html["en"]
    assert "2017-ALA-04" not in html["en"]  # the appendix names no card id
    report_dir = example_inbox / "build" / "report" / "2017"
    assert {lang: (report_dir / f"report-2017-{lang}.html").read_bytes() for lang in LANGS} == current_html

    # a moment before any card was recorded: said plainly
    assert cli.main(["report", "--period", "2017", "--as-of", "2001-01-01"]) == 2
    assert "recorded no card of 2017" in capsys.readouterr().err


@pytest.mark.parametrize("text, expected", [
    ("2026-11-30", dt.datetime(2026, 11, 30, 23, 59, 59, 999999, tzinfo=dt.timezone.utc)),
    ("2026-11-30T09:15", dt.datetime(2026, 11, 30, 9, 15, tzinfo=dt.timezone.utc)),
    ("2026-11-30T09:15:00+06:00", dt.datetime(2026, 11, 30, 3, 15, tzinfo=dt.timezone.utc)),
])
def test_as_of_moments(text, expected):
    assert changes.parse_moment(text) == expected


def test_a_bad_as_of_is_refused():
    with pytest.raises(ValueError, match="not a date"):
        changes.parse_moment("30.11.2026")


NOW = dt.datetime(2026, 12, 2, 6, 30, tzinfo=dt.timezone.utc)


@pytest.mark.parametrize("as_of, since, message", [
    ("", None, "--as-of is empty"),
    ("  ", None, "--as-of is empty"),
    (None, "", "--changes-since is empty"),
    ("2099-01-01", None, "--as-of 2099-01-01 is in the future"),
    ("2026-12-02T07:00", None, "--as-of 2026-12-02T07:00 is in the future"),
    (None, "2026-12-03", "--changes-since 2026-12-03 is in the future"),
    ("2026-11-01", "2026-11-15", "--changes-since 2026-11-15 is after --as-of 2026-11-01"),
    ("2026-11-15T10:00", "2026-11-15T10:01", "--changes-since 2026-11-15T10:01 is after --as-of 2026-11-15T10:00"),
])
def test_moments_that_name_no_past_edition_are_refused(as_of, since, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        changes.check_moments(as_of, since, NOW)


@pytest.mark.parametrize("as_of, since", [("2026-12-02", None), ("2026-12-02T06:29", "2026-12-01"),
                                          ("2026-11-15", "2026-11-15"), ("2026-11-15T08:00", "2026-11-15"),
                                          (None, "2026-01-01")])
def test_past_moments_and_today_are_taken(as_of, since):
    changes.check_moments(as_of, since, NOW)  # raises nothing: today's date is the end of today, so far


def test_an_empty_as_of_is_refused_not_read_as_today(example_inbox, capsys):
    """`--as-of ""` rendered today's report into build/report/2017 instead of refusing (a red-team probe)."""
    assert cli.main(["report", "--period", "2017", "--as-of", ""]) == 2
    assert "--as-of is empty" in capsys.readouterr().err
    assert not (example_inbox / "build" / "report").exists()


def test_each_zone_is_its_own_moment_and_folder():
    """12:00 at +06:00, at UTC and at -10:00 are three moments: three folders, named by the moment in UTC."""
    names = {asof.label(t) for t in ("2026-12-01T12:00:00+06:00", "2026-12-01T12:00:00Z", "2026-12-01T12:00:00-10:00")}
    assert names == {"2026-12-01T060000", "2026-12-01T120000", "2026-12-01T220000"}
    assert asof.label("2026-11-30") == "2026-11-30" and asof.label("2026-11-30T09:15") == "2026-11-30T091500"
