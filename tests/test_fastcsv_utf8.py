"""fastcsv's UTF-8 check in native code (instead of decoding the whole file) accepts exactly what
bytes.decode("utf-8") accepts, and a CSV it turns away is read (or refused) as the strict reader does."""
from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings, strategies as st

from assets.ingest import fastcsv, readers

_pieces = st.one_of(st.binary(max_size=6), st.text(max_size=4).map(lambda t: t.encode("utf-8", "surrogatepass")),
                    st.sampled_from([b"\xed\xa0\x80", b"\xc0\x80", b"\xf4\x90\x80\x80", b"\xef\xbb\xbf", "Ёж".encode()]))


@settings(max_examples=300, deadline=None)
@given(st.lists(_pieces, max_size=6).map(b"".join))
def test_utf8_check_is_pythons(raw):
    try:
        raw.decode("utf-8")
        ok = True
    except UnicodeDecodeError:
        ok = False
    assert fastcsv._utf8(raw) is ok


def _records(fr):
    return fr.problem, fr.encoding, [(r.kind, r.sheet, r.row_no, list(r.data.items())) for r in fr.records]


def test_encodings_read_alike():
    head = "card_id,city,topic\n"
    files = {
        "utf8.csv": (head + "c1,Алматы,\"цены, тарифы\"\nc2,Астана,x\n").encode("utf-8"),
        "bom.csv": (head + "c1,Алматы,x\n").encode("utf-8-sig"),
        "cp1251.csv": (head + "c1,Алматы,Ёлка\n").encode("cp1251"),
        "mixed.csv": (head + "c1,Алматы,x\n").encode("utf-8") + "c2,Тараз,y\n".encode("cp1251"),
        "utf16.csv": (head + "c1,Алматы,x\n").encode("utf-16"),
        "surrogate.csv": head.encode() + b"c1,\xed\xa0\x80,x\n",
    }
    for name, raw in files.items():
        fast, strict = readers.read_file(Path(name), raw), readers.read_file(Path(name), raw, fast=False)
        assert _records(fast) == _records(strict), name
    assert readers.read_file(Path("utf8.csv"), files["utf8.csv"]).tables  # the fast reader took it
