"""The figures of the narrative (`{{< var s.NAME >}}`): the period's text figures as shown, with a
footnote where the published text gives another, the phrases that agree with them, and the note on
what the period's figures rest on (`basis`)."""
from __future__ import annotations

from assets.core import periods
from assets.report import fmt, labels
from assets.report.period_view import PeriodView

# text figures of the period that a table also holds (the published text may give them differently)
SUMMARY_IN_TABLES = {"police": ("14", "total", "police"), "participants": ("18", "total", "participants"),
                     "detention_cases": ("16", "total", "detention_cases"), "assemblies": ("2", "total", "count"),
                     "duration_avg_min": ("19", "total", "duration_avg_min")}

# Counts the narrative says with a noun (and a verb) after them: `s.<key>_n` is the count as printed with its
# noun agreed (core/plural.py), `s.<key>_verb` the verb agreed with it. A narrative file never types a noun after
# a count variable (tests/test_report_plurals.py reads report/text/ for that). Russian (one, few, many), English
# (one, many).
COUNTED = {
    "detention_cases": (("мирное собрание", "мирных собрания", "мирных собраний"), ("assembly", "assemblies")),
    "detained_persons": (("человек", "человека", "человек"), ("person", "people")),
    "court_cases": (("дело", "дела", "дел"), ("case", "cases")),
    "participants": (("человек", "человека", "человек"), ("person", "people")),
    "participants_excl_sanctioned": (("человек", "человека", "человек"), ("person", "people")),
    "participants_excl_sanctioned_state": (("человек", "человека", "человек"), ("person", "people")),
    "applied": (("случае", "случаях", "случаях"), ("case", "cases")),  # Russian: 'в 1 случае', 'в 5 случаях'
    "police": (("полицейский", "полицейских", "полицейских"), ("police officer", "police officers")),
}
VERBS = {  # (singular, plural) of the verb a narrative file puts before (Russian) or after (English) the count
    "detention_cases": {"ru": ("закончилось", "закончились")},
    "detained_persons": {"ru": ("задержан", "задержано"), "en": ("was", "were")},
    "police": {"ru": ("был задействован", "было задействовано")},
}


def text_variables(b: PeriodView) -> dict:
    """`s`: every text figure any period has (and every one the narrative asks for), "—" where this
    period has none."""
    lang, fig = b.lang, b.fig
    s = {c: x for (t, r, c), x in fig.items() if t == "summary" and r == "total"}
    # a period with published figures only has few text figures: take what the tables give
    if "assemblies" not in s and b.v("2", "total", "count") is not None:
        s["assemblies"] = b.v("2", "total", "count")
    if "cities" not in s and any(t == "2" for (t, _, _) in fig):
        s["cities"] = float(sum(1 for (t, r, c), x in fig.items() if t == "2" and c == "count" and r != "total" and x))
    if "activity_index" not in s and b.v("3", "total", "activity_index") is not None:
        s["activity_index"] = b.v("3", "total", "activity_index")
    # every text figure any period has; "—" where this period has none
    every = {c for f in b.data.figs.values() for (t, r, c) in f if t == "summary" and r == "total"}
    every |= _text_variables()  # and every one the narrative asks for (a warehouse of published periods only)
    sv = {k: "—" for k in every | {"assemblies", "cities"} | set(COUNTED)}
    sv["assemblies_phrase"] = sv["cities_phrase"] = sv["unsanctioned_gen"] = sv["obstructed_gen"] = "—"
    sv.update({k: fmt.for_column(k, x, lang) for k, x in s.items()})
    # a text figure that differs from the one the published text gives: a footnote where it is used
    for k in s:
        b.used = {("summary", "total", k)} | ({SUMMARY_IN_TABLES[k]} if k in SUMMARY_IN_TABLES else set())
        sv[k] = b.text_notes(sv[k])
    b.used = None
    for k, (ru_forms, en_forms) in COUNTED.items():
        sv[f"{k}_n"] = fmt.counted(sv.get(k, "—"), s.get(k), ru_forms if lang == "ru" else en_forms, lang)
    for k, forms in VERBS.items():
        for lg, (one, other) in forms.items():
            if lg == lang:
                sv[f"{k}_verb"] = fmt.verb(s.get(k), one, other, lang)
    # the previous period's mean as its Table 19 shows it, said here once (sentences.py's statistics leave it out)
    before = ""
    if b.prev is not None and b.v("19", "total", "duration_avg_min", b.prev) is not None:
        shown = b.cell("19", "total", "duration_avg_min", b.prev)
        before = f" ({fmt.period_in(b.prev, lang)} — {shown})" if lang == "ru" else f" ({shown} {fmt.period_in(b.prev, lang)})"
    sv["duration_sentence"] = duration_sentence(s, sv, lang, before)
    if "assemblies" in s and "cities" in s:
        if lang == "ru":
            sv["assemblies_phrase"] = fmt.agree(s["assemblies"], "мирное собрание")
            sv["cities_phrase"] = "в " + fmt.agree_case(s["cities"], "город", "loct")
            if "unsanctioned" in s:
                sv["unsanctioned_gen"] = fmt.agree_case(s["unsanctioned"], "несанкционированное собрание", "gent")
                sv["obstructed_gen"] = fmt.agree_case(s.get("obstructed_unsanctioned", 0), "несанкционированная акция", "gent")
        else:
            sv["assemblies_phrase"] = fmt.agree(s["assemblies"], "peaceful assembly", "en", "peaceful assemblies")
            sv["cities_phrase"] = "in " + fmt.agree(s["cities"], "city", "en", "cities")
            if "unsanctioned" in s:
                sv["unsanctioned_gen"] = fmt.agree(s["unsanctioned"], "unsanctioned assembly", "en", "unsanctioned assemblies")
                sv["obstructed_gen"] = fmt.agree(s.get("obstructed_unsanctioned", 0), "unsanctioned assembly", "en",
                                                 "unsanctioned assemblies")
    sv["reaction_unsanctioned"] = reaction_unsanctioned(s, sv, lang)
    sv["courts_heard"] = courts_heard(s, sv, lang)
    sv["detentions_sentence"] = detentions_sentence(s, sv, lang)
    sv["police_sentence"] = police_sentence(s, sv, lang)
    sv["applications_sentence"] = applications_sentence(s, sv, lang)
    return sv


