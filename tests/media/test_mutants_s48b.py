"""(session 48b) The mutation run's survivors in the media pipeline, its sources file, the `monitor extract` command and
the learned steps (assets/media/pipeline.py, sources.py, cli.py, learned_triage.py, learned_counts.py,
learned_detentions.py, model_cache.py, sentence_syntax.py): docs/testing.md, "Session 48"."""
from __future__ import annotations

import json
import math

import pytest

from assets.core import warehouse
from assets.media import (cli, evaluate_real, learned_counts, learned_detentions, learned_triage, model_cache, pipeline,
                          sentence_syntax, sources, triage)
from assets.media.triage import TriageResult
from tests.media.test_review import media_home  # noqa: F401 (fixture)


# -- sources.py: the sources file's checks, each naming the file and the field ---------------------------------------
def _load(tmp_path, text: str):
    p = tmp_path / "sources.yaml"
    p.write_text(text, encoding="utf-8")
    return sources.load(p, base_dir=tmp_path)


def test_every_kind_of_source_is_read(tmp_path):
    cfg = _load(tmp_path, "sources:\n"
                          "  - {name: feed, kind: rss, url: 'https://example.kz/rss', enabled: true}\n"
                          "  - {name: page, kind: html, url: 'https://example.kz/a/1', enabled: true}\n"
                          "  - {name: list, kind: listing, url: 'https://example.kz/news', link_pattern: '/news/\\d+'}\n"
                          "  - {name: tg, kind: telegram, path: tg/result.json, channel: '@almaty'}\n"
                          "  - {name: saved, kind: Folder, path: media/saved, enabled: true, max_items: 3}\n")
    assert [(s.name, s.kind, s.uses_network) for s in cfg.sources] == [
        ("feed", "rss", True), ("page", "html", True), ("list", "listing", True), ("tg", "telegram", False),
        ("saved", "folder", False)]
    assert [s.name for s in cfg.enabled()] == ["feed", "page", "saved"]
    assert cfg.sources[4].path == tmp_path / "media" / "saved" and cfg.sources[4].max_items == 3
    assert cfg.sources[0].max_items is None and cfg.sources[3].channel == "@almaty"


@pytest.mark.parametrize("line, said", [
    ("user_agent: ''", "fetch.user_agent must be a text, not ''"),
    ("user_agent: '   '", "fetch.user_agent must be a text, not '   '"),
    ("user_agent: 5", "fetch.user_agent must be a text, not 5"),
    ("timeout_s: fast", "fetch.timeout_s must be a number, not 'fast'"),
    ("retries: many", "fetch.retries must be a whole number, not 'many'"),
    ("min_interval_s: .nan", "fetch.min_interval_s must be a number, not nan"),
    ("backoff_s: .inf", "fetch.backoff_s must be a number, not inf"),
])
def test_a_fetch_setting_of_the_wrong_kind_is_named_with_file_and_field(tmp_path, line, said):
    with pytest.raises(sources.SourcesError) as e:
        _load(tmp_path, f"fetch:\n  {line}\nsources: []\n")
    assert str(e.value) == f"{tmp_path / 'sources.yaml'}: {said}"


def test_thresholds_must_have_low_below_high(tmp_path):
    assert _load(tmp_path, "triage:\n  thresholds: [0.2, 0.3]\n").triage.thresholds == (0.2, 0.3)
    assert _load(tmp_path, "triage:\n  thresholds: [0, 1]\n").triage.thresholds == (0.0, 1.0)
    for bad in ("[0.5, 0.5]", "[0.6, 0.4]", "[0.2]", "[-0.1, 0.5]", "[0.2, 1.5]", "[true, 0.5]"):
        with pytest.raises(sources.SourcesError, match=r"sources\.yaml: triage\.thresholds must be \[low, high\], two "
                                                        r"numbers with 0 <= low < high <= 1"):
            _load(tmp_path, f"triage:\n  thresholds: {bad}\n")


