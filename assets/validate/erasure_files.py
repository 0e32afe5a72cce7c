"""An erasure in the bytes of a file as received (the raw store's archived files, the inbox's files, media
responses): CSV, TSV, YAML, JSON (its \\u escapes too), XML and text in their encoding, a workbook inside its XML
(shared strings and inline cells), an archive member by member; with `CardWords`, only the part of the person's own
cards (a card file whole, a CSV's or a sheet's rows) loses the name's words alone."""
from __future__ import annotations

import io
import json
import re
import zipfile
from dataclasses import dataclass
from xml.sax.saxutils import escape


NCR = re.compile(r"&#(x[0-9a-fA-F]+|[0-9]+);")


def ncr_char(m: re.Match) -> str:
    v = m.group(1)
    code = int(v[1:], 16) if v[0] in "xX" else int(v)
    return chr(code) if code > 127 else m.group(0)  # markup characters stay escaped


@dataclass(frozen=True)
class CardWords:
    """The name's words alone (card_words_pattern) and the ids of the person's own cards in one period: in a file,
    only the part of those cards is redacted with them (a YAML or JSON card file whole, a CSV's rows, a workbook's
    rows and their strings)."""
    rx: re.Pattern
    card_ids: frozenset[str]

    def id_rx(self) -> re.Pattern:
        ids = "|".join(re.escape(c) for c in sorted(self.card_ids, key=len, reverse=True))
        return re.compile(rf"(?<![\w-])(?:{ids})(?![\w-])")


def redact_bytes(content: bytes, fmt: str | None, encoding: str | None, rx: re.Pattern, marker: str,
                  card: CardWords | None = None) -> bytes:
    if content is None:
        return content
    if content[:2] == b"PK":
        src = zipfile.ZipFile(io.BytesIO(content))
        if not _is_workbook(src.namelist()):
            return _redact_archive(src, rx, marker, card)
        # XLSX: the strings live in the XML parts
        read: dict[str, str] = {}  # each XML part as text, its character references read (once)
        for item in src.infolist():
            if item.filename.endswith(".xml"):
                # writers may store non-ASCII text as character references (&#1057;...): read them
                read[item.filename] = NCR.sub(lambda m: ncr_char(m), src.read(item.filename).decode("utf-8"))
        parts = {name: rx.sub(escape(marker), text) for name, text in read.items()}
        if card is not None and card.card_ids:
            _redact_card_rows(parts, card, escape(marker))
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
            for item in src.infolist():
                data = src.read(item.filename)
                if item.filename in parts and parts[item.filename] != read[item.filename]:
                    data = parts[item.filename].encode("utf-8")
                dst.writestr(item, data)
        return buf.getvalue()
    if content.startswith((b"\xff\xfe", b"\xfe\xff")) and (encoding or "utf_16") == "utf_16":
        # UTF-16 with its BOM (Excel's "Unicode Text"): written back in the same byte order
        bom, enc, errors = content[:2], ("utf-16-le" if content[:2] == b"\xff\xfe" else "utf-16-be"), "surrogatepass"
    else:
        enc, errors = {"cp1251": "cp1251"}.get(encoding or "", "utf-8"), "surrogateescape"
        bom = b"\xef\xbb\xbf" if content.startswith(b"\xef\xbb\xbf") else b""
    text = content[len(bom):].decode(enc, errors=errors)
    new = rx.sub(marker, text)
    if (fmt or "") == "json":  # JSON may hold the name \\u-escaped
        new = _redact_json_escapes(new, rx, marker)
    if card is not None and card.card_ids:
        new = _redact_card_text(new, fmt, card, marker)
    return bom + new.encode(enc, errors=errors)


def _is_workbook(names: list[str]) -> bool:
    """Whether a ZIP's members make an Office workbook (its strings in XML parts), not an archive of files (ODK
    Central's `<form>.csv.zip`)."""
    return "[Content_Types].xml" in names or any(n.startswith("xl/") for n in names)


_TEXT_MEMBERS = {"csv": "csv", "tsv": "tsv", "txt": "txt", "json": "json", "yaml": "yaml", "yml": "yaml", "xml": "xml"}


def _is_text(data: bytes) -> bool:
    """(session 49) Whether an archive's member of no known text kind is text all the same (a README, notes in .md, a
    saved .html page, a file without a suffix): no NUL byte in its first 64 KB (a picture's, a sound's or a PDF's
    bytes hold them) unless it opens with UTF-16's mark, and UTF-8 or Windows-1251 with at most 2% control
    characters."""
    head = data[:65536]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    if b"\x00" in head:
        return False
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        text = head.decode("cp1251", errors="replace")
    ctrl = sum(1 for ch in text if (ord(ch) < 32 and ch not in "\t\n\r\f") or 0x7F <= ord(ch) < 0xA0 or ch == "\ufffd")
    return ctrl <= 0.02 * max(len(text), 1)


