"""The blind parts' end-to-end scores by news site (assets/media/blind_fields.py --by-site; session 45): the site of a
URL, the grouping and pooling by hand, and the real table adding up to the pooled line."""
from __future__ import annotations

import functools
import re
from types import SimpleNamespace

import pytest

from assets.media import blind_fields as bf, evaluate_real


@pytest.mark.parametrize("url, site", [
    ("https://tengrinews.kz/kazakhstan_news/miting-123/", "tengrinews.kz"),
    ("https://www.zakon.kz/6012345-akciya.html", "zakon.kz"),
    ("https://kaz.zakon.kz/x.html", "zakon.kz"),                    # a language's subdomain is the site's
    ("https://rus.azattyq.org/a/31369964.html", "azattyq.org"),
    ("http://m.astanatv.kz/ru/news/1/", "astanatv.kz"),
    ("https://test.tengrinews.kz/a", "tengrinews.kz"),
    ("https://informburo.kz./novosti/x.html", "informburo.kz"),       # a trailing dot
    ("HTTPS://WWW.Lada.KZ/news/1.html", "lada.kz"),                  # case
    ("http://mgorod.kz:8080/nd/?id=3", "mgorod.kz"),                 # a port
    ("//ratel.kz/raw/x", "ratel.kz"),                                # no scheme, a network path
    ("vlast.kz/novosti/123-x.html", "vlast.kz"),                     # no scheme at all
    ("www.orda.kz", "orda.kz"),
    ("https://drvpu8u8hwoyd.cloudfront.net/a/1.html", "drvpu8u8hwoyd.cloudfront.net"),  # a hosting service's name
    ("https://respublika-kz.blogspot.com/2020/01/x.html", "respublika-kz.blogspot.com"),
    ("https://astana.gov.kz/ru/news/1", "astana.gov.kz"),            # a second-level public suffix
    ("https://xn--80aeaj2aesddcjte.kz/x", "xn--80aeaj2aesddcjte.kz"),  # an IDN in punycode
    ("http://10.0.0.1:8000/x", "10.0.0.1"),                          # an IP address, kept whole
    ("http://[::1", ""),                                             # bad URLs: no site
    ("not a url", ""),
    ("", ""),
    ("http://localhost/x", ""),
])
def test_site_of(url, site):
    assert bf.site_of(url) == site


def _item(url, is_event, **ann):
    return {"url": url, "annotations": {"is_event": is_event, "detained": None, **ann}}


def _event(city, form, low=None, best=None, high=None):
    return SimpleNamespace(date=None, city=city, form=form, participants_low=low, participants=best,
                           participants_high=high, detained=0)


TRI = SimpleNamespace(reasons=["(hand-made)"])
# three made-up articles, scored by evaluate_real's own per-article scorer (end to end):
#  A tengrinews: an assembly, found, city / form / head count right -> tp; city 1/1, form 1/1, participants 1/1
#  B tengrinews (kaz.): an assembly stating no count, missed -> fn; no event: city 0/1, form 0/1, participants 0/0
#  C mgorod, port: no assembly, said one -> fp; no field scored
ARTICLES = [
    (_item("https://www.tengrinews.kz/news/a-1/", True, city="almaty", form="picket", participants=5),
     True, [_event("almaty", "picket", 5, 5, 5)]),
    (_item("https://kaz.tengrinews.kz/x", True, city="astana", form="rally", participants=None),
     False, [_event("astana", "rally")]),
    (_item("http://mgorod.kz:8080/nd/?id=3", False, city=None, form=None, participants=None),
     True, [_event("almaty", "rally")]),
]


@pytest.fixture
def outcomes():
    return [(item["url"], evaluate_real.score_article(f"x/{i}.yaml", item, said, events, TRI, end_to_end=True))
            for i, (item, said, events) in enumerate(ARTICLES)]


def _counts(r):
    return (r.n, r.tp, r.fp, r.fn, *((r.ok[k], r.total[k]) for k in bf.SITE_FIELDS))