def test_training_parts_are_read_and_a_closed_part_is_named(tmp_path):
    assert _load(tmp_path, "triage:\n  training: [Fresh, dev, ' measured']\n").triage.training == ("dev", "measured", "fresh")
    with pytest.raises(sources.SourcesError, match=r"sources\.yaml: triage\.training names holdout, a part the learned "
                                                    r"step must never train on \(holdout, wide2, fresh3"):
        _load(tmp_path, "triage:\n  training: [dev, holdout]\n")
    with pytest.raises(sources.SourcesError, match=r"triage\.training names Fresh3, wide2, a part"):
        _load(tmp_path, "triage:\n  training: [Fresh3, wide2]\n")
    for bad in ("dev", "[]", "[dev, second]", "{dev: 1}"):
        with pytest.raises(sources.SourcesError, match=r"sources\.yaml: triage\.training must be a list of parts of "
                                                        r"tests/media/real/, each one of dev, measured, fresh,"):
            _load(tmp_path, f"triage:\n  training: {bad}\n")


def test_every_part_named_for_training_is_a_folder_of_labelled_articles():
    """A part misspelt in sources.py would train the step on nothing of it and refuse it in `triage: training:`."""
    for part in (*sources.TRIAGE_TRAINING_PARTS, *sources.TRAINING_UNTIL_S35, *sources.NEVER_TRAIN):
        assert any((evaluate_real.DEFAULT_DIR / part).glob("*.yaml")), part
    assert set(sources.STEP_LEFT_OUT) <= set(sources.OPENED_PARTS)
    assert set(sources.STEP_TRAINING_PARTS) == set(sources.TRIAGE_TRAINING_PARTS) - set(sources.STEP_LEFT_OUT)


def test_the_triage_and_extraction_settings_are_read_case_and_spaces_ignored(tmp_path):
    cfg = _load(tmp_path, "triage:\n  learned: ' Rescue '\n  features: LITE+lemmas\n  class_weights: Balanced\n"
                          "extraction:\n  learned_participants: Veto\n  learned_detained: off\n  syntax: veto_strict\n")
    assert cfg.triage == sources.TriageSettings(learned="rescue", features="lite+lemmas", class_weights="balanced")
    assert cfg.extraction == sources.ExtractionSettings(learned_participants="veto", learned_detained="off",
                                                        syntax="veto_strict")
    assert cfg.extraction.modes() == {"participants": "veto", "detained": "off"}
    with pytest.raises(sources.SourcesError, match=r"sources\.yaml: `triage` takes the settings .*; unknown: learn, mode$"):
        _load(tmp_path, "triage:\n  learn: override\n  mode: x\n")


@pytest.mark.parametrize("setting, value, read", [
    ("features", "hash", "hash"), ("features", "lite", "lite"), ("features", "hash+lemmas", "hash+lemmas"),
    ("learned", "override", "override"), ("learned", "off", "off"), ("class_weights", "none", "none"),
])
def test_each_triage_setting_value_is_accepted(tmp_path, setting, value, read):
    assert getattr(_load(tmp_path, f"triage:\n  {setting}: '{value}'\n").triage, setting) == read


@pytest.mark.parametrize("value", ["off", "veto", "veto_strict", "override"])
def test_each_syntax_mode_is_accepted(tmp_path, value):
    assert _load(tmp_path, f"extraction:\n  syntax: {value}\n").extraction.syntax == value


# -- pipeline.py: the steps over the warehouse ---------------------------------------------------------------------------
PICKET = ("Митинг в Алматы", "В Алматы 5 мая у здания акимата собрались около 40 человек, требуя снизить тарифы. "
          "Всего на митинг пришли 55 жителей.")


def _article(i: int, title: str, text: str, **kw):
    from assets.media import parse

    return parse.Article(article_id=f"a{i}", source="t", kind="file", url=f"https://example.kz/{i}", title=title,
                         text=text, **kw)


def test_a_telegram_source_is_read_as_its_channels_messages(tmp_path):
    """A Telegram source's export (its folder, or the result.json itself) gives the channel's messages, each with its
    public address on t.me; a missing export is named."""
    import duckdb

    folder = tmp_path / "tg"
    folder.mkdir()
    (folder / "result.json").write_text(json.dumps({"name": "Алматы", "id": 11, "messages": [
        {"id": 7, "type": "message", "date": "2024-05-05T12:00:00", "text": "Пикет у акимата\nСегодня в Алматы у акимата "
                                                                          "прошел пикет."},
        {"id": 8, "type": "service", "date": "2024-05-05T12:01:00", "text": ""}]}, ensure_ascii=False), encoding="utf-8")
    cfg = sources.parse({"sources": [
        {"name": "tg", "kind": "telegram", "path": "tg", "channel": "@almaty_news", "enabled": True},
        {"name": "tg2", "kind": "telegram", "path": "tg/result.json", "channel": "other", "enabled": True},
        {"name": "gone", "kind": "telegram", "path": "none", "enabled": True}]}, base_dir=tmp_path)
    arts, problems = pipeline.collect_articles(duckdb.connect(), cfg)
    assert sorted((a.url, a.source, a.kind, a.title) for a in arts) == [
        ("https://t.me/almaty_news/7", "tg", "telegram", "Пикет у акимата"),
        ("https://t.me/other/7", "tg2", "telegram", "Пикет у акимата")]
    assert problems == [f"gone: no Telegram export at {tmp_path / 'none'}"]


