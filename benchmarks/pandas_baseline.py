"""The report's figures the way an analyst computes them today: pandas, written from the codebook.

    .venv/bin/python benchmarks/pandas_baseline.py <inbox>/cards/2017 2017 [--out figures.csv]

Reads every CSV of one period's folder (UTF-8 or windows-1251, `,` or `;`, headers as keys or the
Russian/English labels), checks the rows with pandas (required fields, numbers, dates in the
period, codes, cities, yes/no values, the cross-field rules of the methodology, duplicate ids),
drops the bad ones, and groups the rest into the same tables as sql/figures/*.sql, as long rows
(table_no, row_key, col_key, value) so that they can be compared cell by cell with the pipeline's
`figures` table.

It deliberately shares no code with the pipeline: it reads schemas/card.yaml, config/gazetteer.yaml
and config/periods.yaml itself, as an analyst with the codebook would. It is the yardstick of the
benchmark (benchmarks/bench.py) and a second, independent implementation of every figure for the
tests (tests/test_benchmarks.py).
"""
from __future__ import annotations

import unicodedata

import argparse
import io
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

ROOT = Path(__file__).resolve().parents[1]
TRUE = {"1", "true", "yes", "y", "да", "д", "+", "истина", "иә", "x", "х"}
FALSE = {"0", "false", "no", "n", "нет", "н", "-", "ложь", "жоқ"}
DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y", "%d/%m/%Y", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S")
TIME_FORMATS = ("%H:%M", "%H:%M:%S", "%H.%M")


@dataclass
class Codebook:
    card: dict
    person: dict
    cities: dict[str, str]  # normalised name -> key
    city_keys: list[str]


def _norm_header(s: str) -> str:
    return " ".join(str(s).strip().lower().replace("ё", "е").replace("_", " ").split())


def _norm_city(s: str) -> str:
    return " ".join(str(s).strip().lower().replace("ё", "е").replace("г.", "").split())


def load_codebook(root: Path = ROOT) -> Codebook:
    card = yaml.safe_load((root / "schemas" / "card.yaml").read_text(encoding="utf-8"))
    gaz = yaml.safe_load((root / "config" / "gazetteer.yaml").read_text(encoding="utf-8"))["cities"]
    cities = {}
    for key, c in gaz.items():
        for name in [key, c["ru"], c["kk"], c["en"], *c.get("other", []), *c.get("forms", [])]:
            cities[_norm_city(name)] = key
    return Codebook(card["card"], card["person"], cities, list(gaz))


def load_period(period_id: str, root: Path = ROOT) -> dict:
    for p in yaml.safe_load((root / "config" / "periods.yaml").read_text(encoding="utf-8"))["periods"]:
        if str(p["id"]) == period_id:
            return {"id": period_id, "start": pd.Timestamp(p["start"]), "end": pd.Timestamp(p["end"]),
                    "months": float(p["months"])}
    raise KeyError(period_id)


# ----------------------------------------------------------------------------------------- read

