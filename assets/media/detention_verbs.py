"""(round 20) Verbs that put people into the police's hands without "задержать", as wider reporting tells them, and
the detentions that are no assembly's: used by detention_patterns.py (DETAIN_RE) and detentions.py.

- sent: "в территориальные отделы полиции доставлены 154", "в автозаки отправлены не менее 30", "отправили в ИВС",
  "в полиции оказались 17 человек", the police's "подвергнуты приводу 134 гражданина" (never "приводу в суд");
- not an assembly's: a raid ("рейд", "облава", "оперативно-профилактическое мероприятие") or one person's criminal
  arrest ("по обвинению в", "по подозрению в", "по делу о") unless the sentence names the assembly's participants.
Plain regular expressions; this module imports nothing of the media package (detention_patterns.py imports it)."""
from __future__ import annotations

import re

_STATION = (r"(?:автозак\w*|отдел\w*\s+(?:полиц|милиц)\w*|овд|ровд|рувд|[гр]?увд|изолятор\w*|ивс|спецпри[её]мник\w*|"
            r"участок|отделени\w+\s+(?:полиц|милиц)\w*|опорн\w+\s+пункт\w*(?:\s+полиц\w*)?)")
SENT_RE = re.compile(
    # the place first, an adjective before it: "в районные отделы полиции (были) доставлены", "в территориальные органы
    # полиции доставлены", "в городские ОВД отправлены"
    r"(?<!\w)во?\s+(?:[\w-]+\s+){1,2}?(?:отдел\w*|орган\w*|управлени\w*|подразделени\w*|участк\w*|отделени\w*)\s+"
    r"(?:внутренних\s+дел|полиции|милиции)\s+(?:[\w-]+\s+){0,3}?(?:доставл|доставил|отправл|отправил|увез|отвез|помещ|"
    r"помести)|"
    # sent to a police vehicle or station: "в автозаки отправлены", "отправила в автозак", "были отправлены в изолятор"
    r"(?:отправл|отправил)\w*\s+(?:[\w-]+\s+){0,4}?во?\s+(?:[\w-]+\s+){0,2}?" + _STATION + r"|"
    r"(?<!\w)во?\s+(?:автозак\w*|изолятор\w*|ивс|спецпри[её]мник\w*)\s+(?:[\w-]+\s+){0,2}?(?:отправл|отправил)\w*|"
    # ended up in the police: "в полиции оказались 11 человек", "в отделе полиции оказались", "оказались в полиции"
    # (not "в полиции оказались бессильны")
    r"(?<!\w)в\s+(?:отдел\w*\s+)?(?:полиции|милиции|овд|ровд|рувд)\s+(?:[\w-]+\s+)?оказал\w*(?!\s+(?:бессильн|не\s+готов|"
    r"неспособн|не\s+в\s+состоянии))|оказал\w*\s+(?:[\w-]+\s+){0,3}?в\s+(?:отдел\w*\s+)?(?:полиции|милиции)\b|"
    # forced delivery, the police's word ("подвергнуты приводу 25 граждан"), never a summons to a court
    r"подвергн\w*\s+(?:[\w-]+\s+){0,2}?привод\w*(?!\s+(?:[\w-]+\s+)?в\s+суд)|"
    # (session 28) held at a police station for hours ("вызвали в опорный пункт полиции, где продержали с девяти вечера до
    # трех ночи", "продержали в отделе полиции до утра")
    r"продержал\w*\s+(?:[\w-]+\s+){0,3}?во?\s+(?:[\w-]+\s+)?" + _STATION + r"|" + _STATION + r"[^.!?]{0,30}?,\s*где\s+"
    r"(?:[\w-]+\s+){0,3}?продержал|"
    # (session 28) taken by the police for a medical check ("Полицейский наряд повез нарушителя ... на освидетельствование")
    r"(?:полицейск|наряд|полици|сотрудник\w*\s+полиц)\w*\s+(?:[\w-]+\s+){0,2}?(?:повез|увез|отвез|доставил|забрал)\w*\s+"
    r"(?:[\w-]+\s+){0,4}?на\s+(?:медицинское\s+)?освидетельствовани", re.I)

# (round 22) Kazakh verbs of seizing other than "ұста-": "он бес адам құрықталды", "полиция бесеуін құрықтады",
# "белсенділер тұтқындалды", "тұтқынға алынды", "үш адам қолға түсті" (a stem; any voice and tense)
KK_SEIZED = r"(?<!\w)құрықта\w*|(?<!\w)тұтқында\w*|(?<!\w)тұтқынға\s+ал\w*|(?<!\w)қолға\s+түс\w*"
KK_SEIZED_RE = re.compile(KK_SEIZED, re.I)
# (session 20) Kazakh "ұста-" after a thing held is holding, not detaining: "«Кетсін» деген жазу ұстап", "плакат ұстады",
# "транспарант ұстаған"; put before "ұста" (one fixed-width look-behind per word form)
_HELD = ("плакат", "плакаттар", "плакаттарын", "плакатын", "жазу", "жазуы", "жазулар", "жазуларын", "транспарант",
         "транспаранттар", "транспарантын", "баннер", "баннерлер", "сурет", "суреттер", "суретін", "суреттерін", "портрет",
         "портретін", "портреттерін", "ту", "туын", "туды", "туларын", "гүл", "гүлдер", "шырақ", "шам", "қағаз", "парақша",
         "аштық", "аштықты", "ораза")  # (s23) "133 жұмысшы аштық ұстап отыр": they keep a hunger strike, none is held
KK_NOT_HELD = "".join(f"(?<!{w} )" for w in _HELD)

# a raid or a police operation: its detained are no assembly's ("В ходе рейда на рынке задержаны 60 мигрантов")
RAID_RE = re.compile(r"(?<!\w)(?:рейд\w*|облав\w*|оперативно-профилактическ\w+|оперативно-розыскн\w+)", re.I)
# one person's criminal arrest ("задержан по подозрению в мошенничестве", "по обвинению в коррупции", "по делу о ...")
CRIMINAL_RE = re.compile(r"по\s+(?:обвинению|подозрению)\s+в\b|по\s+(?:уголовному\s+)?делу\s+о\b|"
                         r"в\s+рамках\s+уголовного\s+дела", re.I)
# the assembly's participants named in the sentence keep it ("участников митинга задержали по подозрению в хулиганстве")
ASSEMBLY_PEOPLE_RE = re.compile(r"участник|митингующ|протестующ|пикетчик|демонстрант|собравш|шестви|митинг[аеу]\b",
                                re.I)


# (session 50) the parties to a fight or a brawl, its suspects: "установлены девять участников драки, восемь из которых
# взяты под стражу", "задержаны зачинщики потасовки" (what the assembly protests, not its participants)
FIGHT_RE = re.compile(r"(?:участник\w*|зачинщик\w*|подозреваем\w*)\s+(?:[\w-]+\s+)?(?:драк|потасовк|поножовщин|"
                      r"убийств|нападени)\w*", re.I)


def not_an_assembly_detention(text: str) -> bool:
    """The sentence's detention is a raid's, a fight's or one person's criminal arrest, not the assembly's."""
    if RAID_RE.search(text) or FIGHT_RE.search(text):
        return True
    return bool(CRIMINAL_RE.search(text) and not ASSEMBLY_PEOPLE_RE.search(text))