def _bare_zero(s: dict, sv: dict, k: str, lang: str) -> bool:
    """The period's figure k is 0 and printed as a bare 0 (no footnote of a published figure beside it): a sentence
    may say it in words."""
    return s.get(k) == 0 and sv.get(k) == fmt.count(0, lang)


def police_sentence(s: dict, sv: dict, lang: str) -> str:
    """The police counted at the assemblies (report/text/*/police.md); none: said so, never "было задействовано в целом
    0 полицейских, в среднем 0 на одну акцию"."""
    g = lambda k: sv.get(k, "—")  # noqa: E731
    if _bare_zero(s, sv, "police", lang):
        return ("По данным мониторинга, полицейских на мирных собраниях этого периода замечено не было." if lang == "ru" else
                "The monitoring counted no police officers at the assemblies of this period.")
    if lang == "ru":
        return (f"По данным мониторинга, для контроля над мирными собраниями {g('police_verb')} в целом {g('police_n')}, "
                f"в среднем {g('police_per_assembly')} на одну акцию.")
    return f"The monitoring counted {g('police_n')} in all, {g('police_per_assembly')} per assembly on average."


def applications_sentence(s: dict, sv: dict, lang: str) -> str:
    """The applications, refusals, prevented assemblies and preventive detentions (report/text/*/law.md); none applied
    for: said so, never "Заявки на проведение собраний подавались в 0 случаях"; nothing of the rest either: said in
    words, never ": 0; ...: 0; ...: 0"."""
    g = lambda k: sv.get(k, "—")  # noqa: E731
    rest = ("applications_refused", "assemblies_prevented", "preventive_detentions")
    none_applied = _bare_zero(s, sv, "applied", lang)
    if none_applied and all(_bare_zero(s, sv, k, lang) for k in rest):
        return ("Заявок на проведение собраний в этом периоде не подавалось; отказов, недопущенных собраний и превентивных "
                "задержаний не было." if lang == "ru" else
                "No organiser applied for permission in this period; there was no refusal, no assembly prevented and no "
                "preventive detention.")
    if lang == "ru":
        applied = ("Заявок на проведение собраний в этом периоде не подавалось" if none_applied else
                   f"Заявки на проведение собраний подавались в {g('applied_n')}")
        return (f"{applied}, отказов в проведении собраний зафиксировано: {g('applications_refused')}; не допущено "
                f"собраний: {g('assemblies_prevented')}; превентивных задержаний: {g('preventive_detentions')}.")
    applied = ("No organiser applied for permission in this period" if none_applied else
               f"Organisers applied for permission in {g('applied_n')}")
    return (f"{applied}; applications refused: {g('applications_refused')}; assemblies prevented: "
            f"{g('assemblies_prevented')}; preventive detentions: {g('preventive_detentions')}.")


