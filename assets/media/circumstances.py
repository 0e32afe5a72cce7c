"""Attributes (placards, banners, flags), duration and start time of an assembly."""
from __future__ import annotations

import re

from assets.media.event import Event
from assets.media.numbers import word_number
from assets.media.text import Sentence

ATTRIBUTES = [("placards", re.compile(r"плакат", re.I)), ("banners", re.compile(r"транспарант|баннер|растяжк", re.I)),
              ("leaflets", re.compile(r"листовк", re.I)), ("flags", re.compile(r"\bфлаг", re.I)),
              ("symbols", re.compile(r"символик", re.I))]
DURATION_RES = [
    re.compile(r"(\d+)-минутн", re.I),
    re.compile(r"(?:продолжал\w*|продлил\w*|длил\w*|длящ\w*|в\s+течение|парализован\w*|около|спустя|через)\s+"
               r"(?:около\s+|примерно\s+|всего\s+|порядка\s+)?([\w-]+\s+)?(минут\w*|час\w*|полчаса|полтора\s+часа)", re.I),
]
TIME_RE = re.compile(r"\bв\s+(\d{1,2})[:.](\d{2})\b|\bв\s+(\d{1,2})\s+час\w*\s*(утра|дня|вечера)?|\bв\s+полдень\b", re.I)


def fill_duration(ev: Event, search: list[Sentence]) -> None:
    for s in search:
        m = DURATION_RES[0].search(s.text)
        if m:
            ev.duration_min, ev.evidence["duration_min"] = int(m.group(1)), s.text
            return
        for m in DURATION_RES[1].finditer(s.text):
            num, unit = (m.group(1) or "").strip().lower(), m.group(2).lower()
            if unit == "полчаса":
                minutes = 30
            elif unit.startswith("полтора") or (num == "полтора" and unit.startswith("час")):
                minutes = 90  # (session 47) "продолжалась полтора часа": the number word is read before "часа"
            else:
                n = word_number(num) if num else 1
                if num and n is None:
                    if num in ("час", "часа"):
                        n = 1
                    else:
                        continue
                minutes = (n or 1) * (60 if unit.startswith("час") else 1)
            if re.search(r"акци|митинг|пикет|шестви|флешмоб|продолжал|длил|продлил|разошл|парализован|спустил|голодовк", s.text, re.I):
                ev.duration_min, ev.evidence["duration_min"] = minutes, s.text
                return




def fill_circumstances(ev: Event, search: list[Sentence]) -> None:
    attrs = []
    for code, rx in ATTRIBUTES:
        for s in search:
            if rx.search(s.text):
                attrs.append(code)
                ev.evidence.setdefault("attributes", s.text)
                break
    ev.attributes = ";".join(attrs) or None
    fill_duration(ev, search)
    for s in search:
        m = TIME_RE.search(s.text)
        if m:
            if m.group(1):
                ev.time_start = f"{int(m.group(1)):02d}:{m.group(2)}"
            elif m.group(3):
                h = int(m.group(3)) + (12 if (m.group(4) or "").lower() in ("дня", "вечера") and int(m.group(3)) < 12 else 0)
                ev.time_start = f"{h:02d}:00"
            else:
                ev.time_start = "12:00"
            ev.evidence["time_start"] = s.text
            break
