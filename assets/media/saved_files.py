"""Articles kept in the files monitors save them in, other than a text file or an HTML page (session 47):

- a browser's page saved as one file (MHTML, `.mhtml`/`.mht`: Chrome's and Edge's "Webpage, single file", Word's and
  Internet Explorer's "Web archive"): the page's HTML part and the address it was saved from
  (`Snapshot-Content-Location`, else the HTML part's `Content-Location`), read by Python's `email`;
- a page printed to PDF (`.pdf`, "Print → Save as PDF"), read by pypdf: its text in reading order with the layout's
  blank lines kept as paragraph ends, the browser's header (the print date and the page's title) and footer (the
  address and "1/2") taken off every page, the address kept as the article's URL, the lines of a paragraph joined;
- a Word document (`.docx`: an article pasted into Word), read by python-docx: its paragraphs in order (tables' cells
  too), the address when a paragraph is only an address or the headline is a link;
- a letter (`.eml`: an article forwarded by e-mail, a witness's account): its subject ("Fwd:", "Пересл.:" taken off)
  is the headline, its plain or HTML body the text, without the forwarded message's header lines (a sender's name and
  address is never read as the article), its date the publication date;
- (session 48) an OpenDocument text (`.odt`: LibreOffice, Google Docs' download), read by pandoc, a rich text file
  (`.rtf`: WordPad, Word), read by striprtf in the document's code page, and a Word 97–2003 document (`.doc`), read
  from its piece table (olefile opens the compound file): their paragraphs, as a Word document's;
- (session 49) a picture (a photo or a screenshot of a page: `.png`, `.jpg`, `.tif`, `.bmp`, `.gif`, `.webp`) and a
  scan printed to PDF (a PDF without a text layer), read by Tesseract's OCR where it is installed (`ocr.py`), their
  lines grouped into paragraphs as a printed page's; where it is not, named with what to install.

Each reader gives a `Saved` (what `parse.read_local` turns into an article) or raises `SavedFileError` with what is
wrong in words a monitor can act on. `sniff` tells these files by their first bytes, so that a PDF or a Word document
saved under another name (".html", ".txt") is read as what it is, and an old Excel file or an archive is named as such.
"""
from __future__ import annotations

import datetime as dt
import email
import email.policy
import functools
import io
import logging
import re
import zipfile
from dataclasses import dataclass
from email.utils import parsedate_to_datetime

from core import cyrillic

# a PDF, a Word document or a saved page holds pictures: larger than a text article may be (parse.MAX_ARTICLE_BYTES)
MAX_SAVED_FILE_BYTES = 50_000_000
# pages of a PDF read (an article printed runs to a few; a book is not an article)
MAX_PDF_PAGES = 40
# a Word document's or a workbook's parts unpacked (they are zip archives): an article's are a few MB with pictures; past
# this, a compressed bomb (a few KB that expand to gigabytes) is refused before anything is unpacked
MAX_UNPACKED_BYTES = 200_000_000


class SavedFileError(ValueError):
    """The file is not the kind it claims, or holds no text to read; the message says what to do."""


@dataclass
class Saved:
    title: str = ""  # "" when the file names none (the first line of `text` is then the headline)
    text: str = ""  # paragraphs, one a line (empty when `html` holds the page)
    url: str | None = None
    published: dt.date | None = None
    html: bytes | None = None  # a saved page's or a letter's HTML, for parse.extract_html
    html_charset: str | None = None
    saved_at: dt.datetime | None = None  # when the browser saved or printed it (UTC, naive): the copy's fetch time


def _utc(value: dt.datetime | None) -> dt.datetime | None:
    """A moment as the fetcher writes one: UTC without its zone (a moment with no zone is taken as written)."""
    if value is None:
        return None
    return value.astimezone(dt.timezone.utc).replace(tzinfo=None) if value.tzinfo else value


def _header_time(value) -> dt.datetime | None:
    try:
        return _utc(parsedate_to_datetime(str(value))) if value else None
    except (TypeError, ValueError, IndexError):
        return None


# -- telling files by their bytes ---------------------------------------------------------------
_MIME_HEAD_RE = re.compile(rb"^(?:[\w-]+:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*){1,40}", re.I)


def sniff(raw: bytes) -> str | None:
    """What the bytes are, whatever the file's name: "pdf", "docx", "odt", "rtf", "xlsx", "ole" (Word 97–2003 and other
    old Office files), "zip" (any other archive), "image", "mhtml", or None (text, HTML, JSON, …: read by its name)."""
    head = raw[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
        return "rtf"
    if raw.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(raw)) as z:
                names = set(z.namelist())
                if "word/document.xml" in names:
                    return "docx"
                if "content.xml" in names and b"opendocument.text" in (z.read("mimetype") if "mimetype" in names
                                                                       else b""):
                    return "odt"
                if "xl/workbook.xml" in names:
                    return "xlsx"
        except (zipfile.BadZipFile, OSError, KeyError, RuntimeError):
            pass
        return "zip"
    if raw.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    if raw.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a")) or \
            (raw[:2] == b"BM" and raw[6:10] == b"\0\0\0\0") or (raw[:4] == b"RIFF" and raw[8:12] == b"WEBP") or \
            raw[4:12] in (b"ftypheic", b"ftypmif1", b"ftypavif"):  # (a bitmap's "BM" only with its reserved zeros:
        # a text may open with "BMW")
        return "image"
    m = _MIME_HEAD_RE.match(raw.lstrip()[:8192])
    if m and re.search(rb"^content-type:\s*multipart/related", m.group(0), re.I | re.M):
        return "mhtml"
    return None


# what a monitor is told for the kinds not read (a file's kind -> the advice)
NOT_READ = {
    "ole": "an old Excel or PowerPoint file (.xls, .ppt): not read — save the article as .docx, .doc, .odt, .rtf, .pdf or "
           ".txt",
    "zip": "a compressed archive (.zip): not read — unpack it into the folder",
    "xlsx": "an Excel workbook under another name: rename it .xlsx to read it as a table of articles",
}


# the kinds read, in words
KIND_NAMES = {"mhtml": "a saved page (MHTML)", "pdf": "a PDF", "docx": "a Word document", "eml": "an e-mail",
              "odt": "an OpenDocument text", "rtf": "an RTF document", "ole": "a Word 97–2003 document",
              "image": "a picture"}
