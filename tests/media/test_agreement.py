"""The second annotation read as the extractor's output (assets/media/agreement.py, issue 16, session 35)."""
from __future__ import annotations

import datetime as dt
import functools

import pytest
import yaml

from assets.media import agreement, blind_fields, evaluate_real

PART = "fresh10"


def _ann(**kw) -> dict:
    base = {"is_event": True, "date": None, "city": "almaty", "form": "rally", "participants": None, "detained": None}
    return {**base, **kw}


def _write(folder, part: str, name: str, url: str, ann: dict) -> None:
    (folder / part).mkdir(parents=True, exist_ok=True)
    (folder / part / name).write_text(yaml.safe_dump({"url": url, "annotator": "test", "annotations": ann},
                                                     allow_unicode=True), encoding="utf-8")


@functools.lru_cache(maxsize=None)
def _first_items(part: str = PART) -> tuple[tuple[str, dict], ...]:
    """(file name, article) of a part's first annotation, read once a test process (the tests only read them)."""
    return tuple((n.split("/", 1)[1], item) for n, item in evaluate_real.load(evaluate_real.DEFAULT_DIR, part))


def test_a_range_reads_as_its_ends_and_midpoint_and_a_list_as_its_first_value():
    ev = agreement.as_event(_ann(participants=[20, 90], detained=[4, 10], form=["other", "rally"],
                                 date=["2021-05-01", "2021-05-02"]))
    assert (ev.participants_low, ev.participants, ev.participants_high) == (20, 55, 90)
    assert ev.detained == 7 and ev.form == "other" and ev.date == dt.date(2021, 5, 1)
    one = agreement.as_event(_ann(participants=150, detained="unstated"))
    assert (one.participants_low, one.participants, one.participants_high, one.detained) == (150, 150, 150, None)
    none = agreement.as_event(_ann())
    assert (none.participants_low, none.participants, none.participants_high, none.date) == (None, None, None, None)


@pytest.mark.parametrize("bad, field", [
    ({"is_event": "yes"}, "is_event"),
    ({"form": "protest"}, "form"),
    ({"form": ["other", "riot"]}, "form"),
    ({"date": "2021-13-40"}, "date"),
    ({"participants": [90, 20]}, "participants"),
    ({"participants": "50"}, "participants"),
    ({"participants": True}, "participants"),
    ({"detained": "some"}, "detained"),
])
def test_a_bad_value_is_named_with_its_file_and_field(bad, field):
    with pytest.raises(ValueError, match=rf"x\.yaml: field {field}"):
        agreement.check(_ann(**bad), "x.yaml")


def test_a_non_event_with_fields_and_a_missing_key_are_refused():
    with pytest.raises(ValueError, match="non-event with fields set \\(city, form\\)"):
        agreement.check(_ann(is_event=False), "x.yaml")
    ann = _ann()
    del ann["detained"]
    with pytest.raises(ValueError, match="x.yaml: annotations lack detained"):
        agreement.check(ann, "x.yaml")
    assert agreement.check(_ann(detained="unstated", participants=[1, 3]), "x.yaml")["detained"] == "unstated"


def test_a_file_is_refused_unless_it_is_an_article_of_an_opened_part_with_its_url(tmp_path):
    name, item = _first_items()[0]
    _write(tmp_path, PART, name, item["url"] + "x", _ann())
    with pytest.raises(ValueError, match=rf"{name}: field url"):
        agreement.load_second(tmp_path)
    (tmp_path / PART / name).unlink()
    _write(tmp_path, PART, "nosuch-00000000.yaml", item["url"], _ann())
    with pytest.raises(ValueError, match="no article nosuch-00000000.yaml in part fresh10"):
        agreement.load_second(tmp_path)
    other = tmp_path / "o"
    _write(other, "fresh17", name, item["url"], _ann())
    with pytest.raises(ValueError, match="'fresh17' is not an opened part"):
        agreement.load_second(other)
    (tmp_path / "empty").mkdir()
    with pytest.raises(ValueError, match="no second annotation"):
        agreement.load_second(tmp_path / "empty")
    with pytest.raises(ValueError, match="nosuch: no such folder"):
        agreement.load_second(tmp_path / "nosuch")
    (other / "fresh17").rename(other / PART)
    (other / PART / name).write_text("url: [unclosed\n", encoding="utf-8")
    with pytest.raises(ValueError, match=rf"{name}: not a YAML file"):
        agreement.load_second(other)
    (other / PART / name).write_bytes(b"url: \xff\xfe\n")
    with pytest.raises(ValueError, match=rf"{name}: not a YAML file of UTF-8 text \(UnicodeDecodeError"):
        agreement.load_second(other)


