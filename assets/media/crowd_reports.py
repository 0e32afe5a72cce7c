"""Head counts as the wider Russian-language press reports them (round 20, the `wide` reporting of assemblies in
Russia, Belarus, Ukraine, Kyrgyzstan, Armenia, Georgia, Moldova): figures that are not the crowd although a person
noun follows them, and phrasings of a stated crowd that the main reading (participants.py) misses.

Figures that are not this crowd (`not_this_figure`):
- a number inside a quoted placard or slogan («"Полтысячи бомжей в Долгопрудном"»);
- victims or an affected population («жертвами махинаций стали не менее 100 тысяч человек»);
- intentions, RSVPs and invitations («подтвердили намерение чуть более 1 тыс.», «согласно опросам в социальных сетях,
  ... более трех тысяч», «число приглашенных»);
- a total over several rallies or a span of dates («В прошедших митингах с 23 января по 14 февраля ... до 500 тысяч»);
- an earlier crowd given for comparison («собрал меньше участников, чем ... (акции собирали 50 000)»);
- people who ended up in police stations («В отделах полиции оказались 79 петербуржцев»);
- those who counted the crowd («Я и ещё 19 активистов ... считали приходящих»).

Sentences of an earlier assembly told after this one (`earlier_assembly_sentences`): «В минувшие выходные прошел
митинг ... Акция собрала около 300 человек» under a single picket held today.
"""
from __future__ import annotations

import re


# a quoted placard, slogan or inscription: the figures inside it are its words
_PLACARD_RE = re.compile(r"(?:плакат|лозунг|транспарант|надпис|баннер|растяжк|гласил|скандир|кричал)\w*[^.!?]{0,60}$", re.I)
# victims, the affected, the deceived: how many suffered, not who came
_VICTIMS_BEFORE_RE = re.compile(r"(?:жертвами|пострадавшими|обманутыми)\s+(?:[\w-]+\s+){0,3}(?:стал[иао]?|оказал\w*)\s+"
                                r"(?:[\w-]+\s+){0,2}$|(?:обманул\w*|пострадал[ио]?)\s+(?:уже\s+)?"
                                r"(?:не\s+менее|более|около|свыше|порядка)?\s*$", re.I)
# intentions, RSVPs, invitations, online polls: how many said they would come
_INTENT_RE = re.compile(r"выразил\w*\s+(?:[\w-]+\s+)?(?:готовность|желание|намерение)|"
                        r"подтвердил\w*\s+(?:сво[её]\s+)?(?:намерение|участие)|рассматрива\w+\s+(?:для\s+себя\s+)?возможность|"
                        r"опрос\w*\s+в\s+социальн\w+\s+сет|разочарование\s+ждет|разочарование\s+ждёт|приглашенн\w+|"
                        r"приглашённ\w+|записал\w*\s+(?:в\s+)?(?:участник|на\s+(?:митинг|акци))", re.I)
# a total over several assemblies or over a span of dates: no one crowd
_MANY_BEFORE_RE = re.compile(r"\b(?:в|на)\s+(?:[\w-]+\s+){0,2}(?:митингах|акциях|протестах|шествиях|маршах|пикетах|"
                             r"манифестациях)\b|\bс\s+\d{1,2}\s+[а-яё]+\s+по\s+\d{1,2}\s+[а-яё]+", re.I)
# an earlier crowd given for comparison: "меньше участников, чем ... (акции собирали 50 000 человек и больше)"
_COMPARED_BEFORE_RE = re.compile(r"(?:меньше|больше|менее|более)\s+(?:участник|людей|человек|народ|протестующ)\w*"
                                 r"[^.!?]{0,20}?,?\s+чем\b", re.I)
# people who ended up in police stations: the detained, not the crowd
_IN_STATIONS_RE = re.compile(r"оказал\w*\s+(?:в\s+)?(?:отдел|отделени|ОВД|автозак|спецприемник|спецприёмник|изолятор|"
                             r"участк)|(?:в|во)\s+(?:[\w-]+\s+)?(?:отдел|отделени|ОВД|автозак)\w*\s+(?:полиции\s+|милиции\s+)?"
                             r"оказал", re.I)