def read_period(folder: Path, book: Codebook) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Every CSV of the folder, in file order; cards and persons as strings, headers as field keys."""
    aliases = {}
    for kind in ("card", "person"):
        aliases[kind] = {_norm_header(a): name for name, f in getattr(book, kind).items()
                         for a in (name, f["ru"], f["en"])}
    cards, persons = [], []
    for path in sorted(Path(folder).rglob("*.csv")):
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("cp1251")
        first = text.split("\n", 1)[0]
        sep = max([",", ";", "\t"], key=first.count)
        df = pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False, skip_blank_lines=True)
        headers = {_norm_header(h) for h in df.columns}
        kind = "person" if path.stem.lower().endswith("persons") or {"person id", "номер лица"} & headers else "card"
        df = df.rename(columns=lambda h: aliases[kind].get(_norm_header(h), h))
        df["_file"] = path.name
        (persons if kind == "person" else cards).append(df)
    def cat(frames, kind):
        cols = list(getattr(book, kind))
        if not frames:
            return pd.DataFrame(columns=cols, dtype=str)
        df = pd.concat(frames, ignore_index=True)
        for c in cols:
            if c not in df.columns:
                df[c] = ""
        return df
    return cat(cards, "card"), cat(persons, "person")


# ---------------------------------------------------------------------------------------- check

def _strip(s: pd.Series) -> pd.Series:
    return s.fillna("").astype(str).str.strip()


def _int(s: pd.Series) -> tuple[pd.Series, pd.Series]:
    t = _strip(s).str.replace("\u00a0", "", regex=False).str.replace(" ", "", regex=False)
    ok = t.str.fullmatch(r"[-+]?\d+") | t.str.fullmatch(r"[-+]?\d+[.,]0+")
    num = pd.to_numeric(t.where(ok).str.replace(r"[.,]0+$", "", regex=True), errors="coerce").astype("Int64")
    return num, (t != "") & ~ok


def _bool(s: pd.Series) -> tuple[pd.Series, pd.Series]:
    t = _strip(s).str.lower()
    val = pd.Series(pd.NA, index=s.index, dtype="boolean")
    val[t.isin(TRUE)] = True
    val[t.isin(FALSE)] = False
    return val, (t != "") & val.isna()


def _date(s: pd.Series) -> tuple[pd.Series, pd.Series]:
    t = _strip(s)
    out = pd.Series(pd.NaT, index=s.index, dtype="datetime64[ns]")
    for fmt in DATE_FORMATS:
        todo = out.isna() & (t != "")
        if not todo.any():
            break
        out[todo] = pd.to_datetime(t[todo], format=fmt, errors="coerce")
    return out, (t != "") & out.isna()


def _time(s: pd.Series) -> pd.Series:
    t = _strip(s)
    ok = pd.Series(False, index=s.index)
    for fmt in TIME_FORMATS:
        ok |= pd.to_datetime(t, format=fmt, errors="coerce").notna()
    return (t != "") & ~ok


def _code(s: pd.Series, codes: dict) -> tuple[pd.Series, pd.Series]:
    index = {}
    for key, lab in codes.items():
        for alias in (key, lab.get("ru", ""), lab.get("en", "")):
            if alias:
                index[_norm_header(alias)] = key
    t = _strip(s)
    norm = (t.str.lower().str.replace("ё", "е", regex=False).str.replace("_", " ", regex=False)
            .str.replace(r"\s+", " ", regex=True).str.strip())
    val = norm.map(index)
    return val, (t != "") & val.isna()


def _codes_bad(s: pd.Series, codes: dict) -> pd.Series:
    t = _strip(s)
    parts = t[t != ""].str.split(r"[;,]", regex=True).explode().str.strip()
    parts = parts[parts != ""]
    _, bad = _code(parts, codes)
    out = pd.Series(False, index=s.index)
    if len(bad):
        out.loc[bad[bad].index.unique()] = True
    return out


def _links_bad(s: pd.Series) -> pd.Series:
    t = _strip(s)
    parts = t[t != ""].str.split(r"[;\s]+", regex=True).explode()
    parts = parts[parts.str.strip() != ""]
    bad = ~parts.str.match(r"https?://\S+$")
    out = pd.Series(False, index=s.index)
    if len(bad):
        out.loc[bad[bad].index.unique()] = True
    return out


def _typed(raw: pd.DataFrame, fields: dict, book: Codebook) -> tuple[pd.DataFrame, pd.Series]:
    """Typed columns and, per row, whether any value is missing or unreadable."""
    out = pd.DataFrame(index=raw.index)
    bad = pd.Series(False, index=raw.index)
    for name, f in fields.items():
        s = raw[name] if name in raw.columns else pd.Series("", index=raw.index)
        empty = _strip(s) == ""
        if f.get("required"):
            bad |= empty
        t = f["type"]
        if t == "int":
            out[name], b = _int(s)
        elif t == "bool":
            out[name], b = _bool(s)
        elif t == "date":
            out[name], b = _date(s)
        elif t == "time":
            out[name], b = _strip(s), _time(s)
        elif t == "code":
            out[name], b = _code(s, f.get("codes") or {})
        elif t == "codes":
            out[name], b = _strip(s), _codes_bad(s, f.get("codes") or {})
        elif t == "city":
            norm = (_strip(s).str.lower().str.replace("ё", "е", regex=False).str.replace("г.", "", regex=False)
                    .str.replace(r"\s+", " ", regex=True).str.strip())
            out[name] = norm.map(book.cities)
            b = ~empty & out[name].isna()
        elif t == "links":
            out[name], b = _strip(s), _links_bad(s)
        else:
            out[name] = _strip(s).replace("", None)
            b = pd.Series(False, index=raw.index)
        bad |= b
    return out, bad


def check(cards_raw: pd.DataFrame, persons_raw: pd.DataFrame, period: dict,
          book: Codebook) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, int]]:
    """(clean cards, clean persons, how many rows failed which check)."""
    c, bad = _typed(cards_raw, book.card, book)
    failed = {"unreadable_or_missing": int(bad.sum())}
    c["participants_low"] = c["participants_low"].fillna(c["participants"])
    c["participants_high"] = c["participants_high"].fillna(c["participants"])
    for n in ("detained", "preventive_detentions", "police_count"):
        c[n] = c[n].fillna(0)

    def fails(name: str, mask: pd.Series) -> None:
        nonlocal bad
        mask = mask.fillna(False).astype(bool)
        failed[name] = int(mask.sum())
        bad |= mask

    for n, f in book.card.items():
        if f["type"] == "int":
            fails(f"{n}_negative", c[n] < 0)
    fails("date_outside_period", (c["date"] < period["start"]) | (c["date"] > period["end"]))
    fails("participants_bounds", ~((c["participants_low"] <= c["participants"]) & (c["participants"] <= c["participants_high"])))
    fails("detained_le_participants", c["detained"] > c[["participants", "participants_high"]].max(axis=1))
    fails("preventive_le_detained", c["preventive_detentions"] > c["detained"])
    req = c["permission_requested"]
    fails("requested_has_no_reason", req & c["reason_not_applied"].notna())
    fails("not_requested_needs_reason", ~req & c["reason_not_applied"].isna())
    fails("answer_needs_request", ~req & c["permission_answer"].notna())
    fails("request_needs_answer", req & c["permission_answer"].isna())
    for who in ("prosecutor", "akimat", "police"):
        fails(f"{who}_warned_needs_presence", c[f"{who}_warned"] & (c[f"{who}_present"] == False))  # noqa: E712
    fails("police_count_needs_presence", (c["police_count"] > 0) & (c["police_present"] == False))  # noqa: E712
    ids = c["card_id"]
    fails("card_id_unique", ids.notna() & ids.duplicated(keep="first") & ids.notna())
    cards = c[~bad].copy()
    cards["sanctioned"] = (cards["permission_answer"] == "granted").fillna(False).astype(bool)

    p, pbad = _typed(persons_raw, book.person, book)
    failed["person_unreadable_or_missing"] = int(pbad.sum())
    for n, f in book.person.items():
        if f["type"] == "int":
            m = (p[n] < 0).fillna(False).astype(bool)
            failed[f"person_{n}_negative"] = int(m.sum())
            pbad |= m
    rules = {
        "fine_needs_amount": (p["court_outcome"] == "fine") & ~(p["fine_mrp"] > 0).fillna(False),
        "arrest_needs_days": (p["court_outcome"] == "arrest") & ~(p["arrest_days"] > 0).fillna(False),
        "person_id_unique": p.duplicated(["card_id", "person_id"], keep=False),
        "person_card_exists": p["card_id"].notna() & ~p["card_id"].isin(cards["card_id"]),
    }
    for name, m in rules.items():
        m = m.fillna(False).astype(bool)
        failed[name] = int(m.sum())
        pbad |= m
    return cards, p[~pbad].copy(), failed


# -------------------------------------------------------------------------------------- figures

def _null(x):
    """SQL's NULL for an aggregate over nothing (and NaN)."""
    if x is None or x is pd.NA:
        return None
    try:
        return None if np.isnan(x) else float(x)
    except TypeError:
        return float(x)