def _copy_first(tmp_path, k: int):
    """The first annotation of k articles of PART written as a second one (every value, lists and ranges kept)."""
    items = _first_items()[:k]
    for name, item in items:
        _write(tmp_path, PART, name, item["url"],
               {key: item["annotations"].get(key) for key in agreement.KEYS})
    return items


def test_the_first_annotation_read_as_a_second_agrees_with_itself_on_every_field(tmp_path):
    items = _copy_first(tmp_path, 53)
    (r,) = agreement.score(agreement.load_second(tmp_path)).values()
    events = sum(bool(i["annotations"]["is_event"]) for _, i in items)
    assert (r.n, r.tp, r.fp, r.fn, r.tn) == (len(items), events, 0, 0, len(items) - events)
    assert events > 10 and r.total["participants"] > 3 and r.total["date"] > 1
    assert all(r.ok[k] == r.total[k] for k in evaluate_real.SCORES), r.errors
    assert agreement.differences(agreement.load_second(tmp_path)) == []


def test_changed_verdicts_and_a_changed_field_show_as_one_miss_each(tmp_path):
    items = _copy_first(tmp_path, 53)
    events = [(n, i) for n, i in items if i["annotations"]["is_event"]]
    (n1, i1), (n2, i2) = [(n, i) for n, i in events if i["annotations"]["city"]][:2]
    _write(tmp_path, PART, n1, i1["url"], _ann(is_event=False, city=None, form=None))
    moved = {k: i2["annotations"].get(k) for k in agreement.KEYS}
    moved["city"] = "nosuchcity"
    _write(tmp_path, PART, n2, i2["url"], moved)
    n3, i3 = next((n, i) for n, i in items if not i["annotations"]["is_event"])
    _write(tmp_path, PART, n3, i3["url"], _ann())
    second = agreement.load_second(tmp_path)
    (r,) = agreement.score(second).values()
    assert (r.fp, r.fn) == (1, 1)
    assert r.total["city"] - r.ok["city"] == 2  # the dropped event loses its city, the moved one its own
    diffs = agreement.differences(second)
    assert any(d.startswith(f"{PART}/{n1}: triage FN") for d in diffs)
    assert f"{PART}/{n2}: city expected {i2['annotations']['city']}, got nosuchcity" in diffs
    (both,) = agreement.score(second, both_only=True).values()
    assert both.n == len(events) - 1 and (both.fp, both.fn) == (0, 0) and both.total["city"] - both.ok["city"] == 1
    assert agreement.both_assembly(second) == {PART: sorted(n for n, _ in events if n != n1)}
    same, split = agreement.agreed(second)
    assert split == {PART: sorted([n1, n3])} and sorted(same[PART]) == sorted(n for n, _ in items if n not in (n1, n3))


def test_the_counts_of_an_event_abroad_are_no_difference(tmp_path):
    """The first annotation of the wide part states counts of assemblies abroad, which the scorer keeps apart; a
    second annotator who leaves them null (as the brief asks of a non-event) differs on nothing it scores."""
    abroad = [(n, i) for n, i in _first_items("wide")
              if not i["annotations"]["is_event"] and i["annotations"].get("participants") is not None][:3]
    assert len(abroad) == 3
    for name, item in abroad:
        _write(tmp_path, "wide", name, item["url"], _ann(is_event=False, city=None, form=None))
    second = agreement.load_second(tmp_path)
    (r,) = agreement.score(second).values()
    assert r.total["participants_not_scored"] == 3 and r.ok["participants_not_scored"] == 0
    assert agreement.differences(second) == []


def test_kappa_on_hand_counted_pairs():
    t, f = True, False
    # agreement 3/4; yes-rates 1/2 and 1/4; chance 1/2 * 1/4 + 1/2 * 3/4 = 1/2 → (3/4 - 1/2) / (1/2)
    assert agreement.kappa([(t, t), (t, f), (f, f), (f, f)]) == pytest.approx(0.5)
    assert agreement.kappa([(t, f), (f, t)]) == pytest.approx(-1.0)
    assert agreement.kappa([(t, t), (t, t)]) == 1.0
    with pytest.raises(ValueError):
        agreement.kappa([])


def test_measure_on_some_articles_scores_only_those():
    names = [n for n, _ in _first_items()][:7]
    (r,) = blind_fields.measure(only={PART: names}).values()
    assert r.n == 7
    whole = blind_fields.measure(parts=[PART])[PART]
    assert whole.n == len(_first_items()) > 7
    with pytest.raises(ValueError, match="not both"):
        blind_fields.measure(lang="kk", only={PART: names})


def test_the_shipped_second_annotation_loads_and_is_a_fifth_of_every_blind_part():
    second = agreement.load_second()
    assert len(agreement.SAMPLED) == 16 and "fresh20" not in agreement.SAMPLED
    for part in agreement.SAMPLED:
        n = len(agreement.first_annotation(part))
        assert abs(len(second.get(part, {})) - round(n * 0.2)) <= 2, part


