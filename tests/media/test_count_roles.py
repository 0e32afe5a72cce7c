"""Round 21: which number is the crowd, which the detained, read from slovnet's dependency parse
(assets/media/sentence_syntax.py, assets/media/count_roles.py). Hand-written sentences with the traps of the real
reporting: ages, years, money, article numbers, placards, an earlier rally's crowd, the police's numbers, "all of
them were detained", the passive voice, numbers in words; Kazakh falls back to the rules."""
from __future__ import annotations

import json
import socket
import subprocess
import sys

import pytest

from assets.media import count_roles, sentence_syntax, sources
from assets.media.count_roles import Numbered, choose, role


def _role(text: str, number: str, nth: int = 0) -> str | None:
    i = -1
    for _ in range(nth + 1):
        i = text.index(number, i + 1)
    return role(text, i, i + len(number)).role


@pytest.mark.parametrize("text, number, expected", [
    ("На площади собрались около 200 человек, из них 15 были задержаны полицией.", "200", "crowd"),
    ("На площади собрались около 200 человек, из них 15 были задержаны полицией.", "15", "detained"),
    ("Около двух тысяч человек вышли на площадь Республики.", "двух тысяч", "crowd"),  # in words
    ("По данным полиции, в акции участвовали 150 человек.", "150", "crowd"),  # the police's figure of the crowd
    ("Полиция задержала пятерых участников акции.", "пятерых", "detained"),
    ("Пятеро активистов были задержаны у здания акимата.", "Пятеро", "detained"),  # passive
    ("Всех их, 30 человек, задержали.", "30", "detained"),  # all of them
    ("Задержанных 12 человек доставили в отдел полиции.", "12", "detained"),
    ("Около 300 человек были доставлены в отделы полиции.", "300", "detained"),
    ("На место прибыли 30 полицейских.", "30", "neither"),  # the police, not the crowd
    ("На место прибыли 30 сотрудников полиции.", "30", "neither"),
    ("В голодовке участвовали четверо сотрудников комбината.", "четверо", "crowd"),  # workers are a crowd
    ("55-летняя активистка вышла с плакатом к акимату.", "55", "neither"),  # an age
    ("Активистку оштрафовали на 100 МРП.", "100", "neither"),  # money
    ("Пятеро активистов были задержаны, их оштрафовали на 50 тысяч тенге.", "50 тысяч", "neither"),
    ("Согласно статье 488 КоАП, участники акции были наказаны.", "488", "neither"),  # an article number
    ("В 2019 году на митинг вышли 500 человек.", "2019", "neither"),  # a year
    ("В прошлом году на митинг вышли 500 человек.", "500", "neither"),  # an earlier rally's crowd
    ("Около 50 человек держали плакаты с надписью «Свободу 7 политзаключенным».", "7", "neither"),  # a placard
    ("Около 50 человек держали плакаты с надписью «Свободу 7 политзаключенным».", "50", "crowd"),
    ("Организаторы планировали собрать 1000 человек.", "1000", "neither"),  # a plan
    ("Завтра на митинг выйдут 300 человек.", "300", "neither"),  # the future
    ("Никто из 40 участников не был задержан.", "40", "neither"),  # negated detention
    ("В Петербурге число задержанных составило 3893 человека.", "3893", "detained"),
    ("В Петербурге число участников составило примерно 1500 человек, половина из которых была задержана.", "1500",
     "crowd"),
])
def test_role_of_a_number(text, number, expected):
    assert _role(text, number) == expected


def test_kazakh_is_not_parsed_and_left_to_the_rules():
    text = "Алаңға 200-ге жуық адам жиналды, олардың 15-і ұсталды."
    assert sentence_syntax.parse(text) is None
    assert _role(text, "200") is None and _role(text, "15") is None


def _nums(text: str) -> list[Numbered]:
    from assets.media.numbers import quantities

    return [Numbered(q.low, q.best, q.high, text, q.start, q.end, q.text) for q, _ in quantities(text)]


def test_veto_drops_a_count_of_no_people_and_keeps_the_crowd():
    police = "На место прибыли 30 полицейских."
    assert choose("participants", "veto", (30, 30, 30), police, _nums(police))[0] is None
    crowd = "У акимата собрались 40 человек."
    assert choose("participants", "veto", (40, 40, 40), crowd, _nums(crowd))[0] == (40, 40, 40)


def test_veto_keeps_a_crowd_inferred_from_the_detained_veto_strict_drops_it():
    text = "Полиция задержала шестерых участников пикета."
    assert choose("participants", "veto", (6, 6, 6), text, _nums(text))[0] == (6, 6, 6)
    assert choose("participants", "veto_strict", (6, 6, 6), text, _nums(text))[0] is None


def test_override_takes_the_number_of_the_role_among_the_rules_numbers():
    text = "На площади собрались около 200 человек, из них 15 были задержаны полицией."
    nums = _nums(text)
    # the rules took the detained for the crowd: the parse's crowd wins
    got, sentence, _ = choose("participants", "override", (15, 15, 15), text, nums)
    assert got[1] == 200 and sentence == text
    got, _, _ = choose("detained", "override", (200, 200, 200), text, nums)
    assert got[1] == 15
    # no verdict on the rules' number: the rules stand
    assert choose("participants", "override", (7, 7, 7), text, nums)[0] == (7, 7, 7)


