"""From articles to the review spreadsheet and back to card files; decisions are kept."""
from __future__ import annotations

import datetime as dt

import pytest
import yaml
from openpyxl import load_workbook

from assets.core import warehouse
from core import settings
from assets.media import pipeline, review, review_columns, sources

PICKET_A = """Пикет у бюро по правам человека
3 мая 2017 года около 15 пикетчиков собралось в Алматы возле здания бюро по правам человека. Протестующие выступали против передачи информации о блогере. Задержаний не было.
"""
PICKET_B = """В Алматы пикетировали правозащитников
Около 20 человек 3 мая 2017 года провели в Алматы пикет у офиса бюро по правам человека против передачи информации о блогере. Полиция не вмешивалась.
"""
HUNGER = """=HYPERLINK("http://evil.example","x") Голодовка в Таразе
12 октября 2017 года в Таразе пятеро жителей объявили голодовку, требуя вернуть им земельные участки.
"""
ROAD = """Жители перекрыли трассу под Шымкентом
7 июля 2017 года около 50 жителей перекрыли трассу в Шымкенте, протестуя против отсутствия воды.
"""
CONCERT = """Концерт на площади
Около 5 тысяч зрителей собрались на концерт в Алматы.
"""


@pytest.fixture
def media_home(home, monkeypatch):
    folder = home / "inbox" / "media" / "saved"
    folder.mkdir(parents=True)
    for name, text in [("a.txt", PICKET_A), ("b.txt", PICKET_B), ("h.txt", HUNGER), ("r.txt", ROAD), ("c.txt", CONCERT)]:
        (folder / name).write_text(text, encoding="utf-8")
    cfg = home / "sources.yaml"
    cfg.write_text("sources:\n  - {name: saved, kind: folder, path: media/saved, enabled: true}\n", encoding="utf-8")
    monkeypatch.setenv("MONITOR_MEDIA_SOURCES", str(cfg))
    return home


def run_all(home):
    cfg = sources.load()
    with warehouse.connect() as con:
        arts, problems = pipeline.build_articles(con, cfg)
        cands = pipeline.build_candidates(con, arts)
        decisions = pipeline.import_decisions(con)
        path, n = pipeline.export_queue(con)
    return arts, cands, decisions, path, n


def sheet_rows(path):
    wb = load_workbook(path)
    ws = wb["queue"]
    header = [review_columns.header_key(c.value) for c in ws[1]]  # 'Заголовки / Headlines' -> 'titles'
    return wb, ws, header


def fill(path, out, decisions: dict[str, dict]):
    """decisions: a substring of the row's titles -> the cells to set."""
    wb, ws, header = sheet_rows(path)
    col = {h: i + 1 for i, h in enumerate(header)}
    for r in range(2, ws.max_row + 1):
        titles = ws.cell(row=r, column=col["titles"]).value or ""
        for key, cells in decisions.items():
            if key in titles:
                for name, value in cells.items():
                    ws.cell(row=r, column=col[name], value=value)
    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)


def candidate_of(path, title_part):
    wb, ws, header = sheet_rows(path)
    col = {h: i + 1 for i, h in enumerate(header)}
    for r in range(2, ws.max_row + 1):
        if title_part in (ws.cell(row=r, column=col["titles"]).value or ""):
            return ws.cell(row=r, column=col["candidate_id"]).value
    return None


