"""The city where people gathered: the event sentence, the dateline, the headline, people named by
their city ("уральцы"), then the most mentioned; never a city only named as whose residents they are
or whom they support ("поддержать жителей Жанаозена"), nor a region ("Алматы облысы")."""
from __future__ import annotations

import re

from assets.media import places, region_seat, triage_modes
from assets.media.event import Event
from assets.media.text import Sentence
from assets.media.city_datelines import in_dateline
from assets.media.triage_abroad import FOREIGN_DIVISION_RE, KZ_TOWN_RE


# a place that is no gazetteer city: a village, a settlement, an oil field, a town named as such
# (session 30: or "предприятии города Аксу", a town the gazetteer lacks named in the genitive)
OWN_PLACE_RE = re.compile(places.SETTLEMENT_RE.pattern + r"|\bместорождени\w*\s+«?[А-ЯЁ]|\b(?:в\s+(?:городе|г\.)|города)\s+[А-ЯЁ][\w-]+"
                          r"(?!\w)|\b(?:[А-ЯЁӘҒҚҢӨҰҮҺІ][\w-]+\s+)(?:ауылында|кентінде|кен\s+орнында)")
# (session 24: nor the group they followed, "Вслед за жанаозенцами безработные ... записали видеообращение")
# (session 26: nor the city the police were brought from, "в город прибыли полицейские из Атырау", "которых стянули в
# Кульсары из Атырау")
ORIGIN_BEFORE_RE = re.compile(r"(?:(?:приехавш|прибывш|приехал|прибыл)\w*\s+из|(?:полицейск|силовик|спецназ|"
                              r"сотрудник\w*\s+полиции|нацгвард)\w*\s+из|(?:стянул|стянут|переброс|переброш|прислал|"
                              r"прислан)\w*\s+(?:[\w-]+\s+){0,2}?из|поддерж\w*|солидарн\w*(?:\s+с)?|вслед\s+за|"
                              r"следом\s+за|по\s+примеру)\s+"
                              r"(?:город\w*\s+|г\.\s*)?$", re.I)
# (session 30) a city named in what they support, up to its end ("собрались у областного акимата, чтобы поддержать акции
# протеста, которые начались 2 января в Жанаозене"): the supported place, not theirs
SUPPORTED_BEFORE_RE = re.compile(r"(?:поддержать|в\s+поддержку|поддержал\w*|поддержива\w*|в\s+знак\s+солидарности\s+с|"
                                 r"солидаризир\w*\s+с)\s+(?:[\w-]+\s+){0,2}?(?:акци|протест|митинг|забастов|бастующ|"
                                 r"митингующ|протестующ|голодающ|жител|нефтяник|рабоч|шахт[её]р|земляк)\w*[^.;!?]{0,80}$", re.I)
# (session 39) a place people came from ("из села Кемерши", "из поселка Шубарши"): not where they gathered
FROM_PLACE_RE = re.compile(r"\b(?i:из\s+(?:сел[аоы]?|пос[её]лк[аов]|аул[аов]?|деревн\w*|город[аов]?|г\.))\s+«?[А-ЯЁ][\w-]*")
# the protester named as a resident ("Жительница Кокшетау", "житель Уральска"), not whom they support
RESIDENT_SUBJECT_RE = re.compile(r"\b(?:жител|жительниц|пенсионер\w*\s+из|активист\w*\s+из)\w*\s+(?:город\w*\s+)?$", re.I)
# a place beside the capital ("под столицей", "в пригороде столицы"): not the capital
NEAR_CAPITAL_RE = re.compile(r"(?:близ|под|возле|недалеко\s+от|пригород\w*|окрестност\w+)\s+столиц", re.I)
ADDITIVE_START_RE = re.compile(r"^\W*(?:также|кроме\s+того|ещ[её]|тем\s+временем|помимо\s+этого)\b", re.I)
# a year named with what happened then ("напоминающей 2011 год, когда ... в Жанаозене"): another time
YEAR_WHEN_RE = re.compile(r"(?:19|20)\d\d\s+год\w*,?\s+когда")