@pytest.mark.slow
def test_the_command_counts_the_verdicts_both_annotators_give(capsys):
    """The first line of `python -m assets.media.agreement`, counted here from the files themselves."""
    root = evaluate_real.DEFAULT_DIR
    same = total = 0
    for path in sorted((root / "second").glob("*/*.yaml")):
        second = yaml.safe_load(path.read_text(encoding="utf-8"))["annotations"]["is_event"]
        first = yaml.safe_load((root / path.parent.name / path.name).read_text(encoding="utf-8"))
        same += bool(first["annotations"]["is_event"]) == second
        total += 1
    assert agreement.main([]) == 0
    first_line = capsys.readouterr().out.splitlines()[0]
    assert first_line.startswith(f"{total} articles of 16 blind parts read twice; the two annotators agree on {same} "
                                 "verdicts (Cohen's kappa 0.")


def test_a_third_reader_is_counted_against_each_of_the_first_two(tmp_path):
    items = _copy_first(tmp_path, 53)
    ev, non = (next((n, i) for n, i in items if bool(i["annotations"]["is_event"]) is b) for b in (True, False))
    _write(tmp_path, PART, ev[0], ev[1]["url"], _ann(is_event=False, city=None, form=None))  # the readers split
    second = agreement.load_second(tmp_path)
    third = {f"{PART}/{ev[0]}": True, f"{PART}/{non[0]}": True}  # as the first on the split one; against both on the other
    assert agreement.sides(second, third) == {"split": 1, "as_first": 1, "as_second": 0, "agreed": 1, "as_both": 0}
    third = {f"{PART}/{ev[0]}": False, f"{PART}/{non[0]}": False}
    assert agreement.sides(second, third) == {"split": 1, "as_first": 0, "as_second": 1, "agreed": 1, "as_both": 1}


def test_a_third_reading_is_refused_unless_a_verdict_on_an_article_of_an_opened_part(tmp_path):
    name = _first_items()[0][0]
    bad = {"readers": {"r": {f"{PART}/nosuch-00000000.yaml": True}}}
    (tmp_path / "t.yaml").write_text(yaml.safe_dump(bad), encoding="utf-8")
    with pytest.raises(ValueError, match="t.yaml: reader r: fresh10/nosuch-00000000.yaml is no article"):
        agreement.load_third(tmp_path / "t.yaml")
    (tmp_path / "t.yaml").write_text(yaml.safe_dump({"readers": {"r": {f"{PART}/{name}": "yes"}}}), encoding="utf-8")
    with pytest.raises(ValueError, match="is not true or false"):
        agreement.load_third(tmp_path / "t.yaml")
    (tmp_path / "t.yaml").write_text(yaml.safe_dump({"readers": {}}), encoding="utf-8")
    with pytest.raises(ValueError, match="no third reading"):
        agreement.load_third(tmp_path / "t.yaml")
    for text in ("- a list\n", "readers: [a, b]\n", "readers: {r: yes}\n"):
        (tmp_path / "t.yaml").write_text(text, encoding="utf-8")
        with pytest.raises(ValueError, match="t.yaml: field readers"):
            agreement.load_third(tmp_path / "t.yaml")
    (tmp_path / "t.yaml").write_text("readers: {r: [\n", encoding="utf-8")
    with pytest.raises(ValueError, match="t.yaml: not a YAML file"):
        agreement.load_third(tmp_path / "t.yaml")


def test_every_third_reader_read_every_verdict_the_first_two_split_on():
    second = agreement.load_second()
    _, split = agreement.agreed(second)
    n_split = sum(map(len, split.values()))
    for reader, verdicts in agreement.load_third().items():
        n = agreement.sides(second, verdicts)
        assert n["split"] == n_split and n["as_first"] + n["as_second"] == n_split, reader
        assert n["agreed"] == len(verdicts) - n_split > n_split


def test_the_russian_and_the_kazakh_articles_add_up_to_all():
    second = agreement.load_second()
    ru, kk = agreement.in_language(second, "ru"), agreement.in_language(second, "kk")
    names = lambda s: {(p, n) for p, anns in s.items() for n in anns}  # noqa: E731
    assert names(ru) | names(kk) == names(second) and not names(ru) & names(kk) and names(kk)
    by_file = {(p, n): yaml.safe_load((evaluate_real.DEFAULT_DIR / p / n).read_text(encoding="utf-8"))["lang"]
               for p, n in names(second)}
    assert all(by_file[k] == "kk" for k in names(kk)) and all(by_file[k] == "ru" for k in names(ru))
    assert all(anns for anns in kk.values())
