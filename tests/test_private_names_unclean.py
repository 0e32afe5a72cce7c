"""private_names reads the names of the period's raw records that did not become a clean card or person
(quarantined, refused, prevented) from the raw layer: from the raw store's Parquet parts by record id
(assets/validate/redaction.py, _not_clean_records), or by sql/validate/raw_records_not_clean.sql where the
raw layer is kept inside. Both must find the same names; every expected name is typed by hand."""
from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from assets.core import raw, rawstore, warehouse, writes
from assets.core.sqlfiles import sql
from assets.validate import redaction

T0 = dt.datetime(2026, 11, 30, 12, 0)
P_HEAD = raw.header_json(["person_id", "card_id", "ФИО", "Публичное лицо"])
C_HEAD = raw.header_json(["card_id", "Организатор", "Тип организатора"])


def _record(period: str, n: int, kind: str, cells: list[str]) -> dict:
    head = P_HEAD if kind == "person" else C_HEAD
    f = f"{kind}s/{period}/{kind}s.csv"
    return {"period": period, "record_id": f"{f}#:{n}", "source_file": f, "sheet": "", "row_no": n, "kind": kind,
            "header_id": raw.header_id(head), "cells": raw.cells_json(cells), "loaded_at": T0, "header": head}


RECORDS = {  # (period, row, kind, cells, clean)
    "2017": [(2, "person", ["P1", "c2", "Чистов Клин", "нет"], True),
             (3, "person", ["P2", "c1", "Грязнов Карантин", "нет"], False),      # unclean, private: found
             (4, "person", ["P3", "c1", "Открытов Публ", "да"], False),          # unclean but public
             (5, "person", ["P4", "c9", "Безкарточный Сирота", ""], False),      # unclean, no mark: private
             (2, "card", ["c1", "Одиночкин Грязный", "Одиночки"], False),        # unclean individual organiser
             (3, "card", ["c2", "Партия Чистая", "ngo"], True),
             (4, "card", ["c3", "Партия Ноль", "ngo"], False)],                  # unclean, not an individual
    "2016": [(2, "person", ["P9", "c8", "Чужой Период", "нет"], False)],
}
WANT_2017 = ["Безкарточный Сирота", "Грязнов Карантин", "Одиночкин Грязный"]


def _warehouse(path):
    """Both periods' raw layer written as the pipeline writes it, and the clean records as cards and persons."""
    con_cm = warehouse.connect(path)
    con = con_cm.__enter__()
    for period, recs in RECORDS.items():
        frame = pl.DataFrame([_record(period, n, k, c) for n, k, c, _ in recs],
                             schema={**raw.RAW_RECORDS_SCHEMA, "header": pl.Utf8}).with_columns(pl.col("header").cast(pl.Categorical))
        writes.replace_partitions(con, period, {"raw_records": frame})
        for n, kind, cells, clean in recs:
            rid = _record(period, n, kind, cells)["record_id"]
            if clean and kind == "person":
                con.execute("INSERT INTO persons BY NAME SELECT ? AS period, ? AS person_id, ? AS card_id, 'detainee' AS role, "
                            "'x' AS pseudonym, ? AS record_id, 'f' AS source_file, ? AS name, false AS public",
                            [period, cells[0], cells[1], rid, cells[2]])
            elif clean:
                con.execute("INSERT INTO cards BY NAME SELECT ? AS period, ? AS card_id, DATE '2017-05-01' AS date, 'almaty' AS city, "
                            "'rally' AS form, 'x' AS topic, 'x' AS character, 'ngo' AS organizer_type, ? AS organizer_name, "
                            "10 AS participants, false AS permission_requested, 'monitor' AS source_type, false AS sanctioned, "
                            "? AS record_id, 'f' AS source_file", [period, cells[0], cells[1], rid])
    return con_cm, con


def test_the_names_of_unclean_records_in_the_raw_store(tmp_path, monkeypatch):
    monkeypatch.delenv("MONITOR_RAW_STORE", raising=False)
    cm, con = _warehouse(tmp_path / "w.duckdb")
    try:
        parts = redaction._store_parts(con, "2017")
        assert parts and all(p.parent == rawstore.location(con) / "records" for p in parts)  # read from the store
        rows = redaction._not_clean_records(con, "2017")
        assert sorted(rows) == sorted(con.execute(sql("validate/raw_records_not_clean"), {"period": "2017"}).fetchall())
        assert len(rows) == 5  # P2, P3, P4, c1, c3
        assert redaction.private_names(con, "2017") == sorted(["Чистов Клин", *WANT_2017])
        assert "Чужой Период" in redaction.private_names(con, "2016")
    finally:
        cm.__exit__(None, None, None)


def test_the_names_of_unclean_records_kept_inside(tmp_path, monkeypatch):
    monkeypatch.setenv("MONITOR_RAW_STORE", "inside")
    cm, con = _warehouse(tmp_path / "w.duckdb")
    try:
        assert redaction._store_parts(con, "2017") is None
        assert redaction.private_names(con, "2017") == sorted(["Чистов Клин", *WANT_2017])
    finally:
        cm.__exit__(None, None, None)


def test_a_missing_part_file_falls_back_to_the_query(tmp_path, monkeypatch):
    monkeypatch.delenv("MONITOR_RAW_STORE", raising=False)
    cm, con = _warehouse(tmp_path / "w.duckdb")
    try:
        parts = redaction._store_parts(con, "2017")
        moved = parts[0].with_suffix(".away")
        parts[0].rename(moved)
        assert redaction._store_parts(con, "2017") is None
        moved.rename(parts[0])
        assert redaction.private_names(con, "2017") == sorted(["Чистов Клин", *WANT_2017])
    finally:
        cm.__exit__(None, None, None)


def test_a_part_stored_with_other_column_types_is_read_all_the_same(tmp_path, monkeypatch):
    """A second part of 2017 whose kind is a Categorical and whose row numbers are 64-bit (as another writer
    might store them), beside the part the write stored: the unclean records of both are read."""
    monkeypatch.delenv("MONITOR_RAW_STORE", raising=False)
    cm, con = _warehouse(tmp_path / "w.duckdb")
    try:
        store = rawstore.location(con)
        extra = (pl.DataFrame([_record("2017", 9, "person", ["P7", "c1", "Второй Частев", "нет"])],
                              schema={**raw.RAW_RECORDS_SCHEMA, "header": pl.Utf8}).drop("header")
                 .with_columns(pl.col("kind").cast(pl.Categorical), pl.col("row_no").cast(pl.Int64)))
        row = rawstore.store_part(store, extra)
        con.execute("INSERT INTO raw_record_parts BY NAME SELECT ? AS period, ? AS sha256, ? AS records, ? AS size_bytes, "
                    "? AS loaded_at", [row["period"], row["sha256"], row["records"], row["size_bytes"], row["loaded_at"]])
        rawstore.define_views(con, store)
        parts = redaction._store_parts(con, "2017")
        assert len(parts) == 2 and pl.read_parquet_schema(rawstore.part_path(store, row["sha256"]))["kind"] == pl.Categorical
        assert redaction.private_names(con, "2017") == sorted(["Второй Частев", "Чистов Клин", *WANT_2017])
    finally:
        cm.__exit__(None, None, None)
