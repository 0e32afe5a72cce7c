"""Triage: does an article report a peaceful assembly, or does it only use the words?

Two passes. `quick_pass` is a regular expression over the raw text, cheap enough for every
article: it lets through anything that mentions a form of protest at all. `classify` runs only on
those: it looks, sentence by sentence, for an *event sentence*: a form of assembly (or a gathering
with a protest cue) together with a verb of holding it, in a sentence that is not about a court
case, a law, statistics, entertainment, a corporate or party meeting, or an online campaign.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from assets.media import places
from assets.media.text import Sentence, lemmas, normalise, sentences, yo

QUICK_RE = re.compile(
    r"митинг|пикет|голод|шестви|марш[еаиоуы ]|маршем|флеш-?моб|х[эе]п+енинг|перформанс|перекр[ыо]|прикова|"
    r"кран|протест|забастов|бастую|акци[яиюей]|требова|требу[юе]|наразыл|аштық|шеру|жолды жап|жиналы?[пд]|талап\s+ет",
    re.I,
)

# forms of assembly, by lemma (Russian) or by stem (Kazakh, no morphology)
FORM_LEMMAS = {
    "митинг", "митинговать", "митингующий", "пикет", "пикетчик", "пикетировать", "пикетирование",
    "пикетчица", "голодовка", "голодать", "голодающий", "шествие", "флешмоб", "флеш-моб", "хэппенинг",
    "хеппенинг", "перформанс", "приковать", "приковаться", "приковывать", "забастовка", "бастовать",
}
KK_FORM_RE = re.compile(r"митинг|пикет|аштық|шеру|наразылық", re.I)
KK_EVENT_RE = re.compile(r"шықт|өткізд|жиналд|жариялад|жапт|ұйымдастырд|білдірд|тұрд", re.I)
KK_GATHER_RE = re.compile(r"жиналд|жиналып|шықт|шығып", re.I)
KK_DEMAND_RE = re.compile(r"талап\s+ет|наразылық", re.I)
# the sentence tells of another time: background ("Напомним, в марте прошлого года ...") or a plan
BACKGROUND_RE = re.compile(r"^\s*(?:напомним|ранее|как\s+сообщалось|в\s+прошлом\s+году)|прошлого\s+года|"
                           r"в\s+(?:прошлом|позапрошлом)\s+году", re.I)
PLANNED_RE = re.compile(r"планиру\w*|намерен\w*|собира\w+\s+провести|заявк\w+\s+на\s+проведение|пройд[её]т\b|"
                        r"состоится|проведут|выйдут\b|призыва\w+\s+(?:выйти|прийти)", re.I)
# events abroad: a report from another country is not part of this monitoring
ABROAD_RE = re.compile(r"\b(?:Париж\w*|Франци\w+|Москв\w+|Росси\w+|Киев\w*|Украин\w+|Бишкек\w*|Кыргызстан\w*|"
                       r"Киргизи\w+|Ташкент\w*|Узбекистан\w*|Минск\w*|Беларус\w+|Белорусси\w+|Лондон\w*|Берлин\w*|"
                       r"Германи\w+|США|Вашингтон\w*|Европ\w+|Грузи\w+|Тбилиси|Армени\w+|Ереван\w*|Китае|Пекин\w*|"
                       r"Гонконг\w*|Турци\w+|Стамбул\w*)\b")

EVENT_LEMMAS = {
    "провести", "проводить", "пройти", "проходить", "состояться", "собраться", "собираться", "выйти",
    "выходить", "устроить", "устраивать", "объявить", "объявлять", "организовать", "начать", "продолжить",
    "пикетировать", "приковать", "перекрыть", "взобраться", "залезть", "забраться", "подняться", "стоять",
    "держать", "задержать", "разогнать", "выстроиться", "голодать", "протестовать", "митинговать",
    "участвовать", "прошествовать", "прийти", "продолжаться", "длиться", "отказаться", "бастовать",
    "требовать",
}
GATHER_LEMMAS = {"собраться", "собираться", "выйти", "выстроиться", "прийти", "перекрыть"}
PROTEST_LEMMAS = {"требовать", "требование", "против", "протест", "протестовать", "протестующий", "недовольство",
                  "плакат", "лозунг", "скандировать", "несанкционированный", "транспарант"}

NEGATIVE = {
    "court": ({"суд", "судья", "оштрафовать", "приговор", "приговорить", "обжаловать", "апелляционный",
               "коап", "ходатайство", "заседание", "штраф", "мрп", "виновный", "осудить"}, 2),
    "law": ({"законопроект", "мажилис", "сенат", "депутат", "чтение", "поправка", "закон"}, 2),
    "statistics": ({"индекс", "статистика", "количество", "число", "снизиться", "вырасти", "распространить",
                    "распространенный"}, 2),
    "entertainment": ({"концерт", "зритель", "фестиваль", "марафон", "забег", "бегун", "праздник",
                       "праздничный", "фейерверк", "выступление", "спектакль", "матч", "болельщик"}, 1),
    "corporate": ({"акционер", "дивиденд", "съезд", "делегат", "пленум", "собственник", "кск", "кооператив",
                   "голосование", "голосовать", "отчетность"}, 1),
    "online": ({"instagram", "facebook", "соцсеть", "хэштег", "хештег", "пользователь", "блогер", "публиковать"}, 1),
    "civic": ({"субботник", "волонтер", "уборка", "ремонт", "встреча", "объездной"}, 1),
}
COURT_VERBS = {"оштрафовать", "арестовать", "приговорить", "обжаловать", "признать", "рассмотреть", "осудить"}
POLICE_SUBJECT_RE = re.compile(r"полиц\w*\s+(?:\w+\s+){0,3}перекрыл|перекрыл\w*\s+(?:\w+\s+){0,4}полиц", re.I)
ROADBLOCK_RE = re.compile(r"перекрыл[иа]?\s+(?:[\w-]+\s+){0,6}?(трасс|дорог|проспект|улиц|движени|автодорог|мост|перекрест)"
                          r"|блокиру\w*\s+(?:[\w-]+\s+){0,2}?(движени|трасс|дорог)|перекрыти\w+\s+(?:\w+\s+)?(трасс|дорог)"
                          r"|(трасс|дорог|проспект\w*|улиц|движени)\w*\s+(?:[\w«»\"-]+\s+){0,8}?перекрыл[иа]?\b", re.I)
CRANE_RE = re.compile(r"(взобрал|залез|забрал|поднял|влез)\w*\s+на\s+(?:\w+\s+)?кран", re.I)
ONLINE_RE = re.compile(r"#\w+|соцсет|социальн\w+ сет|instagram|facebook|tiktok", re.I)


@dataclass
class SentenceVerdict:
    index: int
    event: bool
    reasons: list[str] = field(default_factory=list)
    negatives: list[str] = field(default_factory=list)


@dataclass
class TriageResult:
    passed_quick: bool
    is_assembly: bool
    score: float
    reasons: list[str]
    event_sentences: list[int]

    @property
    def label(self) -> str:
        if not self.passed_quick:
            return "no_mention"
        return "assembly" if self.is_assembly else "mention_only"


def quick_pass(text: str) -> bool:
    """First pass, on every article: does it mention any form of protest at all?"""
    return bool(QUICK_RE.search(text))


STRONG_NEGATIVES = {"court", "law", "statistics", "background", "planned"}


def _negatives(lem: set[str], raw: str) -> list[str]:
    out = []
    for name, (words, need) in NEGATIVE.items():
        hits = lem & words
        if name == "court":
            # a sentence about a court case: a court and what it decided
            if ({"суд", "судья"} & lem and (hits & COURT_VERBS or hits & {"штраф", "мрп", "коап", "заседание"})) \
                    or len(hits - {"осудить"}) >= 3:
                out.append(name)
        elif len(hits) >= need or (name == "law" and "законопроект" in hits):
            out.append(name)
    if ONLINE_RE.search(raw) and "online" not in out:
        out.append("online")
    if BACKGROUND_RE.search(raw):
        out.append("background")
    if PLANNED_RE.search(raw):
        out.append("planned")
    return out


def judge_sentence(s: Sentence) -> SentenceVerdict:
    raw = yo(s.text)
    lem = set(lemmas(raw))
    low = raw.lower()
    v = SentenceVerdict(index=s.index, event=False)
    form = bool(lem & FORM_LEMMAS) or bool(re.search(r"флеш-?моб|х[эе]п+енинг|одиночн\w+ пикет|шестви|маршем", low))
    kk = bool(KK_FORM_RE.search(low)) and bool(KK_EVENT_RE.search(low))
    crane = bool(CRANE_RE.search(low))
    roadblock = bool(ROADBLOCK_RE.search(low)) and not POLICE_SUBJECT_RE.search(low) and not re.search(r"был[оа]? перекрыт", low)
    event_verb = bool(lem & EVENT_LEMMAS)
    gather = bool(lem & GATHER_LEMMAS)
    protest = bool(lem & PROTEST_LEMMAS)
    if form and event_verb:
        v.reasons.append("form+verb")
    if kk:
        v.reasons.append("kk form+verb")
    if crane:
        v.reasons.append("crane")
    if roadblock and protest:
        v.reasons.append("road block+protest")
    elif roadblock:
        v.reasons.append("road block")
    if gather and protest and not form:
        v.reasons.append("gathering+protest")
    elif gather and not form:
        v.reasons.append("gathering")
    if KK_GATHER_RE.search(low) and KK_DEMAND_RE.search(low) and not kk:
        v.reasons.append("kk gathering+demand")
    v.negatives = _negatives(lem, raw)
    strong_neg = [n for n in v.negatives if n in STRONG_NEGATIVES]
    weak_neg = [n for n in v.negatives if n not in STRONG_NEGATIVES]
    specific = [r for r in v.reasons if r in ("form+verb", "kk form+verb", "crane", "road block+protest",
                                               "kk gathering+demand")]
    if strong_neg:
        v.event = False
    elif weak_neg:
        # "concert", "meeting", "volunteers": a plain gathering is not an assembly; a named form held
        # in the same sentence still is unless two such words weigh against it
        weak_hits = sum(len(lem & NEGATIVE[n][0]) for n in weak_neg) + (1 if "online" in weak_neg else 0)
        v.event = bool(specific) and weak_hits < 2
    else:
        v.event = bool(v.reasons)
    return v


def classify(title: str, text: str) -> TriageResult:
    """Second pass, on candidates only."""
    full = f"{normalise(title)}\n{normalise(text)}" if title else normalise(text)
    if not quick_pass(full):
        return TriageResult(False, False, 0.0, ["no form of assembly mentioned"], [])
    sents = sentences(full)
    verdicts = [judge_sentence(s) for s in sents]
    events = [v for v in verdicts if v.event]
    # a bare road block ("перекрыли проспект") or gathering ("собираются люди") counts only with a
    # protest cue next to it
    strong = []
    for v in events:
        if set(v.reasons) <= {"road block", "gathering"}:
            near = [w for w in verdicts if 0 < abs(w.index - v.index) <= 2]
            near_protest = any(set(lemmas(sents[w.index].text)) & PROTEST_LEMMAS for w in near)
            if not near_protest:
                continue
        strong.append(v)
    title_neg = verdicts[0].negatives if title and verdicts else []
    need = 2 if title_neg else 1
    is_assembly = len(strong) >= need
    abroad = False
    if is_assembly and not places.find_cities(full) and not places.capital_mentioned(full) \
            and ABROAD_RE.search(full):
        is_assembly, abroad = False, True
    reasons = []
    for v in strong[:3]:
        reasons.append(f"sentence {v.index}: {', '.join(v.reasons)}")
    if title_neg:
        reasons.append(f"title is about: {', '.join(title_neg)}")
    if abroad:
        reasons.append("the event is abroad (no city of Kazakhstan named)")
    skipped = [v for v in verdicts if v.reasons and not v.event]
    for v in skipped[:3]:
        reasons.append(f"sentence {v.index} not counted ({', '.join(v.negatives)})")
    score = min(1.0, len(strong) / 3) if is_assembly else 0.0
    return TriageResult(True, is_assembly, round(score, 2), reasons, [v.index for v in strong])