def test_apply_on_a_kazakh_article_keeps_the_rules(monkeypatch):
    from assets.media import triage

    title, body = "Ақтөбеде наразылық", "Алаңға 200-ге жуық адам жиналды."
    tri = triage.classify(title, body, None)
    ev = {"participants_low": 200, "participants": 200, "participants_high": 200, "detained": None,
          "evidence": {"participants": "Алаңға 200-ге жуық адам жиналды."}}
    for mode in ("veto", "veto_strict", "override"):
        assert count_roles.apply(title, body, None, tri, ev, mode) == {**ev, "evidence": dict(ev["evidence"])}


def test_off_parses_nothing(monkeypatch):
    def boom(text):
        raise AssertionError("parsed with syntax off")

    monkeypatch.setattr(sentence_syntax, "parse", boom)
    ev = {"participants": 3, "participants_low": 3, "participants_high": 3, "detained": 1, "evidence": {}}
    assert count_roles.apply_events("t", "b", None, None, [ev], "off") == [ev]
    with pytest.raises(ValueError, match="syntax must be one of"):
        count_roles.apply_events("t", "b", None, None, [ev], "always")


def test_the_model_is_not_loaded_at_import():
    code = ("import sys, assets.media.count_roles, assets.media.sentence_syntax as s; "
            "print('slovnet' in sys.modules, bool(s._MODELS))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_the_model_loads_offline(monkeypatch):
    def no_network(*a, **k):
        raise OSError("network used")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(sentence_syntax, "_MODELS", {})
    sentence_syntax.parse.cache_clear()
    p = sentence_syntax.parse("Полиция задержала пятерых участников акции.")
    assert [t.text for t in p.tokens][:3] == ["Полиция", "задержала", "пятерых"]
    assert p.token(3).rel.startswith("nummod") and p.head_of(p.token(3)).text == "участников"


def test_a_missing_model_file_is_named(monkeypatch, tmp_path):
    monkeypatch.setenv("MONITOR_SYNTAX_MODELS", str(tmp_path))
    monkeypatch.setattr(sentence_syntax, "_MODELS", {})
    sentence_syntax.parse.cache_clear()
    try:
        with pytest.raises(sentence_syntax.ModelMissing, match=r"slovnet_syntax_news_v1\.tar"):
            sentence_syntax.parse("Около 200 человек собрались на площади.")
        with pytest.raises(FileNotFoundError) as err:
            sentence_syntax.model_files(tmp_path)
        assert str(tmp_path / sentence_syntax.SYNTAX_FILE) in str(err.value)
    finally:
        sentence_syntax.parse.cache_clear()


def test_config_and_cli_choose_the_mode(tmp_path):
    assert sources.parse({}).extraction.syntax == "off"
    assert sources.parse({"extraction": {"syntax": "veto"}}).extraction.syntax == "veto"
    assert sources.parse({"extraction": {"syntax": False}}).extraction.syntax == "off"  # YAML's bare off
    with pytest.raises(sources.SourcesError, match="extraction.syntax must be one of"):
        sources.parse({"extraction": {"syntax": "always"}})
    shipped = sources.load(sources.settings.config_dir() / "sources.yaml")
    assert shipped.extraction.syntax == "off"


ARTICLE = ["В Алматы у акимата прошел митинг",
           "12 мая 2024 года в Алматы у здания акимата собрались около 40 человек, они требовали снизить тарифы."]


def test_monitor_extract_and_the_pipeline_run_the_step(monkeypatch, tmp_path, capsys):
    from assets.media import cli, parse, pipeline

    f = tmp_path / "rally.txt"
    f.write_text("\n".join(ARTICLE), encoding="utf-8")
    assert cli.main(["extract", str(f), "--published", "2024-05-12"]) == 0
    assert json.loads(capsys.readouterr().out.splitlines()[0])["participants"] == 40
    assert cli.main(["extract", str(f), "--published", "2024-05-12", "--syntax", "veto"]) == 0
    assert json.loads(capsys.readouterr().out.splitlines()[0])["participants"] == 40  # the parse agrees: kept
    # a parse that reads every number as no people's: the veto drops the count and says why
    monkeypatch.setattr(count_roles, "role", lambda text, start, end: count_roles.Role("neither", "test"))
    assert cli.main(["extract", str(f), "--published", "2024-05-12", "--syntax", "veto"]) == 0
    line = json.loads(capsys.readouterr().out.splitlines()[0])
    assert line["participants"] is None
    assert line["evidence"]["participants_syntax"].startswith("(dependency parse (veto): test; chose none")
    arts = [parse.Article(article_id="a0", source="t", kind="file", url="https://example.kz/0", title=ARTICLE[0],
                          text=ARTICLE[1])]
    df, _ = pipeline.triage_articles(arts)
    events = pipeline.events_of(df)
    assert events[0]["participants"] == 40
    out = pipeline.syntax_counts(df, events, "veto")
    assert out[0]["participants"] is None and out[0]["event_key"] == events[0]["event_key"]