# the same kinds told by a file's suffix, for a folder's files that are not read
SUFFIX_KINDS = {".xls": "ole", ".ppt": "ole", ".zip": "zip", ".rar": "zip", ".7z": "zip", ".gz": "zip"}
# (session 49) a picture's suffixes (read by OCR: parse.SAVED_SUFFIXES); a HEIC photo too, to be named when Pillow
# cannot open it
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".gif", ".webp", ".heic")


def check_unpacked(source) -> None:
    """Raises SavedFileError when a zip archive (bytes, or a path) would unpack past MAX_UNPACKED_BYTES; a file that
    is no zip archive passes (its reader names it)."""
    try:
        with zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source) as z:
            unpacked = sum(i.file_size for i in z.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return
    if unpacked > MAX_UNPACKED_BYTES:
        raise SavedFileError(f"unpacks to {unpacked:,} bytes, more than {MAX_UNPACKED_BYTES:,} (a compressed bomb, or "
                             "far more than an article): not read")


# -- MHTML --------------------------------------------------------------------------------------
def read_mhtml(raw: bytes) -> Saved:
    """A page saved as one file: its first HTML part and the address it was saved from."""
    msg = email.message_from_bytes(raw.lstrip(), policy=email.policy.compat32)
    url = (msg.get("Snapshot-Content-Location") or "").strip() or None
    html_part = None
    for part in msg.walk():
        if part.get_content_type() == "text/html" and not part.is_multipart():
            html_part = part
            break
    if html_part is None:
        raise SavedFileError("a saved page (MHTML) with no HTML part in it")
    body = html_part.get_payload(decode=True) or b""
    if not body.strip():
        raise SavedFileError("a saved page (MHTML) whose HTML part is empty")
    url = url or (html_part.get("Content-Location") or "").strip() or None
    if url and not url.startswith(("http://", "https://")):
        url = None  # a "cid:" or a file on the saver's disk names no article
    return Saved(url=url, html=body, html_charset=html_part.get_content_charset(),
                 saved_at=_header_time(msg.get("Date")))


# -- PDF ----------------------------------------------------------------------------------------
# what a browser prints around every page: the date and time of the print ("12/7/26, 4:53 AM", "07.12.2026, 10:15"),
# the page's title, its address, the page's number ("1/2", "1 of 2", "Стр. 1 из 2") — Chrome puts the date and title
# on top and the address and number below, Firefox the title and address on top and the number and date below
PRINT_DATETIME_RE = re.compile(r"\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4},?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?")
PAGE_NUMBER_RE = re.compile(r"(?:\b(?:стр\.?|page|бет)\s*)?\b\d{1,3}\s*(?:/|of|из)\s*\d{1,3}\b", re.I)
_PRINT_URL_RE = re.compile(r"https?://\S+")
_URL_ONLY_RE = re.compile(r"^\s*(?:(?:источник|source|дереккөз|ссылка|link)\s*:\s*)?<?(?P<url>https?://[^\s<>]+)>?\s*$",
                          re.I)
_SENTENCE_END_RE = re.compile(r"[.!?…»\"”:;)]\s*$")


def read_pdf(raw: bytes) -> Saved:
    """A page printed to PDF (or any PDF with a text layer): the title from the file's own, the address from the
    browser's footer, the text a paragraph a line."""
    import pypdf

    log = logging.getLogger("pypdf")
    level = log.level
    log.setLevel(logging.CRITICAL)  # its notes on a damaged file ("EOF marker not found") are not the monitor's to read
    try:
        reader = pypdf.PdfReader(io.BytesIO(raw))
        if reader.is_encrypted and not reader.decrypt(""):
            raise SavedFileError("a PDF locked by a password: not read — print it again without one, or save the "
                                 "article as .txt")
        pages = [p.extract_text(extraction_mode="layout") or "" for p in reader.pages[:MAX_PDF_PAGES]]
        meta_title = str((reader.metadata or {}).get("/Title") or "").strip()
        try:
            printed = _utc(reader.metadata.creation_date) if reader.metadata else None
        except (ValueError, TypeError, AttributeError):
            printed = None  # a creation date in no format pypdf reads: the copy's time is unknown
    except SavedFileError:
        raise
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds on a damaged file; each is this file's fault
        raise SavedFileError(f"not a readable PDF ({type(exc).__name__}: {exc})") from None
    finally:
        log.setLevel(level)
    url, lines = _pdf_lines(pages)
    blocks = _paragraphs(lines)
    if not any(blocks):  # (session 49) a scan: its pictures read by OCR
        pictures = _pdf_scan_pages(reader)
        read = " ".join(text for lines in pictures for text, _ in lines)
        if not read.strip():
            raise SavedFileError("a PDF with no text in it (a scan or a picture), and none that OCR could read: not "
                                 "read — copy the article's text into a .txt file")
        if _norm(meta_title) not in _norm(read):
            meta_title = ""  # a scanner's title names the scan ("scan_0012", "Document"), not the article
        saved = from_ocr(pictures, meta_title)
        saved.saved_at = printed
        return saved
    title, paragraphs = _headline(meta_title, blocks)
    return Saved(title=title, text="\n".join(paragraphs), url=url, saved_at=printed)


def _pdf_scan_pages(reader) -> list[list[tuple[str, int]]]:
    """(session 49) A scanned PDF's pictures (a scanner writes one a page) read by OCR, in order, at most
    ocr.MAX_FRAMES of them: each one's lines with their heights (ocr.frame_lines). A PDF without pictures has none."""
    import pypdf

    from . import ocr

    out: list[list[tuple[str, int]]] = []
    langs = None
    for page in reader.pages[:MAX_PDF_PAGES]:
        try:
            images = list(page.images)
        except pypdf.errors.LimitReachedError:  # pypdf's own cap on what a stream may unpack to
            raise SavedFileError(f"a scanned PDF, page {page.page_number + 1}: a picture that unpacks past pypdf's "
                                 "limit (a decompression bomb, or far more than a page): not read") from None
        except Exception:  # noqa: BLE001 - a picture pypdf cannot decode (JBIG2 without its decoder): passed over
            images = []
        for image in images:
            if len(out) >= ocr.MAX_FRAMES:
                return out
            if langs is None:
                try:
                    langs = ocr.languages()
                except ocr.OcrError as exc:
                    raise SavedFileError(f"a PDF with no text in it (a scan or a picture): {exc}") from None
            try:
                out.extend(ocr.frame_lines(frame, langs) for frame in ocr.open_frames(image.data))
            except ocr.OcrError as exc:
                raise SavedFileError(f"a scanned PDF, page {page.page_number + 1}: {exc}") from None
    return out


def _pdf_lines(pages: list[str]) -> tuple[str | None, list[str]]:
    """The pages' lines without the browser's header and footer (and any line that opens or closes every page of
    two or more alike); the address they name. A page's end is marked "\\f"."""
    url = None
    cleaned = [[" ".join(ln.split()) for ln in text.splitlines()] for text in pages]
    edges = _repeated_edges(cleaned)
    out: list[str] = []
    for lines in cleaned:
        body = list(lines)
        filled = [i for i, ln in enumerate(body) if ln]
        for i in dict.fromkeys(filled[:1] + filled[-1:]):  # the page's first and last lines
            found, addr = print_furniture(body[i], header=i == filled[0])
            if found or body[i] in edges:
                url = url or addr
                body[i] = ""
        out.extend(body)
        out.append("\f")
    return url, out


def print_furniture(line: str, *, header: bool) -> tuple[bool, str | None]:
    """Whether a page's first (`header`) or last line is what a browser printed around it, and the address it names.
    On top: the print's date and time before the page's title (Chrome), or an address after it (Firefox). Below: the
    page's number, with the address (Chrome) or the date (Firefox) and nothing else, or an address alone. A line of a
    date and time alone is the article's own date line, never furniture."""
    addr = _PRINT_URL_RE.search(line)
    rest = _PRINT_URL_RE.sub(" ", line)
    rest, stamps = PRINT_DATETIME_RE.subn(" ", rest)
    rest, numbers = PAGE_NUMBER_RE.subn(" ", rest)
    left = rest.split()
    url = addr.group(0).rstrip(".,;)") if addr else None
    if header:
        found = bool(addr or (stamps and left)) and len(left) <= 30
    else:
        found = bool(numbers or addr) and not left
    return found, url if found else None


def _repeated_edges(pages: list[list[str]]) -> set[str]:
    """A line that opens or closes every page (two or more): the print's furniture (a site's name, a running head)."""
    if len(pages) < 2:
        return set()
    firsts, lasts = [], []
    for lines in pages:
        filled = [ln for ln in lines if ln]
        firsts.append(set(filled[:1]))
        lasts.append(set(filled[-1:]))
    rep = set.intersection(*firsts) | set.intersection(*lasts)
    return {ln for ln in rep if ln}


def _paragraphs(lines: list[str]) -> list[list[str]]:
    """Lines grouped into paragraphs (each its lines): a blank line ends one; a page's end ends one only after an end
    of sentence on a short line (a paragraph broken across two pages is one, even where a sentence ended with the
    page's last full line)."""
    out: list[list[str]] = []
    cur: list[str] = []
    full = 0.85 * max((len(ln) for ln in lines), default=0)  # a line as long as the text's longest did not end a paragraph
    for ln in lines:
        if ln == "\f":
            if cur and _SENTENCE_END_RE.search(cur[-1]) and len(cur[-1]) < full:
                out.append(cur)
                cur = []
            continue
        if not ln:
            if cur:
                out.append(cur)
            cur = []
            continue
        cur.append(ln)
    if cur:
        out.append(cur)
    return out


def join_lines(lines: list[str]) -> str:
    """A paragraph's lines as one line: a word broken at a line's end by a hyphen or a soft hyphen ("обществен-" +
    "ные") is one word again; a hyphen before a capital ("Усть-" + "Каменогорск") stays."""
    text = lines[0]
    for ln in lines[1:]:
        if re.search(r"[^\W\d_][-\u00ad]$", text) and ln[:1].islower():
            text = text[:-1] + ln
        else:
            text += " " + ln
    return text.replace("\u00ad", "")


def _headline(meta_title: str, blocks: list[list[str]]) -> tuple[str, list[str]]:
    """The headline and the text after it: the file's title (a browser writes the page's <title>), cut at a
    separator to what the text holds ("Жители вышли на митинг — Уральская неделя" → "Жители вышли на митинг"); what
    stands before the headline in the text (a site's menu, even on the headline's own line) is dropped. When the text
    does not hold the title, the title still names the article and the text is kept whole; with no title, the first
    paragraph's first line is, when it is a line of its own (no end of sentence, the next line opening a sentence), else
    the whole first paragraph. A run of copyright lines at the end (a site's footer) is dropped."""
    paragraphs = [join_lines(b) for b in blocks]
    while paragraphs and re.match(r"^\s*(?:©|\(c\)|copyright\b)", paragraphs[-1], re.I):
        paragraphs = paragraphs[:-1]
    norm = [_norm(p) for p in paragraphs]
    seps = [m.start() for m in re.finditer(r"\s+[|–—-]\s+|\s*\|\s*", meta_title)]
    for cand in [meta_title] + [meta_title[:i] for i in reversed(seps)]:
        c = _norm(cand)
        if len(c.split()) < 2:
            continue
        for i, p in enumerate(norm):
            at = p.find(c)
            if at >= 0:  # the headline, maybe after the menu on its line, maybe before the lead's first words
                rest = paragraphs[i][at + len(c):].strip()
                return paragraphs[i][at:at + len(c)].strip(), ([rest] if rest else []) + paragraphs[i + 1:]
            if p and c.startswith(p) and len(p) >= 0.6 * len(c):  # the title runs on past the headline (the site)
                return paragraphs[i], paragraphs[i + 1:]
    if meta_title.strip() and not _is_generic_title(meta_title):
        return meta_title.strip(), paragraphs
    if not paragraphs:
        return "", []
    first = blocks[0]
    if len(first) > 1 and not re.search(r"[.,;:!?…]$", first[0]) and re.match(r"[«\"(\d]|[^\W\d_]", first[1]) \
            and not first[1][:1].islower():
        return join_lines(first[:1]), [join_lines(first[1:])] + paragraphs[1:]
    return paragraphs[0], paragraphs[1:]


def _norm(s: str) -> str:
    return " ".join(s.replace("ё", "е").replace("Ё", "Е").lower().split())


def _is_generic_title(title: str) -> bool:
    """A file's title that names no article: a file name, a template's ("Документ1", "Untitled", "Microsoft Word - …")."""
    t = title.strip().lower()
    return bool(re.fullmatch(r"(?:документ|document|untitled|без\s+названия|microsoft\s+word\s*-.*|.*\.(?:docx?|pdf|"
                             r"html?|txt))\s*\d*", t))


# -- Word ---------------------------------------------------------------------------------------
def read_docx(raw: bytes) -> Saved:
    """An article pasted into Word: its paragraphs in order (a table's cells each a paragraph; since session 52 a text
    box's paragraphs after the paragraph that anchors it), the headline the first one (the title property is not read:
    Word fills it from a template or the first line, and the first line is the headline either way); the address as
    `from_paragraphs` finds it."""
    import docx
    from docx.table import Table

    check_unpacked(raw)
    try:
        doc = docx.Document(io.BytesIO(raw))
    except Exception as exc:  # noqa: BLE001 - python-docx raises its own errors on a broken package
        raise SavedFileError(f"not a readable Word document ({type(exc).__name__}: {exc})") from None
    paras: list = []
    for block in doc.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    for para in cell.paragraphs:
                        paras += [para, *_docx_text_boxes(para)]
        else:
            paras += [block, *_docx_text_boxes(block)]
    return from_paragraphs([p.text for p in paras], [[h.address or "" for h in getattr(p, "hyperlinks", [])]
                                                    for p in paras], "a Word document")


# (session 52) a text box's paragraphs inside the paragraph that anchors it: Word writes each box twice, as a drawing
# (`mc:Choice`) and for older readers as a VML shape (`mc:Fallback`), so the fallback's copy is left out
_DOCX_BOX_PARAS = ".//w:txbxContent[not(ancestor::mc:Fallback)]/w:p"
_DOCX_NS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
            "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006"}


