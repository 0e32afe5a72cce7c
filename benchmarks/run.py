"""Benchmark: how long ingest -> validate -> figures take for a period of N synthetic cards.

    .venv/bin/python benchmarks/run.py [N ...]      (default: 36 1000 10000)

Writes nothing to the project's warehouse: each size runs in a temporary folder. Results are
printed as a markdown table; benchmarks/RESULTS.md keeps the measured ones with the machine.
"""
from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from pathlib import Path

CITIES = ["Алматы", "Астана", "Шымкент", "Уральск", "Караганда", "Атырау", "Актобе", "Павлодар"]
FORMS = ["rally", "picket", "single_picket", "march", "road_block"]
HEADER = ("card_id,date,city,form,topic,character,organizer_type,participants,duration_min,police_count,police_present,"
          "permission_requested,permission_answer,reason_not_applied,detained,source_type")


def write_cards(folder: Path, n: int, seed: int = 1) -> None:
    rnd = random.Random(seed)
    folder.mkdir(parents=True)
    lines = [HEADER]
    for i in range(n):
        sanctioned = rnd.random() < 0.15
        participants = rnd.randint(1, 200)
        police = rnd.randint(0, 20)
        lines.append(",".join(map(str, [
            f"B-{i}", f"2017-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}", rnd.choice(CITIES), rnd.choice(FORMS),
            f"Тема {rnd.randint(1, 40)}", rnd.choice(["political", "economic", "social"]),
            rnd.choice(["ngo", "spontaneous", "individual"]), participants, rnd.randint(5, 120), police,
            "да" if police else "нет", "да" if sanctioned else "нет", "granted" if sanctioned else "",
            "" if sanctioned else rnd.choice(["unknown", "expected_refusal", "unaware"]),
            rnd.randint(0, min(3, participants)), "monitor"])))
    (folder / "cards.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def run(n: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        os.environ.update(MONITOR_WAREHOUSE=str(tmp / "w.duckdb"), MONITOR_INBOX=str(tmp / "inbox"), MONITOR_BUILD=str(tmp / "build"))
        write_cards(tmp / "inbox" / "cards" / "2017", n)
        from assets.core import periods, warehouse
        from assets.derive.figures import derive_figures, refresh_codes
        from assets.ingest.inbox import ingest_period
        from assets.validate.validate import validate_period

        p = periods.get("2017")
        t = {}
        t0 = time.perf_counter()
        files, records = ingest_period("2017")
        t["ingest_s"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        res = validate_period(p, records, files)
        t["validate_s"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        with warehouse.connect() as con:
            warehouse.replace_partitions(con, "2017", {"raw_files": files, "raw_records": records, "cards": res.cards,
                                                        "persons": res.persons, "quarantine": res.quarantine})
            t["write_s"] = time.perf_counter() - t0
            t0 = time.perf_counter()
            refresh_codes(con)
            fig = derive_figures(con, p)
            t["figures_s"] = time.perf_counter() - t0
        t["cards"] = res.cards.height
        t["figures"] = fig.height
        return t


def main(argv: list[str]) -> int:
    sizes = [int(a) for a in argv] or [36, 1000, 10000]
    print("| cards | ingest s | validate s | write s | figures s | total s |")
    print("|---:|---:|---:|---:|---:|---:|")
    for n in sizes:
        t = run(n)
        total = t["ingest_s"] + t["validate_s"] + t["write_s"] + t["figures_s"]
        print(f"| {n} | {t['ingest_s']:.2f} | {t['validate_s']:.2f} | {t['write_s']:.2f} | {t['figures_s']:.2f} | {total:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
