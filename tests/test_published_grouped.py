"""A published figure printed with thousands grouped ("12 345") is shown whole, not as its first group."""
from assets.report.published import Printed, number_as_printed


def test_a_grouped_number_is_shown_whole_in_both_editions():
    pr = Printed("12 345", 0, 12345.0, "value")
    assert number_as_printed(pr, "assemblies", "ru") == "12\u202f345"
    assert number_as_printed(pr, "assemblies", "en") == "12\u202f345"


def test_a_no_break_space_groups_too_and_a_plain_number_stays_as_printed():
    assert number_as_printed(Printed("23\u00a0400", 0, 23400.0, "value"), "assemblies", "ru") == "23\u202f400"
    assert number_as_printed(Printed("86,5", 1, 86.5, "value"), "share_pct", "ru") == "86,5%"
    assert number_as_printed(Printed("86,5", 1, 86.5, "value"), "share_pct", "en") == "86.5%"