def test_full_review_cycle(media_home):
    home = media_home
    arts, cands, decisions, path, n = run_all(home)
    labels = dict(zip(arts["url"].str.split("/").list.last(), arts["triage_label"]))
    assert labels == {"a.txt": "assembly", "b.txt": "assembly", "h.txt": "assembly", "r.txt": "assembly",
                      "c.txt": "no_mention"}
    # the two picket articles are one candidate
    assert cands.height == 3 and n == 3 and decisions == []
    picket = cands.filter(cands["form"] == "picket").row(0, named=True)
    assert picket["source_links"].count(";") == 1 and picket["city"] == "almaty"

    # scraped text is never a formula in the sheet
    wb, ws, header = sheet_rows(path)
    titles_col = header.index("titles") + 1
    cell = next(ws.cell(row=r, column=titles_col) for r in range(2, ws.max_row + 1)
                if "Голодовка" in (ws.cell(row=r, column=titles_col).value or ""))
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")

    picket_id = candidate_of(path, "Пикет у бюро")
    road_id = candidate_of(path, "трассу")
    reviews = home / "inbox" / "reviews"
    fill(path, reviews / "round1.xlsx", {
        "Пикет у бюро": {"decision": "accept", "topic": "Против передачи информации о блогере",
                         "character": "political", "permission_requested": "no", "reason_not_applied": "unknown"},
        "Голодовка": {"decision": "reject"},
        "трассу": {"decision": "accept", "city": "Готэм", "permission_requested": "no"},
    })
    arts, cands, decisions, path, n = run_all(home)
    by_id = {d.candidate_id: d for d in decisions}
    assert by_id[picket_id].status == "done"
    assert by_id[road_id].status == "error" and "city: 'Готэм' is not a city" in by_id[road_id].message

    card_path = home / "inbox" / "cards" / "2017" / f"{by_id[picket_id].card_id}.yaml"
    assert card_path.exists()
    card = yaml.safe_load(card_path.read_text(encoding="utf-8"))
    assert card["card_id"].startswith("2017-MEDIA-")
    assert card["date"] == dt.date(2017, 5, 3) and card["city"] == "almaty" and card["form"] == "picket"
    assert card["topic"] == "Против передачи информации о блогере" and card["character"] == "political"
    assert card["source_type"] == "media" and card["permission_requested"] is False
    # the two saved files' paths (no web links: validation would quarantine the card for them in source_links)
    saved = card["compiler_notes"].split(review.SAVED_COPIES)[1].split("; ")
    assert "source_links" not in card and len(saved) == 2 and all(u.startswith("file://") for u in saved)
    assert card["participants"] == 15 and card["participants_low"] <= 15 <= card["participants_high"]
    schema = yaml.safe_load((settings.schemas_dir() / "card.yaml").read_text(encoding="utf-8"))["card"]
    assert set(card) <= set(schema)  # only fields of the card

    # the queue now holds only the road block, with the problem next to it
    assert n == 1
    wb, ws, header = sheet_rows(path)
    row = {h: ws.cell(row=2, column=i + 1).value for i, h in enumerate(header)}
    assert row["candidate_id"] == road_id and "Готэм" in row["import_note"]

    # re-running everything changes nothing: same card, same decisions, nothing asked twice
    before = card_path.read_text(encoding="utf-8")
    arts, cands, decisions, path, n = run_all(home)
    assert card_path.read_text(encoding="utf-8") == before and n == 1
    with warehouse.connect() as con:
        rows = con.execute("SELECT candidate_id, decision, status FROM media_review_decisions ORDER BY candidate_id").fetchall()
        statuses = dict(con.execute("SELECT candidate_id, status FROM media_candidates").fetchall())
    assert len(rows) == 3
    assert statuses[picket_id] == "decided"

    # in a second sheet the monitor corrects the city and accepts the road block
    fill(path, reviews / "round2.xlsx", {"трассу": {"decision": "accept", "city": "Шымкент", "permission_requested": "нет",
                                                    "topic": "Против отсутствия воды", "character": "economic",
                                                    "reason_not_applied": "unknown"}})  # else quarantined
    arts, cands, decisions, path, n = run_all(home)
    assert n == 0
    road_cards = list((home / "inbox" / "cards" / "2017").glob("*.yaml"))
    assert len(road_cards) == 2


def test_merge_into_an_accepted_candidate_adds_its_links(media_home):
    home = media_home
    arts, cands, decisions, path, n = run_all(home)
    hunger_id = candidate_of(path, "Голодовка")
    reviews = home / "inbox" / "reviews"
    fill(path, reviews / "r.xlsx", {
        "Голодовка": {"decision": "accept", "permission_requested": "no", "character": "economic",
                      "reason_not_applied": "unknown"},  # no reason with no request: validation quarantines the card
        "трассу": {"decision": "merge", "merge_into": hunger_id},
    })
    arts, cands, decisions, path, n = run_all(home)
    assert [d.message for d in decisions if d.status == "error"] == []
    by = {d.decision: d for d in decisions if d.status == "done"}
    assert by["merge"].card_id == by["accept"].card_id
    card = yaml.safe_load(open(by["accept"].card_path, encoding="utf-8"))
    saved = card["compiler_notes"].split(review.SAVED_COPIES)[1].split("; ")  # saved files: no web links
    assert "source_links" not in card and saved[-1].endswith("r.txt") and len(saved) == 2
    with warehouse.connect() as con:
        links = con.execute("SELECT card_id, how FROM media_card_sources WHERE how = 'review merge'").fetchall()
    assert links == [(by["accept"].card_id, "review merge")]


def test_unknown_decision_and_date_outside_periods_are_reported(media_home):
    home = media_home
    arts, cands, decisions, path, n = run_all(home)
    reviews = home / "inbox" / "reviews"
    fill(path, reviews / "r.xlsx", {
        "Голодовка": {"decision": "maybe"},
        "трассу": {"decision": "accept", "date": "2031-07-07", "permission_requested": "no"},
    })
    arts, cands, decisions, path, n = run_all(home)
    msgs = sorted(d.message for d in decisions)
    assert any("'maybe' is not accept, reject or merge" in m for m in msgs)
    assert any("2031-07-07 lies in no monitoring period" in m for m in msgs)
    assert n == 3  # nothing was decided
    assert not (home / "inbox" / "cards").exists()
