"""What the assembly was about and who called it: the topic phrase (a demand, "против …", "в
поддержку …"), its character (political / economic / social) and the organiser."""
from __future__ import annotations

import re

from assets.media.event import Event, clean_phrase
from assets.media.text import Sentence, lemmas, parses

TOPIC_RULES = [
    re.compile(r"\b(?:требуя|требуют|требовали|требовал[аи]?|потребовали|требует|выдвинули\s+требование)[\s,]+(.{4,160}?)(?=[.;!?]|,\s+(?:так как|поскольку|а также|после|однако|но)\b|$)", re.I),
    re.compile(r"\bс\s+требовани\w+\s+(.{8,160}?)(?=[.;!?]|$)", re.I),
    re.compile(r"\b((?:в\s+знак\s+протеста\s+)?против(?:,\s+как\s+[^,]+,)?\s+.{6,160}?)(?=[.;!?]|,\s+(?:который|которые|так как|требуя|а\s+также|по\s+делу)\b|$)", re.I),
    re.compile(r"\b(?:выражали|выразили|выражая)\s+недовольство\s+(.{6,160}?)(?=[.;!?]|$)", re.I),
    re.compile(r"\bв\s+знак\s+протеста\s+((?!против).{6,160}?)(?=[.;!?]|$)", re.I),
    re.compile(r"\b(в\s+поддержку\s+.{6,160}?)(?=[.;!?]|,|$)", re.I),
    re.compile(r"\b(?:по\s+поводу|из-за)\s+(.{6,120}?)(?=[.;!?]|,|$)", re.I),
    re.compile(r"\bпосвящ[её]нн\w*\s+(.{6,120}?)(?=[.;!?]|,|$)", re.I),
    re.compile(r"\b(?:талап\s+етті|талап\s+етуде)", re.I),
]
ECONOMIC = {"зарплата", "заработный", "задолженность", "долг", "ипотека", "ипотечный", "ипотечник", "кредит", "банк",
            "тариф", "цена", "рынок", "торговец", "сокращение", "увольнение", "штат", "жилье", "квартира", "дольщик",
            "компенсация", "субсидировать", "субсидия", "налог", "премия", "выплатить", "выплата", "деньги",
            "коммунальный", "тепло", "вода", "зерно", "закупочный", "пенсия", "пенсионный", "снос", "рефинансировать",
            "работа", "место", "жилой", "достроить", "ремонт", "отопление", "газ", "свет"}
POLITICAL = {"выборы", "выбор", "политический", "репрессия", "оппозиция", "оппозиционный", "свобода", "цензура",
             "сми", "президент", "конституция", "земельный", "кодекс", "поправка", "референдум", "политзаключенный",
             "правозащитник", "консульство", "синьцзян", "лагерь", "китай", "демократия", "парламент", "правительство",
             "коррупция", "послание", "власть", "суд", "арест"}
NGO_RE = re.compile(r"(?:партия|партии|движени\w+|объединени\w+|организаци\w+|инициатив\w+|профсоюз\w*|крыл\w+|фонд\w*|"
                    r"союз\w*|ассоциаци\w+|ОСДП|«[^»]{2,40}»)", re.I)
ORGANISER_RE = re.compile(r"организатор\w*|организова\w+|по\s+заявке|инициатор\w*|провел[аи]?\s+(?:партия|движение|объединение)", re.I)
NAMED_ORG_RE = re.compile(r"(?:партия|партии|движени\w+|объединени\w+|организаци\w+|инициатив\w+|крыл\w+|фонд\w*|"
                          r"союз\w*|ассоциаци\w+|профсоюз\w*)\s+«([^»]{2,60})»", re.I)


def trim_topic(phrase: str) -> str:
    """Cut a topic phrase at its first finite verb; drop a lead-in before an infinitive
    ("властей предоставить жилье" -> "предоставить жилье") and "тем, что"."""
    phrase = re.split(r",\s+котор\w+|,\s+по\s+(?:его|ее|её|их)\s+(?:словам|мнению)", phrase.strip())[0]
    clause = re.match(r"^(?:(?:тем|того),?\s+)?(?:что|чтобы)\s+", phrase, flags=re.I)
    if clause:  # a whole subordinate clause is the demand: keep its verbs
        return clean_phrase(phrase[clause.end():])
    phrase = re.sub(r"^против,\s+как\s+[^,]+,\s+", "против ", phrase, flags=re.I)
    toks = list(re.finditer(r"[^\W\d_]+(?:-[^\W\d_]+)*|\d+", phrase))
    for k, m in enumerate(toks[:4]):
        ps = parses(m.group(0).lower())
        if k and ps and ps[0].tag.POS == "INFN":
            phrase = phrase[m.start():]
            toks = list(re.finditer(r"[^\W\d_]+(?:-[^\W\d_]+)*|\d+", phrase))
            break
    for k, m in enumerate(toks):
        if k == 0:
            continue
        ps = parses(m.group(0).lower())
        if ps and ps[0].tag.POS in ("VERB", "GRND") and not re.search("[әғқңөұүһі]", m.group(0).lower()):
            phrase = phrase[:m.start()]
            break
    return clean_phrase(phrase)



def fill_topic(ev: Event, anchor: Sentence, title_s: Sentence | None, search: list[Sentence]) -> None:
    # topic and character
    for s in [anchor] + search + ([title_s] if title_s else []):
        for rx in TOPIC_RULES:
            m = rx.search(s.text)
            if m and m.groups():
                topic = trim_topic(m.group(1))
                if len(topic) < 4:
                    continue
                ev.topic, ev.evidence["topic"] = topic, s.text
                break
            if m:  # Kazakh "талап етті": the clause before it
                clause = re.split(r"[.!?]", s.text[:m.start()])[-1]
                clause = re.sub(r"^\s*(?:Олар|Қатысушылар)\s+", "", clause)
                ev.topic, ev.evidence["topic"] = clean_phrase(clause), s.text
                break
        if ev.topic:
            break
    if not ev.topic and title_s is not None:
        ev.topic, ev.evidence["topic"] = clean_phrase(title_s.text), title_s.text
    topic_lem = set(lemmas((ev.topic or "") + " " + anchor.text))
    if topic_lem & POLITICAL and not (set(lemmas(ev.topic or "")) & ECONOMIC):
        ev.character = "political"
    elif topic_lem & ECONOMIC:
        ev.character = "economic"
    elif topic_lem & POLITICAL:
        ev.character = "political"
    else:
        ev.character = "social"
    ev.evidence["character"] = ev.evidence.get("topic", anchor.text)


def fill_organiser(ev: Event, title_s: Sentence | None, search: list[Sentence]) -> None:
    # organiser
    for s in search + ([title_s] if title_s else []):
        if ORGANISER_RE.search(s.text) and NGO_RE.search(s.text):
            ev.organizer_type, ev.evidence["organizer_type"] = "ngo", s.text
            m = NAMED_ORG_RE.search(s.text)
            if m:
                ev.organizer_name = m.group(1).strip()
                ev.evidence["organizer_name"] = s.text
            break
    if ev.organizer_type is None:
        if ev.form == "single_picket" or ev.participants == 1:
            ev.organizer_type = "individual"
        else:
            ev.organizer_type = "spontaneous"
        ev.evidence["organizer_type"] = "(no organisation named: " + ("one person)" if ev.organizer_type == "individual" else "a group of citizens)")