def test_grouping_by_site_by_hand(outcomes):
    sites = bf.by_site(outcomes)
    assert set(sites) == {"tengrinews.kz", "mgorod.kz"}
    assert _counts(sites["tengrinews.kz"]) == (2, 1, 0, 1, (1, 2), (1, 2), (1, 1))
    assert _counts(sites["mgorod.kz"]) == (1, 0, 1, 0, (0, 0), (0, 0), (0, 0))
    # the part's "none invented" stays in the site's Result too (B states no count, and has no event)
    assert (sites["tengrinews.kz"].ok["participants_none_invented"],
            sites["tengrinews.kz"].total["participants_none_invented"]) == (1, 1)


def test_rows_pool_the_small_sites_last(outcomes):
    sites = bf.by_site(outcomes)
    assert [(s, _counts(r)) for s, r in bf.site_rows(sites, min_articles=1)] == [
        ("tengrinews.kz", (2, 1, 0, 1, (1, 2), (1, 2), (1, 1))), ("mgorod.kz", (1, 0, 1, 0, (0, 0), (0, 0), (0, 0)))]
    assert [(s, _counts(r)) for s, r in bf.site_rows(sites, min_articles=2)] == [
        ("tengrinews.kz", (2, 1, 0, 1, (1, 2), (1, 2), (1, 1))), ("other sites (1)", (1, 0, 1, 0, (0, 0), (0, 0), (0, 0)))]
    assert [(s, _counts(r)) for s, r in bf.site_rows(sites, min_articles=3)] == [
        ("other sites (2)", (3, 1, 1, 1, (1, 2), (1, 2), (1, 1)))]
    assert bf.site_rows({}, 10) == []


def test_the_table_shows_counts_and_right_over_scored(outcomes):
    table = bf.site_table(bf.site_rows(bf.by_site(outcomes), min_articles=2)).splitlines()
    assert table[0].split() == ["site", "articles", "assemblies", "tp", "fp", "fn", "city", "form", "participants"]
    assert table[1].split() == ["tengrinews.kz", "2", "2", "1", "0", "1", "1/2", "1/2", "1/1"]
    assert table[2].split() == ["other", "sites", "(1)", "1", "0", "0", "1", "0", "0/0", "0/0", "0/0"]


def test_the_real_table_adds_up_to_the_pooled_line(capsys, monkeypatch):
    # each part's loader reads every earlier part again: read each folder once (the same items; ~20 s less)
    monkeypatch.setattr(evaluate_real, "_load_part", functools.cache(evaluate_real._load_part))
    assert bf.main(["--by-site"]) == 0
    out = capsys.readouterr().out.splitlines()
    pooled = next(x for x in out if x.startswith("pooled, end to end "))
    n = int(re.search(r" n +(\d+) ", pooled).group(1))
    tp, fp, fn = map(int, re.search(r"\((\d+)/(\d+)/(\d+)\)", pooled).groups())
    assert (n, tp, fp, fn) == (1898, 493, 190, 160)  # the pooled line as without the cache (test_blind_fields)
    want = {k: tuple(map(int, re.search(rf"; {k} (\d+)/(\d+) ", pooled).groups())) for k in bf.SITE_FIELDS}
    head = out.index(next(x for x in out if x.startswith("by site, end to end, the blind rules alone")))
    assert out[head + 1].split()[0] == "site"
    rows = [x for x in out[head + 2:] if x.strip()]
    assert rows[-1].startswith("other sites (")
    cells = [re.split(r"\s{2,}", r.strip()) for r in rows]
    got = [list(map(int, c[1:6])) for c in cells]
    assert [sum(col) for col in zip(*got)] == [n, tp + fn, tp, fp, fn]
    for i, k in enumerate(bf.SITE_FIELDS):
        fields = [tuple(map(int, c[6 + i].split("/"))) for c in cells]
        assert (sum(a for a, _ in fields), sum(b for _, b in fields)) == want[k], k
    sizes = [a[0] for a in got[:-1]]
    assert sizes == sorted(sizes, reverse=True) and min(sizes) >= 10
