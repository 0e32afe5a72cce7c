"""The authorities at the assembly: police, prosecutors and the akimat (present, warned, how many),
obstruction, dispersal, their response, the permission asked and its answer, state organisation."""
from __future__ import annotations

import re

from assets.media.event import Event, clean_phrase
from assets.media.text import Sentence

POLICE_RE = re.compile(r"полиц|полицейск|правоохранител|сотрудник\w*\s+(?:овд|рувд|дп)|спецназ|участков\w+ инспектор|"
                       r"полиция\s+қызметкер|полиция", re.I)
POLICE_ABSENT_RE = re.compile(r"(?:полиц\w*|полицейск\w*)\s+(?:\w+\s+){0,4}?(?:не\s+присутствовал\w*|не\s+приезжал\w*|"
                              r"не\s+было|отсутствовал\w*|не\s+прибыл\w*|не\s+появил\w*)|без\s+(?:присутствия\s+)?полиции", re.I)
WARN_RE = re.compile(r"предупреди\w*|предупрежд\w*|предостерег\w*|ескерт", re.I)
PROSECUTOR_RE = re.compile(r"\bпрокурор\w*|(?:представител|сотрудник|работник)\w*\s+(?:\w+\s+)?прокуратур\w*|"
                           r"прокуратур\w+\s+(?:предупредил|вынесл|выдал|объявил)", re.I)
AKIMAT_RE = re.compile(r"(?:представител|сотрудник|работник)\w*\s+(?:\w+\s+)?акимат\w*|заместител\w+\s+акима|"
                       r"\bаким\w?\b(?!ат)(?:\s+(?:города|области|района|сельского|поселка))?(?:\s+\w+)?\s+(?:вышел|приехал|"
                       r"встретил|пообещал|принял|пригласил|подъехал|прибыл)|руководител\w+\s+(?:отдела|управления)|"
                       r"аким\s+сельского\s+округа|әкімдік\s+өкілі|акимат\w*\s+(?:предупредил|вынес)", re.I)
OBSTRUCTION_RE = re.compile(r"(?<!не\s)оттесн\w*|(?<!не\s)помешал\w*|(?<!не\s)препятствовал\w*|не\s+дали|вырвал\w*|"
                            r"отобрал\w*\s+(?:\w+\s+)?(?:плакат|транспарант|флаг)|не\s+пустил\w*|(?<!не\s)оцепил\w*", re.I)
DISPERSAL_RE = re.compile(r"разогнал\w*|разгон\w*|разогнан\w*|силой\s+вытеснил\w*", re.I)
RESPONSE_RE = re.compile(r"пообещал\w*|обещал\w*|заверил\w*|согласил\w*|принял\w*|встретил\w*|рассматрива\w+|"
                         r"пригласил\w*|уәде|кездесіп", re.I)
PERMISSION_RESPONSE_RE = re.compile(r"отказал\w*|разрешил\w*|согласовал\w*", re.I)
GRANTED_RE = re.compile(r"(?<!не\s)согласовал\w*|(?<!не\s)разрешил\w*|разрешени\w+\s+(?:на\s+[\w\s]+?\s+)?(?:\w+\s+){0,3}выдал|"
                        r"\bсогласованн\w+|\bсанкционированн\w+|получил\w*\s+разрешени\w+|(?<!не\s)разрешен\w*", re.I)
REFUSED_RE = re.compile(r"отказал\w*\s+(?:\w+\s+){0,3}в\s+(?:проведении|согласовании)|не\s+разрешил\w*|не\s+согласовал\w*|"
                        r"отказ\w*\s+в\s+(?:проведении|согласовании)", re.I)
OTHER_PLACE_RE = re.compile(r"предложил\w*\s+(?:\w+\s+)?(?:другое|иное|отдаленное)\s+место", re.I)
NOT_APPLIED_RE = re.compile(r"(?:заявк\w+|разрешени\w+)\s+(?:\w+\s+){0,6}?не\s+(?:подавал\w*|запрашивал\w*|получал\w*)|"
                            r"не\s+(?:подавал\w*|запрашивал\w*)\s+(?:\w+\s+){0,4}(?:заявк|разрешени)|без\s+разрешения|"
                            r"не\s+обращал\w*\s+в\s+акимат", re.I)