def _div(a, b):
    a, b = _null(a), _null(b)
    return None if a is None or b in (None, 0) else a / b


def figures(cards: pd.DataFrame, persons: pd.DataFrame, period: dict, book: Codebook) -> pd.DataFrame:
    rows: list[tuple[str, str, str, float | None]] = []

    def put(table, row, col, value):
        rows.append((table, row, col, _null(value)))

    n = len(cards)
    months = period["months"]
    per_city = cards.groupby("city").size()
    # 1, 2, 3: assemblies per city, share, per month
    for city, k in per_city.items():
        put("1", city, "count", k), put("1", city, "share_pct", 100.0 * k / n)
        put("2", city, "count", k)
        put("3", city, "activity_index", k / months)
    put("1", "total", "count", n), put("1", "total", "share_pct", 100.0 if n else None)
    put("2", "total", "count", n)
    put("3", "total", "activity_index", n / months)
    # 4, 6, 7, 8: code lists (every code, zero when absent)
    for table, field, total in (("4", "character", False), ("6", "organizer_type", False), ("7", "form", True), ("8", "form", False)):
        counts = cards[field].value_counts()
        for code in book.card[field]["codes"]:
            k = int(counts.get(code, 0))
            put(table, code, "count", k), put(table, code, "share_pct", _div(100.0 * k, n))
        if total:
            put(table, "total", "count", n), put(table, "total", "share_pct", _div(100.0 * n, n))
    for (ch, topic), k in cards.groupby(["character", "topic"]).size().items():
        put("topics", f"{ch}/{topic}", "count", k)
    put("5", "ngo", "share_pct", _div(100.0 * (cards["organizer_type"] == "ngo").sum(), n))
    unsanctioned = cards[~cards["sanctioned"]]
    sanctioned_n = int(cards["sanctioned"].sum())
    put("9", "total", "share_pct", _div(100.0 * len(unsanctioned), n))
    # 10: reasons among assemblies without a request
    no_req = cards[cards["permission_requested"] == False]  # noqa: E712
    reasons = no_req["reason_not_applied"].value_counts()
    for code in book.card["reason_not_applied"]["codes"]:
        put("10", code, "share_pct", _div(100.0 * int(reasons.get(code, 0)), len(no_req)))
    # 11, 12: law-abidance
    g = cards.groupby("city")["sanctioned"].agg(["size", "sum"])
    for city, r in g.iterrows():
        k, s = int(r["size"]), int(r["sum"])
        for col, v in (("count", k), ("unsanctioned", k - s), ("sanctioned", s), ("law_abidance_pct", 100.0 * s / k)):
            put("11", city, col, v)
    for col, v in (("count", n), ("unsanctioned", n - sanctioned_n), ("sanctioned", sanctioned_n),
                   ("law_abidance_pct", _div(100.0 * sanctioned_n, n))):
        put("11", "total", col, v)
    put("12", "total", "law_abidance_pct", _div(100.0 * sanctioned_n, n))
    # 13: authorities present and warning
    for who in ("prosecutor", "akimat", "police"):
        put("13", who, "present", int((cards[f"{who}_present"] == True).sum()))  # noqa: E712
        put("13", who, "warned", int((cards[f"{who}_warned"] == True).sum()))  # noqa: E712
    # 14, 14-1, 15: police control
    def sums(df):
        return (_null(df["participants"].sum()) if len(df) else None,
                _null(df["police_count"].sum()) if len(df) else None)
    def police_rows(table, key, df):
        p, q = sums(df)
        put(table, key, "participants", p), put(table, key, "police", q), put(table, key, "police_control_index", _div(q, p))
    for city, df in cards.groupby("city"):
        police_rows("14", city, df)
    police_rows("14", "total", cards)
    state = cards["state_organised"].fillna(False).astype(bool)
    police_rows("14-1", "total", unsanctioned)
    police_rows("14-1", "total_excl_state", unsanctioned[~state[unsanctioned.index]])
    p, q = sums(unsanctioned)
    put("15", "total", "police_control_index", _div(q, p))
    # 16: detentions; courts and 17 from the persons
    for city, df in cards.groupby("city"):
        put("16", city, "detention_cases", int((df["detained"] > 0).sum()))
        put("16", city, "detained_persons", int(df["detained"].sum()))
    put("16", "total", "detention_cases", int((cards["detained"] > 0).sum()))
    put("16", "total", "detained_persons", int(cards["detained"].sum()))
    oc = persons["court_outcome"]
    judged = persons[oc.isin([c for c, lab in book.person["court_outcome"]["codes"].items() if lab.get("court")])]
    courts = {"court_cases": judged["card_id"].nunique(), "defendants": len(judged),
              "warnings": int((oc == "warning").sum()), "fines": int((oc == "fine").sum()),
              "fine_mrp_total": int(persons.loc[oc == "fine", "fine_mrp"].sum()),
              "arrests": int((oc == "arrest").sum()),
              "arrest_days_total": int(persons.loc[oc == "arrest", "arrest_days"].sum()),
              "acquittals": int((oc == "acquitted").sum()), "released_without_charge": int((oc == "released").sum())}
    for col, v in courts.items():
        put("courts", "total", col, v)
    judged_ids = set(judged["card_id"])
    put("17", "total", "share_pct", _div(100.0 * unsanctioned["card_id"].isin(judged_ids).sum(), len(unsanctioned)))
    # 18: participants
    def part_rows(key, df):
        k = len(df)
        p = _null(df["participants"].sum()) if k else None
        put("18", key, "participants", p)
        put("18", key, "participants_avg", _div(p, k))
        put("18", key, "participants_median", df["participants"].astype(float).median() if k else None)
    for city, df in cards.groupby("city"):
        part_rows(city, df)
    part_rows("total", cards)
    part_rows("total_excl_sanctioned", unsanctioned)
    part_rows("total_excl_sanctioned_state", unsanctioned[~state[unsanctioned.index]])
    # 19: duration, over the assemblies whose duration is known
    known = cards[cards["duration_min"].notna()]
    def dur_rows(key, df):
        d = df["duration_min"].astype(float)
        put("19", key, "duration_total_min", d.sum()), put("19", key, "duration_avg_min", d.mean())
        put("19", key, "duration_median_min", d.median())
    for city, df in known.groupby("city"):
        dur_rows(city, df)
    if len(known):
        dur_rows("total", known)
    else:
        for col in ("duration_total_min", "duration_avg_min", "duration_median_min"):
            put("19", "total", col, None)
    # summary: the figures of the report's text
    u_ns = unsanctioned[~state[unsanctioned.index]]
    def s(series):
        return _null(series.sum()) if len(series) else None
    def mean(series):
        return _null(series.astype(float).mean()) if len(series) else None
    summary = {
        "assemblies": n, "cities": cards["city"].nunique(), "months": months, "activity_index": n / months,
        "participants": s(cards["participants"]), "participants_low": s(cards["participants_low"]),
        "participants_high": s(cards["participants_high"]),
        "participants_median": cards["participants"].astype(float).median() if n else None,
        "participants_excl_sanctioned": s(unsanctioned["participants"]),
        "participants_excl_sanctioned_state": s(u_ns["participants"]),
        "participants_avg_excl_sanctioned_state": mean(u_ns["participants"]),
        "police": s(cards["police_count"]), "police_per_assembly": mean(cards["police_count"]),
        "police_excl_sanctioned": s(unsanctioned["police_count"]),
        "sanctioned": sanctioned_n, "unsanctioned": len(unsanctioned),
        "applied": int((cards["permission_requested"] == True).sum()),  # noqa: E712
        "refused": int((cards["permission_answer"] == "refused").sum()),
        "state_organised": int((cards["state_organised"] == True).sum()),  # noqa: E712
        "obstructed": int((cards["obstruction"] == True).sum()),  # noqa: E712
        "obstructed_unsanctioned": int((unsanctioned["obstruction"] == True).sum()),  # noqa: E712
        "dispersed": int((cards["dispersal"] == True).sum()),  # noqa: E712
        "detention_cases": int((cards["detained"] > 0).sum()),
        "detention_cases_pct": _div(100.0 * (cards["detained"] > 0).sum(), n),
        "detained_persons": int(cards["detained"].sum()),
        "preventive_detentions": int(cards["preventive_detentions"].sum()),
        "court_cases": len(judged_ids),
        "prosecutor_present_unsanctioned": int((unsanctioned["prosecutor_present"] == True).sum()),  # noqa: E712
        "prosecutor_warned_unsanctioned": int((unsanctioned["prosecutor_warned"] == True).sum()),  # noqa: E712
        **{code: int((cards["character"] == code).sum()) for code in book.card["character"]["codes"]},
        "duration_avg_min": mean(known["duration_min"]),
        "duration_median_min": known["duration_min"].astype(float).median() if len(known) else None,
        "duration_known": len(known),
        "duration_max_min": float(known["duration_min"].max()) if len(known) else None,
    }
    # what the report counts besides assemblies held (all records here are held: event_status empty)
    status = cards["event_status"].fillna("held").replace("", "held") if "event_status" in cards else pd.Series("held", index=cards.index)
    summary["applications_refused"] = int((cards["permission_answer"] == "refused").sum())
    summary["assemblies_prevented"] = int(((status == "prevented") | ((status == "held") & (cards["preventive_detentions"] > 0)
                                           & (cards["preventive_detentions"] >= cards["participants"]))).sum())
    # people detained: one person per normalised name (case, ё/е, punctuation, word order), else per card and id
    det = persons[persons["detained"] == True]  # noqa: E712
    who = det["name"].fillna("").map(_person_name)
    who = who.where(who != "", "card|" + det["card_id"].astype(str) + "|" + det["person_id"].astype(str))
    per_person = det.assign(who=who).groupby("who")["card_id"].nunique()
    summary["distinct_detained"] = len(per_person)
    summary["detained_repeat"] = int((per_person > 1).sum())
    for col, v in summary.items():
        put("summary", "total", col, v)
    return pd.DataFrame(rows, columns=["table_no", "row_key", "col_key", "value"])