def courts_heard(s: dict, sv: dict, lang: str) -> str:
    """The court cases of the period (report/text/*/courts.md); none: said so, never "рассматривалось 0 дел ...;
    организаторы и участники привлекались к административной ответственности"."""
    if s.get("court_cases") == 0:
        return ("Дел участников несанкционированных мирных собраний в административных судах в этом периоде не было." if lang == "ru"
                else "No case of a participant of an unsanctioned assembly came before the administrative courts in this period.")
    if lang == "ru":
        return (f"В административных судах рассматривалось {sv.get('court_cases_n', '—')} участников несанкционированных мирных "
                "собраний; организаторы и участники привлекались к административной ответственности по статье 488 КоАП "
                "(нарушение порядка проведения мирных собраний).")
    return (f"The administrative courts heard {sv.get('court_cases_n', '—')} of participants of unsanctioned assemblies, under "
            "Article 488 of the Code of Administrative Offences.")


def detentions_sentence(s: dict, sv: dict, lang: str) -> str:
    """The detentions of the period (report/text/*/detentions.md); none: said so, never "Задержаниями участников
    закончились 0 мирных собраний ...; всего задержано 0 человек, из них превентивно — 0"."""
    if s.get("detention_cases") == 0 and s.get("detained_persons") == 0 and not s.get("preventive_detentions"):
        return ("Задержаний участников мирных собраний в этом периоде не было." if lang == "ru" else
                "No participant of an assembly was detained in this period.")
    g = lambda k: sv.get(k, "—")  # noqa: E731
    if s.get("detention_cases") == 0 and s.get("detained_persons") == 0 and s.get("preventive_detentions"):
        # detained only before assemblies that were prevented (events not held count their preventive detentions, the
        # held assemblies' detainees are none): never "всего задержано 0 человек, из них превентивно — 3"
        n = s["preventive_detentions"]
        shown = fmt.counted(g("preventive_detentions"), n, COUNTED["detained_persons"][0 if lang == "ru" else 1], lang)
        return (f"Задержаний участников проведённых мирных собраний в этом периоде не было; превентивно, ещё до начала "
                f"акций, {fmt.verb(n, 'задержан', 'задержано')} {shown}." if lang == "ru" else
                f"No participant of an assembly held was detained in this period; {shown} "
                f"{fmt.verb(n, 'was', 'were', lang)} detained preventively, before an assembly began.")
    none_before = _bare_zero(s, sv, "preventive_detentions", lang)  # "none", never "из них превентивно ... — 0"
    if lang == "ru":
        return (f"Задержаниями участников {g('detention_cases_verb')} {g('detention_cases_n')} ({g('detention_cases_pct')} от "
                f"всех); всего {g('detained_persons_verb')} {g('detained_persons_n')}, "
                + ("превентивных задержаний, ещё до начала акции, не было." if none_before else
                   f"из них превентивно, ещё до начала акции, — {g('preventive_detentions')}."))
    return (f"{g('detention_cases_n')} ({g('detention_cases_pct')} of all) ended with detentions; {g('detained_persons_n')} "
            f"{g('detained_persons_verb')} detained, "
            + ("none of them preventively, before the assembly began." if none_before else
               f"{g('preventive_detentions')} of them preventively, before the assembly began."))


def reaction_unsanctioned(s: dict, sv: dict, lang: str) -> str:
    """The prosecutor and the police at the unsanctioned assemblies (report/text/*/authorities.md), their figures as
    printed (with their footnotes); a period without an unsanctioned assembly says so, never "Of 0 unsanctioned
    assemblies the prosecutor attended 0"."""
    def g(k: str) -> str:
        return sv.get(k, "—")

    if s.get("unsanctioned") == 0:
        dispersed = s.get("dispersed")
        if lang == "ru":
            return "Несанкционированных собраний в этом периоде не было." + (
                f" Разогнано собраний: {g('dispersed')}." if dispersed else "")
        return "No assembly of the period was unsanctioned." + (f" Assemblies dispersed: {g('dispersed')}." if dispersed else "")
    # a zero printed bare (no footnote of a published figure beside it) is said in words: "Прокуратура не присутствовала
    # ни на одном из 4 …", never "присутствовала на 0 и вынесла предупреждения на 0 ... препятствовала проведению 0 ..."
    def none(k: str) -> bool:
        return _bare_zero(s, sv, k, lang)

    present, warned = "prosecutor_present_unsanctioned", "prosecutor_warned_unsanctioned"
    bare = {k: s.get(k) for k in (present, warned, "obstructed_unsanctioned")
            if s.get(k) in (0, 1) and g(k) == fmt.count(s[k], lang)}
    if s.get("unsanctioned") == 1 and len(bare) == 3:  # one: not "Из 1 ... ни на одном из них", "Of 1 ... none"
        return _the_only_unsanctioned(bare[present], bare[warned], bare["obstructed_unsanctioned"], g("dispersed"), lang)
    ru = lang == "ru"
    if none("obstructed_unsanctioned"):
        police = "Полиция не препятствовала ни одному из них" if ru else "The police obstructed none of them"
    else:
        police = f"Полиция препятствовала проведению {g('obstructed_gen')}" if ru else f"The police obstructed {g('obstructed_gen')}"
    dispersed = f"; разогнано собраний: {g('dispersed')}." if ru else f"; assemblies dispersed: {g('dispersed')}."
    if none(present) and none(warned):  # not "Из 4 … не присутствовала ни на одном из них"
        return (f"Прокуратура не присутствовала ни на одном из {g('unsanctioned_gen')}. " if ru else
                f"The prosecutor attended none of the {g('unsanctioned_gen')}. ") + police + dispersed
    if ru:
        prosecutor = (f"прокуратура присутствовала на {g(present)}, но предупреждений не выносила" if none(warned) else
                      f"прокуратура присутствовала на {g(present)} и вынесла предупреждения на {g(warned)}")
        return f"Из {g('unsanctioned_gen')} {prosecutor}. {police}{dispersed}"
    prosecutor = (f"the prosecutor attended {g(present)} and gave no warning" if none(warned) else
                  f"the prosecutor attended {g(present)} and gave warnings at {g(warned)}")
    return f"Of {g('unsanctioned_gen')} {prosecutor}. {police}{dispersed}"