class _PrefersTheLargest:
    """A count re-ranker whose model is sure of the largest number of the article and of nothing else."""

    def proba(self, cands):
        top = max(c.best for c in cands)
        return [0.99 if c.best == top else 0.01 for c in cands]


def test_the_count_reranker_runs_on_an_article_of_one_event_only(monkeypatch):
    from assets.media import learned_rerank

    monkeypatch.setattr(learned_rerank, "step_model", lambda fld: _PrefersTheLargest())
    df, _ = pipeline.triage_articles([_article(0, *PICKET, published=None), _article(1, *PICKET, published=None)])
    events = pipeline.events_of(df)
    one = [e for e in events if e["article_id"] == "a0"]
    assert len(one) == 1 and one[0]["participants"] == 40
    two = [dict(e, event_key=f"{e['event_key']}-{k}") for e in events if e["article_id"] == "a1" for k in (1, 2)]
    out = pipeline.rerank_counts(df, one + two, {"participants": "override", "detained": "off"})
    assert out[0]["participants"] == 55 and out[0]["evidence"]["participants"] == "Всего на митинг пришли 55 жителей."
    assert out[0]["evidence"]["participants_learned"] == "(learned re-ranker (override): p = 0.99, chose 55; the rules said 40)"
    assert [e["participants"] for e in out[1:]] == [40, 40]  # an article of two events keeps the rules' counts
    assert out[1:] == two


# -- cli.py: `monitor extract` and `monitor media …`: exit statuses and messages ----------------------------------------
def test_extract_says_no_assembly_in_this_text_or_in_these_texts(tmp_path, capsys):
    one = tmp_path / "one.txt"
    one.write_text("Погода в Алматы\nЗавтра в Алматы ожидается снег и до минус десяти градусов.", encoding="utf-8")
    assert cli.main(["extract", str(one), "--learned", "off"]) == 0
    out = capsys.readouterr()
    assert out.out == "" and out.err == "no assembly reported in this text\n"
    folder = tmp_path / "two"
    folder.mkdir()
    (folder / "a.txt").write_text(one.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "b.txt").write_text("Курс тенге\nТенге укрепился к доллару.", encoding="utf-8")
    assert cli.main(["extract", str(folder), "--learned", "off"]) == 0
    assert capsys.readouterr().err == "no assembly reported in these 2 texts\n"


