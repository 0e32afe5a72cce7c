"""The triage's reasons as a monitor reads them (session 45). The review workbook's "why it was found" and the
not-an-event list's reason were the rules' own English shorthand — "sentence 2: gathering+protest, crowd at a seat
of power «…»", "sentence 1 not counted (planned) «…»" — which a monitor reading Russian cannot use. `for_monitor`
gives each reason in plain Russian first, the quoted sentence kept, and the shorthand after it in square brackets
(for the English reader, and to find the rule): "предложение 2: люди собрались с протестом; толпа у здания власти
«…» [sentence 2: gathering+protest, crowd at a seat of power]". A reason it has no words for is left as it is.

The stored reasons (`media_articles.triage_reasons`, `monitor extract`'s `triage`) stay the rules' own."""
from __future__ import annotations

import re

# what a sentence did that made it tell an assembly (triage_sentence, triage_in_person.REASONS,
# triage_formless_gatherings.CLASSES); "kk" marks a Kazakh sentence's reading
CUES = {
    "form+verb": "названа форма акции и сказано, что она прошла",
    "kk form+verb": "названа форма акции и сказано, что она прошла (по-казахски)",
    "form+staying": "названа форма акции, люди не расходятся",
    "gathering": "люди собрались",
    "gathering+protest": "люди собрались с протестом",
    "kk gathering+demand": "люди собрались с требованием (по-казахски)",
    "road block": "перекрыли дорогу",
    "road block+protest": "перекрыли дорогу в знак протеста",
    "kk road block by a group": "группа людей перекрыла дорогу (по-казахски)",
    "protesters acting": "протестующие что-то делают",
    "protesters detained": "задержаны протестующие",
    "protesters present": "протестующие на месте",
    "protesters met": "с протестующими встретились",
    "placards": "плакаты",
    "kk placard": "плакат (по-казахски)",
    "banner in public": "баннер или транспарант на людях",
    "crane": "забрались на кран",
    "height": "забрались на высоту",
    "night at a building": "провели ночь у здания",
    "night at a seat of power": "провели ночь у здания власти",
    "camp at a seat of power": "стоят лагерем у здания власти",
    "crowd at a seat of power": "толпа у здания власти",
    "stopped by detentions": "прекращено задержаниями",
    "demand at a building": "требование у здания",
    "demand in person": "пришли требовать лично",
    "protest at a building": "протест у здания",
    "chanting at a building": "скандируют у здания",
    "livestock at a building": "пригнали скот к зданию",
    "before machines": "встали перед техникой",
    "sitting on a road": "сидят на дороге",
    "march by its route": "шествие по маршруту",
    "refusal to go down": "отказываются спускаться",
    "refusing work at the gate": "отказываются работать, стоят у проходной",
    "keeping works from going on": "не дают вести работы",
    "stopped the works": "остановили работы",
    "traders' shutdown": "торговцы закрыли точки",
    "named action": "названа акция",
    "reaction to a protest": "власти ответили на протест",
    "commotion by a group": "группа людей подняла шум",
    "came to complain": "пришли жаловаться",
    "crowd protesting": "множество людей протестовали",
    "came with a complaint": "пришли с жалобой",
    "went to the management": "пошли к руководству",
    "burst into an office": "ворвались в учреждение",
    "occupied a building": "заняли здание",
    "human chain": "живая цепь",
    "brought out into the street": "вывели людей на улицу",
    "gathered to appeal": "собрались, чтобы обратиться",
    "head came out to the crowd": "к собравшимся вышел руководитель",
    "demanding crowd went home": "требовавшие люди разошлись",
    "kk activists at an office": "активисты у учреждения (по-казахски)",
    "kk gathered at an office": "собрались у учреждения (по-казахски)",
    "kk went to complain": "пришли жаловаться (по-казахски)",
    "kk went to support": "пришли поддержать (по-казахски)",
    "kk staying or supporting at a building": "стоят или поддерживают у здания (по-казахски)",
    "kk out before a seat of power": "вышли к зданию власти (по-казахски)",
    "kk video appeal": "видеообращение (по-казахски)",
}
# why a sentence, or the headline, was not counted (triage_cues.NEGATIVE, triage_modes, triage_not_events,
# triage_sentence)
NOT_COUNTED = {
    "": "",
    "background": "рассказ о прошлом",
    "planned": "план или анонс",
    "permission": "разрешение или отказ в нём",
    "threat": "угроза провести акцию",
    "court": "суд",
    "law": "закон",
    "statistics": "статистика",
    "civic": "общественное мероприятие без протеста",
    "corporate": "собрание организации",
    "meeting": "встреча или совещание",
    "entertainment": "развлечение или спорт",
    "celebration": "праздник",
    "online": "в интернете",
    "online form": "форма в интернете",
    "custody": "под стражей",
    "denied": "опровергнуто",
    "traffic": "дорожное движение",
    "diet": "диета",
    "poverty": "бедность",
}
# reasons given whole (triage._classify_sentences, triage.with_site, the quick pass)
WHOLE = {
    "no form of assembly mentioned": "в тексте нет ни одной формы акции",
    "no sentence tells that an assembly was held or is under way":
        "ни одно предложение не говорит, что акция прошла или идёт",
    # (session 48) kept from the learned step
    "the headline or the lead tells a permission, a refusal or a warning":
        "заголовок или первое предложение — о разрешении, отказе в нём или предупреждении",
    "the event is abroad (no city of Kazakhstan named)": "событие за рубежом (город Казахстана не назван)",
    "the event is abroad (a foreign site; nothing of Kazakhstan named)":
        "событие за рубежом (иностранный сайт, о Казахстане ничего)",
    "a celebration or a festive crowd, with no protest named": "праздник или праздничная толпа, протест не назван",
    "every verb of holding is an infinitive (a permission, an intention): nothing told as held":
        "о проведении сказано только в неопределённой форме (разрешение, намерение): ничего не прошло",
    "the state's remembrance day or the ruling party's rally, with no protest named":
        "государственный день памяти или митинг правящей партии, протест не назван",
    "a flash mob of an office, a holiday or the official line, with no protest named":
        "флешмоб учреждения, к празднику или в поддержку официальной линии, протест не назван",
    "an action an office organised or runs as its campaign, with no protest named":
        "акция, которую организовало или проводит учреждение, протест не назван",
    "the article says the protest did not take place": "в статье сказано, что протест не состоялся",
    "a climb with a threat to jump and no protest or demand told: a person in crisis":
        "человек забрался на высоту и угрожает прыгнуть, без протеста и требований: человек в беде",
    "a riot the lead tells (destruction, beatings), no peaceful form named":
        "в начале статьи — беспорядки (погромы, драки), мирная форма не названа",
    "a criminal case over riots the lead tells (participation in riots), no peaceful form told apart":
        "в начале статьи — уголовное дело об участии в беспорядках, мирная форма не отделена",
    "a queue the lead tells: the people gathered are queuing": "в начале статьи — очередь: люди собрались в очередь",
    "the article denies the form it tells (\"никакой забастовки не было\"): others' words":
        "статья опровергает форму, о которой пишет («никакой забастовки не было»): это чужие слова",
    "an announcement (the place, date and time of holding given as its fields): nothing told as held":
        "объявление (место, дата и время указаны как поля): ничего не прошло",
    "the only «акция» is a charity, a sale or a campaign the article names":
        "единственная «акция» — благотворительность, распродажа или кампания",
    "a monitor sent it back from the not-an-event list": "мониторщик вернул его из списка «не событие»",
}
# the fields review_changes.changes names in what changed after a decision
CHANGED_FIELDS = {"date": "дата", "city": "город", "form": "форма", "participants": "участники", "detained": "задержано"}
_SENTENCE = re.compile(r"^sentence (\d+): (.*?) ?(«.*»)?$", re.S)
_NOT_COUNTED = re.compile(r"^sentence (\d+) not counted \((.*?)\) ?(«.*»)?$", re.S)
_NO_CUE = re.compile(r"^sentence (\d+): a gathering or road block with no protest cue near it ?(«.*»)?$", re.S)
_TITLE = re.compile(r"^title is about: (.*)$", re.S)
_LEARNED = re.compile(r"^learned step \((\w+)\): p\(assembly\) = ([\d.]+), the rules said (.*)$", re.S)
_COPY = re.compile(r"^the same event as rejected candidate (\S+)$")
_CHANGED = re.compile(r"^the articles changed after the decision: (.*) — decide again \(a card corrected by hand is kept "
                      r"as it is\)$", re.S)