# (session 31) Russia's divisions named so, beside China's (triage_abroad.FOREIGN_DIVISION_RE)
RUSSIAN_DIVISION_RE = re.compile(r"Российской\s+Федерации|\bкра[йея]\b", re.I)


def _own_place(text: str) -> bool:
    """A place no gazetteer city, in a sentence that names no city as a place ("бывший поселок Киров в Алматы")."""
    if any(places.hit_role(text, h) == "place" for h in places.find_cities(text)):
        return False
    if FOREIGN_DIVISION_RE.search(text) or RUSSIAN_DIVISION_RE.search(text):
        return False  # (session 31) "в поселке Карагаш в уезде Кульджа Или-Казахского автономного округа": abroad
    if any(not places.find_cities(m.group(0)) for m in OWN_PLACE_RE.finditer(text)):
        return True
    # (session 37) a town of Kazakhstan the gazetteer does not hold, named as where ("в Степногорске объявили забастовку")
    return any(re.search(r"(?<![\w-])(?:[Вв]о?|[Нн]а)\s+$", text[max(0, m.start() - 4):m.start()]) for m in KZ_TOWN_RE.finditer(text))


def _only_its_region(key: str, name: str, sents: list[Sentence]) -> bool:
    """(session 28) The headline's city ("Түркістан: білім күнінде шу шықты") is named in the event sentence and the lead
    only as its region ("Түркістан облысында ауыл тұрғындары", "В Туркестанской области"): the headline names the region,
    not the city."""
    # (session 37: not a road's city, "Жаңаөзен – Ақтау тас жолында", which is no region of the headline's city)
    roles = [places.hit_role(s.text, h) == "region" and not places.on_road(s.text, h)
             for s in sents for h in places.find_cities(s.text) if h.key == key]
    stem = re.escape(name[:max(4, len(name) - 2)])
    adjective = any(re.search(stem + r"\w*ск\w*\s+област", s.text, re.I) for s in sents)
    return (bool(roles) or adjective) and all(roles)


# (session 45) what joins a city to the one before it in a list of supported places ("жителей Жанаозена и Актау")
JOINED_TO_LAST_RE = re.compile(r"^\s*(?:,\s*(?:и|а\s+также)?|и|а\s+также)\s*(?:в\s+|г\.\s*|город\w*\s+)?$", re.I)


def supported(text: str, hit, hits: list) -> bool:
    """The city at `hit` is named in what people support ("в поддержку бастующих в Жанаозене нефтяников"), not where
    they gathered. (session 45) Only the first city of that phrase and the cities listed with it: a second city after
    it, not joined by "и", a comma or "а также", is where the act happened ("В поддержку бастующих в Жанаозене
    нефтяников в Актобе прошел митинг": Aktobe)."""
    window = max(0, hit.start - 100)
    m = SUPPORTED_BEFORE_RE.search(text[window:hit.start])
    if not m:
        return False
    earlier = [o for o in hits if window + m.start() <= o.start and o.end <= hit.start]
    return not earlier or bool(JOINED_TO_LAST_RE.match(text[earlier[-1].end:hit.start]))


# (session 40) the act told "in one's own city" ("в своем городе", "в родном городе", "өз қаласында"): the city of the
# resident the sentence names
OWN_CITY_RE = re.compile(r"\bв\s+(?:сво[её]м\s+(?:родном\s+)?|родном\s+)город\w*|\bөз\s+(?:туған\s+)?қаласында", re.I)