def test_extract_of_a_folder_with_no_article_file_is_exit_1_naming_it(tmp_path, capsys):
    empty = tmp_path / "empty"
    empty.mkdir()
    assert cli.main(["extract", str(empty), "--learned", "off"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{empty}: a folder with no article file (.txt, ") and "no article was read" not in err


def test_extract_with_all_prints_the_verdict_only_of_an_article_without_events(tmp_path, capsys):
    f = tmp_path / "picket.txt"
    f.write_text("\n".join(PICKET), encoding="utf-8")
    assert cli.main(["extract", str(f), "--learned", "off", "--all", "--published", "2024-05-06"]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert len(lines) == 1 and lines[0]["participants"] == 40 and lines[0]["triage"]["label"] == "assembly"
    assert lines[0]["date"] == "2024-05-05" and lines[0]["city"] == "almaty"


def test_media_articles_says_how_many_articles_and_candidates(home, tmp_path, capsys):
    folder = home / "inbox" / "media" / "saved"
    folder.mkdir(parents=True)
    (folder / "picket.txt").write_text("\n".join(PICKET), encoding="utf-8")
    (folder / "weather.txt").write_text("Погода в Алматы\nЗавтра в Алматы снег.", encoding="utf-8")
    cfg = tmp_path / "s.yaml"
    cfg.write_text("sources:\n  - {name: saved, kind: folder, path: media/saved, enabled: true}\n", encoding="utf-8")
    assert cli.main(["articles", "--sources", str(cfg)]) == 0
    assert capsys.readouterr().out == "2 articles, 1 candidate\n"


def test_review_export_writes_the_queue_where_asked(home, tmp_path, capsys):
    from tests.media.test_review_hostile import exported

    exported("cand-a", "cand-b")
    path = tmp_path / "queue.xlsx"
    assert cli.main(["review", "export", str(path)]) == 0
    assert capsys.readouterr().out == f"2 candidates to review in {path}\n" and path.is_file()


def test_review_import_names_file_sheet_and_row_of_a_failed_row_and_counts_them(home, capsys):
    from tests.media.test_review_hostile import exported, reviews, row, workbook

    exported("cand-a", "cand-b", "cand-c")
    workbook(reviews(home) / "bad.xlsx", [row("cand-a"), row("cand-b", participants="1,000"),
                                          row("cand-c", participants="много")])
    assert cli.main(["review", "import"]) == 1
    out = capsys.readouterr()
    assert out.out == "1 decision imported, 1 card file written\n"
    lines = out.err.splitlines()
    assert lines[0].startswith("  bad.xlsx, sheet 'queue', row 3 (cand-b): participants: '1,000' is ambiguous")
    assert lines[1].startswith("  bad.xlsx, sheet 'queue', row 4 (cand-c): participants:")
    assert lines[2:] == ["2 rows, sheets or files not imported (above)"]


def _not_events(path) -> dict:
    from openpyxl import load_workbook

    ne = load_workbook(path)["not_events"]
    return {ne.cell(row=r, column=1).value: ne.cell(row=r, column=4).value for r in range(2, ne.max_row + 1)}


def test_an_article_that_joined_a_rejected_candidate_before_the_reject_was_read_is_listed_as_its_copy(media_home):
    """The reject was typed in a sheet written before a new article about the same hunger strike arrived; the next run put
    the new article into the candidate, then read the reject (of the first article only). The new article splits off the
    rejected one: it must not take the rejected candidate's id (that would make it decided, never asked nor listed)."""
    from tests.media.test_review import candidate_of, fill, run_all
    from tests.media.test_review_loop import HUNGER_AGAIN

    home = media_home
    *_, path, _n = run_all(home)
    hunger_id = candidate_of(path, "Голодовка")
    fill(path, home / "inbox" / "reviews" / "r1.xlsx", {"Голодовка": {"decision": "reject"}})
    (home / "inbox" / "media" / "saved" / "h2.txt").write_text(HUNGER_AGAIN, encoding="utf-8")
    run_all(home)
    *_, path, _n = run_all(home)
    assert candidate_of(path, "Таразцы продолжают") is None and candidate_of(path, "Голодовка") is None
    reasons = _not_events(path)
    url = next(u for u in reasons if u.endswith("h2.txt"))
    assert reasons[url].endswith(f"[the same event as rejected candidate {hunger_id}]")
    with warehouse.connect() as con:
        rows = con.execute("SELECT candidate_id, status, source_links FROM media_candidates "
                           "WHERE source_links LIKE '%/h.txt' OR source_links LIKE '%/h2.txt'").fetchall()
    assert sorted((cid == hunger_id, status, links.rsplit("/", 1)[1]) for cid, status, links in rows) == [
        (False, "rejected_copy", "h2.txt"), (True, "decided", "h.txt")]


ROAD_TARAZ = """Таразцы перекрыли дорогу из-за земли
12 октября 2017 года в Таразе около 30 жителей перекрыли дорогу у акимата, требуя вернуть им земельные участки.
"""


def test_an_assembly_of_another_form_beside_a_rejected_one_is_asked_not_held_back(media_home):
    """A hunger strike was rejected; the same day in the same city people blocked a road over the same land. A road
    block is no hunger strike (dedup.COMPATIBLE): it is asked, not held back as a copy of the rejected candidate —
    the rejected row's form, typed in words, is read as its code."""
    from tests.media.test_review import candidate_of, fill, run_all

    home = media_home
    *_, path, _n = run_all(home)
    fill(path, home / "inbox" / "reviews" / "r1.xlsx", {"Голодовка": {"decision": "reject"}})
    run_all(home)
    (home / "inbox" / "media" / "saved" / "t2.txt").write_text(ROAD_TARAZ, encoding="utf-8")
    *_, path, _n = run_all(home)
    assert candidate_of(path, "перекрыли дорогу") is not None
    assert not any(u.endswith("t2.txt") for u in _not_events(path))


# -- learned_triage.py: the step's features, model and training set ----------------------------------------------------
MIXED = ("Пикет у акимата", "Вчера у акимата Алматы 15 жителей провели пикет, требуя ремонта дорог. В честь праздника на "
         "площади прошел праздничный концерт и флешмоб ко Дню Республики. Митинг пройдет 13 сентября.")
FIVE = ("Пикеты в Алматы", "В Алматы у акимата прошел пикет. Затем у акимата прошел митинг. В Шымкенте у акимата прошел "
        "пикет. В Таразе у акимата прошел митинг. В Актобе у акимата прошел пикет.")
NO_CITY = ("Пикет у завода", "Рабочие провели пикет у проходной завода, требуя выплатить зарплату.")


def _named(names, row):
    return dict(zip(names, row))


def test_the_signals_read_which_sentences_the_rules_took_and_set_aside():
    tri = triage.classify(*MIXED)
    assert tri.reasons[1].startswith("sentence 2 not counted (entertainment, celebration)")  # the rules' own reasons
    for names, row in ((learned_triage.SIGNAL_NAMES, learned_triage.signals(*MIXED, tri)),
                       (learned_triage.LITE_NAMES, learned_triage.lite_signals(*MIXED, tri))):
        s = _named(names, row)
        assert s["pos:form+verb"] == 1.0 and s["pos:gathering"] == 0.0 and s["pos:crane"] == 0.0
        assert s["neg:planned"] == s["neg:entertainment"] == s["neg:celebration"] == 1.0
        assert s["neg:background"] == s["neg:court"] == 0.0
        assert s["n_event_sentences"] == pytest.approx(1 / 3)
    lite = _named(learned_triage.LITE_NAMES, learned_triage.lite_signals(*MIXED, tri))
    assert lite["n_set_aside"] == pytest.approx(2 / 3) and lite["title_form"] == 1.0 and lite["event_sentence_found"] == 1.0


def test_five_event_sentences_count_as_three_and_no_city_as_none():
    five = triage.classify(*FIVE)
    assert len(five.event_sentences) == 5
    assert _named(learned_triage.SIGNAL_NAMES, learned_triage.signals(*FIVE, five))["n_event_sentences"] == 1.0
    assert _named(learned_triage.LITE_NAMES, learned_triage.lite_signals(*FIVE, five))["n_event_sentences"] == 1.0
    s = _named(learned_triage.SIGNAL_NAMES, learned_triage.signals(*NO_CITY, triage.classify(*NO_CITY)))
    assert s["kz_city"] == 0.0 and s["abroad_word"] == 0.0
    picket = ("В Алматы прошел пикет", "Вчера у здания акимата Алматы 15 жителей провели пикет, требуя отремонтировать дорогу.")
    assert _named(learned_triage.SIGNAL_NAMES, learned_triage.signals(*picket, triage.classify(*picket)))["kz_city"] == 1.0


def test_no_document_is_no_row():
    assert learned_triage.hashed_counts([]).shape == (0, learned_triage.HASH_FEATURES)


def test_combine_refuses_an_unknown_mode():
    with pytest.raises(ValueError, match="unknown mode 'sometimes'"):
        learned_triage.combine(True, 0.9, "sometimes")
    assert learned_triage.combine(False, 0.85, "rescue", 0.3, 0.8) and not learned_triage.combine(False, 0.75, "rescue", 0.3, 0.8)


TRAIN = [learned_triage.Example(t, x, None, lab) for t, x, lab in [
    ("Жители вышли на митинг", "В Уральске жители провели митинг у здания акимата, требуя ремонта.", True),
    ("Пикет у акимата", "Вчера активисты провели пикет у акимата Актобе.", True),
    ("Ереуіл", "Жұмысшылар ереуілге шықты, жалақы талап етті.", True),
    ("Голодовка в Таразе", "Пятеро жителей Тараза объявили голодовку у акимата.", True),
    ("Акимат отказал", "Акимат отказал в проведении митинга, заявку отклонили.", False)]]
UNSEEN = [learned_triage.Example("В Алматы прошел пикет", "Вчера у здания акимата Алматы 15 жителей провели пикет.", None),
          learned_triage.Example("Суд оштрафовал активиста", "Суд оштрафовал активиста за призыв к митингу.", None)]


def test_an_articles_probability_does_not_depend_on_the_articles_scored_beside_it():
    """The TF-IDF weights are learned from the training set; scoring reads them, never refits them on what it scores."""
    m = learned_triage.TriageModel("hash", 10.0).fit(TRAIN)
    both = m.proba(UNSEEN)
    assert [m.proba([e])[0] for e in UNSEEN] == pytest.approx(both, abs=1e-12)
    assert m.proba([UNSEEN[0], UNSEEN[0], UNSEEN[1]]) == pytest.approx([both[0], both[0], both[1]], abs=1e-12)


def test_a_model_weighs_the_classes_equally_unless_asked():
    """The lite model (`TriageModel("lite", C)`) and the others keep equal class weights; balanced only when asked."""
    plain = learned_triage.TriageModel("hash", 10.0).fit(TRAIN).proba(UNSEEN)
    assert learned_triage.TriageModel("hash", 10.0, balanced=False).fit(TRAIN).proba(UNSEEN) == plain
    assert learned_triage.TriageModel("hash", 10.0, balanced=True).fit(TRAIN).proba(UNSEEN) != pytest.approx(plain)


def test_the_training_set_is_the_parts_named_and_the_corpus_without_the_reprints():
    dev = learned_triage.training_examples(splits=("dev",))
    every = learned_triage.real_examples("dev", rules=False)
    corpus = learned_triage.corpus_examples(rules=False)
    assert len(dev) == len(every) - 1 + len(corpus) and all(e.tri is None for e in dev)
    (reprint,) = [e for e in every if e not in dev[:len(every) - 1]]
    named = dict(evaluate_real.load(split="dev"))["dev/mgorod-3b4a1b63.yaml"]
    assert (reprint.title, reprint.text) == evaluate_real.article(named)[:2]
    with pytest.raises(RuntimeError, match=r"must never train: \('dev', 'holdout'\)"):
        learned_triage.training_examples(splits=("dev", "holdout"))


def test_the_lite_model_is_trained_with_the_rules_verdicts(monkeypatch):
    """Its signals read the rules' verdict of every training article (without it they cannot be computed)."""
    def examples(rules=False, splits=learned_triage.TRAIN_SPLITS):
        return [learned_triage.Example(e.title, e.text, triage.classify(e.title, e.text) if rules else None, e.label)
                for e in TRAIN]

    monkeypatch.setattr(learned_triage, "training_examples", examples)
    monkeypatch.setattr(learned_triage, "_LITE", None)
    monkeypatch.setattr(learned_triage.model_cache, "trained", lambda name, params, parts, build: build())
    model = learned_triage.lite_model()
    ex = [learned_triage.Example(e.title, e.text, triage.classify(e.title, e.text)) for e in UNSEEN]
    p = model.proba(ex)
    assert p[0] > p[1]


# -- learned_counts.py, learned_detentions.py: the rankers measured against the rules -------------------------------------
def test_the_count_rankers_candidates_tell_where_each_number_stands():
    cands, ev = learned_counts.candidates(
        "Жители Уральска против тарифов: 40 человек",
        "В Уральске 5 мая у акимата прошел митинг, на него пришли 40 человек. Им обещали ответ через 10 дней. "
        "Акция продлилась 2 часа.")
    assert ev.participants == 40 and ev.evidence["form"].startswith("В Уральске 5 мая у акимата прошел митинг")
    got = [(c.best, c.chosen_by_rules, sorted(k for k, v in c.features.items() if k.startswith(("role=", "next=", "prev"))
                                              and v == 1.0)) for c in cands]
    assert got == [(40, False, ["next=человек", "prev1=тариф", "prev2=против", "role=title"]),
                   (40, True, ["next=человек", "prev1=прийти", "prev2=он", "role=anchor"]),
                   (10, False, ["next=день", "prev1=через", "prev2=ответ", "role=s2"]),
                   (2, False, ["next=час", "prev1=продлиться", "prev2=акция", "role=s3"])]


def test_the_count_rankers_default_threshold_takes_a_confident_candidate():
    """Trained on a few hand-written articles, the ranker with its default threshold (0.5) takes the head count."""
    train = [
        ("Митинг в Уральске", "В Уральске 70-летний активист и около 40 человек вышли к акимату в 12:00.", 40),
        ("Пикет в Актобе", "В Актобе 25 жителей вышли на пикет, требуя вернуть 300 тысяч тенге.", 25),
        ("Митинг в Таразе", "В Таразе у акимата собрались более 100 человек; им обещали ответ через 10 дней.", [101, 130]),
        ("Митинг в Астане", "В Астане прошел митинг против тарифов, цена выросла до 20 тенге.", None),
    ]
    model = learned_counts.CountRanker(use_rules=False).fit([(learned_counts.candidates(t, b)[0], e) for t, b, e in train])
    cands, _ev = learned_counts.candidates("Митинг в Семее", "В Семее 65-летний пенсионер и около 60 человек собрались "
                                                              "у акимата в 11:00.")
    got = model.choose(cands)
    assert got is not None and got[0] <= 60 <= got[2]
    assert learned_counts.CountRanker(threshold=1.0, use_rules=False).fit(
        [(learned_counts.candidates(t, b)[0], e) for t, b, e in train]).choose(cands) is None


def _cand(low, best, high, rules=False):
    return learned_counts.Candidate(low, best, high, {}, rules)


def test_the_count_rankers_score_counts_right_counts_and_none_invented():
    rows = [([_cand(40, 40, 40)], 40, None),        # right
            ([_cand(90, 100, 110)], 40, None),      # wrong
            ([], 25, None),                         # nothing chosen where a count is stated
            ([_cand(5, 5, 5)], None, None),         # invented
            ([], None, None)]                       # none, rightly
    assert learned_counts.score(rows, lambda c, ev: (c[0].low, c[0].best, c[0].high) if c else None) == {
        "participants": (1, 3), "none_invented": (1, 2)}


def test_the_count_ranker_reads_only_the_articles_that_report_an_event():
    got = {name for name, *_ in learned_counts._articles("dev")}
    want = {name for name, item in evaluate_real.load(split="dev") if item["annotations"]["is_event"]}
    assert got == want and 0 < len(got) < len(evaluate_real.load(split="dev"))


def test_the_count_rankers_report_prints_the_rules_and_each_setting(monkeypatch, capsys):
    rows = {"dev": [([_cand(40, 40, 40, True), _cand(10, 10, 10)], 40, None),
                    ([_cand(25, 25, 25, True), _cand(300, 300, 300)], 25, None),
                    ([_cand(7, 7, 7)], None, None)]}
    for (cands, _e, _ev) in rows["dev"]:
        for c in cands:
            c.features.update({"rules_chose": float(c.chosen_by_rules), f"size={c.best > 20}": 1.0})
    rules_ev = [type("Ev", (), {"participants_low": 40, "participants": 40, "participants_high": 40})(),
                type("Ev", (), {"participants_low": 300, "participants": 300, "participants_high": 300})(), None]
    monkeypatch.setattr(learned_counts, "rows_of", lambda split: [(c, e, ev) for (c, e, _), ev in zip(rows["dev"], rules_ev)])
    assert learned_counts.main(["--split", "dev"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "rules    dev: participants 1/2  none invented 1/1"
    assert [line.split(" dev:")[0] for line in lines[1:]] == [
        "learned       t=0.3", "learned       t=0.5", "learned       t=0.7",
        "learned+rules t=0.3", "learned+rules t=0.5", "learned+rules t=0.7"]
    assert all(line.split(" dev: ")[1].startswith("participants ") and "/2  none invented " in line
               and line.endswith("/1") for line in lines[1:])


def test_the_detention_rankers_candidates_read_cities_years_and_vague_words():
    two = learned_detentions.candidates("Митинги", "Митинги прошли в Таразе и Алматы. Полиция задержала 5 человек в "
                                                    "Таразе и 3 человека в Алматы.", "shymkent", 5)
    assert [v for v, _ in two] == [5, 3]
    f = _named(learned_detentions.FEATURES, two[0][1])
    assert f["other_city"] == f["multi_city"] == f["people"] == f["rules_answer"] == 1.0
    assert _named(learned_detentions.FEATURES, learned_detentions.candidates(
        "Митинги", "Полиция задержала 5 человек в Таразе.", "taraz", None)[0][1])["other_city"] == 0.0
    old = learned_detentions.candidates("Митинг", "Около 30 человек задержала полиция. В декабре 1986-го в Алматы задержали "
                                                  "12 человек.", None, None)
    assert [v for v, _ in old] == [30, 12]  # a year is no count
    f = _named(learned_detentions.FEATURES, old[0][1])
    assert f["approx_word"] == 1.0 and f["vague"] == 0.0 and f["log_value"] == pytest.approx(math.log1p(30))


class _LargestFirst:
    """A detention model that rates a number by its size alone (`log_value`): the largest wins."""

    def predict_proba(self, rows):
        import numpy as np

        at = learned_detentions.FEATURES.index("log_value")
        return np.array([[1 - r[at] / 10, r[at] / 10] for r in rows])


def test_the_detention_ranker_is_compared_on_the_articles_that_give_a_number(monkeypatch):
    def item(text, detained):
        return {"url": "https://example.kz/" + str(abs(hash(text))), "text": text, "published": "2024-05-06",
                "annotations": {"detained": detained, "is_event": True}}

    items = [("a", item("Митинг в Таразе\nВ Таразе 5 мая у акимата прошел митинг. Полиция задержала 12 человек из 40 "
                        "участников.", 12)),
             ("b", item("Митинг в Таразе\nВ Таразе 5 мая у акимата прошел митинг. Полиция задержала 7 человек.", "unstated")),
             ("c", item("Митинг в Таразе\nВ Таразе 5 мая у акимата прошел митинг. Полиция задержала 3 человек.", None)),
             ("d", item("Митинг в Таразе\nВ Таразе 5 мая у акимата прошел митинг, собрались 40 человек. Полиция задержала "
                        "пятерых.", [4, 6]))]
    monkeypatch.setattr(learned_detentions.evaluate_real, "load", lambda split="all", **kw: items)
    # a: the rules' 12, the ranker's 40 (wrong); d: both 5, in [4, 6]; b (unstated) and c (no number) are not compared
    assert learned_detentions.compare(_LargestFirst(), "x") == {"articles": 2, "rules": 2, "ranker": 1}


# -- model_cache.py, sentence_syntax.py -------------------------------------------------------------------------------------
def test_a_cache_folder_whose_parents_are_missing_is_made_and_kept_private(tmp_path, monkeypatch):
    where = tmp_path / "no" / "such" / "models"
    monkeypatch.setenv("MONITOR_MODEL_CACHE", str(where))
    built = []

    def build():
        built.append(1)
        return {"weights": [1, 2, 3]}

    assert model_cache.cached("m", "ab" * 32, build) == {"weights": [1, 2, 3]}
    assert model_cache.cached("m", "ab" * 32, build) == {"weights": [1, 2, 3]} and built == [1]
    assert [p.name for p in where.iterdir()] == [f"m-{'ab' * 16}.pickle"]
    assert where.stat().st_mode & 0o777 == 0o700


def test_an_overlong_sentence_is_not_parsed_and_one_at_the_limit_is():
    unit = "Жители вышли к акимату. "
    long = (unit * (sentence_syntax.MAX_CHARS // len(unit) + 1))[:sentence_syntax.MAX_CHARS]
    assert len(long) == 1500 and sentence_syntax.parse(long + "а") is None
    p = sentence_syntax.parse(long)
    assert p is not None and p.text == long and p.tokens[0].text == "Жители"


def test_a_parse_is_shared_and_cannot_be_changed_and_its_spans_are_exact():
    import dataclasses

    p = sentence_syntax.parse("Около 200 человек собрались.")
    assert sentence_syntax.parse("Около 200 человек собрались.") is p  # one parse per process: shared by its readers
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.tokens[3].head = 0
    verb = next(t for t in p.tokens if t.text == "собрались")
    assert [t.text for t in p.at(verb.start, verb.end)] == ["собрались"]  # not the full stop right after it
    assert [t.text for t in p.at(6, 9)] == ["200"] and p.token(2).text == "200" and p.token(0) is None
    assert p.head_of(p.token(2)) is not None and p.token(len(p.tokens) + 1) is None
