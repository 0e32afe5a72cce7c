"""benchmarks/: the card generator is deterministic and produces what the codebook allows (and the
bad rows it says it does), the pandas baseline gives the pipeline's figures cell by cell, and
`make bench` runs end to end at a smoke size."""
from __future__ import annotations

import filecmp

import pytest

from benchmarks import bench, pandas_baseline
from benchmarks.generate import BAD_KINDS, card_frames, generate_articles, generate_inbox
from schemas import gazetteer
from schemas.card import spec

pytestmark = pytest.mark.slow  # `make test-slow` (docs/testing.md, "Two tiers")


def _run_pipeline(box, tmp_path):
    from assets.core import periods
    from assets.ingest.inbox import ingest_period
    from assets.validate.validate import validate_period

    files, records = ingest_period("2017", inbox=box)
    return files, validate_period(periods.get("2017"), records, files)


def test_same_seed_same_files_other_seed_other_files(tmp_path):
    a = generate_inbox(tmp_path / "a", 300, ("2016", "2017"), seed=5)
    b = generate_inbox(tmp_path / "b", 300, ("2016", "2017"), seed=5)
    c = generate_inbox(tmp_path / "c", 300, ("2016", "2017"), seed=6)
    assert a == b and set(a) == {"2016", "2017"} and sum(m.cards for m in a.values()) == 300
    for period, m in a.items():
        for name in m.files:
            assert filecmp.cmp(tmp_path / "a" / "cards" / period / name, tmp_path / "b" / "cards" / period / name, shallow=False)
    assert (tmp_path / "a" / "cards" / "2017" / "cards.csv").read_bytes() != (tmp_path / "c" / "cards" / "2017" / "cards.csv").read_bytes()


