"""Session 24's classes of sentences and articles that tell an assembly's words but no assembly held here and now (issue
16; found on tests/media/real/fresh7/, opened then, and written as phrasing families of Russian and Kazakh with probes
of the engineer's own in tests/media/test_session24_classes.py):

- `IDIOM_RE`: "пришли к выводу / соглашению / мнению" (they concluded, agreed; Kazakh "келісімге келді",
  "қорытындыға келді"): nobody came anywhere. `triage_sentence.judge_sentence` reads the sentence without them;
- `HABITUAL_RE`, a negative "background": what people do every year or often ("ежегодно проводят митинг", "Бастующие
  нередко требуют", Kazakh "жыл сайын ... өткізеді", "бірнеше жыл қатарынан ... митинг өткізіп келеді"), not what they
  did this time ("Как и каждый год, 16 декабря активисты вышли" tells a holding: a past perfective verb);
- `SANCTIONS_RE`, a negative "court": the police's or a court's sanctions on the people of an earlier gathering
  ("составили 13 протоколов на жителей, перекрывших улицу", "привлекла к административной ответственности жителей,
  которые перекрыли"): the news is the sanctions, the holding its history;

Session 50's classes (found on the holdout's opened half A, written as phrasing families with cases of the engineer's own
in tests/media/test_triage_session50.py):

- `TERM_RE`, a negative "court": days of arrest given or served for a form ("15 суток за несанкционированный митинг уже
  отсидели", "получил десять суток ареста за участие в пикете"): the holding is what they were punished for;
- `SUMMONS_RE`, a negative "court": the police summoning the participants of an earlier action ("в участок начали вызывать
  участников акции", "участникам пикета пришли повестки", Kazakh "акцияға қатысушыларды полицияға шақырды");
- `RIOT_CHARGE_RE` (read by `triage._classify_sentences`): a headline or a lead telling people detained, charged or tried
  for taking part in riots ("задержали за участие в беспорядках", "по статье «Участие в массовых беспорядках»", Kazakh
  "жаппай тәртіпсіздіктерге қатысқаны үшін"), and event sentences that all tell the riot ("во время массовых беспорядков
  ... вместе с участниками митинга ворвались в здание"): a criminal case over riots, no assembly.
"""
from __future__ import annotations

import re

from assets.media.text import contains_any

IDIOM_RE = re.compile(r"\b(?:пришл[иа]?|приш[её]л|прийти|приходят|приходим)\s+к\s+(?:[\w-]+\s+)?(?:выводу|соглашению|мнению|"
                      r"заключению|компромиссу|консенсусу|решению|согласию|пониманию)\b|"
                      r"(?:келісімге|қорытындыға|ортақ\s+шешімге|мәмілеге|уағдаластыққа)\s+келд?\w*", re.I)

_HABIT_ADV = (r"(?:ежегодно|каждый\s+год|из\s+года\s+в\s+год|который\s+год\s+подряд|нередко|как\s+правило|обычно|регулярно|"
              r"периодически|время\s+от\s+времени)")
_HABIT_VERB = (r"(?:проводят|проводит|выходят|выходит|собираются|собирается|проходят|проходит|требуют|требует|устраивают|"
               r"устраивает|бастуют|митингуют|пикетируют|проводили|выходили|собирались|проходили|устраивали|бастовали)")
_KK_HABIT_ADV = r"(?:жыл\s+сайын|жыл\s+қатарынан|әр\s+жылы|үнемі|жиі)"
HABITUAL_RE = re.compile(
    rf"\b{_HABIT_ADV}\s+(?:[\w«»\"-]+\s+){{0,6}}?{_HABIT_VERB}\b|\b{_HABIT_VERB}\s+(?:[\w«»\"-]+\s+){{0,4}}?{_HABIT_ADV}\b|"
    rf"{_KK_HABIT_ADV}\s+(?:[\w«»\"-]+\s+){{0,8}}?(?:өткізеді|өтеді|шығады|жиналады|\w+[ыі]п\s+(?:кел(?:еді|ген|уде)|жүр))|"
    r"(?:митинг|пикет|акция|шеру|ереуіл)\w*\s+(?:[\w-]+\s+)?өткізіп\s+кел(?:еді|ген|уде)", re.I)
HABITUAL_WORDS = ("ежегодно", "каждый год", "из года", "который год", "нередко", "как правило", "обычно", "регулярно",
                  "периодически", "время от", "сайын", "қатарынан", "әр жылы", "үнемі", "жиі", "келеді", "келген", "келуде")

