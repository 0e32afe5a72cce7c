"""Generated sentences of the narrative (the `c.*` variables): the figures of the period said in words,
compared with the previous period and with the other periods the warehouse holds. Every number comes
from `figures`; a comparison whose figures are missing is left out (the sentence still reads)."""
from __future__ import annotations

from assets.report import fmt, labels
from schemas.card import codes_of


def build(b) -> dict[str, str]:
    """b: the period as the report shows it (period_view.PeriodView; prepare.Builder)."""
    ru = b.lang == "ru"
    b.used = set()
    out: dict[str, str] = _Noted(b)
    L = b.lang
    cur = b.period
    prev = b.prev

    def cmp(table: str, row: str, col: str, other: str | None, kind: str = "index") -> str | None:
        """'на 30% меньше, чем в 2016 году' / '30% lower than in 2016' (sql/report/figure_changes.sql)."""
        if other is None:
            return None
        comparison = b.comparison(table, row, col, other)
        c = fmt.change(*comparison, L, kind) if comparison else None
        if c is None:
            return None
        if c in ("на том же уровне", "the same"):
            return f"{c}, что и {fmt.period_in(other, L)}" if ru else f"{c} as {fmt.period_in(other, L)}"
        return f"{c}, чем {fmt.period_in(other, L)}" if ru else f"{c} than {fmt.period_in(other, L)}"

    def was(x, period, col, table: str = "", row: str = "total") -> str:
        """'(в 2016 году — 86,5%)': the previous period's figure as its table shows it (as printed)."""
        shown = b.cell(table, row, col, period) if table else fmt.for_column(col, x, L)
        if ru:
            return f" ({fmt.period_in(period, L)} — {shown})"
        return f" ({shown} {fmt.period_in(period, L)})"

    # ---- general dynamics (Table 2)
    per2 = b.periods_with("2", "count", "total")
    n_cur = b.v("2", "total", "count")
    if len(per2) > 1 and n_cur is not None:
        first = per2[0]
        parts = []
        if ru:
            parts.append(f"Данные хранилища позволяют отследить общую динамику ситуации с мирными собраниями за "
                         f"{fmt.agree(len(per2), 'период')} мониторинга ({first.replace('-', '–')} — {cur}; см. табл. №2).")
        else:
            parts.append(f"The warehouse holds {len(per2)} monitoring periods ({first.replace('-', '–')} to {cur}; see Table 2).")
        p_prev = b.v("2", "total", "count", prev) if prev else None
        c = cmp("2", "total", "count", prev)  # English: "the number … is 40% lower", never "is 40% fewer"
        if c:
            parts.append(f"Количество мирных собраний — {fmt.count(n_cur, L)}, {c} ({fmt.count(p_prev, L)})." if ru else
                         f"The number of assemblies, {fmt.count(n_cur, L)}, is {c} ({fmt.count(p_prev, L)}).")
        elif p_prev and not n_cur:  # none this period: the previous count beside it, no "на 100% меньше"
            parts.append(f"Количество мирных собраний — 0{was(p_prev, prev, 'count', '2')}." if ru else
                         f"The number of assemblies was 0{was(p_prev, prev, 'count', '2')}.")
        peak = b.peak_period("2", "total", "count", per2)
        if peak not in (cur, prev):
            pk = b.v("2", "total", "count", peak)
            comparison = b.comparison("2", "total", "count", peak)
            c = fmt.change(*comparison, L, "count") if comparison else None
            if c:
                parts.append(f"Наибольшее число собраний — {fmt.count(pk, L)} — было {fmt.period_in(peak, L)}; с тех пор "
                             f"количество собраний стало {c}." if ru else
                             f"The most, {fmt.count(pk, L)}, were recorded {fmt.period_in(peak, L)}; this period had {c}.")
            else:  # no comparison to say (none this period): the peak alone
                parts.append(f"Наибольшее число собраний — {fmt.count(pk, L)} — было {fmt.period_in(peak, L)}." if ru else
                             f"The most, {fmt.count(pk, L)}, were recorded {fmt.period_in(peak, L)}.")
        out["general_dynamics"] = " ".join(parts)
    else:
        out["general_dynamics"] = ("Данных за прошлые периоды в хранилище нет, поэтому динамику по годам проследить нельзя."
                                   if ru else "The warehouse holds no earlier period, so there is no comparison by year.")

    # ---- activity index (Table 3)
    idx = b.v("3", "total", "activity_index")
    if idx is not None:
        s = (f"{fmt.period_in(cur, L).capitalize()} «индекс митинговой активности» (мирных собраний в месяц) равнялся "
             f"{fmt.number(idx, 1, L)}" if ru else
             f"{fmt.period_in(cur, L).capitalize()} the activity index (assemblies per month) was {fmt.number(idx, 1, L)}")
        c = cmp("3", "total", "activity_index", prev)
        if c:
            s += f", что {c}" if ru else f", {c}"
        elif prev and not idx and b.v("3", "total", "activity_index", prev):  # fallen to 0: the previous index beside it
            s += was(None, prev, "activity_index", "3")
        per3 = b.periods_with("3", "activity_index", "total")
        if len(per3) > 1:
            peak = b.peak_period("3", "total", "activity_index", per3)
            if peak == cur:
                s += ("; это наивысшее значение за все периоды мониторинга" if ru else "; the highest of all periods")
            elif peak != prev and (c := cmp("3", "total", "activity_index", peak)):
                s += (f", и {c}, когда этот индекс был наивысшим ({fmt.number(b.v('3', 'total', 'activity_index', peak), 1, L)})"
                      if ru else f", and {c}, when it was highest ({fmt.number(b.v('3', 'total', 'activity_index', peak), 1, L)})")
        out["activity"] = s + "."
    else:
        out["activity"] = ""

    # ---- cities (Tables 1 and 3)
    cities = [r for r in b.cities_over("1", "count", [cur]) if b.v("1", r, "count")]
    total = b.v("1", "total", "count") or 0
    tied = [r for r in cities if b.v("1", r, "count") == b.v("1", cities[0], "count")] if cities else []
    if len(tied) > 1:  # a tie is said as a tie: no city is "highest" or "second" over another with as many
        out["cities"] = _tied_cities(b, tied, cities, total)
    elif len(cities) == 1:  # one city: no ranking ("highest", "100% of all") among one
        out["cities"] = _one_city(b, cities[0], prev, cmp)
    elif cities:
        top = cities[0]
        name = labels.row(top, L, "city")
        n, sh = b.v("1", top, "count"), b.v("1", top, "share_pct")
        frac = fmt.fraction_phrase(sh, L)
        if ru:
            s = (f"Самая высокая митинговая активность зафиксирована в городе {name} — "
                 f"{fmt.agree(n, 'мирное собрание')}, {fmt.pct(sh, L)} от общего количества"
                 + (f" (примерно {frac})" if frac else "") + ".")
        else:
            s = (f"Activity was highest in {name}: {fmt.agree(n, 'assembly', 'en', 'assemblies')}, "
                 f"{fmt.pct(sh, L)} of all" + (f" (about {frac})" if frac else "") + ".")
        s += _city_index(b, top, prev, cmp)
        second = [r for r in cities[1:] if b.v("1", r, "count") == b.v("1", cities[1], "count")]
        if len(second) > 1:  # tied for second place: named together, each with its count
            names = _and([labels.row(r, L, "city") for r in second], L)
            n2, sh2 = fmt.count(b.v("1", second[0], "count"), L), fmt.pct(b.v("1", second[0], "share_pct"), L)
            s += (f" На втором месте — {names}: в каждом {n2} ({sh2})." if ru else f" Next come {names}: {n2} ({sh2}) each.")
        else:
            sec = cities[1]
            s += (f" На втором месте — {labels.row(sec, L, 'city')}: {fmt.count(b.v('1', sec, 'count'), L)} "
                  f"({fmt.pct(b.v('1', sec, 'share_pct'), L)})." if ru else
                  f" Next comes {labels.row(sec, L, 'city')}: {fmt.count(b.v('1', sec, 'count'), L)} "
                  f"({fmt.pct(b.v('1', sec, 'share_pct'), L)}).")
        s += _rest_of_cities(b, [top, *second], cities, total)
        out["cities"] = s
    else:
        out["cities"] = ""

    # ---- character (Table 4)
    parts = []
    for k in codes_of("character"):
        n, sh = b.v("4", k, "count"), b.v("4", k, "share_pct")
        if not n:  # a character no assembly had is not listed ("экологическим — 0 (0%)")
            continue
        parts.append((k, n, sh))
    if parts:
        if ru:
            head, *tail = parts
            s = (f"{fmt.period_in(cur, L).capitalize()} {labels.grammar('character_dat_pl', head[0], L)} темам было посвящено "
                 f"{fmt.agree(head[1], 'собрание')} ({fmt.pct(head[2], L)})")
            s += "".join(f", {labels.grammar('character_dat_pl', k, L)} — {fmt.count(n, L)} ({fmt.pct(sh, L)})" for k, n, sh in tail)
        else:
            s = f"{fmt.period_in(cur, L).capitalize()}, " + ", ".join(
                f"{fmt.count(n, L)} ({fmt.pct(sh, L)}) {fmt.verb(n, 'was', 'were', L)} {labels.grammar('character_gen_pl', k, L)}"
                for k, n, sh in parts)
        s += "."
        main = max(parts, key=lambda t: t[2] or 0)[0]
        pv = b.v("4", main, "share_pct", prev) if prev else None
        c = fmt.share_change(b.v("4", main, "share_pct"), pv, L)
        if c:
            s += (f" По сравнению {fmt.period_with(prev, L)} доля {labels.grammar('character_gen_pl', main, L)} собраний {c}."
                  if ru else f" Compared {fmt.period_with(prev, L)}, the share of {labels.grammar('character_gen_pl', main, L)} assemblies {c}.")
        out["character"] = s
    else:
        out["character"] = ""

    # ---- organisers (Tables 5, 6)
    items = [(k, b.v("6", k, "count"), b.v("6", k, "share_pct")) for k in codes_of("organizer_type")]
    items = [t for t in items if t[1]]  # an organiser of no assembly is not listed ("— 0 (0%)")
    if items:
        s = ("Организаторами собраний были: " if ru else "The organisers were: ") + ", ".join(
            f"{_lower_first(labels.code('organizer_type', k, L))} — "
            f"{fmt.count(n, L)} ({fmt.pct(sh, L)})" for k, n, sh in items) + "."
        c = fmt.share_change(b.v("5", "ngo", "share_pct"), b.v("5", "ngo", "share_pct", prev) if prev else None, L)
        if c:
            s += (f" По сравнению {fmt.period_with(prev, L)} доля собраний общественных организаций {c} (см. табл. №5)."
                  if ru else f" Compared {fmt.period_with(prev, L)}, the NGOs' share {c} (Table 5).")
        out["organizers"] = s
    else:
        out["organizers"] = ""

    ind = b.v("6", "individual", "share_pct")
    out["individual_share"] = fmt.pct(ind, L) if ind is not None else "—"

    # ---- forms (Table 7)
    forms = sorted([(r, x) for (t, r, c), x in b.fig.items() if t == "7" and c == "count" and r != "total" and x],
                   key=lambda t: (-t[1], t[0]))
    if forms:
        out["forms"] = _forms(b, forms)
    else:
        out["forms"] = ""

    # ---- law-abidance (Tables 9, 12)
    s_parts = []
    un, tot = b.v("summary", "total", "unsanctioned"), b.v("summary", "total", "assemblies")
    sh9 = b.v("9", "total", "share_pct")
    if un is not None and tot and sh9 is not None and un in (0, tot):  # none or every one unsanctioned: not "0 of 6
        # assemblies were held without permission", "1 из 1 собрания", "6 of 6 assemblies"
        if tot == 1 and un == 0:
            s = (f"Единственное собрание периода прошло с разрешением властей: доля собраний без разрешения — {fmt.pct(sh9, L)}"
                 if ru else f"The period's only assembly was held with permission: {fmt.pct(sh9, L)} without")
        elif tot == 1:
            s = (f"Единственное собрание периода прошло без разрешения властей: {fmt.pct(sh9, L)}" if ru else
                 f"The period's only assembly was held without permission: {fmt.pct(sh9, L)}")
        elif un == 0:
            s = (f"{fmt.all_of(tot, 'собрание')} прошли с разрешением властей: доля собраний без разрешения — "
                 f"{fmt.pct(sh9, L)}" if ru else
                 f"{fmt.all_of(tot, 'assembly', L, 'assemblies')} were held with permission: {fmt.pct(sh9, L)} without")
        else:
            s = (f"{fmt.all_of(tot, 'собрание')} прошли без разрешения властей, то есть {fmt.pct(sh9, L)}" if ru else
                 f"{fmt.all_of(tot, 'assembly', L, 'assemblies')} were held without permission, that is {fmt.pct(sh9, L)}")
        pv = b.v("9", "total", "share_pct", prev) if prev else None
        if pv is not None:
            s += was(pv, prev, "share_pct", "9")
        s_parts.append(s + ".")
    elif un is not None and tot and sh9 is not None:
        s = (f"Без разрешения {fmt.verb(un, 'прошло', 'прошли')} {fmt.count(un, L)} из "
             f"{fmt.agree_case(tot, 'собрание', 'gent')}, то есть {fmt.pct(sh9, L)}" if ru else
             f"{fmt.count(un, L)} of {fmt.agree(tot, 'assembly', L, 'assemblies')} {fmt.verb(un, 'was', 'were', L)} held "
             f"without permission, that is {fmt.pct(sh9, L)}")
        pv = b.v("9", "total", "share_pct", prev) if prev else None
        if pv is not None:
            s += was(pv, prev, "share_pct", "9")
        s_parts.append(s + ".")
    if s_parts:
        mean9 = b.mean_over_periods("9", "share_pct")
        if mean9:
            m, n9 = mean9
            s_parts.append(f"В среднем за {fmt.agree(n9, 'период')} мониторинга без разрешения проводились "
                           f"{fmt.pct(m, L)} собраний (см. табл. №9)." if ru else
                           f"Over {n9} monitoring periods, {fmt.pct(m, L)} of assemblies on average were unsanctioned (Table 9).")
    la = b.v("12", "total", "law_abidance_pct")
    if la is not None:
        s = (f"«Индекс законопослушности» составил {fmt.pct(la, L)}" if ru else f"The law-abidance index was {fmt.pct(la, L)}")
        pv = b.v("12", "total", "law_abidance_pct", prev) if prev else None
        if pv is not None:
            s += was(pv, prev, "law_abidance_pct", "12")
        mean12 = b.mean_over_periods("12", "law_abidance_pct")
        if mean12:
            m = mean12[0]
            s += (f"; в среднем за все периоды — {fmt.pct(m, L)} (см. табл. №12)" if ru else
                  f"; {fmt.pct(m, L)} on average over all periods (Table 12)")
        s_parts.append(s + ".")
    out["law"] = " ".join(s_parts)

    # ---- police (Tables 14, 14-1, 15)
    s_parts = []
    pci_all, pci_u = b.v("14", "total", "police_control_index"), b.v("14-1", "total", "police_control_index")
    if pci_all is not None:
        s = (f"«Индекс полицейского контроля» по всем собраниям составил {fmt.index(pci_all, L)}" if ru else
             f"The police control index over all assemblies was {fmt.index(pci_all, L)}")
        if pci_u is not None:
            s += (f", по несанкционированным — {fmt.index(pci_u, L)} (см. табл. №14-1)" if ru else
                  f", over unsanctioned ones {fmt.index(pci_u, L)} (Table 14-1)")
        s_parts.append(s + ".")
    c = cmp("15", "total", "police_control_index", prev)
    if c:
        s_parts.append(f"Это {c} (см. табл. №15)." if ru else f"That is {c} (Table 15).")
    by_city = [(r, x) for (t, r, col), x in b.fig.items() if t == "14" and col == "police_control_index"
               and not r.startswith("total") and x is not None]
    # the tightest control: a tie (as printed) is named as one; one city, or no police anywhere, is no ranking
    top_x = max((fmt.index(x, L) for r, x in by_city), key=lambda t: float(t.replace(",", "."))) if by_city else None
    tightest = sorted(labels.row(r, L, "city") for r, x in by_city if fmt.index(x, L) == top_x)
    if len(by_city) > 1 and float(top_x.replace(",", ".")) > 0:
        if len(tightest) == len(by_city):
            s_parts.append(f"Во всех городах индекс одинаков — {top_x}." if ru else f"The index was the same in every city, {top_x}.")
        elif len(tightest) > 1:
            s_parts.append(f"Самый плотный контроль — в городах {_and(tightest, L)} (индекс {top_x} в каждом)." if ru else
                           f"Control was tightest in {_and(tightest, L)} (index {top_x} each).")
        else:
            s_parts.append(f"Самый плотный контроль — в городе {tightest[0]} (индекс {top_x})." if ru else
                           f"Control was tightest in {tightest[0]} (index {top_x}).")
    out["police"] = " ".join(s_parts)

    # ---- detentions
    # a share compared with a share: in percentage points ('снизилась с 100% до 0%'), never '100% lower'
    c = fmt.share_change(b.v("summary", "total", "detention_cases_pct"),
                         b.v("summary", "total", "detention_cases_pct", prev) if prev else None, L)
    out["detentions"] = ((f"По сравнению {fmt.period_with(prev, L)} доля собраний с задержаниями {c}." if ru else
                          f"Compared {fmt.period_with(prev, L)}, the share of assemblies with detentions {c}.") if c else "")

    # ---- courts (courts, Table 17)
    s_parts = []
    w, f_, mrp = b.v("courts", "total", "warnings"), b.v("courts", "total", "fines"), b.v("courts", "total", "fine_mrp_total")
    a, days, rel = b.v("courts", "total", "arrests"), b.v("courts", "total", "arrest_days_total"), b.v("courts", "total", "released_without_charge")
    nothing = all(x == 0 for x in (w, f_, a)) and not rel  # no warning, fine or arrest: no sentence of zeros
    if w is not None and not nothing:
        if ru:
            s = (f"В ходе судебного разбирательства предупреждения {fmt.verb(w, 'получил', 'получили')} "
                 f"{fmt.agree(w, 'человек')}, денежные штрафы — "
                 f"{fmt.count(f_, L)} (всего {fmt.count(mrp, L)} МРП), административный арест — {fmt.count(a, L)} "
                 f"(всего {fmt.count(days, L)} сут.).")
            if rel:
                s += f" Задержанных, отпущенных без суда: {fmt.count(rel, L)}."
        else:
            s = (f"The courts warned {fmt.count(w, L)}, fined {fmt.count(f_, L)} ({fmt.count(mrp, L)} MRP in all) and sent "
                 f"{fmt.count(a, L)} to administrative arrest "
                 f"({fmt.agree(days, 'day', 'en') if days is not None else fmt.count(days, L) + ' days'} in all).")
            if rel:
                s += f" {fmt.agree(rel, 'detainee', 'en')} {fmt.verb(rel, 'was', 'were', L)} released without charge."
        s_parts.append(s)
    t17 = b.v("17", "total", "share_pct")
    if t17 == 0:
        s = ("Ни одно несанкционированное собрание не дошло до суда: 0%" if ru else
             "No unsanctioned assembly reached court: 0%")
    elif t17 is not None:
        s = (f"Таким образом, до суда дошли {fmt.pct(t17, L)} несанкционированных собраний" if ru else
             f"So {fmt.pct(t17, L)} of unsanctioned assemblies reached court")
    if t17 is not None:
        pv = b.v("17", "total", "share_pct", prev) if prev else None
        if pv is not None:
            s += was(pv, prev, "share_pct", "17")
        mean17 = b.mean_over_periods("17", "share_pct")
        if mean17:
            m, n17 = mean17
            s += (f"; в среднем за {fmt.agree(n17, 'период')} — {fmt.pct(m, L)} (см. табл. №17)" if ru else
                  f"; {fmt.pct(m, L)} on average over {n17} periods (Table 17)")
        s_parts.append(s + ".")
    out["courts"] = " ".join(s_parts)

    # ---- general statistics (Tables 18, 19)
    s_parts = []
    c = cmp("18", "total", "participants", prev)
    if c:
        s_parts.append(f"Участников было {c} ({fmt.count(b.v('18', 'total', 'participants', prev), L)})." if ru else
                       f"The number of participants was {c} ({fmt.count(b.v('18', 'total', 'participants', prev), L)}).")
    # the mean duration: said by the narrative's duration sentence when the period has it as a text figure
    # (text_figures), once; then not read here either (a figure read here is footnoted on this paragraph)
    if b.fig.get(("summary", "total", "duration_avg_min")) is None:
        da = b.v("19", "total", "duration_avg_min")
        pv = b.v("19", "total", "duration_avg_min", prev) if prev else None
        if da is not None and pv is not None:
            s_parts.append(f"Средняя продолжительность собрания — {fmt.mean(da, L)} мин.{was(pv, prev, 'duration_avg_min', '19')}." if ru else
                           f"The mean duration was {fmt.mean(da, L)} min{was(pv, prev, 'duration_avg_min', '19')}.")
    out["statistics"] = " ".join(s_parts)
    b.used = None
    return dict(out)


