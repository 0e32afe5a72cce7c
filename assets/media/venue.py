"""The place within the city where people gathered ("у здания акимата", "на площади Абая")."""
from __future__ import annotations

import re

from assets.media import dates as dates_mod
from assets.media.event import Event, clean_phrase
from assets.media.text import Sentence, parses

PLACE_RE = re.compile(
    r"\b((?:у|возле|около|перед|напротив|на|в|к|рядом\s+с|близ)\s+"
    r"(?:здани\w+|вход\w*|офис\w*|филиал\w*|памятник\w*|площад\w+|сквер\w*|акимат\w*|консульств\w+|посольств\w+|"
    r"забор\w*|ворот\w*|стен\w*|набережн\w+|парк\w*|двор\w+|министерств\w+|суд\w*|прокуратур\w+|банк\w*|"
    r"проспект\w*|улиц\w+|монумент\w*|торгов\w+\s+центр\w*|шахт\w*|трасс\w+|строительн\w+\s+площадк\w+|"
    r"помещени\w+|мажилис\w*|парламент\w*|генеральн\w+\s+консульств\w+|специально\s+отведенн\w+\s+мест\w*)"
    r"(?:[^.;!?()]{0,90}?))(?=[,.;!?()]|\s+(?:и\s+)?(?:требуя|протестуя|чтобы|с\s+требованием|в\s+знак|где|когда|"
    r"однако|после|выступа|собрал|провел|вышл|вышел|держал|скандир)|$)", re.I)
_STOP_POS = {"VERB", "GRND", "PRED", "CONJ", "PRCL"}
# a count of people begins here ("у акимата около 200 жителей", "на улицу более сотни людей"): the place ends before it
_QUANTITY_LEMMAS = {"несколько", "сотня", "десяток", "десятка", "тысяча", "полсотни", "полтысячи", "дюжина"}
# words a place never ends on: an approximation left before the count, or a preposition whose noun was cut off
_APPROX = {"около", "более", "порядка", "свыше", "почти", "примерно", "менее", "приблизительно", "до", "не", "где-то",
           "чуть", "ещё", "еще"}
_TAIL_POS = {"PREP", "CONJ", "PRCL"}
# what people came with or for, after the place ("у акимата с плакатами", "в акимат с просьбой", "в офис банка для
# обсуждения"): the place ends before it
_WITH_LEMMAS = {"плакат", "транспарант", "флаг", "баннер", "лозунг", "требование", "просьба", "петиция", "ребёнок",
                "цветок", "свеча", "портрет", "заявление", "жалоба", "обращение", "пикет", "букет", "шарик", "фотография"}


def _dangling(word: str) -> bool:
    if word[:1].isupper():
        return False  # a name's word ("у памятника Кадыру Мырза Али")
    lw = word.lower()
    if lw in _APPROX:
        return True
    ps = parses(lw)
    return bool(ps) and ps[0].tag.POS in _TAIL_POS


def _came_with(toks: list, k: int) -> bool:
    """toks[k] is "для", or "с"/"со" before (an adjective or participle and) what people came with ("с плакатами",
    "с невидимым баннером", "с просьбой")."""
    lw = toks[k].group(0).lower()
    if lw == "для":
        return True
    if lw not in ("с", "со"):
        return False
    after = [t.group(0).lower() for t in toks[k + 1:k + 3]]
    if not after:
        return False
    first = parses(after[0])
    if any(p.normal_form in _WITH_LEMMAS for p in first[:2]):
        return True
    return len(after) == 2 and bool(first) and first[0].tag.POS in ("ADJF", "PRTF") \
        and any(p.normal_form in _WITH_LEMMAS for p in parses(after[1])[:2])


def trim_place(phrase: str, after: str = "") -> str:
    """Keep the place phrase: stop at a verb, a conjunction, a date, a weekday, "не", a count of people, the subject
    before its verb; at most 9 words; and never end on a preposition or an approximation ("у здания акимата около" →
    "у здания акимата"). `after`: the sentence's text after the phrase (its first word may be the subject's verb)."""
    toks = list(re.finditer(r"«[^»]*»|[^\W\d_]+(?:-[^\W\d_]+)*|\d+", phrase))
    next_word = re.match(r"\W*([^\W\d_]+)", after)
    end = len(phrase)
    for k, m in enumerate(toks):
        w = m.group(0)
        if k >= 9:
            end = m.start()
            break
        if k < 2 or w.startswith("«"):
            continue
        lw = w.lower()
        if w.isdigit() or lw in ("не", "и", "а", "но", "во", "где", "когда", "чтобы", "прибыли") or lw in dates_mod.RU_WEEKDAYS:
            # (session 38: "прибыли" read first as the noun, "к акимату прибыли полицейские")
            end = m.start()
            break
        ps = parses(lw)
        if ps and ps[0].tag.POS in _STOP_POS | {"INFN", "PRTS"} and not w[:1].isupper():
            end = m.start()
            break
        if ps and (ps[0].tag.POS == "NUMR" or ps[0].normal_form in _QUANTITY_LEMMAS) and not w[:1].isupper():
            end = m.start()
            break
        if _came_with(toks, k):
            end = m.start()
            break
        if ps and ps[0].tag.POS == "NOUN" and ("anim" in ps[0].tag or ps[0].normal_form in ("группа", "толпа")) \
                and "nomn" in ps[0].tag and not w[:1].isupper() \
                and not any(c in p.tag for p in ps[:3] for c in ("gent", "datv", "loct", "ablt")):
            end = m.start()  # (session 38) the subject after the place: "у здания посольства в Алматы активистка Ольга"
            break
        following = toks[k + 1].group(0) if k + 1 < len(toks) else next_word.group(1) if next_word else ""
        if ps and not w[:1].isupper() and following:
            # (session 47) a person's noun that may be a nominative, right before a finite verb of its number, is the
            # subject even when it may be a genitive too: "у здания акимата сироты вышли" ("сироты": of an orphan, or
            # orphans)
            subj = next((p for p in ps[:3] if p.tag.POS == "NOUN" and "anim" in p.tag and "nomn" in p.tag), None)
            nxt = parses(following.lower())
            if subj is not None and nxt and nxt[0].tag.POS == "VERB" \
                    and ("plur" in subj.tag) == ("plur" in nxt[0].tag):
                end = m.start()
                break
        if ps and ps[0].tag.POS == "NOUN" and "accs" in ps[0].tag and "gent" not in str(ps[0].tag) and k >= 3 \
                and not w[:1].isupper() and not any("gent" in p.tag or "loct" in p.tag or "ablt" in p.tag for p in ps[:3]):
            end = m.start()
            break
    kept = [m for m in toks if m.end() <= end]
    while len(kept) > 2 and _dangling(kept[-1].group(0)):
        kept.pop()
        end = kept[-1].end()
        while end < len(phrase) and phrase[end] in "\"'»”":
            end += 1  # (the closing quote of a name: 'на площади "Астана" под')
    return clean_phrase(phrase[:end], 120)



def fill_place(ev: Event, search: list[Sentence]) -> None:
    for s in search:
        m = PLACE_RE.search(s.text)
        if m:
            ev.place, ev.evidence["place"] = trim_place(m.group(1), s.text[m.end(1):]), s.text
            break
