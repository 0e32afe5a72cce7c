"""A seeded generator of realistic observation cards (and media articles) for benchmarks and tests.

    from benchmarks.generate import generate_inbox, generate_articles
    manifest = generate_inbox(Path("/tmp/box"), 100_000, periods=("2016", "2017"), seed=7)

or from the shell:

    .venv/bin/python benchmarks/generate.py /tmp/box 100000 --periods 2016 2017 --seed 7

writes, for every period, into <inbox>/cards/<period>/:

- `cards.csv`         UTF-8, `,`, the field keys of schemas/card.yaml as headers (~95% of the cards);
- `cards_cp1251.csv`  windows-1251, `;`, the Russian labels as headers, as Excel saves it (~5%);
- `cards_persons.csv` UTF-8: detainees with their court outcomes, and some organisers;

each split into files of at most file.max_records rows (config/limits.yaml): cards.csv, cards_002.csv, ...

Everything that is a field or a code comes from schemas/card.yaml, every city and city name from
config/gazetteer.yaml, every period from config/periods.yaml; the generator only adds how often
each occurs. The same seed gives the same bytes (numpy's PCG64 stream, for one numpy version).

About 2% of the cards are bad, each of exactly one kind monitors make (BAD_KINDS): an unknown city,
a date outside the period, a negative number, a missing required field, a duplicate card id, text
in a number field. Bad cards have no persons, so the manifest says exactly how many cards and
persons must reach the clean tables and how many records must reach quarantine.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
import polars as pl

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assets.core import periods as periods_mod  # noqa: E402
from schemas import gazetteer  # noqa: E402
from schemas.card import spec  # noqa: E402

BAD_KINDS = ("unknown_city", "date_outside_period", "negative_number", "missing_required", "duplicate_id",
             "text_in_number")
# the outcomes that reached a court: `court: true` in schemas/card.yaml (as the pipeline reads them, assets/core/codes.py)
JUDGED = tuple(code for code, lab in spec().person["court_outcome"].codes.items() if lab.get("court"))

# How often things occur. Keys are codes of schemas/card.yaml / keys of the gazetteer; a code
# missing here gets the default weight, a key here that is no code is an error (see _weights).
CITY_WEIGHTS = {"almaty": 40, "astana": 20, "shymkent": 5, "uralsk": 4, "karaganda": 4, "atyrau": 4,
                "aktobe": 3, "zhanaozen": 3, "pavlodar": 2, "ust-kamenogorsk": 2, "semey": 2, "temirtau": 1.5}
CITY_DEFAULT = 1.0
FORM_WEIGHTS = {"picket": 30, "single_picket": 22, "rally": 14, "hunger_strike": 5, "march": 2, "road_block": 4,
                "chaining": 1, "crane_climb": 1, "happening": 4, "flashmob": 4, "other": 8}
CHARACTER_WEIGHTS = {"political": 25, "economic": 35, "social": 40}
ORGANIZER_WEIGHTS = {"ngo": 30, "spontaneous": 60, "individual": 10}
ANSWER_WEIGHTS = {"granted": 50, "refused": 30, "other_place": 15, "no_answer": 5}
REASON_WEIGHTS = {"principled": 10, "expected_refusal": 25, "unaware": 20, "spontaneous": 15, "unknown": 30}
SOURCE_WEIGHTS = {"monitor": 60, "media": 25, "social": 10, "testimony": 5}
OUTCOME_WEIGHTS = {"warning": 25, "fine": 30, "arrest": 15, "released": 20, "acquitted": 3, "pending": 2}
ROLE_WEIGHTS_DETAINED = {"detainee": 80, "defendant": 20}
# how a monitor writes the city: the Russian name mostly, sometimes Kazakh, the key, English, an old name
NAME_FORMS = {"ru": 70, "kk": 10, "key": 10, "en": 5, "other": 5}

TOPICS = {
    "political": ["Против изменения Конституции", "За освобождение политических заключённых",
                  "Против продажи земли иностранцам", "Против фальсификации выборов", "За свободу слова",
                  "Против преследования оппозиции", "Против присоединения к Евразийскому союзу"],
    "economic": ["Ипотечные заёмщики требуют рефинансирования", "Невыплата заработной платы",
                 "Повышение тарифов на коммунальные услуги", "Обманутые дольщики требуют жильё",
                 "Против сокращения рабочих мест на предприятии", "Снос торговых рядов рынка",
                 "Требование повысить заработную плату нефтяникам"],
    "social": ["Против вырубки деревьев в сквере", "Против строительства в зелёной зоне",
               "Защита прав многодетных матерей", "Против закрытия школы", "Против насилия над женщинами",
               "Требование провести газ в посёлок", "Против точечной застройки двора", "Защита животных"],
}
PLACES = ["у здания акимата", "на центральной площади", "у здания областного суда", "у памятника Абаю",
          "у здания прокуратуры", "в сквере у театра", "у офиса партии", "у входа на рынок", "у проходной завода",
          "на трассе республиканского значения", "у здания парламента", "на специализированной площадке"]
SETTLEMENTS = ["пос. Тассай", "с. Шамалган", "пос. Косшы", "с. Талгар", "пос. Шалкия"]
ORG_NAMES = ["ОСДП", "Ак жол", "Общественное объединение «Зелёный мир»", "Профсоюз работников нефтегазовой отрасли",
             "Союз многодетных матерей", "Общество защиты прав потребителей", "Движение ипотечных заёмщиков"]
SURNAMES = ["Ахметов", "Садыков", "Ким", "Иванов", "Нурланов", "Жумабаев", "Петров", "Омаров", "Сейткали",
            "Бекова", "Смагулова", "Исаева", "Тулеуова", "Кузнецова"]
NOTES = ["Участники держали плакаты и скандировали лозунги.", "Полиция потребовала разойтись.",
         "Акция прошла спокойно, без вмешательства полиции.", "Представители акимата вышли к собравшимся.",
         "Участников пригласили на приём к заместителю акима.", "Монитор наблюдал акцию от начала до конца."]
# bad values monitors write (each checked against the gazetteer / the parsers below)
BAD_CITIES = ["Москва", "Бишкек", "Алмты", "Астна", "Карагандинская обл.", "Шимкинт"]
BAD_NUMBERS = ["около 50", "много", "10-15", "час", "?", "нет данных"]
NUMBER_FIELDS = ("participants", "police_count", "duration_min", "detained")
REQUIRED_BLANKABLE = ("date", "city", "form", "topic", "character", "organizer_type", "participants", "source_type")
BOOL_STYLES = (("да", "нет"), ("1", "0"), ("true", "false"), ("Да", "Нет"))


@dataclass
class PeriodManifest:
    period: str
    cards: int  # card rows written (good + bad)
    good_cards: int
    bad: dict[str, int]
    persons: int  # person rows written (all belong to good cards)
    files: list[str] = field(default_factory=list)

    @property
    def bad_cards(self) -> int:
        return sum(self.bad.values())


def _weights(codes: list[str], weights: dict[str, float], default: float = 1.0) -> np.ndarray:
    unknown = set(weights) - set(codes)
    if unknown:
        raise ValueError(f"weights for codes that schemas/card.yaml (or the gazetteer) does not have: {sorted(unknown)}")
    w = np.array([weights.get(c, default) for c in codes], dtype=float)
    return w / w.sum()


def _codes(field_name: str, kind: str = "card") -> list[str]:
    return list(spec().fields(kind)[field_name].codes)


def _pick(rng: np.random.Generator, n: int, keys: list[str], weights: dict[str, float], default: float = 1.0) -> np.ndarray:
    return np.asarray(keys, dtype=object)[rng.choice(len(keys), size=n, p=_weights(keys, weights, default))]


def _ints(values: np.ndarray, null: np.ndarray | None = None) -> np.ndarray:
    out = values.astype(np.int64).astype(str).astype(object)
    if null is not None:
        out[null] = ""
    return out


def _bools(rng: np.random.Generator, values: np.ndarray, null: np.ndarray | None = None) -> np.ndarray:
    style = rng.choice(len(BOOL_STYLES), size=len(values), p=[0.7, 0.15, 0.1, 0.05])
    yes = np.array([s[0] for s in BOOL_STYLES], dtype=object)[style]
    no = np.array([s[1] for s in BOOL_STYLES], dtype=object)[style]
    out = np.where(values, yes, no).astype(object)
    if null is not None:
        out[null] = ""
    return out


def _code_text(rng: np.random.Generator, field_name: str, codes: np.ndarray, label_share: float = 0.15) -> np.ndarray:
    """A code as monitors write it: mostly the key, sometimes its Russian label."""
    labels = {k: v["ru"] for k, v in spec().card[field_name].codes.items()}
    use_label = rng.random(len(codes)) < label_share
    out = codes.copy()
    out[use_label] = [labels[c] for c in codes[use_label]]
    return out


def _multi_codes(rng: np.random.Generator, n: int, field_name: str, empty_share: float) -> np.ndarray:
    codes = [c for c in _codes(field_name) if c not in ("none", "unknown")]
    picks = rng.random((n, len(codes))) < 0.3
    out = np.empty(n, dtype=object)
    for i in range(n):
        chosen = [codes[j] for j in np.flatnonzero(picks[i])]
        out[i] = ";".join(chosen) if chosen else "none"
    out[rng.random(n) < empty_share] = ""
    return out


def _city_names(rng: np.random.Generator, keys: np.ndarray, cp1251: np.ndarray) -> np.ndarray:
    cities = gazetteer.cities()
    forms = list(NAME_FORMS)
    form = np.asarray(forms, dtype=object)[rng.choice(len(forms), size=len(keys), p=_weights(forms, NAME_FORMS))]
    form[cp1251 & ~np.isin(form, ["ru", "key"])] = "ru"  # Excel's windows-1251 has no Kazakh letters
    table = {}
    for k, c in cities.items():
        table[(k, "ru")], table[(k, "kk")], table[(k, "en")], table[(k, "key")] = c["ru"], c["kk"], c["en"], k
        table[(k, "other")] = (c.get("other") or [c["ru"]])[0]
    out = np.array([table[(k, f)] for k, f in zip(keys, form)], dtype=object)
    for name in set(out[cp1251]):  # names that cannot be written in windows-1251 become the Russian one
        try:
            name.encode("cp1251")
        except UnicodeEncodeError:
            bad = cp1251 & (out == name)
            out[bad] = [cities[k]["ru"] for k in keys[bad]]
    return out


def card_frames(n: int, period_id: str, seed: int = 1, *, bad_share: float = 0.02, cp1251_share: float = 0.05,
                id_prefix: str | None = None) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(cards, persons) of one period as the strings monitors write, in file order. Cards carry two
    extra columns: `_file` ("utf8" or "cp1251") and `_bad` (the kind of mistake, "" when good)."""
    period = periods_mod.get(period_id)
    rng = np.random.default_rng([seed, int(period.start.strftime("%Y%m%d"))])
    prefix = id_prefix or period_id
    idx = np.arange(n)

    city_keys = list(gazetteer.cities())
    city = _pick(rng, n, city_keys, CITY_WEIGHTS, CITY_DEFAULT)
    cp1251 = rng.random(n) < cp1251_share
    if n >= 20 and not cp1251.any():
        cp1251[rng.integers(0, n)] = True
    form = _pick(rng, n, _codes("form"), FORM_WEIGHTS)
    character = _pick(rng, n, _codes("character"), CHARACTER_WEIGHTS)
    organizer = _pick(rng, n, _codes("organizer_type"), ORGANIZER_WEIGHTS)
    organizer[form == "single_picket"] = "individual"  # a single picket is one person's

    # participants: one for a single picket, a few for hunger strikes, log-normal (heavy tail) otherwise
    best = np.maximum(2, np.round(np.exp(rng.normal(2.6, 1.25, n)))).astype(np.int64)
    best = np.minimum(best, 60_000)
    best[form == "single_picket"] = 1
    hunger = form == "hunger_strike"
    best[hunger] = rng.integers(1, 12, hunger.sum())
    low = np.floor(best * rng.uniform(0.6, 1.0, n)).astype(np.int64).clip(min=1)
    high = np.ceil(best * rng.uniform(1.0, 1.6, n)).astype(np.int64)
    low, high = np.minimum(low, best), np.maximum(high, best)
    no_range = rng.random(n) < 0.45  # many monitors give only the best estimate
    duration = np.round(np.exp(rng.normal(3.9, 0.7, n))).astype(np.int64).clip(5, 600)
    duration[hunger] = rng.integers(600, 7 * 24 * 60, hunger.sum())
    duration_unknown = rng.random(n) < 0.18

    # permission: organisations apply more often; sanctioned = the answer is granted
    p_apply = np.select([organizer == "ngo", organizer == "spontaneous"], [0.35, 0.08], 0.03)
    requested = rng.random(n) < p_apply
    answer = _pick(rng, n, _codes("permission_answer"), ANSWER_WEIGHTS)
    answer[~requested] = ""
    reason = _pick(rng, n, _codes("reason_not_applied"), REASON_WEIGHTS)
    reason[requested] = ""
    sanctioned = answer == "granted"

    # authorities present and warning; police counted when present
    prosecutor = rng.random(n) < np.where(sanctioned, 0.05, 0.12)
    prosecutor_warned = prosecutor & (rng.random(n) < 0.5)
    akimat = rng.random(n) < 0.2
    akimat_warned = akimat & (rng.random(n) < 0.3)
    police = rng.random(n) < np.where(sanctioned, 0.95, 0.65)
    police_count = np.where(police, np.maximum(1, np.round(best * rng.uniform(0.05, 0.6, n) + rng.integers(0, 6, n))), 0)
    police_count = police_count.astype(np.int64).clip(max=3000)
    police_warned = police & (rng.random(n) < 0.3)
    obstruction = rng.random(n) < np.where(sanctioned, 0.02, 0.12)
    dispersal = obstruction & (rng.random(n) < 0.3)
    state = sanctioned & (rng.random(n) < 0.15)

    # detentions: mostly at unsanctioned political assemblies; preventive ones among them
    p_det = np.where(sanctioned, 0.005, np.where(character == "political", 0.25, 0.05))
    detained = np.where(rng.random(n) < p_det, np.minimum(best, rng.geometric(0.35, n)), 0).astype(np.int64)
    preventive = np.where((detained > 0) & (rng.random(n) < 0.2), rng.integers(0, detained + 1), 0).astype(np.int64)

    day0 = rng.integers(0, (period.end - period.start).days + 1, n)
    dates = np.array([period.start + dt.timedelta(days=int(d)) for d in day0], dtype=object)
    dmy = rng.random(n) < 0.15
    date_text = np.array([d.strftime("%d.%m.%Y") if f else d.isoformat() for d, f in zip(dates, dmy)], dtype=object)
    source = _pick(rng, n, _codes("source_type"), SOURCE_WEIGHTS)

    city_code = {k: (c["en"][:3]).upper() for k, c in gazetteer.cities().items()}
    card_id = np.array([f"{prefix}-{city_code[c]}-{i + 1:07d}" for c, i in zip(city, idx)], dtype=object)
    topic_idx = rng.integers(0, 1_000_000, n)
    topics = np.array([TOPICS.get(ch, TOPICS["social"])[t % len(TOPICS.get(ch, TOPICS["social"]))] for ch, t in zip(character, topic_idx)], dtype=object)
    minutes = rng.integers(9 * 60, 20 * 60, n)
    time_start = np.array([f"{m // 60:02d}:{m % 60:02d}" for m in minutes], dtype=object)
    time_start[rng.random(n) < 0.3] = ""
    has_links = np.isin(source, ["media", "social"])

    cols = {
        "card_id": card_id,
        "date": date_text,
        "time_start": time_start,
        "city": _city_names(rng, city, cp1251),
        "settlement": np.where(rng.random(n) < 0.04, np.asarray(SETTLEMENTS, dtype=object)[rng.integers(0, len(SETTLEMENTS), n)], "").astype(object),
        "place": np.asarray(PLACES, dtype=object)[rng.integers(0, len(PLACES), n)],
        "designated_place": _bools(rng, rng.random(n) < 0.15, rng.random(n) < 0.3),
        "form": _code_text(rng, "form", form),
        "topic": topics,
        "character": _code_text(rng, "character", character, 0.1),
        "organizer_type": _code_text(rng, "organizer_type", organizer, 0.05),
        "organizer_name": np.where(organizer == "ngo", np.asarray(ORG_NAMES, dtype=object)[rng.integers(0, len(ORG_NAMES), n)], "").astype(object),
        "participants_low": _ints(low, no_range),
        "participants": _ints(best),
        "participants_high": _ints(high, no_range),
        "duration_min": _ints(duration, duration_unknown),
        "attributes": _multi_codes(rng, n, "attributes", 0.3),
        "notification": _multi_codes(rng, n, "notification", 0.5),
        "permission_requested": _bools(rng, requested),
        "permission_answer": _code_text(rng, "permission_answer", answer, 0.0),
        "reason_not_applied": _code_text(rng, "reason_not_applied", reason, 0.0),
        "prosecutor_present": _bools(rng, prosecutor),
        "prosecutor_warned": _bools(rng, prosecutor_warned),
        "akimat_present": _bools(rng, akimat),
        "akimat_warned": _bools(rng, akimat_warned),
        "police_present": _bools(rng, police),
        "police_warned": _bools(rng, police_warned),
        "police_count": _ints(police_count),
        "obstruction": _bools(rng, obstruction),
        "dispersal": _bools(rng, dispersal),
        "preventive_detentions": _ints(preventive),
        "detained": _ints(detained),
        "state_organised": _bools(rng, state, rng.random(n) < 0.1),
        "source_type": _code_text(rng, "source_type", source, 0.0),
        "source_links": np.array([f"https://news.example.kz/{period_id}/{i}" if h else "" for i, h in zip(idx, has_links)], dtype=object),
        "notes": np.where(rng.random(n) < 0.3, np.asarray(NOTES, dtype=object)[rng.integers(0, len(NOTES), n)], "").astype(object),
    }
    # fields a monitor's card leaves empty here: translations, compilers' notes, events not held (held by default)
    for name in ("topic_en", "settlement_en", "place_en", "notes_en", "compiler_notes", "event_status", "applications"):
        cols.setdefault(name, np.full(n, "", dtype=object))
    missing = set(spec().card) ^ set(cols)
    if missing:
        raise AssertionError(f"generator and schemas/card.yaml disagree on fields: {sorted(missing)}")
    cols = {name: cols[name] for name in spec().card}  # the order of card.yaml

    # ~bad_share bad cards, each of one kind; never the first card (a duplicate needs an earlier one)
    bad = np.full(n, "", dtype=object)
    n_bad = int(round(n * bad_share)) if n >= 50 else min(len(BAD_KINDS), n // 8)
    if n_bad:
        where = rng.choice(np.arange(1, n), size=n_bad, replace=False)
        bad[where] = np.asarray(BAD_KINDS, dtype=object)[np.arange(n_bad) % len(BAD_KINDS)]
        rng.shuffle(bad[where])
    bad_idx = np.flatnonzero(bad != "")
    good_idx = np.flatnonzero(bad == "")
    for i in bad_idx:
        kind = bad[i]
        cols["detained"][i] = cols["preventive_detentions"][i] = "0"  # bad cards carry no persons
        if kind == "unknown_city":
            cols["city"][i] = BAD_CITIES[i % len(BAD_CITIES)]
        elif kind == "date_outside_period":
            d = period.start - dt.timedelta(days=int(1 + i % 90))
            cols["date"][i] = d.isoformat()
        elif kind == "negative_number":
            f = NUMBER_FIELDS[i % len(NUMBER_FIELDS)]
            cols[f][i] = f"-{int(rng.integers(1, 50))}"
            if f == "participants":
                cols["participants_low"][i] = cols["participants_high"][i] = ""
        elif kind == "missing_required":
            cols[REQUIRED_BLANKABLE[i % len(REQUIRED_BLANKABLE)]][i] = ""
        elif kind == "duplicate_id":
            earlier = good_idx[good_idx < i]
            j = earlier[int(rng.integers(0, len(earlier)))] if len(earlier) else 0
            cols["card_id"][i] = cols["card_id"][j]
            cp1251[i] = cp1251[j]  # in the same file, after the card that has the id
            cols["city"][i] = gazetteer.cities()[city[i]]["ru"]
        elif kind == "text_in_number":
            f = NUMBER_FIELDS[i % len(NUMBER_FIELDS)]
            cols[f][i] = BAD_NUMBERS[i % len(BAD_NUMBERS)]
            if f == "participants":
                cols["participants_low"][i] = cols["participants_high"][i] = ""

    cards = pl.DataFrame({k: pl.Series(k, v, dtype=pl.Utf8) for k, v in cols.items()}).with_columns(
        pl.Series("_file", np.where(cp1251, "cp1251", "utf8"), dtype=pl.Utf8), pl.Series("_bad", bad, dtype=pl.Utf8))
    persons = _persons(rng, cols, dates, np.flatnonzero((detained > 0) & (bad == "")),
                       np.flatnonzero((organizer == "ngo") & (bad == "") & (rng.random(n) < 0.05)))
    return cards, persons


def _persons(rng, cols, dates, detained_idx, organiser_idx) -> pl.DataFrame:
    outcomes = list(_codes("court_outcome", "person"))
    roles = _codes("role", "person")
    rows: dict[str, list] = {k: [] for k in spec().person}

    def add(card_i, j, role, detained, preventive, outcome):
        cid = cols["card_id"][card_i]
        rows["person_id"].append(f"P{j}")
        rows["card_id"].append(cid)
        rows["role"].append(role)
        rows["name"].append(f"{SURNAMES[int(rng.integers(0, len(SURNAMES)))]} {chr(1040 + int(rng.integers(0, 28)))}.")
        rows["public"].append("да" if rng.random() < 0.1 else "нет")
        rows["detained"].append("да" if detained else "нет")
        rows["preventive"].append("да" if preventive else "нет")
        rows["court_outcome"].append(outcome)
        rows["fine_mrp"].append(str(int(rng.choice([5, 10, 20, 30, 50, 100]))) if outcome == "fine" else "")
        rows["arrest_days"].append(str(int(rng.integers(3, 16))) if outcome == "arrest" else "")
        judged = outcome in JUDGED
        rows["court_date"].append((dates[card_i] + dt.timedelta(days=int(rng.integers(1, 30)))).isoformat() if judged else "")
        rows["article"].append("КоАП 488" if judged else "")

    det_roles = [r for r in ROLE_WEIGHTS_DETAINED if r in roles]
    for i in detained_idx:
        k = min(int(cols["detained"][i]), 5)  # monitors list at most a few detainees by name
        prev = int(cols["preventive_detentions"][i])
        for j in range(1, k + 1):
            outcome = str(rng.choice(outcomes, p=_weights(outcomes, OUTCOME_WEIGHTS, 0.0))) if rng.random() > 0.05 else ""
            role = det_roles[int(rng.random() < 0.2)] if outcome in JUDGED else det_roles[0]
            add(i, j, role, True, j <= prev, outcome)
    for i in organiser_idx:
        add(i, 9, "organizer", False, False, "")
    return pl.DataFrame({k: pl.Series(k, v, dtype=pl.Utf8) for k, v in rows.items()})


def write_period(folder: Path, cards: pl.DataFrame, persons: pl.DataFrame, rows_per_file: int | None = None) -> list[Path]:
    """The three files of a period (see the module's docstring). A file holds at most
    `rows_per_file` rows (default: config/limits.yaml file.max_records, which the ingest enforces):
    more rows go to numbered files after it (cards.csv, cards_002.csv, ...; the names sort in
    row order, so "first in file order" stays the same card)."""
    from assets.core.limits import limits

    folder.mkdir(parents=True, exist_ok=True)
    per_file = rows_per_file or limits().max_records
    fields = list(spec().card)
    # an empty cell is written as nothing at all, as spreadsheets do (not as "")
    cards = cards.with_columns(pl.when(pl.col(c) != "").then(pl.col(c)).alias(c) for c in fields)
    persons = persons.with_columns(pl.when(pl.col(c) != "").then(pl.col(c)).alias(c) for c in persons.columns)
    out: list[Path] = []

    def chunks(stem: str, df: pl.DataFrame, write) -> None:
        for k, start in enumerate(range(0, df.height, per_file)):
            p = folder / (f"{stem}.csv" if k == 0 else f"{stem}_{k + 1:03d}.csv")
            write(df.slice(start, per_file), p)
            out.append(p)

    chunks("cards", cards.filter(pl.col("_file") == "utf8").select(fields), lambda df, p: df.write_csv(p))
    ru = {name: f.ru for name, f in spec().card.items()}
    chunks("cards_cp1251", cards.filter(pl.col("_file") == "cp1251").select(fields), lambda df, p: p.write_bytes(
        df.rename(ru).write_csv(separator=";", line_terminator="\r\n").encode("cp1251")))
    chunks("cards_persons", persons, lambda df, p: df.write_csv(p))
    return out


def split(n: int, period_ids: list[str]) -> dict[str, int]:
    """n cards over the periods, in proportion to their months."""
    months = np.array([periods_mod.get(p).months for p in period_ids])
    counts = np.floor(n * months / months.sum()).astype(int)
    counts[-1] += n - counts.sum()
    return dict(zip(period_ids, counts.tolist()))


def generate_inbox(inbox: Path, n: int, periods: tuple[str, ...] | list[str] = ("2017",), seed: int = 1,
                   bad_share: float = 0.02, cp1251_share: float = 0.05) -> dict[str, PeriodManifest]:
    """Write n cards over `periods` into <inbox>/cards/<period>/ and say what is in them."""
    out = {}
    for pid, k in split(n, list(periods)).items():
        cards, persons = card_frames(k, pid, seed, bad_share=bad_share, cp1251_share=cp1251_share)
        files = write_period(Path(inbox) / "cards" / pid, cards, persons)
        kinds = cards.filter(pl.col("_bad") != "")["_bad"].value_counts()
        bad = {kind: 0 for kind in BAD_KINDS} | dict(kinds.iter_rows())
        out[pid] = PeriodManifest(pid, cards.height, cards.height - sum(bad.values()), bad, persons.height,
                                  [f.name for f in files])
    return out


# ----------------------------------------------------------------------------- media articles

NEWS = [  # everyday news: none of these mentions a form of protest
    "Национальный банк сохранил базовую ставку на уровне {n} процентов, сообщает пресс-служба регулятора.",
    "Аналитики ожидают, что инфляция по итогам года составит около {n} процентов.",
    "В {city} завершили ремонт {n} километров дорог, сообщили в отделе пассажирского транспорта.",
    "Синоптики обещают в {city} до {n} градусов тепла и кратковременные дожди.",
    "Сборная страны по футболу проведёт товарищеский матч в {city} в следующем месяце.",
    "Урожай зерновых в этом году превысит {n} миллионов тонн, считают в министерстве сельского хозяйства.",
    "Аким города провёл встречу с жителями и ответил на вопросы о благоустройстве дворов.",
    "Компания объявила о выпуске облигаций на {n} миллиардов тенге.",
    "В {city} открылась новая школа на {n} мест, строительство длилось два года.",
    "Полицейские задержали подозреваемого в краже автомобиля, возбуждено уголовное дело.",
    "Эксперты отмечают рост цен на жильё в крупных городах, особенно в {city}.",
    "В областной больнице появился новый томограф, его закупили за счёт местного бюджета.",
    "Авиакомпания открывает прямой рейс из {city} в Стамбул, билеты уже в продаже.",
    "Министерство образования утвердило новые учебные программы для старших классов.",
    "На городских рынках подешевели овощи, а мясо подорожало на {n} тенге за килограмм.",
    "В выходные в {city} ожидается сильный ветер, спасатели советуют не парковаться под деревьями.",
]
MENTIONS = [  # the words of protest without an assembly being held: shares, courts, laws, statistics, online
    "Акции крупнейших компаний на бирже за неделю подорожали в среднем на {n} процента.",
    "На строительной площадке в центре города установили новый башенный кран.",
    "Министерство здравоохранения напомнило о требованиях к вакцинации детей.",
    "Мажилис одобрил в первом чтении законопроект о мирных собраниях, документ направлен в сенат.",
    "Суд оштрафовал на {n} МРП участника несанкционированного митинга, сообщил его адвокат.",
    "По данным статистики, количество протестных акций в стране за год снизилось на {n} процентов.",
    "Пользователи соцсетей запустили флешмоб с хэштегом в поддержку врачей.",
    "Торговый центр объявил акцию: скидки до {n} процентов на зимнюю одежду.",
]
EVENT = [
    "В {city} {n} жителей провели митинг {place}, требуя {demand}.",
    "Около {n} человек вышли на пикет {place} в {city} с требованием {demand}.",
    "В {city} прошёл одиночный пикет: активист стоял {place} с плакатом, требуя {demand}.",
    "Несколько десятков жителей {city_gen} собрались {place} и перекрыли трассу, протестуя против {against}.",
]
EVENT_DETAILS = [
    "На месте присутствовали сотрудники полиции, которые потребовали от участников разойтись.",
    "Участники держали плакаты и скандировали лозунги, акция продолжалась около часа.",
    "Полиция задержала {k} участников акции, позже их отпустили.",
    "Представители акимата вышли к собравшимся и пообещали рассмотреть их требования.",
    "По словам организаторов, в акимат заранее не обращались за разрешением.",
]
DEMANDS = ["выплатить задолженность по заработной плате", "остановить снос домов", "снизить тарифы на отопление",
           "рефинансировать ипотечные займы", "сохранить сквер", "провести газ в посёлок"]
AGAINST = ["сноса домов", "повышения тарифов", "вырубки деревьев", "закрытия больницы"]
TITLES_NEWS = ["Нацбанк сохранил базовую ставку", "Погода на выходные", "В городе отремонтируют дороги",
               "Итоги торгов на бирже", "Новые требования к отчётности", "Открылась новая школа",
               "Суд вынес решение по делу активиста", "Законопроект о мирных собраниях принят в первом чтении"]
TITLES_EVENT = ["В {city} прошёл митинг", "Жители {city_gen} вышли на пикет", "Акция протеста в {city}"]


@dataclass
class Article:
    article_id: str
    title: str
    text: str
    reports_assembly: bool  # the generator's truth: an event sentence was written into it


def _city_forms() -> list[tuple[str, str]]:
    """(prepositional, genitive) forms of the gazetteer's cities, for 'в Астане', 'жителей Астаны'."""
    out = []
    for c in gazetteer.cities().values():
        forms = c.get("forms") or [c["ru"]]
        prep = forms[0]
        gen = forms[1] if len(forms) > 1 else c["ru"]
        out.append((prep, gen))
    return out


def generate_articles(n: int, seed: int = 1, assembly_share: float = 0.03, mention_share: float = 0.2,
                      min_chars: int = 2000, max_chars: int = 5000) -> list[Article]:
    """n Russian news-like articles of 2–5 k characters; about `assembly_share` of them report an
    assembly held in a city of the gazetteer; `mention_share` of the others only use the words
    (courts, laws, statistics, shares, cranes, flash mobs online); the rest is everyday news."""
    rng = np.random.default_rng([seed, 424242])
    cities = _city_forms()
    out = []
    for i in range(n):
        event = bool(rng.random() < assembly_share)
        target = int(rng.integers(min_chars, max_chars))
        prep, gen = cities[int(rng.integers(0, len(cities)))]
        sents: list[str] = []
        if event:
            title = TITLES_EVENT[int(rng.integers(0, len(TITLES_EVENT)))].format(city=prep, city_gen=gen)
            sents.append(EVENT[int(rng.integers(0, len(EVENT)))].format(
                city=prep, city_gen=gen, n=int(rng.integers(5, 300)), place=PLACES[int(rng.integers(0, len(PLACES)))],
                demand=DEMANDS[int(rng.integers(0, len(DEMANDS)))], against=AGAINST[int(rng.integers(0, len(AGAINST)))]))
            for d in rng.choice(len(EVENT_DETAILS), size=2, replace=False):
                sents.append(EVENT_DETAILS[int(d)].format(k=int(rng.integers(2, 9))))
        else:
            title = TITLES_NEWS[int(rng.integers(0, len(TITLES_NEWS)))]
        if not event and rng.random() < mention_share:
            for _ in range(int(rng.integers(1, 3))):
                sents.append(MENTIONS[int(rng.integers(0, len(MENTIONS)))].format(n=int(rng.integers(2, 900))))
        length = sum(len(s) + 1 for s in sents)
        while length < target:
            s = NEWS[int(rng.integers(0, len(NEWS)))].format(
                city=cities[int(rng.integers(0, len(cities)))][0], n=int(rng.integers(2, 900)))
            sents.append(s)
            length += len(s) + 1
        # an event leads its article; everything else comes in any order
        body = sents if event else [str(x) for x in rng.permutation(np.array(sents, dtype=object))]
        paragraphs, para = [], []
        for s in body:
            para.append(s)
            if len(para) >= int(rng.integers(2, 5)):
                paragraphs.append(" ".join(para))
                para = []
        if para:
            paragraphs.append(" ".join(para))
        out.append(Article(f"A{seed}-{i:07d}", title, "\n\n".join(paragraphs), event))
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description="Write N generated cards into an inbox folder.")
    ap.add_argument("inbox", type=Path)
    ap.add_argument("n", type=int)
    ap.add_argument("--periods", nargs="+", default=["2017"])
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    man = generate_inbox(args.inbox, args.n, args.periods, args.seed)
    print(json.dumps({p: asdict(m) for p, m in man.items()}, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
