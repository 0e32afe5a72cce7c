"""`learned_score --closed` (session 42): the closed parts pooled, end to end, at the override thresholds asked —
on a folder of two hand-made articles (never the real parts), the step's model faked."""
from __future__ import annotations

import yaml

from assets.media import learned_score, learned_triage


class FakeModel:
    def __init__(self, p: float):
        self.p = p

    def proba(self, examples):
        return [self.p for _ in examples]


# what the rules doubt and the step may take (a refusal served until session 48; one told in the headline is kept now)
DOUBTED = "Жители вышли к акимату\nЖители микрорайона Строитель вышли к зданию акимата Уральска 5 мая."
SCHOOL = "В Актобе открыли новую школу\nВ Актобе открыли школу на 300 мест, сообщает пресс-служба акимата."


def _part(tmp_path, name):
    folder = tmp_path / name
    folder.mkdir()
    for i, (text, event) in enumerate(((DOUBTED, True), (SCHOOL, False))):
        ann = {"is_event": event, "date": None, "city": "uralsk" if event else None, "form": "rally" if event else None,
               "participants": None, "detained": None}
        (folder / f"a{i}.yaml").write_text(yaml.safe_dump(
            {"url": f"https://example.kz/{name}/{i}", "published": None, "lang": "ru", "text": text,
             "annotations": ann}, allow_unicode=True), encoding="utf-8")


def test_closed_pools_the_parts_at_each_threshold(tmp_path, monkeypatch):
    for name in ("fresh24", "fresh25"):
        _part(tmp_path, name)
    monkeypatch.setattr(learned_triage, "model_for", lambda *a, **k: FakeModel(0.35))
    lines = []
    res = learned_score.closed(["fresh24", "fresh25"], [(0.2, 0.5), (0.2, 0.3)], tmp_path, out=lines.append)
    # p 0.35: the rules' "no" to the refusal stands at 0.2 / 0.5, is overturned at 0.2 / 0.3; the school never passes
    # the quick pass, so the step never reads it
    assert (res[(0.2, 0.5)].tp, res[(0.2, 0.5)].fn, res[(0.2, 0.5)].fp, res[(0.2, 0.5)].tn) == (0, 2, 0, 2)
    assert (res[(0.2, 0.3)].tp, res[(0.2, 0.3)].fn, res[(0.2, 0.3)].fp, res[(0.2, 0.3)].tn) == (2, 0, 0, 2)
    assert res[(0.2, 0.3)].total["city"] == 2 and res[(0.2, 0.5)].ok["city"] == 0  # end to end: a miss loses its city
    assert lines[0].endswith("fresh24, fresh25") and "override 0.2 / 0.3" in lines[2] and "at 22:10 P" in lines[2]


def test_the_command_refuses_thresholds_without_closed_and_upside_down(capsys):
    import pytest

    for argv in (["--split", "fresh", "--thresholds", "0.2", "0.3"], ["--closed", "--thresholds", "0.5", "0.2"]):
        with pytest.raises(SystemExit) as exc:
            learned_score.main(argv)
        assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "--thresholds goes with --closed" in err and "need 0 <= LOW <= HIGH <= 1" in err