def fill_city(ev: Event, anchor: Sentence, title_s: Sentence | None, search: list[Sentence], dl_city,
              dl_sentence, lead: Sentence | None = None) -> None:
    def place_hits(text: str, role: str = "place") -> list:
        found = places.find_cities(text)
        return [h for h in found if places.hit_role(text, h) == role
                and not (role == "place" and supported(text, h, found))]

    title_keys = [h.key for h in place_hits(title_s.text)] if title_s is not None else []
    city = None
    # (session 21) an event sentence that adds to the headline's ("Также на акцию протеста вышли жители столицы" under
    # "Перед акиматом Алматы собрались несколько десятков человек"): the headline's place is the event's
    additive = bool(title_keys) and bool(ADDITIVE_START_RE.match(anchor.text))
    hs = [] if additive else place_hits(anchor.text)
    # (session 50) the event sentence opens with an agency's dateline and names the place after it ("Астана, 21 Мая 2016,
    # 13:59 — ИА ... полицейские Алма-Аты перекрыли площадь"): the place, not the bureau
    in_dl = [h for h in hs if in_dateline(anchor.text, h.start, mixed=True)]
    if in_dl and len(in_dl) < len(hs):
        hs = [h for h in hs if h not in in_dl]
    # (session 50) an event sentence whose only city is an agency's dateline joined to it ("... жанкүйерлер алаңға жиналды
    # НҰР-СҰЛТАН, 19 маусым – Sputnik."): the bureau's city is not the place; the headline's decides. (Session 51 removed
    # the bureau's city as a last resort after the headline's: no part moved without it, and the only inputs it decided
    # were a headline city the body names as a region beside another city's dateline, where it gave the bureau's city.)
    if in_dl and len(in_dl) == len(hs) and title_keys and not additive:
        hs = []
    if not hs and not additive and not NEAR_CAPITAL_RE.search(anchor.text):
        # the capital named as such, else (session 25) a city named by an epithet in the event sentence or a headline
        # that names no city ("в крупнейшем городе Казахстана")
        if places.capital_mentioned(anchor.text):
            hs = [places.CityHit("astana", 0, 0, "столица")]
        else:
            hs = places.epithet_hits(anchor.text) or (places.epithet_hits(title_s.text) if title_s is not None and not title_keys else [])
    if not hs and not additive and OWN_CITY_RE.search(anchor.text):
        # (session 40) "Жительница Шымкента ... провела сегодня в своем городе одиночную акцию": her own city
        hs = place_hits(anchor.text, "resident")[:1]
    if hs:
        keys = [h.key for h in hs]
        pick = next((k for k in keys if k in title_keys), keys[0]) if len(set(keys)) > 1 else keys[0]
        city = (pick, anchor.text)
    elif not additive and not place_hits(anchor.text):
        # (session 23) "к зданию департамента ... по ЗКО", "облыстық әкімдік алдына" (in the event sentence or the lead):
        # the region's seat
        ctx = " ".join(s.text for s in (title_s, lead) if s is not None)
        # (session 39: not from a sentence that puts people in a town the gazetteer lacks, "Акимат Карагандинской области
        # прокомментировал видео с бастующими шахтерами в Сатпаеве": the region's office, not where they are; a place
        # they came from is not theirs, "В акимат Актюбинской области ... из села Кемерши приехали 12 человек")
        for s in [x for x in (anchor, title_s, lead) if x is not None]:
            if (key := region_seat.seat(s.text, ctx)) and (s is anchor or not place_hits(s.text)) \
                    and not _own_place(FROM_PLACE_RE.sub(" ", s.text)):
                city = (key, s.text)
                break
    # (session 37: not when the event sentence names a place the gazetteer does not hold, "КОКШЕТАУ, 29 мая - ИА ...
    # Рабочие ... в Степногорске объявили забастовку": the agency's bureau, not where people gathered)
    if city is None and dl_city and not _own_place(anchor.text):
        city = (dl_city, dl_sentence)
    if city is None and title_keys and not _only_its_region(title_keys[0], place_hits(title_s.text)[0].text,
                                                            [x for x in (anchor, lead) if x is not None]):
        # (session 28) a headline of two cities ("В Алматы и Нур-Султане проходят митинги"): the one the body tells first
        # ("Несколько десятков человек собрались в Нур-Султане ..."), as its report comes first
        first = next((h.key for s in search if s is not title_s for h in place_hits(s.text) if h.key in title_keys), None) \
            if len(set(title_keys)) > 1 else None
        city = (first or title_keys[0], title_s.text)
    if city is None:
        for s in [anchor] + ([title_s] if title_s is not None else []):
            # (not the people they support: "вышли поддержать жанаозенцев")
            dem = [h for h in places.find_demonyms(s.text) if not ORIGIN_BEFORE_RE.search(s.text[max(0, h.start - 40):h.start])]
            if dem:
                city = (dem[0].key, s.text)
                break
    # the event sentence, the headline or the lead puts people in a place the gazetteer does not hold (a village, a
    # field, a small town: "в селе Жетыбай бастуют нефтяники", "на месторождении Жетыбай", "в городе Шу"): that is the
    # place, and no city named elsewhere in the article (a background, whom they support) replaces it
    # a district of a city ("Бостандыкского района"), then (session 50) a landmark of one city ("Уәлиханов алаңында
    # жүздеген адам жиналды", "у здания Академии наук"), in the event sentence, the headline or the lead
    for find in (places.find_districts, places.find_landmarks):
        if city is None:
            city = next(((hits[0].key, s.text) for s in [anchor, title_s, lead] if s is not None and (hits := find(s.text))),
                        None)
    where = search
    if city is None and any(_own_place(s.text) for s in [anchor, title_s, lead] if s is not None):
        where = []
    # a sentence about another year ("Еще в 2014 году трубу передали в Алматы") does not place the event, nor (session 26)
    # a plan, a threat or a permission ("Теперь они намерены поехать в Астану к премьер-министру"); read once for the
    # three roles below
    placing = ([s for s in where if not triage_modes.OLD_YEAR_RE.search(s.text) and not YEAR_WHEN_RE.search(s.text)
                and triage_modes.sentence_mode(s.text) is None] or where) if city is None else []
    for role in ("place", "demonym", "resident"):
        if city is not None:
            break
        counts: dict[str, tuple[int, str]] = {}
        for s in placing:
            found_hits = places.find_demonyms(s.text) if role == "demonym" else place_hits(s.text, role)
            if role in ("resident", "demonym"):
                # (people who came from a city, or whom they support, are not where the event is: "приехавшие из Астаны")
                found_hits = [h for h in found_hits if not ORIGIN_BEFORE_RE.search(s.text[max(0, h.start - 40):h.start])]
            if role == "place" and found_hits and not NEAR_CAPITAL_RE.search(s.text):
                # "в столице и Алматы": the capital counts beside the city named with it
                found_hits = sorted(found_hits + places.capital_hits(s.text), key=lambda h: h.start)
            if role == "place":
                found_hits = [h for h in found_hits if not in_dateline(s.text, h.start)]
            for h in found_hits:
                c, first = counts.get(h.key, (0, s.text))
                counts[h.key] = (c + 1, first)
        if not counts and role == "resident" and title_s is not None and title_s is not anchor and where:
            # the protester named by her city in the headline ("Жительница Кокшетау, забравшаяся на кран, объявила
            # голодовку"), no place named anywhere: her city
            for h in place_hits(title_s.text, "resident"):
                if RESIDENT_SUBJECT_RE.search(title_s.text[max(0, h.start - 25):h.start]) \
                        or places.group_from(title_s.text[max(0, h.start - 30):h.start]):
                    counts[h.key] = (1, title_s.text)
                    break
        if counts:
            k = max(counts, key=lambda k: counts[k][0])
            city = (k, counts[k][1])
        if role == "demonym" and city is None:
            for s in ([anchor] + where + ([title_s] if title_s else [])) if where else []:
                if places.capital_mentioned(s.text) and not NEAR_CAPITAL_RE.search(s.text):
                    city = ("astana", s.text)
                    break
    if city is None:
        # (session 50) a landmark of one city in a sentence further on that may place the event ("за кинотеатр «Сары-Арка»")
        city = next(((m[0].key, s.text) for s in placing if (m := places.find_landmarks(s.text))), None)
    if city:
        ev.city, ev.evidence["city"] = city
    for s in search:
        st = places.find_settlement(s.text)
        if st:
            ev.settlement, ev.evidence["settlement"] = st[0], s.text
            break