def split_reasons(text: str) -> list[str]:
    """The reasons of a "; "-joined list, a quoted sentence («…», which may hold "; ") kept whole."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch == "«":
            depth += 1
        elif ch == "»":
            depth = max(0, depth - 1)
        elif ch == ";" and depth == 0 and text.startswith("; ", i):
            out.append(text[start:i])
            start = i + 2
    out.append(text[start:])
    return [r for r in (r.strip() for r in out) if r]


def _words(names: str, table: dict[str, str]) -> str | None:
    parts = [p.strip() for p in names.split(",")] if names.strip() else [""]
    if any(p not in table for p in parts):
        return None
    return "; ".join(w for w in (table[p] for p in parts) if w)


def one(reason: str) -> str:
    """One reason in Russian, its quote kept, the shorthand after it in brackets; unknown: as it is."""
    reason = reason.strip()
    if reason in WHOLE:
        return f"{WHOLE[reason]} [{reason}]"
    m = _NO_CUE.match(reason)
    if m:
        quote = f" {m.group(2)}" if m.group(2) else ""
        return f"предложение {m.group(1)}: люди собрались или перекрыли дорогу, но протест рядом не назван{quote} " \
               f"[sentence {m.group(1)}: a gathering or road block with no protest cue near it]"
    for pattern, table, head in ((_SENTENCE, CUES, "предложение {n}: {w}"),
                                 (_NOT_COUNTED, NOT_COUNTED, "предложение {n} не засчитано ({w})")):
        m = pattern.match(reason)
        if m:
            words = _words(m.group(2), table)
            if words is None:
                return reason
            said = head.format(n=m.group(1), w=words).replace(" ()", "")
            shorthand = reason[:m.start(3)].strip() if m.group(3) else reason
            return f"{said}{' ' + m.group(3) if m.group(3) else ''} [{shorthand}]"
    m = _TITLE.match(reason)
    if m:
        words = _words(m.group(1), NOT_COUNTED)
        return reason if words is None else f"заголовок о другом: {words} [{reason}]"
    m = _LEARNED.match(reason)
    if m:
        said = "акция" if m.group(3) == "assembly" else "не акция"
        return (f"обученная модель изменила решение правил (правила: {said}; вероятность акции {m.group(2)}) "
                f"[{reason}]")
    m = _COPY.match(reason)
    if m:
        return f"то же событие, что отклонённый кандидат {m.group(1)} [{reason}]"
    m = _CHANGED.match(reason)
    if m:
        diff = "; ".join(CHANGED_FIELDS.get(d.split(" ", 1)[0], d.split(" ", 1)[0]) + " " + d.split(" ", 1)[1]
                         if " " in d else d for d in m.group(1).split("; "))
        return (f"статьи изменились после решения: {diff} — решите снова (карточка, исправленная вручную, "
                f"сохраняется) [the articles changed after the decision]")
    return reason


def _tells_an_assembly(reason: str) -> bool:
    return bool(_SENTENCE.match(reason)) and not _NO_CUE.match(reason)


def for_monitor(text: str | None, refused: bool = False) -> str | None:
    """A cell's reasons — lines "URL: reason; reason" or plain reasons — each in Russian with its shorthand, a
    line each ("• …") under its article's address. `refused` (the not-an-event list): what refused the article
    first ("the event is abroad", "title is about: …"), the sentences that told an assembly after it."""
    if text in (None, ""):
        return text
    lines = []
    for line in str(text).split("\n"):
        if _CHANGED.match(line) or _COPY.match(line) or line in WHOLE:  # one reason, whatever "; " it holds
            lines.append(one(line))
            continue
        m = re.match(r"^(https?://\S+?): (.*)$", line, re.S)
        head, body = (m.group(1) + ":", m.group(2)) if m else (None, line)
        parts = split_reasons(body)
        if refused:
            parts = [r for r in parts if not _tells_an_assembly(r)] + [r for r in parts if _tells_an_assembly(r)]
        reasons = [one(r) for r in parts]
        if head is None and len(reasons) == 1:
            lines.append(reasons[0])
        else:
            lines += ([head] if head else []) + [f"• {r}" for r in reasons]
    return "\n".join(lines)
