"""The city where people gathered: the event sentence, the dateline, the headline, people named by
their city ("уральцы"), then the most mentioned; never a city only named as whose residents they are
or whom they support ("поддержать жителей Жанаозена"), nor a region ("Алматы облысы")."""
from __future__ import annotations

import re

from assets.media import places, triage
from assets.media.event import Event
from assets.media.text import Sentence


def fill_city(ev: Event, anchor: Sentence, title_s: Sentence | None, search: list[Sentence], dl_city,
              dl_sentence) -> None:
    def place_hits(text: str, role: str = "place") -> list:
        return [h for h in places.find_cities(text) if places.hit_role(text, h) == role]

    title_keys = [h.key for h in place_hits(title_s.text)] if title_s is not None else []
    city = None
    hs = place_hits(anchor.text)
    if not hs and places.capital_mentioned(anchor.text) and not re.search(
            r"(?:близ|под|возле|недалеко\s+от|пригород\w*|окрестност\w+)\s+столиц", anchor.text, re.I):
        hs = [places.CityHit("astana", 0, 0, "столица")]
    if hs:
        keys = [h.key for h in hs]
        pick = next((k for k in keys if k in title_keys), keys[0]) if len(set(keys)) > 1 else keys[0]
        city = (pick, anchor.text)
    if city is None and dl_city:
        city = (dl_city, dl_sentence)
    if city is None and title_keys:
        city = (title_keys[0], title_s.text)
    if city is None:
        for s in [anchor] + ([title_s] if title_s is not None else []):
            dem = places.find_demonyms(s.text)
            if dem:
                city = (dem[0].key, s.text)
                break
    for role in ("place", "demonym", "resident"):
        if city is not None:
            break
        counts: dict[str, tuple[int, str]] = {}
        # a sentence about another year ("Еще в 2014 году трубу передали в Алматы") does not place the event
        for s in [s for s in search if not triage.OLD_YEAR_RE.search(s.text)] or search:
            found_hits = places.find_demonyms(s.text) if role == "demonym" else place_hits(s.text, role)
            if role == "place" and found_hits and not re.search(
                    r"(?:близ|под|возле|недалеко\s+от|пригород\w*|окрестност\w+)\s+столиц", s.text, re.I):
                # "в столице и Алматы": the capital counts beside the city named with it
                found_hits = sorted(found_hits + places.capital_hits(s.text), key=lambda h: h.start)
            for h in found_hits:
                c, first = counts.get(h.key, (0, s.text))
                counts[h.key] = (c + 1, first)
        if counts:
            k = max(counts, key=lambda k: counts[k][0])
            city = (k, counts[k][1])
        if role == "demonym" and city is None:
            for s in [anchor] + search + ([title_s] if title_s else []):
                if places.capital_mentioned(s.text) and not re.search(
                        r"(?:близ|под|возле|недалеко\s+от|пригород\w*|окрестност\w+)\s+столиц", s.text, re.I):
                    city = ("astana", s.text)
                    break
    if city:
        ev.city, ev.evidence["city"] = city
    for s in search:
        st = places.find_settlement(s.text)
        if st:
            ev.settlement, ev.evidence["settlement"] = st[0], s.text
            break