REASONS = [("expected_refusal", re.compile(r"все\s+равно\s+(?:не\s+разрешат|откажут)|уверены,?\s+что\s+(?:им\s+)?откаж", re.I)),
           ("spontaneous", re.compile(r"спонтанн|стихийн", re.I)),
           ("principled", re.compile(r"принципиальн|не\s+признаю\w*\s+закон|недемократичн\w+\s+закон", re.I)),
           ("unaware", re.compile(r"не\s+знал\w*,?\s+что\s+(?:нужн|необходим|требуется)", re.I))]
STATE_RE = re.compile(r"в\s+поддержку\s+(?:\w+\s+){0,2}(?:президент|послани|решени\w+\s+(?:власт|маслихат|акимат)|"
                      r"правительств|елбас)", re.I)


def fill_authorities(ev: Event, search: list[Sentence]) -> None:
    for s in search:
        t = s.text
        low = t.lower()
        if POLICE_RE.search(low):
            if POLICE_ABSENT_RE.search(low):
                if ev.police_present is None:
                    ev.police_present, ev.evidence["police_present"] = False, t
                    ev.police_count = 0 if ev.police_count is None else ev.police_count
            elif not ev.police_present:
                ev.police_present, ev.evidence["police_present"] = True, t
            if WARN_RE.search(low) and re.search(r"полиц|полицейск", low) and not re.search(r"прокурор", low):
                ev.police_warned, ev.evidence["police_warned"] = True, t
        if PROSECUTOR_RE.search(t):
            ev.prosecutor_present = True
            ev.evidence.setdefault("prosecutor_present", t)
            if WARN_RE.search(low):
                ev.prosecutor_warned, ev.evidence["prosecutor_warned"] = True, t
        if AKIMAT_RE.search(t):
            ev.akimat_present = True
            ev.evidence.setdefault("akimat_present", t)
            if WARN_RE.search(low) and re.search(r"аким", low):
                ev.akimat_warned, ev.evidence["akimat_warned"] = True, t
        if OBSTRUCTION_RE.search(low) and ev.obstruction is None:
            ev.obstruction, ev.evidence["obstruction"] = True, t
        if DISPERSAL_RE.search(low) and ev.dispersal is None:
            ev.dispersal, ev.evidence["dispersal"] = True, t
        if RESPONSE_RE.search(low) and ev.authorities_response is None and re.search(
                r"аким|власт|прокур|руководител|представител|администрац|министр|полиц|әкім", low):
            ev.authorities_response, ev.evidence["authorities_response"] = clean_phrase(t, 300), t
        # permission
        if REFUSED_RE.search(low) and ev.permission_answer is None:
            ev.permission_requested, ev.permission_answer = True, "refused"
            ev.evidence["permission_requested"] = t
        elif OTHER_PLACE_RE.search(low) and ev.permission_answer is None:
            ev.permission_requested, ev.permission_answer = True, "other_place"
            ev.evidence["permission_requested"] = t
        elif NOT_APPLIED_RE.search(low) and ev.permission_requested is None:
            ev.permission_requested = False
            ev.evidence["permission_requested"] = t
        elif GRANTED_RE.search(low) and ev.permission_answer is None and not re.search(r"несанкционир|не\s+был\w*\s+согласован", low):
            ev.permission_requested, ev.permission_answer = True, "granted"
            ev.evidence["permission_requested"] = t
    if ev.authorities_response is None:
        for s in search:
            if PERMISSION_RESPONSE_RE.search(s.text) and re.search(r"аким|власт|прокур", s.text, re.I):
                ev.authorities_response = ev.evidence["authorities_response"] = clean_phrase(s.text, 300)
                break
    if ev.permission_requested is False:
        for s in search:
            for code, rx in REASONS:
                if rx.search(s.text):
                    ev.reason_not_applied, ev.evidence["reason_not_applied"] = code, s.text
                    return
        ev.reason_not_applied = "unknown"



def fill_state_organised(ev: Event, search: list[Sentence]) -> None:
    for s in search:
        if STATE_RE.search(s.text):
            ev.state_organised, ev.evidence["state_organised"] = True, s.text
            break