class _Noted(dict):
    """Each sentence stored gets the footnotes of the figures read since the previous one."""
    def __init__(self, b):
        super().__init__()
        self.b = b

    def __setitem__(self, key, value):
        if key == "individual_share":  # a bare figure inside a sentence of report/text/: no footnote of its own (the
            self.b.used = set()        # organisers' sentence notes the same figure), and none left for the next one
            super().__setitem__(key, value)
        else:
            super().__setitem__(key, self.b.text_notes(value))


def _and(names: list[str], lang: str) -> str:
    """'Алматы и Астана', 'Алматы, Астана и Шымкент'; 'Almaty and Astana'."""
    word = " и " if lang == "ru" else " and "
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + word + names[-1]


def _tied_cities(b, tied: list[str], cities: list[str], total: float) -> str:
    """The cities sentence when several cities share the highest count: said as a tie, the count and share
    of each, then the other cities together; when every city has as many, said as the same count in each."""
    L, ru = b.lang, b.lang == "ru"
    n, sh = b.v("1", tied[0], "count"), b.v("1", tied[0], "share_pct")
    names = _and([labels.row(r, L, "city") for r in tied], L)
    if len(tied) == len(cities):  # every city has as many: none is "highest", nor is there "the rest"
        return (f"В городах {names} прошло одинаковое число мирных собраний — по {fmt.count(n, L)} "
                f"({fmt.pct(sh, L)} от общего количества)." if ru else
                f"{names} had {fmt.agree(n, 'assembly', 'en', 'assemblies')} each ({fmt.pct(sh, L)} of all).")
    if ru:
        s = (f"Самая высокая митинговая активность зафиксирована сразу в {fmt.agree_case(len(tied), 'город', 'loct')} — "
             f"{names}: в каждом {fmt.agree(n, 'мирное собрание')}, {fmt.pct(sh, L)} от общего количества.")
    else:
        s = (f"{names} shared the highest activity: "
             f"{fmt.agree(n, 'assembly', 'en', 'assemblies')} each, {fmt.pct(sh, L)} of all.")
    return s + _rest_of_cities(b, tied, cities, total)


