"""The bundled 2017 example cards reproduce the figures the seed report publishes for 2017.

Expected values are typed here from the seed (../shared/seeds/000_d775fe9d3d1784b6.txt), table by
table, not taken from the pipeline. Where the seed contradicts itself, the test states which printed
figure the example follows and asserts the other one is NOT reproduced (see README, "Example data").
"""
import pytest

from tests.conftest import figures_of, module_root, start_from


@pytest.fixture(scope="module")
def fig(tmp_path_factory, example_2017_run):
    with module_root(tmp_path_factory, "ex2017") as root:
        start_from(root, example_2017_run)  # the warehouse of run_period("2017") on the example cards
        yield figures_of("2017")


def printed(x: float, decimals: int = 0) -> float:
    """A value as the seed prints it (half up)."""
    q = 10 ** decimals
    return int(x * q + 0.5) / q


# Table 1: city -> (count, share as printed, decimals printed); Uralsk is printed "5,5%" (5.56 truncated)
TABLE_1 = {"almaty": (17, 47, 0), "astana": (9, 25, 0), "shymkent": (3, 8, 0), "uralsk": (2, 5.6, 1), "karaganda": (1, 2.8, 1),
           "atyrau": (1, 2.8, 1), "temirtau": (1, 2.8, 1), "semey": (1, 2.8, 1), "taldykorgan": (1, 2.8, 1)}


def test_table_1_cities(fig):
    assert fig[("1", "total", "count")] == 36
    for city, (n, pct, d) in TABLE_1.items():
        assert fig[("1", city, "count")] == n, city
        assert printed(fig[("1", city, "share_pct")], d) == pytest.approx(pct), city
    assert {k[1] for k in fig if k[0] == "1"} == set(TABLE_1) | {"total"}


def test_table_7_and_8_forms(fig):
    # Table 8, 2017 column: counts; Table 7: shares
    forms = {"rally": (6, 17), "picket": (12, 33), "single_picket": (9, 25), "march": (3, 8), "road_block": (3, 8),
             "chaining": (1, 3), "hunger_strike": (1, 3), "crane_climb": (1, 3)}
    for form, (n, pct) in forms.items():
        assert fig[("7", form, "count")] == n, form
        assert fig[("8", form, "count")] == n, form
        assert printed(fig[("7", form, "share_pct")]) == pct, form
    assert fig[("7", "happening", "count")] == 0
    assert fig[("7", "total", "share_pct")] == 100


def test_table_4_character_and_topics(fig):
    assert fig[("4", "political", "count")] == 2
    assert fig[("4", "economic", "count")] == 6
    assert fig[("4", "social", "count")] == 28
    assert printed(fig[("4", "social", "share_pct")]) == 78
    topics = {k[1]: v for k, v in fig.items() if k[0] == "topics"}
    assert sum(v for k, v in topics.items() if k.startswith("social/")) == 28  # "ВСЕГО 28"
    assert sum(v for k, v in topics.items() if k.startswith("economic/")) == 6  # "Всего 6"
    assert topics["social/Протест против несправедливых действий судей"] == 8
    assert topics["social/Протест против строительства автомобильной трассы"] == 2


def test_table_6_organizers_follow_counts_not_the_printed_49(fig):
    assert fig[("6", "ngo", "count")] == 6  # 17% (Tables 5 and 6)
    assert fig[("6", "individual", "count")] == 13  # 36%
    assert fig[("6", "spontaneous", "count")] == 17  # text: 47%; Table 6 prints 49% (sum 102%)
    assert printed(fig[("6", "spontaneous", "share_pct")]) == 47
    assert printed(fig[("5", "ngo", "share_pct")]) == 17


def test_table_11_law_abidance_totals(fig):
    assert fig[("11", "total", "count")] == 36
    assert fig[("11", "total", "unsanctioned")] == 31
    assert fig[("11", "total", "sanctioned")] == 5
    assert printed(fig[("12", "total", "law_abidance_pct")]) == 14  # Table 12: 14%
    # rows that agree with the printed table
    for city, (n, u, s) in {"almaty": (17, 16, 1), "shymkent": (3, 3, 0), "uralsk": (2, 2, 0), "karaganda": (1, 0, 1),
                            "semey": (1, 0, 1), "atyrau": (1, 1, 0)}.items():
        assert (fig[("11", city, "count")], fig[("11", city, "unsanctioned")], fig[("11", city, "sanctioned")]) == (n, u, s), city
    # The printed city rows sum to 30/6, not the 31/5 of the total row, the text and Table 12:
    # three single rows cannot all hold. The example follows the totals.
    printed_rows = {"astana": (7, 2), "temirtau": (1, 0), "taldykorgan": (0, 1)}
    differing = [c for c, (u, s) in printed_rows.items() if (fig[("11", c, "unsanctioned")], fig[("11", c, "sanctioned")]) != (u, s)]
    assert differing == ["astana", "temirtau", "taldykorgan"]


def test_table_10_reasons(fig):
    assert fig[("10", "principled", "share_pct")] == 0  # "-"
    assert printed(fig[("10", "spontaneous", "share_pct")]) == 13
    assert printed(fig[("10", "unknown", "share_pct")]) == 48


def test_table_13_authorities(fig):
    assert fig[("13", "prosecutor", "present")] == 12
    assert fig[("13", "prosecutor", "warned")] == 4
    assert fig[("13", "akimat", "present")] == 5
    assert fig[("13", "akimat", "warned")] == 3
    assert fig[("13", "police", "warned")] == 5
    # printed 41 is more than the 36 assemblies; the example cards say `police_present: true` on 31
    # of them (grep -c over data/example/inbox/cards/2017/*.yaml; the refused record has no such field)
    assert fig[("13", "police", "present")] == 31