_PEOPLE = (r"(?:участник|жител|активист|пикетчик|митингующ|протестующ|организатор|демонстрант|сельчан|рабоч|водител|"
           r"горожан|бастующ|голодающ)")
_LIABLE = r"привлек\w*\s+к\s+(?:административной\s+|уголовной\s+)?ответственности"
SANCTIONS_RE = re.compile(
    r"(?:составил\w*|составлен\w*)\s+(?:\d+\s+)?(?:[\w-]+\s+){0,2}?протокол\w*\s+(?:[\w-]+\s+){0,3}?на\s+(?:[\w-]+\s+){0,3}?" + _PEOPLE + r"|"
    r"\bна\s+(?:[\w-]+\s+){0,3}?" + _PEOPLE + r"\w*\s+(?:[\w,-]+\s+){0,8}?(?:составил\w*|составлен\w*)\s+(?:\d+\s+)?(?:[\w-]+\s+)?протокол|"
    + _LIABLE + r"\s+(?:[\w-]+\s+){0,4}?" + _PEOPLE + r"|" + _PEOPLE + r"\w*\s+(?:[\w,-]+\s+){0,6}?" + _LIABLE + r"|"
    r"(?:әкімшілік\s+)?жауап(?:кершілік)?ке\s+тарт", re.I)
SANCTIONS_WORDS = ("протокол", "ответственност", "жауап")


_FORM = r"(?:митинг|пикет|акци|шестви|протест|забастовк|голодовк|собрани|демонстраци)"
TERM_RE = re.compile(r"\bсут(?:ок|ки)\s+(?:административного\s+)?(?:ареста\s+)?за\s+(?:участие\s+в\s+|организацию\s+)?(?:[\w-]+\s+){0,2}?"
                     + _FORM + r"|\bотсидел\w*\s+(?:[\w-]+\s+){0,4}?сут(?:ок|ки)\b|\bсут(?:ок|ки)\s+(?:[\w-]+\s+){0,6}?отсидел\w*", re.I)
_POLICE_PLACE = r"(?:полиц|участ(?:ок|ковый)|отдел|допрос|суд|прокуратур|следовател)"
# (the people summoned, not those who call: "жители вызвали полицию" is no summons)
_SUMMONED = (r"(?:участников|жителей|активистов|пикетчиков|митингующих|протестующих|организаторов|демонстрантов|сельчан|"
             r"рабочих|водителей|горожан|бастующих|голодающих)")
SUMMONS_RE = re.compile(
    r"(?:вызыва|вызвал|вызвать)\w*\s+(?:[\w-]+\s+){0,6}?" + _SUMMONED + r"\b|" + _PEOPLE + r"\w*\s+(?:[\w-]+\s+){0,4}?"
    r"(?:были\s+|будут\s+)?вызван\w*|повестк\w*\s+(?:[\w-]+\s+){0,4}?" + _PEOPLE + r"|" + _PEOPLE + r"\w*,?\s+(?:[\w,-]+\s+){0,6}?"
    r"(?:получил\w*|пришл\w*|вручил\w*|вручен\w*)\s+(?:[\w-]+\s+)?повестк|"
    r"(?:қатысушы|белсенді|тұрғын|ереуілші)\w*\s+(?:[\w-]+\s+){0,4}?(?:полиция|сот|прокуратура|тергеуші)\w*\s+(?:[\w-]+\s+)?шақыр", re.I)


RIOT_CHARGE_RE = re.compile(r"(?:за|в)\s+участи[еи]\s+в\s+(?:массовых\s+)?беспорядках|участи\w*\s+в\s+массовых\s+беспорядках|"
                            r"(?:тәртіпсіздік|бейберекеттік)\w*\s+(?:[\w-]+\s+)?қатысқан(?:ы\s+үшін|\s+деп)", re.I)
RIOT_WORD_RE = re.compile(r"беспоряд|погром|мародер|тәртіпсіздік|бейберекеттік", re.I)


def negatives(low: str) -> list[str]:
    """The negatives these classes give a sentence (`low`: lower-cased, ё as е)."""
    out = []
    if contains_any(low, HABITUAL_WORDS) and HABITUAL_RE.search(low):
        out.append("background")
    if contains_any(low, SANCTIONS_WORDS) and SANCTIONS_RE.search(low):
        out.append("court")
    if "сут" in low and TERM_RE.search(low) and "court" not in out:
        out.append("court")
    if contains_any(low, ("вызв", "вызыв", "повестк", "шақыр")) and SUMMONS_RE.search(low) \
            and (re.search(_POLICE_PLACE, low) or "повестк" in low or "шақыр" in low) and "court" not in out:
        out.append("court")
    return out