def _the_only_unsanctioned(present: float, warned: float, obstructed: float, dispersed: str, lang: str) -> str:
    """reaction_unsanctioned for a period of one unsanctioned assembly, said of it."""
    if lang == "ru":
        prosecutor = ("прокуратура не присутствовала" if not present and not warned else
                      "прокуратура присутствовала, но предупреждения не выносила" if not warned else
                      "прокуратура вынесла предупреждение")
        police = "препятствовала его проведению" if obstructed else "не препятствовала его проведению"
        return (f"На единственном несанкционированном собрании периода {prosecutor}. Полиция {police}; "
                f"разогнано собраний: {dispersed}.")
    prosecutor = ("the prosecutor was not present" if not present and not warned else
                  "the prosecutor was present and gave no warning" if not warned else "the prosecutor gave a warning")
    police = "obstructed it" if obstructed else "did not obstruct it"
    return f"At the period's only unsanctioned assembly {prosecutor}. The police {police}; assemblies dispersed: {dispersed}."


# "a few long protests raise the mean": said only when the mean is clearly above the median (by a fifth of the
# median and at least LONG_GAP_MIN minutes) and some assembly lasted LONG_MIN minutes or more (summary
# duration_max_min); otherwise the numbers alone.
LONG_MIN, LONG_GAP_MIN, LONG_GAP_SHARE = 60.0, 5.0, 0.2


def long_protests_raise_the_mean(avg: float | None, median: float | None, longest: float | None) -> bool:
    if avg is None or median is None or longest is None:
        return False
    return longest >= LONG_MIN and avg - median >= max(LONG_GAP_MIN, LONG_GAP_SHARE * median)


def duration_sentence(s: dict, sv: dict, lang: str, before: str = "") -> str:
    """The mean and the median duration (as printed, with their footnotes), the previous period's mean (`before`:
    " (в 2017 году — 26)"), and why the mean is higher where the figures say so; '' when the period has no mean
    duration."""
    if s.get("duration_avg_min") is None:
        return ""
    avg, med = sv["duration_avg_min"], sv.get("duration_median_min", "—")
    why = long_protests_raise_the_mean(s.get("duration_avg_min"), s.get("duration_median_min"), s.get("duration_max_min"))
    if lang == "ru":
        return (f"Средняя продолжительность одного мирного собрания составила {avg} мин.{before}, медиана — {med} мин."
                + (": средний показатель завышен несколькими протестными акциями, длившимися часами." if why else ""))
    return (f"The mean duration of an assembly was {avg} min{before}, the median {med} min"
            + (": a few protests that lasted hours raise the mean." if why else "."))


def basis(b: PeriodView) -> str:
    """What the period's figures rest on (config/periods.yaml `basis`: monitors | reconstructed |
    published; before that flag exists: derived figures mean cards, none mean published only)."""
    period = periods.get(b.period)
    derived = any(not b.is_pub(b.period, t) for (t, _, _) in b.fig)
    basis = getattr(period, "basis", None) or ("monitors" if derived else "published")
    text = labels.word(f"basis_{basis}", b.lang)
    if derived and b.data.reconciliation is not None and not b.data.reconciliation.is_empty():
        text += " " + labels.word("div_legend", b.lang)
    return f"::: {{.basis}}\n{text}\n:::\n"


def _text_variables() -> set[str]:
    """The text figures (`{{< var s.NAME >}}`) the narrative of report/text/ refers to."""
    import re

    from core.settings import report_src

    pat = re.compile(r"\{\{<\s*var\s+s\.([\w]+)\s*>\}\}")
    return {m for f in (report_src() / "text").rglob("*.md") for m in pat.findall(f.read_text(encoding="utf-8"))}