# those who counted ("стояли на рамках и считали приходящих"): a verb of counting after the figure, in its sentence
_COUNTERS_AFTER_RE = re.compile(r"^[^.!?]{0,200}?\b(?:считал[иа]?|подсчитывал[иа]?|пересчитывал[иа]?)\b", re.I)

# an earlier assembly in its own sentence, told after today's: "В минувшие выходные прошел митинг ..."
_EARLIER_START_RE = re.compile(r"^\W*(?:[А-ЯЁA-Z][\w-]*\s+){0,2}?(?:в\s+минувш\w+\s+(?:выходны\w+|суббот\w+|воскресень\w+|"
                               r"пятниц\w+)|на\s+(?:прошлой|позапрошлой)\s+неделе|в\s+прошл\w+\s+(?:суббот\w+|"
                               r"воскресень\w+|выходны\w+|пятниц\w+)|неделей\s+ранее)", re.I)
# the next sentence going on about it: "Акция собрала около 300 человек", "Митинг собрал ..."
_ABOUT_IT_RE = re.compile(r"^\W*(?:акция|митинг|пикет|шествие|марш|протест|мероприятие)\s+(?:собрал|прошл|прошел|прошёл|"
                          r"длил)", re.I)
# today's event: "сегодня", "днем 21 ноября", a present tense of holding
_TODAY_RE = re.compile(r"\bсегодня\b|\bпроходит\b|\bпроходят\b|\bидет\b|\bидёт\b|\bстоит\b|\bстоят\b", re.I)


def _in_quotes(text: str, start: int) -> bool:
    """The position is inside a quotation opened after a placard word: «плакаты: "Полтысячи бомжей ..."»."""
    before = text[:start]
    opened = max(before.rfind("«"), before.rfind('"') if before.count('"') % 2 else -1)
    if opened == -1 or before.rfind("»") > opened:
        return False
    return bool(_PLACARD_RE.search(before[:opened]))


def not_this_figure(text: str, start: int, end: int) -> bool:
    """The figure at [start, end) of the sentence counts someone other than this crowd (see the module doc)."""
    before = text[max(0, start - 80):start]
    if _in_quotes(text, start) or _VICTIMS_BEFORE_RE.search(before):
        return True
    if _INTENT_RE.search(text):
        return True
    if _MANY_BEFORE_RE.search(text[:start]) or _COMPARED_BEFORE_RE.search(text[:start]):
        return True
    if _IN_STATIONS_RE.search(text):
        return True
    if re.match(r"[`'’]\d{3}\b", text[end:]) or re.search(r"\d[`'’]$", text[:start]):
        return True  # "70`110 человек": the thousands of a figure written with a backtick, not 70
    return bool(_COUNTERS_AFTER_RE.match(text[end:]))


def earlier_assembly_sentences(texts: list[str], anchor_pos: int) -> set[int]:
    """Positions (in `texts`) of sentences telling an earlier assembly after today's anchor, and of the sentence right
    after each that goes on about it ("Акция собрала около 300 человек")."""
    if not (0 <= anchor_pos < len(texts)) or not _TODAY_RE.search(" ".join(texts[:anchor_pos + 2])):
        return set()
    out: set[int] = set()
    for k, t in enumerate(texts):
        if k != anchor_pos and _EARLIER_START_RE.search(t):
            out.add(k)
            if k + 1 < len(texts) and _ABOUT_IT_RE.search(texts[k + 1]):
                out.add(k + 1)
    return out


def earlier_assembly_indices(search: list, anchor) -> set[int]:
    """The `index` of each sentence of `search` (text.Sentence) that `earlier_assembly_sentences` finds."""
    pos = next((k for k, x in enumerate(search) if x is anchor), -1)
    return {search[k].index for k in earlier_assembly_sentences([x.text for x in search], pos)}

