"""Round 17's cross-validation of the learned triage step (assets/media/learned_cv.py): the grouping by site,
the counts summed over shuffles, the wins and losses against the rules and their sign test (worked by hand)."""
from __future__ import annotations

import pytest

from assets.media import learned_cv


@pytest.mark.parametrize("name,site", [("dev/azattyq-0a1b2c3d.yaml", "azattyq"),
                                       ("measured/the-village-kz-deb8e74b.yaml", "the-village-kz"),
                                       ("dev/d1len9mmddvt3u-7d315b89.yaml", "d1len9mmddvt3u")])
def test_site_of_a_stored_article(name, site):
    assert learned_cv.site(name) == site


@pytest.mark.parametrize("wins,losses,p", [(5, 0, 0.0625), (0, 5, 0.0625), (1, 1, 1.0), (0, 0, 1.0),
                                           (9, 4, 2 * 1093 / 8192)])  # 1093 = C(13,0) + ... + C(13,4)
def test_sign_test(wins, losses, p):
    assert learned_cv.sign_test(wins, losses) == pytest.approx(p)


def test_tally_sums_the_shuffles_and_counts_each_article_once_by_majority():
    truth = [True, True, False, False]
    rules = [True, False, True, False]
    runs = [[True, True, False, False], [True, True, True, False], [True, False, False, False]]
    c = learned_cv.tally(truth, rules, runs)
    assert (c["tp"], c["fp"], c["fn"], c["tn"]) == (5, 1, 1, 5)
    # article 2 rescued in 2 of 3 shuffles, article 3 vetoed in 2 of 3: two wins, no loss
    assert (c["wins"], c["losses"]) == (2, 0) and c["p"] == pytest.approx(0.5)
    worse = learned_cv.tally(truth, rules, [[False, False, True, True]] * 3)
    assert (worse["wins"], worse["losses"]) == (0, 2)  # articles 1 and 4 changed, both to the wrong verdict


def test_verdicts_of_each_combination():
    rules, probs = [True, True, False, False], [0.05, 0.6, 0.75, 0.95]
    assert learned_cv.verdicts(rules, probs, "model", 0.7, 0.7) == [False, False, True, True]
    assert learned_cv.verdicts(rules, probs, "model", 0.5, 0.5) == [False, True, True, True]
    assert learned_cv.verdicts(rules, probs, "veto", 0.1, 1.0) == [False, True, False, False]
    assert learned_cv.verdicts(rules, probs, "rescue", 0.0, 0.9) == [True, True, False, True]
    assert learned_cv.verdicts(rules, probs, "override", 0.1, 0.8) == [False, True, False, True]
