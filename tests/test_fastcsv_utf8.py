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


def _mixed_by_bytes(raw: bytes) -> str | None:
    """csvfile._mixed as it was written first (each line's bytes compared in Python): the reference."""
    utf8_line = other_line = None
    for n, line in enumerate(raw.split(b"\n"), start=1):
        if max(line, default=0) < 0x80:
            continue
        try:
            line.decode("utf-8")
            utf8_line = utf8_line or n
        except UnicodeDecodeError:
            other_line = other_line or n
        if utf8_line and other_line:
            return (f"the file mixes encodings: line {utf8_line} is UTF-8 but line {other_line} is not "
                    "(windows-1251?); save the whole file again as 'CSV UTF-8'")
    return None


_lines = st.one_of(st.text(alphabet="abc,;\"\t\r 1", max_size=8).map(str.encode),  # ASCII
                   st.text(alphabet="аЁж«»\xa0z,", max_size=6).map(lambda t: t.encode("utf-8")),
                   st.text(alphabet="аЁжz,", max_size=6).map(lambda t: t.encode("cp1251")),
                   st.binary(max_size=5), st.sampled_from([b"", b"\x7f", b"\x80", b"\xed\xa0\x80", b"\xc2\x85"]))


@settings(max_examples=400, deadline=None)
@given(st.lists(_lines, max_size=8).map(b"\n".join))
def test_mixed_encodings_found_as_before(raw):
    """The line-by-line search for a file that mixes encodings names the same first lines as before."""
    from assets.ingest.csvfile import _mixed

    assert _mixed(raw) == _mixed_by_bytes(raw)


def test_mixed_encodings_named():
    raw = "a,b\nc,Ёж\n".encode("utf-8") + "d,Ёж\n".encode("cp1251") + "e,ж\n".encode("utf-8")
    from assets.ingest.csvfile import _mixed

    assert _mixed(raw) is not None and "line 2 is UTF-8 but line 3 is not" in _mixed(raw)
    assert _mixed("a\nЁ\n".encode("cp1251")) is None