def test_table_14_police_control_by_city(fig):
    rows = {"almaty": (491, 41, 0.1), "astana": (138, 49, 0.4), "shymkent": (44, 19, 0.4), "uralsk": (2, 2, 1),
            "karaganda": (1, 0, 0), "temirtau": (1000, 0, 0), "semey": (14, 23, 1.6), "taldykorgan": (1, 0, 0), "atyrau": (6, 0, 0)}
    for city, (p, q, ipc) in rows.items():
        assert fig[("14", city, "participants")] == p, city
        assert fig[("14", city, "police")] == q, city
        assert printed(fig[("14", city, "police_control_index")], 1) == ipc, city
    assert fig[("14", "total", "participants")] == 1697
    # The printed total (104, also in the text) is the unsanctioned assemblies' police (Table 14-1);
    # the city rows add up to 134.
    assert fig[("14", "total", "police")] == 134


def test_table_14_1_and_15(fig):
    assert fig[("14-1", "total", "participants")] == 327
    assert fig[("14-1", "total", "police")] == 104
    assert printed(fig[("14-1", "total", "police_control_index")], 2) == 0.32
    assert printed(fig[("15", "total", "police_control_index")], 2) == 0.32


def test_table_16_detentions(fig):
    for city, (cases, persons) in {"almaty": (3, 3), "astana": (3, 4), "uralsk": (1, 1), "shymkent": (0, 0)}.items():
        assert fig[("16", city, "detention_cases")] == cases, city
        assert fig[("16", city, "detained_persons")] == persons, city
    assert fig[("16", "total", "detention_cases")] == 7
    assert fig[("16", "total", "detained_persons")] == 8
    assert printed(fig[("summary", "total", "detention_cases_pct")], 1) == 19.4  # "8 (19.4%)": 19.4% is 7 of 36


def test_courts(fig):
    c = {k[2]: v for k, v in fig.items() if k[0] == "courts"}
    assert c["court_cases"] == 5
    assert c["warnings"] == 6
    assert c["fines"] == 2 and c["fine_mrp_total"] == 100
    assert c["arrests"] == 1 and c["arrest_days_total"] == 10
    assert c["released_without_charge"] == 4
    assert printed(fig[("17", "total", "share_pct")]) == 16  # Table 17: 16%


def test_table_18_participants(fig):
    assert fig[("18", "total", "participants")] == 1697
    for city, (p, avg) in {"astana": (138, 15), "uralsk": (2, 1), "karaganda": (1, 1), "atyrau": (6, 6),
                           "temirtau": (1000, 1000), "semey": (14, 14), "taldykorgan": (1, 1)}.items():
        assert fig[("18", city, "participants")] == p
        assert printed(fig[("18", city, "participants_avg")]) == avg
    assert fig[("18", "almaty", "participants")] == 491
    assert int(fig[("18", "almaty", "participants_avg")]) == 28  # printed 28 = 491/17 truncated
    assert fig[("18", "total_excl_sanctioned_state", "participants")] == 312  # text and Table 18


def test_table_19_duration(fig):
    rows = {"astana": (205, 23), "shymkent": (55, 18), "uralsk": (25, 12.5), "karaganda": (15, 15), "temirtau": (20, 20),
            "semey": (30, 30), "taldykorgan": (240, 240), "atyrau": (20, 20)}
    for city, (total, avg) in rows.items():
        assert fig[("19", city, "duration_total_min")] == total, city
        assert printed(fig[("19", city, "duration_avg_min")], 1 if avg % 1 else 0) == avg, city
    assert fig[("19", "almaty", "duration_avg_min")] == 18  # printed average; the printed total 880 is not 18 x 17
    assert fig[("19", "total", "duration_median_min")] == 15  # "В среднем же акции длились около 15 минут"


def test_summary(fig):
    s = {k[2]: v for k, v in fig.items() if k[0] == "summary"}
    assert s["assemblies"] == 36 and s["cities"] == 9
    assert s["activity_index"] == 3.0
    assert s["participants"] == 1697
    assert s["participants_excl_sanctioned_state"] == 312
    assert s["unsanctioned"] == 31 and s["applied"] == 5 and s["sanctioned"] == 5
    assert s["obstructed"] == 6  # "полиция препятствовала проведению только 6 акций"
    assert s["court_cases"] == 5
    assert s["political"] == 2 and s["economic"] == 6


# ------------------------------------------------------------------ item 5: what the seed counts besides assemblies held

def test_refused_prevented_and_preventive_are_counted_apart(fig):
    """ОСДП's applications refused in 17 of 18 akimats (lines 672-676) are one record that is no assembly; the
    preventive detention of 1 October in Astana (lines 856-860, 997-1008) is counted; the 36 assemblies held stay 36."""
    assert fig[("summary", "total", "assemblies")] == 36
    assert fig[("1", "total", "count")] == 36 and fig[("1", "almaty", "count")] == 17
    assert fig[("summary", "total", "applications_refused")] == 17
    assert fig[("summary", "total", "preventive_detentions")] == 1
    assert fig[("summary", "total", "assemblies_prevented")] == 1
    assert fig[("summary", "total", "refused")] == 0      # no assembly held was refused: all five applicants were allowed
    assert fig[("11", "total", "sanctioned")] == 5 and fig[("summary", "total", "applied")] == 5