def _rest_of_cities(b, named: list[str], cities: list[str], total: float) -> str:
    """The cities the sentence did not name, together: "В остальных 3 городах — 5 собраний." The rest and how many
    cities it covers come from sql/report/remainders.sql (`named_remainder`: the total less every city named, the
    whole tie of the first or second place); without that model, from the figures."""
    rem = b.data.remainders.get((b.period, "1", "count"))
    if rem and rem.get("named_rows") == len(named):
        k, rest = rem["named_remainder_rows"], rem["named_remainder"]
    else:
        k = len([r for r in cities if r not in named])
        rest = total - sum(b.v("1", r, "count") or 0 for r in named)
    return other_cities(k, rest, b.lang) if k else ""


def _city_index(b, city: str, prev, cmp) -> str:
    """' В среднем там проходило 1,4 собрания в месяц; индекс активности …' (Table 3)."""
    L, ru = b.lang, b.lang == "ru"
    ci = b.v("3", city, "activity_index")
    if ci is None:
        return ""
    s = (f" В среднем там проходило {fmt.number(ci, 1, L)} собрания в месяц" if ru else
         f" That is {fmt.number(ci, 1, L)} a month")
    c = cmp("3", city, "activity_index", prev)
    return s + (f"; индекс активности {c}." if ru and c else (f"; the index is {c}." if c else "."))