def _docx_text_boxes(para) -> list:
    """(session 52) The paragraphs of the text boxes a Word paragraph anchors, in order, after it (python-docx's
    paragraphs leave them out: an article laid out in a text box was read as empty)."""
    from docx.text.paragraph import Paragraph

    return [Paragraph(p, para._parent) for p in _docx_box_finder()(para._p)]


@functools.cache
def _docx_box_finder():
    from lxml import etree

    return etree.XPath(_DOCX_BOX_PARAS, namespaces=_DOCX_NS)


def from_paragraphs(texts: list[str], links: list[list[str]], what: str) -> Saved:
    """A document's article from its paragraphs in order (their whitespace made single) and each paragraph's link
    addresses: the headline the first paragraph; the address from a paragraph near either end that is only an address
    (or "Источник: …"), else from a link on the headline. `what` names the document when it holds no text."""
    texts = [" ".join(t.split()) for t in texts]
    url = None
    keep: list[str] = []
    filled = [i for i, t in enumerate(texts) if t]
    edge = set(filled[:3] + filled[-3:])
    for i, t in enumerate(texts):
        m = _URL_ONLY_RE.match(t) if i in edge else None
        if m:
            url = url or m.group("url")
            continue
        if t:
            keep.append(t)
    if not keep:
        raise SavedFileError(f"{what} with no text in it: not read")
    if url is None and filled and filled[0] < len(links):
        url = next((a for a in links[filled[0]] if a.startswith(("http://", "https://"))), None)
    return Saved(text="\n".join(keep), url=url)