def _person_name(name: str) -> str:
    s = unicodedata.normalize("NFKC", str(name)).casefold().replace("ё", "е")
    return " ".join(sorted(w for w in re.split(r"[\W_]+", s) if w))


# ------------------------------------------------------------------------------------------ run

def run(folder: Path, period_id: str, root: Path = ROOT) -> tuple[pd.DataFrame, dict[str, float]]:
    """All figures of one period's folder and the seconds each stage took (read, check, figures)."""
    t: dict[str, float] = {}
    t0 = time.perf_counter()
    book = load_codebook(root)
    period = load_period(period_id, root)
    cards_raw, persons_raw = read_period(folder, book)
    t["read_s"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    cards, persons, failed = check(cards_raw, persons_raw, period, book)
    t["check_s"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    fig = figures(cards, persons, period, book)
    t["figures_s"] = time.perf_counter() - t0
    t["cards"], t["persons"] = len(cards), len(persons)
    t["rejected_cards"] = len(cards_raw) - len(cards)
    t["rejected_persons"] = len(persons_raw) - len(persons)
    return fig, t


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("period")
    ap.add_argument("--out", type=Path)
    args = ap.parse_args(argv)
    fig, t = run(args.folder, args.period)
    if args.out:
        fig.to_csv(args.out, index=False)
    print(t)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