def test_generated_cards_use_the_codebook_and_the_gazetteer(tmp_path):
    cards, persons = card_frames(3000, "2017", seed=2)
    good = cards.filter(cards["_bad"] == "")
    fields = spec().card
    for name in ("form", "character", "organizer_type", "permission_answer", "reason_not_applied", "source_type"):
        allowed = set(fields[name].codes) | {v["ru"] for v in fields[name].codes.values()} | {None, ""}
        assert set(good[name].to_list()) <= allowed, name
    assert all(gazetteer.lookup(c) for c in good["city"].to_list())
    # Almaty and Astana carry the weight; several name forms of a city occur
    keys = [gazetteer.lookup(c) for c in good["city"].to_list()]
    assert keys.count("almaty") > 0.25 * len(keys) and keys.count("astana") > 0.1 * len(keys)
    assert {"Алматы", "almaty"} <= set(good["city"].to_list())
    # heavy-tailed participants, low <= best <= high where given
    best = [int(v) for v in good["participants"].to_list()]
    assert max(best) > 50 * sorted(best)[len(best) // 2]
    for lo, b, hi in good.select("participants_low", "participants", "participants_high").iter_rows():
        if lo:
            assert int(lo) <= int(b) <= int(hi)
    # about 2% bad, every kind present
    bad = cards.filter(cards["_bad"] != "")["_bad"].to_list()
    assert abs(len(bad) - 60) <= 1 and set(bad) == set(BAD_KINDS)
    # persons: court outcomes from the codebook, a fine has its MRP and an arrest its days
    assert set(persons["court_outcome"].to_list()) - {""} <= set(spec().person["court_outcome"].codes)
    for o, mrp, days in persons.select("court_outcome", "fine_mrp", "arrest_days").iter_rows():
        assert (o == "fine") == bool(mrp) and (o == "arrest") == bool(days)
    assert {"warning", "fine", "arrest", "released"} <= set(persons["court_outcome"].to_list())


def test_the_pipeline_keeps_exactly_the_good_cards_and_quarantines_each_bad_one(tmp_path):
    man = generate_inbox(tmp_path / "inbox", 700, ("2017",), seed=11)["2017"]
    raw = (tmp_path / "inbox" / "cards" / "2017" / "cards_cp1251.csv").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    files, res = _run_pipeline(tmp_path / "inbox", tmp_path)
    assert dict(zip(files["source_file"].str.split("/").list.last(), files["encoding"])) == {
        "cards.csv": "utf_8", "cards_cp1251.csv": "cp1251", "cards_persons.csv": "utf_8"}
    assert res.cards.height == man.good_cards and res.persons.height == man.persons
    q = res.quarantine.filter(res.quarantine["severity"] == "error")
    assert q["record_id"].n_unique() == man.bad_cards == sum(man.bad.values()) > 0
    rules = set(q["rule"].to_list())
    assert {"type:city", "required", "card_id_unique", "type:int"} <= rules
    assert any(r.startswith("in_range") for r in rules) and any(r.startswith("greater_than") for r in rules)


def test_pandas_baseline_gives_the_pipelines_figures_cell_by_cell(tmp_path):
    generate_inbox(tmp_path / "inbox", 400, ("2017",), seed=3)
    core = bench.run_core(tmp_path / "inbox", tmp_path / "w.duckdb", tmp_path / "core.csv")
    base = bench.run_pandas(tmp_path / "inbox" / "cards" / "2017", tmp_path / "pandas.csv")
    assert core["cards"] == base["cards"] and core["persons"] == base["persons"]
    pipe, pand = bench.read_figures(tmp_path / "core.csv"), bench.read_figures(tmp_path / "pandas.csv")
    cells, diffs = bench.compare_figures(pipe, pand)
    assert diffs == [] and cells == len(pand)
    tables = {k[0] for k in pand}
    assert {"1", "2", "3", "4", "6", "7", "9", "11", "12", "13", "14", "16", "18", "19", "courts", "summary"} <= tables
    assert pand[("1", "total", "count")] == core["cards"]
    # the comparison sees a wrong cell and a missing one
    key = ("18", "total", "participants_median")
    cells, diffs = bench.compare_figures(pipe, {**pand, key: pand[key] + 0.5})
    assert len(diffs) == 1 and "participants_median" in diffs[0]
    _, diffs = bench.compare_figures({k: v for k, v in pipe.items() if k != key}, pand)
    assert diffs == [f"only in pandas: {key} = {pand[key]}"]


def test_pandas_checks_reject_what_the_methodology_rejects(tmp_path):
    book = pandas_baseline.load_codebook()
    period = pandas_baseline.load_period("2017")
    import pandas as pd

    base = {name: "" for name in book.card}
    base.update(card_id="X-1", date="03.05.2017", city="Алма-Ата", form="Пикет", topic="Тема", character="social",
                organizer_type="spontaneous", participants="10", permission_requested="нет", reason_not_applied="unknown",
                source_type="monitor")
    rows = [base,
            {**base, "card_id": "X-2", "police_count": "3", "police_present": "нет"},  # police counted but not present
            {**base, "card_id": "X-3", "detained": "11"},  # more detained than participants
            {**base, "card_id": "X-4", "permission_requested": "да"},  # requested: no answer, yet a reason
            {**base, "card_id": "X-1"},  # duplicate id
            {**base, "card_id": "X-6", "city": "Москва"},
            {**base, "card_id": "X-7", "date": "2016-12-31"}]
    cards, persons, failed = pandas_baseline.check(pd.DataFrame(rows), pd.DataFrame(columns=list(book.person)), period, book)
    assert cards["card_id"].tolist() == ["X-1"] and cards["city"].tolist() == ["almaty"] and cards["form"].tolist() == ["picket"]
    assert failed["police_count_needs_presence"] == 1 and failed["detained_le_participants"] == 1
    assert failed["card_id_unique"] == 1 and failed["date_outside_period"] == 1


def test_generated_articles_are_news_sized_and_a_few_report_assemblies():
    arts = generate_articles(400, seed=4)
    assert arts == generate_articles(400, seed=4)
    assert all(2000 <= len(a.text) <= 5200 for a in arts)
    share = sum(a.reports_assembly for a in arts) / len(arts)
    assert 0.01 <= share <= 0.08
    assert all(any(c in a.text for c in "абвгд") for a in arts)


def test_bench_smoke_writes_the_report(tmp_path):
    out = tmp_path / "BENCHMARKS.md"
    assert bench.main(["--smoke", "--out", str(out), "--work", str(tmp_path / "work")]) == 0
    text = out.read_text(encoding="utf-8")
    for heading in ("**Machine:**", "## Targets of issue 15", "## Core:", "## The pandas baseline", "### Speed-up",
                    "## Growth", "## Media triage", "Fitted growth exponent"):
        assert heading in text
    assert "yes, " in text and "**NO**" not in text  # the figures of pandas and the pipeline agree
    assert "| 200 |" in text and "| 400 |" in text and "1,000,000" in text  # 1M extrapolated
    assert bench.slope([1, 10, 100], [2.0, 20.0, 200.0]) == pytest.approx(1.0)
    assert bench.slope([1, 10], [1.0, 100.0]) == pytest.approx(2.0)


def test_a_childs_peak_memory_is_its_own_not_its_parents():
    """bench.py's children are started by subprocess (fork/vfork + exec): ru_maxrss would carry this
    process's peak into the child; peak_rss_mib must report only what the child itself held."""
    import subprocess
    import sys

    ballast = bytearray(400 * 1024 * 1024)
    ballast[:: 4096] = b"\1" * len(ballast[:: 4096])  # touch every page: 400 MiB resident here
    code = "from benchmarks.bench import peak_rss_mib, rss_mib; print(peak_rss_mib(), rss_mib())"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=str(bench.ROOT)).stdout.split()
    peak, now = float(out[0]), float(out[1])
    del ballast
    assert 0 < now <= peak < 300, (peak, now)


@pytest.mark.parametrize("argv, runs", [(["--runs", "3"], 3), (["--runs=2"], 2), ([], 1)])
def test_a_child_gets_the_runs_it_is_asked_for(monkeypatch, tmp_path, capsys, argv, runs):
    # `bench.py --child triage --cards N --runs R`: the parent's parser knows --runs too; the child must still see R
    # (it ran once whatever R was), and its own default (1) when none is given
    seen = {}
    monkeypatch.setattr(bench, "run_triage", lambda n, r: seen.update(n=n, runs=r) or {"articles": n, "runs": r})
    assert bench.main(["--child", "triage", "--cards", "7", "--work", str(tmp_path), *argv]) == 0
    assert seen == {"n": 7, "runs": runs}
    assert f'"runs": {runs}' in capsys.readouterr().out