# -- OpenDocument text and RTF (session 48) -----------------------------------------------------------
PANDOC_TIMEOUT_S = 60  # an article's .odt converts in well under a second
# the blocks of pandoc's HTML that are paragraphs (a list item or a table cell holding paragraphs gives those)
_BLOCKS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "td", "th", "pre", "dt", "dd", "blockquote", "figcaption"}


def read_odt(raw: bytes) -> Saved:
    """An article pasted into LibreOffice or saved from Google Docs as an OpenDocument text: pandoc (pypandoc-binary,
    the report's renderer) turns it into HTML, sandboxed and with its memory capped; its paragraphs in order (a table's
    cells and a list's items each a paragraph; comments are not read), the address as in a Word document."""
    import subprocess

    import lxml.html
    import pypandoc

    check_unpacked(raw)
    raw = _for_pandoc(raw)
    cmd = [pypandoc.get_pandoc_path(), "+RTS", "-M512M", "-RTS", "--sandbox", "--from", "odt", "--to", "html",
           "--wrap=none"]
    try:
        done = subprocess.run(cmd, input=raw, capture_output=True, timeout=PANDOC_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        raise SavedFileError(f"an OpenDocument text pandoc did not read within {PANDOC_TIMEOUT_S} s: not read") from None
    except OSError as exc:
        raise SavedFileError(f"pandoc, which reads an OpenDocument text, could not run ({exc}): save it as .docx") \
            from None
    if done.returncode != 0:
        why = (done.stderr.decode("utf-8", "replace").strip().splitlines() or ["no message"])[-1][:300]
        raise SavedFileError(f"not a readable OpenDocument text (pandoc: {why})")
    html = done.stdout.decode("utf-8", "replace")
    if not html.strip():
        raise SavedFileError("an OpenDocument text with no text in it: not read")
    doc = lxml.html.fromstring(f"<div>{html}</div>")  # (pandoc writes a line break as <br /> and a new line)
    blocks = [el for el in doc.iter(*_BLOCKS) if not any(d.tag in _BLOCKS for d in el.iterdescendants())]
    return from_paragraphs([el.text_content() for el in blocks],
                           [[str(a.get("href") or "") for a in el.iter("a")] for el in blocks], "an OpenDocument text")


_ODT_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_ODT_DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"


def _for_pandoc(raw: bytes) -> bytes:
    """The package as pandoc reads it whole, written again once where it must change: an empty styles.xml where it has
    none (pandoc refuses a text without one; the standard lets a package leave it out, and a script's or a converter's
    .odt may), and (session 52) its text frames' paragraphs where pandoc sees them (`_frames_in_place`). Anything the
    package does not hold as expected is passed on unchanged (pandoc names what is wrong)."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as z:
            names = z.namelist()
            if "content.xml" not in names:
                return raw
            members = {} if "styles.xml" in names else {"styles.xml": _EMPTY_STYLES}
            if (content := _frames_in_place(z.read("content.xml"))) is not None:
                members["content.xml"] = content
            if not members:
                return raw
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w") as w:
                for info in z.infolist():
                    w.writestr(info, members.pop(info.filename) if info.filename in members else z.read(info))
                for name, data in members.items():  # (styles.xml, added last)
                    w.writestr(name, data)
            return out.getvalue()
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError, EOFError):
        return raw


def _frames_in_place(content: bytes) -> bytes | None:
    """(session 52) content.xml with each text frame's paragraphs (a LibreOffice text box: `draw:frame` holding a
    `draw:text-box`) moved out of the paragraph that anchors it, to follow that paragraph: pandoc leaves a frame's text
    out, so an article laid out in one was read without it. None where there is no frame, or the XML does not parse."""
    from lxml import etree

    if b"text-box" not in content:
        return None
    try:
        root = etree.fromstring(content, etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False))
    except etree.XMLSyntaxError:
        return None
    for box in list(root.iter(f"{{{_ODT_DRAW}}}text-box")):
        frame = box.getparent()
        para = frame.getparent()
        while para is not None and para.tag not in (f"{{{_ODT_TEXT}}}p", f"{{{_ODT_TEXT}}}h"):
            para = para.getparent()
        if para is None:
            continue
        _remove_keeping_tail(frame)
        para.addnext(box)  # the box's paragraphs after the anchor's, in a block pandoc reads through
        box.tag = f"{{{_ODT_TEXT}}}section"
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _remove_keeping_tail(el) -> None:
    """`el` out of its parent, the text after it (its tail) kept where it stood."""
    parent, prev = el.getparent(), el.getprevious()
    if el.tail:
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


_EMPTY_STYLES = (b'<?xml version="1.0" encoding="UTF-8"?><office:document-styles xmlns:office="urn:oasis:names:tc:'
                 b'opendocument:xmlns:office:1.0" office:version="1.2"><office:styles/></office:document-styles>')


# a HYPERLINK field's address (Word: {\field{\*\fldinst{HYPERLINK "…"}}{\fldrslt{…}}}, Word 2016 with formatting and
# a data field in the instruction, WordPad without the inner braces; a switch such as \l may come first)
_RTF_LINK_RE = re.compile(r'HYPERLINK\s+(?:\\\\?[a-z]+\s+)*"(?P<url>[^"]*)"', re.I)
# where a link's shown text starts, marked in the text read (two private-use letters around its number)
_RTF_MARK_RE = re.compile("\ue000(\\d+)\ue001")


def read_rtf(raw: bytes) -> Saved:
    """An article saved as rich text (WordPad, Word's .rtf), read by striprtf — which reads the escaped bytes (\\'c2)
    in the document's code page (\\ansicpg) or its font's (\\fcharset204: Windows-1251) and a letter outside them from
    its \\uN code: its paragraphs in order, the address as in a Word document (a link on the headline is a HYPERLINK
    field shown in the first paragraph)."""
    from striprtf.striprtf import rtf_to_text

    if not raw.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
        raise SavedFileError("not a rich text file (it does not open with {\\rtf)")
    # striprtf writes a link's address after its text when the instruction opens "\fldinst{" (into the headline): a
    # space keeps it from doing so. Before the text a web address is shown as, its number, in letters no article holds.
    src = raw.decode("latin-1").replace("\\fldinst{", "\\fldinst {")  # (RTF is 7-bit; a stray 8-bit byte keeps its place)
    urls: list[str] = []
    parts: list[str] = []
    pos = 0
    for m in _RTF_LINK_RE.finditer(src):
        shown = src.find("\\fldrslt", max(m.end(), pos))
        if m.start() < pos or shown < 0 or not m.group("url").startswith(("http://", "https://")):
            continue
        shown += len("\\fldrslt")
        parts += [src[pos:shown], f"{{\\uc1\\u-8192?{len(urls)}\\u-8191?}}"]  # (\uc1: one fallback letter follows)
        urls.append(m.group("url"))
        pos = shown
    source = _rtf_shapes_as_text("".join(parts) + src[pos:])
    text = rtf_to_text(source, errors="replace")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return from_paragraphs([_RTF_MARK_RE.sub("", ln) for ln in lines],
                           [[urls[int(i)] for i in _RTF_MARK_RE.findall(ln)] for ln in lines], "a rich text file")


_RTF_SHAPE_RE = re.compile(r"\{\\shp(?![a-z])")
_RTF_SHAPE_TEXT_RE = re.compile(r"\{\\shptxt(?![a-z])")


def _rtf_group_end(src: str, start: int) -> int:
    """The index after the group that opens at `src[start]` ("{"), its escaped braces (\\{ \\}) passed over."""
    depth, i = 0, start
    while i < len(src):
        ch = src[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return len(src)


def _rtf_shapes_as_text(src: str) -> str:
    """(session 52) Each shape group (`{\\shp …}`: Word's text box, a picture, a line) replaced by its text boxes' text
    (`{\\shptxt …}`, a paragraph each): Word keeps that text inside the shape's starred instructions (`{\\*\\shpinst
    …}`), which striprtf skips as it should, and the shape's fallback for older readers holds it in a starred drawing
    too — so a text box's text was lost. A shape without text leaves nothing."""
    out: list[str] = []
    pos = 0
    for m in _RTF_SHAPE_RE.finditer(src):
        if m.start() < pos:  # (a shape inside a shape group already replaced)
            continue
        end = _rtf_group_end(src, m.start())
        group = src[m.start():end]
        texts = [group[t.end():_rtf_group_end(group, t.start()) - 1] for t in _RTF_SHAPE_TEXT_RE.finditer(group)]
        out += [src[pos:m.start()], "".join("{" + t + "\\par}" for t in texts)]
        pos = end
    return "".join(out) + src[pos:]


# -- Word 97–2003 (session 48) ------------------------------------------------------------------------------------
_FIB_IDENT = 0xA5EC  # a Word 97–2003 document's first two bytes in its WordDocument stream
_FIELD_BEGIN, _FIELD_SEPARATOR, _FIELD_END = "\x13", "\x14", "\x15"
# a HYPERLINK field's instruction (a switch such as \l may come before its address)
_DOC_LINK_RE = re.compile(r'^\s*HYPERLINK\s+(?:\\[a-z]\s+)*"?(?P<url>[^"\s]+)', re.I)
# the document's characters that end a paragraph (a paragraph, a table's cell or row, a page or section break) or are
# dropped (an inline picture's, a footnote's or a comment's anchor, a drawn object, Word's optional hyphen)
_DOC_PARAGRAPH_ENDS = {"\r": "\n", "\x07": "\n", "\x0c": "\n", "\x0b": " ", "\x1e": "-"}
# (and every other control character, and the private-use letters of a symbol font: a bullet of Wingdings)
_DOC_DROPPED = dict.fromkeys([*range(0x20), *range(0xE000, 0xF900)])


def _uint(b: bytes, at: int, size: int) -> int:
    """The little-endian unsigned integer of `size` bytes at `at`; a header that points past the end is named."""
    if at < 0 or at + size > len(b):
        raise SavedFileError("a Word 97–2003 document cut short (its header points past its end): not read")
    return int.from_bytes(b[at:at + size], "little")


def _u16(b: bytes, at: int) -> int:
    return _uint(b, at, 2)


def _u32(b: bytes, at: int) -> int:
    return _uint(b, at, 4)


def _doc_pieces(clx: bytes) -> tuple[list[int], list[int]]:
    """A Clx's piece table (MS-DOC 2.9.38; Word 6 and 95 write the same): its pieces' first CPs (and the end) and each
    piece's fc, after the formatting (Prc) before it."""
    i = 0
    while i < len(clx) and clx[i] == 0x01:  # formatting (Prc) before the piece table
        i += 3 + int.from_bytes(clx[i + 1:i + 3], "little", signed=True)
    if i >= len(clx) or clx[i] != 0x02:
        raise SavedFileError("a Word document whose piece table cannot be found: not read")
    plc = clx[i + 5:i + 5 + _u32(clx, i + 1)]
    n = (len(plc) - 4) // 12
    return [_u32(plc, 4 * k) for k in range(n + 1)], [_u32(plc, 4 * (n + 1) + 8 * k + 2) for k in range(n)]


def _doc_stories(word: bytes, table: bytes) -> tuple[str, str]:
    """The main document's characters and (session 52) its text boxes', from the piece table: the header's counts of
    characters (FibRgLw97: ccpText, then the footnotes', headers', comments' and endnotes' stories, which are not read,
    then ccpTxbx) and the Clx's pieces (MS-DOC 2.4.1: a piece is 8-bit Windows-1252 when "compressed", else
    UTF-16LE)."""
    at = 32
    csw = _u16(word, at)
    at += 2 + 2 * csw
    cslw = _u16(word, at)
    if cslw < 10:
        raise SavedFileError("a Word 97–2003 document whose header has no counts of characters: not read")
    ccp = [_u32(word, at + 2 + 4 * k) for k in range(10)]  # cbMac, 2 reserved, ccpText, Ftn, Hdd, reserved, Atn, Edn, Txbx
    at += 2 + 4 * cslw
    if _u16(word, at) <= 33:
        raise SavedFileError("a Word 97–2003 document whose header has no piece table: not read")
    fc_clx, lcb_clx = _u32(word, at + 2 + 33 * 8), _u32(word, at + 2 + 33 * 8 + 4)  # FibRgFcLcb97's fcClx, lcbClx
    cps, fcs = _doc_pieces(table[fc_clx:fc_clx + lcb_clx])

    def chars(lo: int, hi: int) -> str:
        parts: list[str] = []
        for k, fc in enumerate(fcs):
            start, end = max(cps[k], lo), min(cps[k + 1], hi)
            if end <= start:
                continue
            if fc & 0x40000000:
                off = (fc & 0x3FFFFFFF) // 2 + start - cps[k]
                parts.append(word[off:off + end - start].decode("cp1252", "replace"))
            else:
                off = fc + 2 * (start - cps[k])
                parts.append(word[off:off + 2 * (end - start)].decode("utf-16-le", "replace"))
        return "".join(parts)

    boxes = ccp[3] + ccp[4] + ccp[5] + ccp[7] + ccp[8]
    return chars(0, ccp[3]), chars(boxes, boxes + ccp[9])


# (session 52) Word 6 and Word 95 (a FIB of their own: MS-DOC does not describe it; wvWare's wvGetFIB6 does)
_WORD6_VERSIONS = range(0x65, 0x69)


def _word6_text(word: bytes) -> str:
    """A Word 6 or 95 document's main text: 8-bit characters from fcMin when it was saved whole, else from its piece
    table (fComplex: the Clx in the WordDocument stream itself, at fcClx); in Windows-1251 where its bytes read as
    Cyrillic text (core/cyrillic.py; the document's language does not say it: Russian is typed under an English
    setting, the code page being the font's), else Windows-1252."""
    flags, ccp_text = _u16(word, 0x0A), _u32(word, 0x34)
    if flags & 0x0004:
        fc_clx, lcb_clx = _u32(word, 0x160), _u32(word, 0x164)
        cps, fcs = _doc_pieces(word[fc_clx:fc_clx + lcb_clx])
        raw = b"".join(word[fc:fc + min(cps[k + 1], ccp_text) - cps[k]] for k, fc in enumerate(fcs) if cps[k] < ccp_text)
    else:
        fc_min = _u32(word, 0x18)
        raw = word[fc_min:fc_min + ccp_text]
    return raw.decode("cp1251" if cyrillic.code_page(raw, ("cp1251",)) else "cp1252", "replace")


def _doc_paragraphs(text: str) -> tuple[list[str], list[list[str]]]:
    """The paragraphs of a document's characters and each one's web links: a field shows its result (its instruction —
    a HYPERLINK's address, a PAGE — is never text); a HYPERLINK's address goes to the paragraph its result is in."""
    paras: list[str] = []
    links: list[list[str]] = []
    cur: list[str] = []
    here: list[str] = []
    stack: list[list] = []  # each open field: [in its instruction?, the instruction's characters]
    instructions: list[list] = []  # the open fields still in their instruction, innermost last
    for ch in text:
        if ch == _FIELD_BEGIN:
            stack.append([True, []])
            instructions.append(stack[-1])
        elif ch == _FIELD_SEPARATOR and stack and stack[-1][0]:
            field = instructions.pop()
            field[0] = False
            m = _DOC_LINK_RE.match("".join(field[1]))
            if m and m.group("url").startswith(("http://", "https://")) and not instructions:
                here.append(m.group("url"))
        elif ch == _FIELD_END and stack:
            if stack.pop()[0]:
                instructions.pop()
        elif instructions:  # inside an instruction (a field's inside another's instruction too): not text
            instructions[-1][1].append(ch)
        elif ch in (_FIELD_SEPARATOR, _FIELD_END):  # a stray mark
            continue
        elif _DOC_PARAGRAPH_ENDS.get(ch) == "\n":
            paras.append("".join(cur).translate(_DOC_DROPPED))
            links.append(here)
            cur, here = [], []
        else:
            cur.append(_DOC_PARAGRAPH_ENDS.get(ch, ch))
    paras.append("".join(cur).translate(_DOC_DROPPED))
    links.append(here)
    return paras, links


def _stream(ole, name: str) -> bytes:
    """A stream of the compound file, whole; a broken directory (a fuzzed or damaged file) is named."""
    try:
        return ole.openstream(name).read()
    except (OSError, ValueError, IndexError) as exc:
        raise SavedFileError(f"not a readable Word 97–2003 document ({type(exc).__name__}: {exc})") from None


def read_doc(raw: bytes) -> Saved:
    """An article kept as a Word 97–2003 document (.doc), read from its piece table (olefile opens the compound file):
    its main text's paragraphs in order, then (session 52) its text boxes' (headers, footnotes and comments — a
    reviewer's name — are not read), fields by their result, the address as in a Word document; (session 52) a Word 6
    or 95 document's main text (`_word6_text`). A locked file, or an old Excel or PowerPoint file, is named."""
    import olefile

    try:
        ole = olefile.OleFileIO(io.BytesIO(raw))
    except Exception as exc:  # noqa: BLE001 - olefile raises its own and struct's errors on a broken file
        raise SavedFileError(f"not a readable Word 97–2003 document ({type(exc).__name__}: {exc})") from None
    with ole:
        if not ole.exists("WordDocument"):
            kind = "an Excel workbook (.xls)" if ole.exists("Workbook") or ole.exists("Book") else \
                "a PowerPoint file (.ppt)" if ole.exists("PowerPoint Document") else "no Word document"
            raise SavedFileError(f"an old Office file that is {kind}, not a Word document: not read — save the "
                                 "article as .docx, .odt, .rtf, .pdf or .txt")
        word = _stream(ole, "WordDocument")
        word6 = _u16(word, 0) != _FIB_IDENT and _u16(word, 2) in _WORD6_VERSIONS  # (Word 6 and 95 write 0xA5DC)
        if _u16(word, 0) != _FIB_IDENT and not word6:
            raise SavedFileError("not a readable Word 97–2003 document (its WordDocument stream has no Word header)")
        flags = _u16(word, 0x0A)
        if flags & 0x0100:
            raise SavedFileError("a Word document locked by a password: not read — save an unlocked copy")
        if word6:
            stories = (_word6_text(word), "")
        else:
            table_name = "1Table" if flags & 0x0200 else "0Table"
            if not ole.exists(table_name):
                raise SavedFileError(f"a Word 97–2003 document without its {table_name} stream: not read")
            stories = _doc_stories(word, _stream(ole, table_name))
    what = "a Word 6 or 95 document" if word6 else "a Word 97–2003 document"
    paras, links = _doc_paragraphs(stories[0])
    box_paras, box_links = _doc_paragraphs(stories[1])  # (session 52) text boxes after the body, as Word prints them
    if not any(p.strip() for p in paras + box_paras):
        raise SavedFileError(f"{what} with no text in its body or its text boxes (headers, footnotes and comments are "
                             "not read): not read")
    return from_paragraphs(paras + box_paras, links + box_links, what)


# -- e-mail -------------------------------------------------------------------------------------
_FWD_PREFIX_RE = re.compile(r"^\s*(?:(?:fwd?|fw|re|пересл|перес|отв|ответ|фвд)\.?\s*(?:\[\d+\])?\s*:\s*)+", re.I)
# the header of a forwarded or quoted message set in the body: its marker line and its fields
_FWD_MARKER_RE = re.compile(r"^\s*(?:-{3,}|_{3,})?\s*(?:forwarded\s+message|original\s+message|пересылаемое\s+сообщение|"
                            r"пересланное\s+сообщение|исходное\s+сообщение|начало\s+переадресованного\s+сообщения)"
                            r"\s*(?:-{3,}|_{3,})?\s*$", re.I)
_HEADER_FIELD_RE = re.compile(r"^\s*(?:from|to|cc|sent|date|subject|от|кому|копия|отправлено|дата|тема)\s*:", re.I)


def read_eml(raw: bytes, depth: int = 0) -> Saved:
    """A letter: the subject as the headline, the body as the text (plain text first, else the HTML), the date it was
    sent as the publication date. The forwarded message's header lines (who sent it to whom) are not the article.
    (session 52) A letter whose body is missing, empty or only a covering note (under COVER_NOTE_CHARS characters) is
    read from its first attachment that is an article's file (`_attached_article`), dated by the letter where the file
    gives no date; without such an attachment, its body is read as before."""
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    if not (msg.get("From") or msg.get("Subject") or msg.get("Date")):
        raise SavedFileError("not an e-mail (no From, Subject or Date line at its head)")
    subject = _FWD_PREFIX_RE.sub("", str(msg.get("Subject") or "")).strip()
    try:  # the day on the sender's own clock, as the letter gives it (not its day in UTC)
        published = parsedate_to_datetime(str(msg["Date"])).date() if msg.get("Date") else None
    except (TypeError, ValueError, IndexError):
        published = None
    part = msg.get_body(preferencelist=("plain", "html"))
    if part is None or len(_plain_words(part)) < COVER_NOTE_CHARS:
        # (session 52) an article forwarded as an attachment (a PDF, a Word file, a photo), with no text beside it or a
        # covering note ("Посмотрите, пожалуйста")
        attached = _attached_article(msg, depth)
        if attached is not None:
            attached.published = attached.published or published
            return attached
    if part is None:
        raise SavedFileError("an e-mail with no text in its body and no attachment read as an article (a PDF, a Word "
                             "or OpenDocument file, rich text, a saved page or a picture): not read")
    if part.get_content_type() == "text/html":
        payload = part.get_payload(decode=True) or b""
        return Saved(title=subject, html=payload, html_charset=part.get_content_charset(),
                     published=published)
    body = part.get_content()
    lines = [ln.rstrip() for ln in body.replace("\r\n", "\n").split("\n")]
    kept: list[str] = []
    in_header = False
    for ln in lines:
        if _FWD_MARKER_RE.match(ln):
            in_header = True
            continue
        if in_header:
            if _HEADER_FIELD_RE.match(ln):
                continue
            if not ln.strip():
                in_header = False
                continue
            in_header = False
        if ln.lstrip().startswith(">"):
            ln = ln.lstrip().lstrip(">").lstrip()
        kept.append(ln)
    text = "\n".join(kept).strip()
    if not text:
        raise SavedFileError("an e-mail whose body is empty: not read")
    return Saved(title=subject, text=text, published=published)


# (session 52) a letter's body shorter than this (its words, markup aside) is a covering note when a file is attached
COVER_NOTE_CHARS = 300


def _plain_words(part) -> str:
    """A body part's words: its text, or its HTML's text, whitespace made single."""
    payload = part.get_payload(decode=True) or b""
    try:
        text = payload.decode(part.get_content_charset() or "utf-8", "replace")
    except LookupError:  # a charset Python does not know
        text = payload.decode("utf-8", "replace")
    if part.get_content_type() == "text/html":
        text = re.sub(r"<[^>]*>", " ", re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", text))
    return " ".join(text.split())


def _attached_article(msg, depth: int = 0) -> Saved | None:
    """(session 52) The first attachment of a letter that reads as an article (`_read_attachment`), None where none
    does."""
    for att in msg.iter_attachments():
        saved = _read_attachment(att, depth)
        if saved is not None and (saved.html is not None or (saved.title + saved.text).strip()):
            return saved
    return None


def _read_attachment(att, depth: int) -> Saved | None:
    """An attachment read as an article's file: told by its bytes as a file is (`sniff`: a PDF, a Word or OpenDocument
    file, rich text, a saved page, a picture) and read by its reader, a text file or a page by its type
    (`_attached_text`), or a letter attached (`message/rfc822`: Outlook's "Forward as attachment", to a depth of three)
    read as a letter; None for anything else, or what its reader refuses."""
    if att.get_content_type() == "message/rfc822":
        if depth >= 3:
            return None
        try:
            return read_eml(att.get_content().as_bytes(), depth=depth + 1)
        except (SavedFileError, AttributeError, ValueError, LookupError):
            return None
    data = att.get_payload(decode=True)
    if not isinstance(data, bytes):
        return None
    kind = sniff(data)
    if kind is None and att.get_content_type() in ("text/plain", "text/html"):
        return _attached_text(att, data)  # a text file or a page attached (its headline on its first line)
    if kind not in READERS or kind == "eml":
        return None
    try:
        return READERS[kind](data)
    except SavedFileError:
        return None


def _attached_text(att, data: bytes) -> Saved:
    """A text file or a page attached to a letter: a page as its HTML (parse reads it as a saved page); a text in the
    charset it names, else as an article file is read (core/cyrillic.py `read_text`: UTF-8 or UTF-16, else the
    Cyrillic code page its bytes read in)."""
    if att.get_content_type() == "text/html":
        return Saved(html=data, html_charset=att.get_content_charset())
    if charset := att.get_content_charset():
        try:
            return Saved(text=data.decode(charset).strip())
        except (LookupError, UnicodeDecodeError):  # a charset Python does not know, or one the bytes are not in
            pass
    try:
        return Saved(text=cyrillic.read_text(data)[0].strip())
    except UnicodeDecodeError:
        return Saved()


# -- a picture ----------------------------------------------------------------------------------
def read_image(raw: bytes) -> Saved:
    """(session 49) A photo or a screenshot of an article: its text read by OCR (ocr.py), as `from_ocr` reads it."""
    from . import ocr

    try:
        pictures = ocr.image_pages(raw)
    except ocr.OcrError as exc:
        raise SavedFileError(f"a picture: {exc}") from None
    if not any(text for lines in pictures for text, _ in lines):
        raise SavedFileError("a picture in which OCR found no text: not read — type the article's text into a .txt file")
    return from_ocr(pictures)


# a line above the headline that is kept (the page's date), not dropped with the site's name and menu
_DATED_RE = re.compile(r"\b(?:19|20)\d{2}\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b")


def from_ocr(pictures: list[list[tuple[str, int]]], meta_title: str = "") -> Saved:
    """(session 49) An article from OCR's lines (each picture's, with the lines' heights: ocr.frame_lines), grouped into
    paragraphs as a printed page's, a picture's end as a page's end. The headline is the first picture's line (or
    lines) in a larger type (ocr.headline_span: a page's screenshot), what stands above it dropped but a date (the
    site's name, its menu); without one, a first block of more than OCR_HEADLINE_LINES lines, or whose first line is as
    long as the text's longest (a line the text wrapped), is a paragraph (a post, a lead without a headline): the text
    is given whole, its first paragraph the headline as a text file's first line is; else the headline is found as a
    printed page's (`_headline`, with the file's own title `meta_title`)."""
    from . import ocr

    span = ocr.headline_span(pictures[0]) if pictures else None
    first = [text for text, _ in pictures[0]] if pictures else []
    if span:
        title = join_lines([text for text in first[span[0]:span[1]] if text])
        first = [text for text in first[:span[0]] if _DATED_RE.search(text)] + [""] + first[span[1]:]
    lines = first + ["\f"] + [text for page in pictures[1:] for text in [*(t for t, _ in page), "\f"]]
    blocks = [b for b in _paragraphs(lines) if b]
    if span:
        return Saved(title=title, text="\n".join(join_lines(b) for b in blocks))
    top, longest = blocks[0], max(len(ln) for b in blocks for ln in b)
    if not meta_title and (len(top) > OCR_HEADLINE_LINES or (len(top) > 1 and len(top[0]) >= 0.85 * longest)):
        # a post or a lead without a headline: its first paragraph is the headline, whole, as a text file's first line
        return Saved(text="\n".join(join_lines(b) for b in blocks))
    title, paragraphs = _headline(meta_title, blocks)
    return Saved(title=title, text="\n".join(paragraphs))


# (session 49) Tesseract sets a headline in a larger type apart from the lead (a blank line between), and a headline's
# line holds fewer letters than the text's: a first block of more lines than this, or whose first line is as long as
# the text's longest (a line the text wrapped), is a paragraph (a post, a lead without a headline), not a headline
# with its lead run on
OCR_HEADLINE_LINES = 3


# each kind's reader (parse.saved_article): the kinds of KIND_NAMES
READERS = {"mhtml": read_mhtml, "pdf": read_pdf, "docx": read_docx, "eml": read_eml, "odt": read_odt, "rtf": read_rtf,
           "ole": read_doc, "image": read_image}