def _one_city(b, city: str, prev, cmp) -> str:
    """Every assembly in one city: said so, never 'highest' or '100% of all' among one."""
    L, ru = b.lang, b.lang == "ru"
    name, n = labels.row(city, L, "city"), b.v("1", city, "count")
    if n == 1:
        s = (f"Единственное мирное собрание периода прошло в городе {name}." if ru else
             f"The period's only assembly was held in {name}.")
    else:
        s = (f"{fmt.all_of(n, 'мирное собрание')} прошли в одном городе — {name}." if ru else
             f"{fmt.all_of(n, 'assembly', 'en', 'assemblies')} were held in one city, {name}.")
    return s + _city_index(b, city, prev, cmp)


# the code `other` ("Другое" / "Other") is no form of its own: said as the forms it stands for, never "the other"
OTHER_FORMS = {"ru": "другие формы", "en": "forms listed as other"}


def _form_name(k: str, L: str) -> str:
    """A form as a sentence names it: its label in lower case ('митинг', 'rally'); `other` as 'другие формы' /
    'forms listed as other'."""
    return OTHER_FORMS[L] if k == "other" else labels.code("form", k, L).lower()


def _forms(b, forms: list[tuple[str, float]]) -> str:
    """The forms sentence (Table 7): the most common form, or the forms tied for it named together, or the one form
    every assembly took; then how many forms were recorded."""
    L, ru = b.lang, b.lang == "ru"
    n = forms[0][1]
    tied = [k for k, x in forms if x == n]
    names = _and([_form_name(k, L) for k in tied], L)
    share = fmt.pct(b.v("7", tied[0], "share_pct"), L)
    other = tied == ["other"]
    if len(forms) == 1:
        if n == 1:
            if other:
                return ("Единственное мирное собрание периода прошло в форме, отмеченной как «другое» (см. табл. №7)." if ru
                        else "The period's only assembly took a form listed as other (Table 7).")
            return (f"Единственное мирное собрание периода прошло в форме «{names}» (см. табл. №7)." if ru else
                    f"The period's only assembly took the form: {names} (Table 7).")
        if other:
            return (f"{fmt.all_of(n, 'мирное собрание')} прошли в формах, отмеченных как «другое» (см. табл. №7)." if ru
                    else f"{fmt.all_of(n, 'assembly', 'en', 'assemblies')} took forms listed as other (Table 7).")
        return (f"{fmt.all_of(n, 'мирное собрание')} прошли в одной форме — {names} (см. табл. №7)." if ru else
                f"{fmt.all_of(n, 'assembly', 'en', 'assemblies')} took one form: {names} (Table 7).")
    recorded = fmt.verb(len(forms), "зафиксирована", "зафиксировано")  # 1, 21 форма
    in_all = (f"всего {recorded} {fmt.agree(len(forms), 'форма')} мирных собраний (см. табл. №7)." if ru else
              f"{fmt.agree(len(forms), 'form', 'en')} {fmt.verb(len(forms), 'was', 'were', L)} recorded in all (Table 7).")
    if len(tied) == len(forms):
        return (f"Формы мирных собраний встречались одинаково часто — {names}: по {fmt.count(n, L)} ({share}) "
                f"(см. табл. №7)." if ru else
                f"The {len(forms)} forms recorded were equally common, {names}: {fmt.count(n, L)} ({share}) each (Table 7).")
    if len(tied) > 1:
        return (f"Самые распространённые формы — {names}: по {fmt.count(n, L)} ({share}); {in_all}" if ru else
                f"The most common forms were {names}: {fmt.count(n, L)} ({share}) each; {in_all}")
    if other:
        return (f"Чаще всего встречались другие формы: {fmt.count(n, L)} ({share}); {in_all}" if ru else
                f"Forms listed as other were the most common: {fmt.count(n, L)} ({share}); {in_all}")
    return (f"Самая распространённая форма — {names}: {fmt.count(n, L)} ({share}); {in_all}" if ru else
            f"The most common form was the {names}: {fmt.count(n, L)} ({share}); {in_all}")


def _lower_first(label: str) -> str:
    """'Стихийные объединения' -> 'стихийные объединения'; abbreviations ('NGOs') stay."""
    return label if label[:2].isupper() else label[:1].lower() + label[1:]


def other_cities(k: int, rest, L: str) -> str:
    """The sentence on the cities not named: "В остальных 3 городах — 5 собраний." / "The other 3 cities had 5."; one
    such city is "ещё одном городе" / "one other city", never "остальных 1 городе" / "the other 1 city"."""
    ru = L == "ru"
    if k == 1:
        return (f" Ещё в одном городе — {fmt.agree(rest, 'собрание')}." if ru else
                f" One other city had {fmt.count(rest, L)}.")
    return (f" В остальных {fmt.agree_case(k, 'город', 'loct')} — {fmt.agree(rest, 'собрание')}." if ru else
            f" The other {fmt.agree(k, 'city', 'en', 'cities')} had {fmt.count(rest, L)}.")