def _redact_archive(src: zipfile.ZipFile, rx: re.Pattern, marker: str, card: CardWords | None) -> bytes:
    """An archive of files (ODK Central's export: the main CSV, one CSV per repeat, media files): each text member
    redacted as the file it is (a workbook inside, as a workbook), a member of another name that is text all the same
    (a README, an .md or .html note: `_is_text`) as plain text; media members kept byte for byte."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            ext = item.filename.rsplit(".", 1)[-1].lower() if "." in item.filename else ""
            if ext in ("xlsx", "zip") and data[:2] == b"PK":
                data = redact_bytes(data, ext, None, rx, marker, card)
            elif ext in _TEXT_MEMBERS or _is_text(data):
                try:  # UTF-16 is known by its BOM in redact_bytes; windows-1251 where it is not UTF-8
                    data.decode("utf-8")
                    enc = None
                except UnicodeDecodeError:  # (session 49: a UTF-16 member was read as Windows-1251 and kept the name)
                    enc = "utf_16" if data.startswith((b"\xff\xfe", b"\xfe\xff")) else "cp1251"
                data = redact_bytes(data, _TEXT_MEMBERS.get(ext, "txt"), enc, rx, marker, card)
            dst.writestr(item, data)
    return buf.getvalue()


def _csv_rows(text: str) -> list[tuple[int, int]]:
    """(start, end) of each row of a CSV text: a line break inside quotes (an even count of quotes before it is
    outside) does not end a row."""
    out, start, quotes = [], 0, 0
    for m in re.finditer(r'["\n]', text):
        if m.group() == '"':
            quotes += 1
        elif quotes % 2 == 0:
            out.append((start, m.end()))
            start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


def _redact_card_text(text: str, fmt: str | None, card: CardWords, marker: str) -> str:
    """The name's words alone cut in the part of a text file that is the person's own cards: a CSV's rows that hold
    one of the card ids; any other file (a YAML or JSON card) whole where it holds one."""
    ids = card.id_rx()
    if not ids.search(text):
        return text
    if (fmt or "").lower() not in ("csv", "txt", "tsv"):
        new = card.rx.sub(marker, text)
        return _redact_json_escapes(new, card.rx, marker) if (fmt or "") == "json" else new
    out, at = [], 0
    for start, end in _csv_rows(text):
        row = text[start:end]
        if ids.search(row):
            out += [text[at:start], card.rx.sub(marker, row)]
            at = end
    out.append(text[at:])
    return "".join(out)


_ROW = re.compile(r"<row\b[^>]*>.*?</row>|<row\b[^>]*/>", re.DOTALL)
_CELL = re.compile(r"<c\b([^>]*?)(?:/>|>(.*?)</c>)", re.DOTALL)
_SI = re.compile(r"<si\b[^>]*>.*?</si>|<si\b[^>]*/>", re.DOTALL)
_T = re.compile(r"<t\b[^>]*>(.*?)</t>", re.DOTALL)
_V = re.compile(r"<v\b[^>]*>(.*?)</v>", re.DOTALL)


def _xml_text(xml: str) -> str:
    from xml.sax.saxutils import unescape

    return unescape("".join(_T.findall(xml)), {"&quot;": '"', "&apos;": "'"})


def _redact_card_rows(parts: dict[str, str], card: CardWords, marker: str) -> None:
    """The name's words alone cut in a workbook's rows that hold one of the card ids (a cell whose value, shared
    or inline, is the id), in the rows' inline strings and in the shared strings those rows use."""
    shared_name = next((n for n in parts if n.lower().endswith("sharedstrings.xml")), None)
    blocks = _SI.findall(parts[shared_name]) if shared_name else []
    shared = [_xml_text(b).strip() for b in blocks]
    wanted: set[int] = set()
    for name, xml in list(parts.items()):
        if "/worksheets/" not in name:
            continue

        def row(m: re.Match) -> str:
            cells = []
            for attrs, body in _CELL.findall(m.group(0)):
                v = _V.search(body or "")
                if 't="s"' in attrs and v and v.group(1).strip().isdigit():
                    k = int(v.group(1).strip())
                    cells.append((k, shared[k] if k < len(shared) else ""))
                else:
                    cells.append((None, _xml_text(body or "") or (v.group(1).strip() if v else "")))
            if not any(value in card.card_ids for _, value in cells):
                return m.group(0)
            wanted.update(k for k, _ in cells if k is not None)
            return card.rx.sub(marker, m.group(0))

        parts[name] = _ROW.sub(row, xml)
    if shared_name and wanted:
        k = iter(range(len(blocks)))
        parts[shared_name] = _SI.sub(lambda m: card.rx.sub(marker, m.group(0)) if next(k) in wanted else m.group(0),
                                     parts[shared_name])


def _redact_json_escapes(text: str, rx: re.Pattern, marker: str) -> str:
    def unescape(m: re.Match) -> str:
        s = json.loads(f'"{m.group(0)}"')
        return rx.sub(marker, s) if rx.search(s) else m.group(0)
    return re.sub(r'(?:\\u[0-9a-fA-F]{4}|[^"\\])+', unescape, text)
