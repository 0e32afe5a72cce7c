"""Turning raw bytes into articles: decoding (declared and sniffed encodings, windows-1251),
RSS/Atom feeds, listing pages, article pages, Telegram Desktop exports and saved pages."""
from __future__ import annotations

import datetime as dt
import hashlib
import html
import io
import json
import re
from dataclasses import asdict, dataclass, field
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser
import lxml.html
import yaml
from charset_normalizer import from_bytes

from core import cyrillic, dates as card_dates

from assets.media import dates, kazarab, saved_files, social_exports, url_date
from assets.media.sources import FetchSettings

KAZAKH_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
SINGLE_BYTE = {"cp1251", "windows-1251", "koi8-r", "koi8_r", "iso-8859-5", "cp866", "latin-1", "iso-8859-1",
               "windows-1252", "cp1252", "ascii", "us-ascii", "maccyrillic"}


class ParseError(ValueError):
    """The bytes are not what the source says they are (e.g. a broken feed)."""


@dataclass
class Article:
    article_id: str
    source: str
    kind: str  # web | telegram | saved | file
    url: str
    title: str
    text: str
    published: dt.date | None = None
    fetched_at: dt.datetime | None = None
    lang: str = "ru"
    response_id: str | None = None

    def __post_init__(self) -> None:
        # (session 51) an article without a publication date of its own takes the full date its address names
        # (url_date.py), however it was read: a record, a text file, a saved page, a PDF or a Word file naming its URL
        self.published = url_date.published_of(self.published, self.url)

    def to_row(self) -> dict:
        return asdict(self)


@dataclass
class FeedItem:
    url: str
    title: str = ""
    published: dt.date | None = None
    summary: str = ""


def article_id(url: str) -> str:
    return hashlib.sha1(url.strip().encode("utf-8")).hexdigest()[:16]


def detect_lang(text: str) -> str:
    """'kk' when at least a fifth of the Cyrillic words have a Kazakh-only letter, else 'ru'
    (a Kazakh name in a Russian article does not make it Kazakh)."""
    if kazarab.is_arabic(text):
        return "kk"  # (session 31) Kazakh in the Arabic script
    words = re.findall(r"[\u0400-\u04ff]+", text)
    if not words:
        return "ru"
    kk = sum(1 for w in words if any(ch in KAZAKH_LETTERS for ch in w))
    return "kk" if kk / len(words) >= 0.2 else "ru"


# -- encodings ---------------------------------------------------------------------------------
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_\-]+)["']""", re.I)


def _norm_enc(name: str | None) -> str | None:
    if not name:
        return None
    n = name.strip().strip("\"'").lower()
    aliases = {"win-1251": "cp1251", "windows-1251": "cp1251", "x-cp1251": "cp1251", "cp-1251": "cp1251",
               "utf8": "utf-8", "utf_8": "utf-8"}
    n = aliases.get(n, n)
    try:
        import codecs

        return codecs.lookup(n).name
    except LookupError:
        return None


def declared_encoding(body: bytes, content_type: str | None = None) -> str | None:
    """The charset the server or the document itself declares (header first, then meta / XML)."""
    if content_type:
        m = re.search(r"charset\s*=\s*([^\s;]+)", content_type, re.I)
        if m and _norm_enc(m.group(1)):
            return _norm_enc(m.group(1))
    head = body[:4096]
    m = _META_CHARSET.search(head) or _XML_DECL.search(head)
    if m:
        return _norm_enc(m.group(1).decode("ascii", "ignore"))
    return None


# the Western code pages a server declares by default (Apache's ISO-8859-1), read as Cyrillic where the bytes are
_WESTERN = frozenset({"iso8859-1", "cp1252"})


def decode(body: bytes, content_type: str | None = None, forced: str | None = None) -> tuple[str, str]:
    """Bytes -> (text, encoding used). Order: a forced encoding, a BOM, UTF-16 without its BOM holding Cyrillic text,
    the declared charset (unless the bytes are valid UTF-8 and the declaration names a single-byte code page: sites
    that declare windows-1251 and serve UTF-8 exist; or it names Latin-1 or windows-1252 and the bytes read as
    Cyrillic text: a server's default over a Russian page), strict UTF-8, the Cyrillic code page the bytes read best in
    (Windows-1251 unless KOI8-R, DOS cp866, Mac Cyrillic, ISO-8859-5 or Kazakh KZ-1048 reads clearly better:
    core/cyrillic.py, which the card reader shares), then charset-normalizer's guess."""
    if forced and _norm_enc(forced):
        enc = _norm_enc(forced)
        return body.decode(enc, errors="replace"), enc
    if body.startswith(b"\xef\xbb\xbf"):
        return body[3:].decode("utf-8", errors="replace"), "utf-8"
    if body.startswith(cyrillic.UTF16_BOMS):
        return body.decode("utf-16", errors="replace"), "utf-16"
    if unmarked := cyrillic.utf16_without_mark(body):  # (session 52) before UTF-8: its bytes are valid UTF-8 (ASCII)
        return body.decode(unmarked, errors="replace"), unmarked
    utf8: str | None
    try:
        utf8 = body.decode("utf-8")
    except UnicodeDecodeError:
        utf8 = None
    declared = declared_encoding(body, content_type)
    if declared:
        if declared != "utf-8" and utf8 is not None and any(b > 127 for b in body) and declared in {
            _norm_enc(e) for e in SINGLE_BYTE if _norm_enc(e)
        }:
            return utf8, "utf-8"
        if declared in _WESTERN and utf8 is None and (enc := cyrillic.code_page(body)):
            # (session 52) a server's default Latin-1 (or windows-1252) over a page whose bytes read as Russian or Kazakh
            # text: the declaration is the server's, not the page's ("Ìèòèíã" for "Митинг")
            return body.decode(enc, errors="replace"), _norm_enc(enc) or enc
        try:
            return body.decode(declared), declared
        except UnicodeDecodeError:
            pass  # the declaration lies; sniff
    if utf8 is not None:
        return utf8, "utf-8"
    if enc := cyrillic.code_page(body):
        return body.decode(enc, errors="replace"), _norm_enc(enc) or enc
    best = from_bytes(body).best()
    if best is not None and best.encoding:
        return str(best), best.encoding
    return body.decode("utf-8", errors="replace"), "utf-8"


# -- feeds and listings ------------------------------------------------------------------------
def _struct_date(t) -> dt.date | None:
    if not t:
        return None
    try:
        return dt.date(t.tm_year, t.tm_mon, t.tm_mday)
    except (AttributeError, ValueError):
        return None


@dataclass
class FeedRead:
    """What a feed gave: its items (absolute links, no repeats), and what it did not give, to be said."""
    items: list[FeedItem] = field(default_factory=list)
    entries: int = 0  # entries the parser read
    no_link: int = 0  # entries without a link (skipped)
    bad_links: list[tuple[str, str]] = field(default_factory=list)  # (link as written, why it cannot be a URL)
    broken: str | None = None  # the XML is broken: items after the break are lost (the parser's reason)

    def problems(self) -> list[str]:
        """One line per thing dropped, naming the link (the caller adds the source)."""
        out = [f"{link}: bad link skipped ({why})" for link, why in self.bad_links]
        if self.no_link:
            out.append(f"{self.no_link} of {self.entries} item{'s' if self.entries != 1 else ''} without a link skipped")
        if self.broken:
            out.append(f"the feed is broken ({self.broken}): {self.entries} item{'s' if self.entries != 1 else ''} "
                       f"read, any after the break lost")
        return out


# bozo reasons that do not lose items (a charset declared wrongly, a text/html content type)
_HARMLESS_BOZO = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)


def absolute_link(base_url: str, link: str) -> str:
    """`link` made absolute against `base_url`; ValueError when it cannot be a URL (`http://[::1`, port 99999)."""
    url = urljoin(base_url, link.strip())
    parts = urlsplit(url)
    parts.port  # noqa: B018 - raises ValueError on a port out of range or not a number
    return url


def parse_feed(body: bytes, base_url: str = "", content_type: str | None = None) -> list[FeedItem]:
    """Entries of an RSS or Atom feed. A feed that cannot be read at all raises ParseError."""
    return parse_feed_read(body, base_url, content_type).items


def parse_feed_read(body: bytes, base_url: str = "", content_type: str | None = None) -> FeedRead:
    """Entries of an RSS or Atom feed, and what was skipped (FeedRead). A feed that cannot be read at all
    raises ParseError; a link that cannot be a URL is skipped and named, never raised."""
    parsed = feedparser.parse(body, response_headers={"content-type": content_type} if content_type else None)
    why = getattr(parsed, "bozo_exception", None)
    if not parsed.get("version"):
        raise ParseError("not an RSS/Atom feed" + (f" ({why})" if why else " (no channel and no entries)"))
    if parsed.bozo and not any(e.get("link") for e in parsed.entries):
        raise ParseError(f"not a readable RSS/Atom feed: {why}")
    out = FeedRead(entries=len(parsed.entries))
    if parsed.bozo and why is not None and not isinstance(why, _HARMLESS_BOZO):
        out.broken = str(why) or type(why).__name__
    seen: set[str] = set()
    for e in parsed.entries:
        raw = e.get("link") or ""
        if not raw.strip():
            out.no_link += 1
            continue
        try:
            link = absolute_link(base_url, raw)
        except ValueError as exc:
            out.bad_links.append((raw, str(exc)))
            continue
        if link in seen:
            continue
        seen.add(link)
        summary = e.get("summary") or ""
        if summary:  # (session 43) paragraphs kept a line each and a "read also" link dropped (markup_to_text)
            summary = markup_to_text(summary) if MARKUP_RE.search(summary) else html_to_text(summary)
        out.items.append(
            FeedItem(
                url=link,
                title=(e.get("title") or "").strip(),
                published=_struct_date(e.get("published_parsed") or e.get("updated_parsed")),
                summary=summary,
            )
        )
    return out


def parse_listing(text: str, base_url: str, link_pattern: str, limit: int | None = None,
                  bad_links: list[tuple[str, str]] | None = None) -> list[str]:
    """Absolute links of a listing page that match `link_pattern`, in page order, no repeats. A link that
    cannot be a URL is skipped (and appended to `bad_links` as (link, why) when given)."""
    try:
        doc = lxml.html.fromstring(text)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise ParseError(f"listing page is not HTML: {exc}") from exc
    rx = re.compile(link_pattern)
    out: list[str] = []
    for a in doc.iter("a"):
        href = (a.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:", "mailto:")):
            continue
        try:
            url = absolute_link(base_url, href).split("#", 1)[0]
        except ValueError as exc:
            if bad_links is not None:
                bad_links.append((href, str(exc)))
            continue
        if rx.search(url) and url not in out:
            out.append(url)
            if limit and len(out) >= limit:
                break
    return out


def html_to_text(fragment: str) -> str:
    try:
        return " ".join(lxml.html.fromstring(f"<div>{fragment}</div>").text_content().split())
    except (lxml.etree.ParserError, ValueError):
        return re.sub(r"<[^>]+>", " ", fragment)


# -- article pages -----------------------------------------------------------------------------
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->", re.I)


def _meta_date(doc) -> dt.date | None:
    for xp in ('//meta[@property="article:published_time"]/@content', '//meta[@name="pubdate"]/@content',
               '//meta[@itemprop="datePublished"]/@content', '//time/@datetime'):
        for v in doc.xpath(xp):
            try:
                return dt.date.fromisoformat(str(v)[:10])
            except ValueError:
                continue
    return None


# (session 43) a "read also" block inside an article's body: a cue, then links to other stories ("Читайте также: В
# Жанаозене нефтяники объявили голодовку, 15 человек задержаны"). trafilatura keeps such a block when it sits in the
# article, and its headline read as the article's own made a kindergarten's opening a hunger strike in Zhanaozen.
# (`text.RELATED_RE` is its twin for plain text, read a line at a time by `text.strip_related` in `normalise`; it could
# not find this block where trafilatura's recall mode joined it into one line with the article. The two lists differ
# — bare «Читайте:», «По теме.» with a full stop, English cues here; «См. также», «Ранее по теме» there — and merging
# them would change how every plain text is read, so each keeps its own.)
READ_ALSO_RE = re.compile(r"^\W*(?:(?:читайте|читать|смотрите)(?:\s+(?:также|тоже|ещ[её]|по\s+теме|подробнее|больше))?|"
                          r"также\s+(?:читайте|смотрите)|по\s+теме|ещ[её]\s+по\s+теме|похожие\s+(?:новости|материалы|статьи)|"
                          r"другие\s+новости|новости\s+по\s+теме|материалы\s+по\s+теме|рекомендуем|"
                          r"(?:тағы|сондай-ақ)\s+оқыңыз|оқи(?:ңыз)?(?:\s+отырыңыз)?|ұқсас\s+(?:жаңалықтар|материалдар)|"
                          r"тақырыпқа\s+қатысты|(?:read|see)\s+(?:also|more)|related(?:\s+(?:news|stories|articles))?)"
                          r"\s*(?:[:.–—-]|$)", re.I)
# a block's class or id that names a list of other stories, tags or sharing buttons (dropped only when mostly links)
READ_ALSO_CLASS_RE = re.compile(r"read[-_]?(?:also|more)|readmore|also[-_]?read|related|see[-_]?also|similar|recommend|"
                                r"more[-_]?news|other[-_]?news|popular|most[-_]?read|(?<![a-z])tags?(?![a-z])|share|social",
                                re.I)
_BLOCKS = ("p", "div", "section", "aside", "blockquote", "ul", "ol", "li", "table", "h2", "h3", "h4", "h5", "h6", "span",
           "strong", "b", "em", "i")


def _link_share(el) -> float:
    """How much of an element's text is the text of its links."""
    text = len("".join(el.text_content().split()))
    return len("".join("".join(a.text_content().split()) for a in el.iter("a"))) / text if text else 0.0


def drop_read_also(doc) -> int:
    """Drops from an article page's tree what points to other stories: a block whose text opens with a "read also" cue
    and is otherwise links (or a cue alone, with the list of links after it), and a block whose class or id names
    related stories, tags or sharing and is mostly links. Never the block that holds the page's <h1>. How many were
    dropped."""
    h1 = doc.find(".//h1")
    keep = set(h1.iterancestors()) if h1 is not None else set()
    gone: set = set()
    for el in list(doc.iter(*_BLOCKS)):
        if el in keep or el.getparent() is None or any(a in gone for a in el.iterancestors()):
            continue  # (an element inside one dropped already goes with it)
        text = " ".join(el.text_content().split())
        m = READ_ALSO_RE.match(text)
        cls = f"{el.get('class', '')} {el.get('id', '')}"
        if m and (not text[m.end():].strip() or _link_share(el) >= 0.5):
            nxt = el.getnext()
            while not text[m.end():].strip() and nxt is not None and nxt not in keep and _link_share(nxt) >= 0.5:
                gone.add(nxt)  # a heading alone ("По теме", "Другие новости"), then its links, one block or several
                after = nxt.getnext()
                nxt.drop_tree()
                nxt = after
            gone.add(el)
            el.drop_tree()
        elif READ_ALSO_CLASS_RE.search(cls) and _link_share(el) >= 0.5:
            gone.add(el)
            el.drop_tree()
    return len(gone)


_LEAF_BLOCKS = ("p", "div", "td", "li", "blockquote", "section", "font", "span", "dd")
_OUTSIDE = ("script", "style", "nav", "header", "footer", "aside", "form", "noscript")


def _lost_paragraph(doc, kept: str, searches: int = 50) -> bool:
    """Whether the page holds a paragraph of its own words (60 characters or more, mostly not links, no block inside
    it, not in the page's navigation, header, footer or aside) that `kept`, an extraction's text, lacks. A paragraph
    is looked up among `kept`'s lines first, and searched for in its whole text at most `searches` times (a page of
    45,000 paragraphs took 15 s of searching; a news page holds a few)."""
    lines = {" ".join(ln.split()) for ln in kept.splitlines()}
    have = None
    for el in doc.iter(*_LEAF_BLOCKS):
        if any(True for _ in el.iterdescendants(*_LEAF_BLOCKS)) or any(a.tag in _OUTSIDE for a in el.iterancestors()):
            continue
        t = " ".join(el.text_content().split())
        if len(t) < 60 or t in lines or _link_share(el) >= 0.5:
            continue
        if searches <= 0:
            return False
        searches -= 1
        have = " ".join(kept.split()) if have is None else have
        if t not in have:
            return True
    return False


def _trafilatura(text: str, url: str, doc=None):
    """trafilatura's reading of the page, its paragraphs one a line. On a page as short as a news lead its recall mode
    falls back to the article's whole text in one line, the page's furniture in it ("14 мая 2024, 12:30 · Просмотров:
    2345 Около 30 жителей …": the view counter read as a head count; session 43); its precision mode keeps the lines
    and drops the furniture, but now and then a paragraph of the article too (one in a block whose class it reads as
    furniture, "widget"). So precision, unless it lost a paragraph of the page's own words (`_lost_paragraph`; `doc`,
    the page's tree): then recall."""
    try:
        import trafilatura

        def read(**mode):  # (session 44) the text only: the same text with or without metadata (990 real pages, both
            # modes), and the metadata (author, categories, htmldate's date) cost a third of the time; `page_metadata`
            return trafilatura.bare_extraction(text, url=url or None, with_metadata=False, include_comments=False, **mode)

        precise = read(favor_precision=True)
        got = getattr(precise, "text", None) or ""
        if got.strip() and (doc is None or not _lost_paragraph(doc, got)):
            return precise
        recall = read(favor_recall=True)
        return recall if getattr(recall, "text", None) else precise
    except Exception:  # noqa: BLE001 - trafilatura on hostile HTML must not end the run
        return None


def page_metadata(page, url: str):
    """trafilatura's metadata of a page (its title, and its date as htmldate finds it), or None where it fails; read as
    `bare_extraction(with_metadata=True)` reads it (its date settings; `extensive` is its `fast`, False)."""
    try:
        from trafilatura.metadata import extract_metadata
        from trafilatura.settings import set_date_params

        return extract_metadata(page, url or None, set_date_params(True), False)
    except Exception:  # noqa: BLE001 - as _trafilatura: hostile HTML must not end the run
        return None


# (session 43) the site's name after a page's <title> ("Жители вышли к акимату - Новости Уральска | Мой ГОРОД"): the
# outlet's, not the headline's — its city read as the event's
_TITLE_SEP_RE = re.compile(r"\s+[|–—-]\s+|\s*\|\s*")
SITE_SUFFIX_RE = re.compile(r"новост|news|жаңалық|ақпарат|портал|газет|агентств|медиа|media|онлайн|online|\btv\b|\bтв\b|"
                            r"телеканал|радио|\.(?:kz|ru|com|org|net|info|kg|uz|by|ua|media|news|tv)\b", re.I)


def page_title(title: str) -> str:
    """A page's <title> without the site's name after it: from the first segment after " - ", " | ", " — " that names
    a site (news, a portal, a radio, a domain, …) to the end, when every segment from there is short (five words at
    most) and two words of the headline are left."""
    seps = list(_TITLE_SEP_RE.finditer(title))
    parts = _TITLE_SEP_RE.split(title)
    for i in range(1, len(parts)):
        if SITE_SUFFIX_RE.search(parts[i]) and all(len(p.split()) <= 5 for p in parts[i:]):
            head = title[:seps[i - 1].start()]
            return head if len(head.split()) >= 2 else title
    return title


def year_only_guess(day: dt.date, page: str) -> bool:
    """(session 51) htmldate's date is the 1st of January of a year it found alone (a copyright line "© 2019", "в 2021 году"
    in the text), not a date the page shows: no day of publication. A page that shows the 1st of January itself ("01.01.2022",
    "2022-01-01", "1 января 2022", "1 қаңтар 2022", "Jan 1, 2022") keeps it."""
    if (day.month, day.day) != (1, 1):
        return False
    y = day.year
    return not re.search(rf"(?<!\d)0?1[./-]0?1[./-]{y}(?!\d)|(?<!\d){y}[./-]0?1[./-]0?1(?!\d)|"
                         rf"(?<!\d)0?1(?:-?ші|-?шы|-)?\s*(?:январ|қаңтар|jan)\w*\.?,?\s+{y}(?!\d)|"
                         rf"(?<!\d){y}\s+(?:жыл\w*\s+)?0?1(?:-?ші|-?шы|-)?\s*қаңтар|\bjan\w*\.?\s+0?1(?:st)?,?\s+{y}(?!\d)",
                         page, re.I)


def extract_html(text: str, url: str) -> tuple[str, str, dt.date | None]:
    """(title, main text, published date) of an article page: trafilatura, with an lxml fallback; what points to other
    stories ("Читайте также: …", a list of related stories) is dropped first (`drop_read_also`)."""
    title, body, published = "", "", None
    try:
        doc = lxml.html.fromstring(text)
        published = _meta_date(doc)
        t = doc.find(".//title")
        og = doc.xpath('//meta[@property="og:title"]/@content')
        title = " ".join(str(og[0]).split()) if og and str(og[0]).strip() else \
            page_title(" ".join((t.text_content() if t is not None else "").split()))
        h1 = doc.find(".//h1")
        if h1 is not None and h1.text_content().strip():
            title = " ".join(h1.text_content().split())
        if drop_read_also(doc):
            text = lxml.html.tostring(doc, encoding="unicode")
    except (lxml.etree.ParserError, ValueError):
        doc = None
    res = _trafilatura(text, url, doc)
    if res is not None and getattr(res, "text", None):
        body = res.text
        if published is None or not title:  # (session 44) trafilatura's metadata only where the page's own lack it
            meta = page_metadata(text, url)
            title = title or (getattr(meta, "title", None) or "")
            if published is None and getattr(meta, "date", None):
                try:
                    published = dt.date.fromisoformat(str(meta.date)[:10])
                except ValueError:
                    pass
                if published is not None and year_only_guess(published, text):
                    published = None
    elif doc is not None:
        for bad in doc.xpath("//script|//style|//nav|//header|//footer"):
            bad.drop_tree()
        paras = [" ".join(p.text_content().split()) for p in doc.iter("p")]
        body = "\n".join(p for p in paras if p) or " ".join(doc.text_content().split())
    lines = [ln.strip() for ln in body.splitlines() if ln.strip()]
    if lines and title and lines[0] == title:
        lines = lines[1:]
    return title, "\n".join(lines), published


def article_from_response(resp: dict, *, feed_item: FeedItem | None = None, forced_encoding: str | None = None) -> Article:
    headers = resp.get("headers") or {}
    url = resp["url"]
    ctype = (headers.get("content-type") or "").lower()
    if saved_files.sniff(resp["body"][:2048]) == "pdf":  # (session 47) a statement or a page as a PDF behind a link
        try:  # (read before any decoding: a PDF's bytes are no text to guess a code page for)
            title, body = saved_title_and_text(saved_files.read_pdf(resp["body"]))
        except saved_files.SavedFileError as exc:
            raise ParseError(f"{url}: {exc}") from None
        published = None
    else:
        text, enc = decode(resp["body"], headers.get("content-type"), forced_encoding)
        if _looks_binary(resp["body"], text, enc):  # an image, a compressed file behind an article's link
            raise ParseError(f"{url}: not a web page (binary content{', Content-Type ' + ctype if ctype else ''})")
        if "text/plain" in ctype:
            lines = text.strip().splitlines()
            title, body, published = (lines[0].strip() if lines else ""), "\n".join(lines[1:]), None
        else:
            title, body, published = extract_html(text, resp.get("final_url") or url)
    if feed_item is not None:
        title = title or feed_item.title
        published = feed_item.published or published
        if not body.strip():
            body = feed_item.summary
    # (session 51) an address's full date before the server's Last-Modified (a page edited later keeps its address; the
    # final address's, which the Article's own, `url`, may not hold)
    published = url_date.published_of(published, resp.get("final_url") or url)
    if published is None and headers.get("last-modified"):
        try:
            published = parsedate_to_datetime(headers["last-modified"]).date()
        except (TypeError, ValueError):
            pass
    return Article(
        article_id=article_id(url), source=resp.get("source") or "", kind="web", url=url, title=title,
        text=body, published=published, fetched_at=resp.get("fetched_at"), lang=detect_lang(title + " " + body),
        response_id=resp.get("response_id"),
    )


# -- local files: saved pages, text files, Telegram exports ------------------------------------
def read_local(path: Path, *, source: str = "file", published: dt.date | None = None) -> list[Article]:
    """Articles from one local file: a saved page (.html/.htm), a text file (.txt: the first line is
    the title), a Telegram Desktop export (.json) or article files (.yaml/.yml, .json, .jsonl: `url`,
    `published`, `lang`, `text` — the real-article sets' format, tests/media/real/README.md; anything
    else, such as annotations, is never read). A file that holds no article (an empty list, a Telegram export
    without a text message) raises ParseError, as an unreadable one does."""
    return read_local_all(path, source=source, published=published)[0]


def read_local_all(path: Path, *, source: str = "file",
                   published: dt.date | None = None) -> tuple[list[Article], list[str]]:
    """read_local's articles, and one message per record that could not be read — a table's row (.csv, .tsv, .xlsx,
    .ods: "skipped: <file>: row N: <field> …"), a .jsonl's line, an article of a .json or .yaml list: a bad record
    never stops the file's others. A file that holds no article raises ParseError, with its records' messages."""
    problems: list[str] = []
    if path.suffix.lower() in TABLE_SUFFIXES:
        arts, problems = read_article_table(path, source=source, published=published)
        empty = f"{path}: no article in this table (no row with a text)"
    else:  # (session 46) a list of records, or a .jsonl's lines: a bad one is named, the others read
        try:
            arts = _read_local(path, source, published, problems)
        except (ParseError, OSError):
            raise
        except Exception as exc:  # noqa: BLE001 - (session 47) a hostile file is named, never a traceback
            raise ParseError(f"{path}: could not be read ({type(exc).__name__}: {exc})") from None
        empty = f"{path}: no article in this file ({HOLDS_NONE})"
    if not arts:
        raise ParseError("; ".join(p.removeprefix("skipped: ") for p in problems[:3])
                         + (f" (and {len(problems) - 3} more)" if len(problems) > 3 else "") if problems else empty)
    return arts, problems


def _read_local(path: Path, source: str, published: dt.date | None, problems: list[str] | None = None) -> list[Article]:
    suffix = path.suffix.lower()
    if suffix not in (".json", ".jsonl", ".ndjson", ".yaml", ".yml"):  # one article a file (those hold many)
        size = path.stat().st_size
        limit = saved_files.MAX_SAVED_FILE_BYTES if suffix in SAVED_SUFFIXES else MAX_ARTICLE_BYTES
        if size > limit:
            raise ParseError(f"{path}: {size:,} bytes, more than an article file may hold ({limit:,}"
                             + (")" if suffix in SAVED_SUFFIXES else ", as the fetcher's fetch.max_bytes)") + ": not read")
    raw = path.read_bytes()
    if suffix == ".json":
        return read_article_json(raw, path, source=source, published=published, problems=problems)
    if suffix in (".jsonl", ".ndjson"):
        return read_article_lines(raw, path, source=source, published=published, problems=problems)
    if suffix in (".yaml", ".yml"):
        return read_article_yaml(raw, path, source=source, published=published, problems=problems)
    # (session 47) a PDF, a Word document or a page saved as one file (session 48: an .odt, an .rtf, a .doc) is read as
    # what its bytes are, whatever its name
    kind, want = saved_files.sniff(raw), SAVED_SUFFIXES.get(suffix)
    if kind in SNIFFED_KINDS:
        return [saved_article(path, kind, raw, source=source, published=published)]
    if want in SNIFFED_KINDS and want not in ("mhtml", "ole"):  # (a .doc may be Word's web page or text: read as such)
        label = saved_files.KIND_NAMES[want]
        what = saved_files.NOT_READ.get(kind or "", f"its bytes are not {label}'s: another file renamed {suffix}?")
        raise ParseError(f"{path}: not {label} ({what})")
    if kind in saved_files.NOT_READ:
        raise ParseError(f"{path}: {saved_files.NOT_READ[kind]}")
    if want == "eml":
        return [saved_article(path, "eml", raw, source=source, published=published)]
    # (session 47) a page's source saved as a text file is read as the page
    html_page = suffix in (".html", ".htm", ".xhtml", ".mhtml", ".mht") or opens_with_markup(raw)
    text, enc = decode(raw, "text/html" if html_page else None)
    if not html_page:
        if not text.strip():
            raise ParseError(f"{path}: the file is empty (a text file: the headline on its first line, then the lead)")
        if _looks_binary(raw, text, enc):
            raise ParseError(f"{path}: not a text file (binary content; a text file: the headline on its first line, "
                             "then the lead)")
        return [article_from_text(text, url=path.resolve().as_uri(), source=source, published=published)]
    if not text.strip():
        raise ParseError(f"{path}: the file is empty (a saved page: its HTML)")
    if _looks_binary(raw, text, enc):
        raise ParseError(f"{path}: not a web page (binary content, such as a PDF, an image or a compressed file "
                         "saved under an .html name)")
    return [saved_page(text, path.resolve().as_uri(), source=source, published=published)]


def saved_page(text: str, fallback_url: str, *, source: str = "file", published: dt.date | None = None) -> Article:
    """A saved page's article: its URL the browser's `saved from url=` comment, else its canonical link or og:url,
    else `fallback_url` (the file's own)."""
    m = _SAVED_FROM.search(text[:2000])
    url = m.group(1) if m else None
    if not url:
        try:
            doc = lxml.html.fromstring(text)
            links = doc.xpath('//link[@rel="canonical"]/@href') or doc.xpath('//meta[@property="og:url"]/@content')
            url = str(links[0]) if links else None
        except (lxml.etree.ParserError, ValueError):
            url = None
    url = url or fallback_url
    title, body, pub = extract_html(text, url)
    return Article(article_id=article_id(url), source=source, kind="saved", url=url, title=title, text=body,
                   published=published or pub, lang=detect_lang(title + " " + body))


# (session 47) bytes that open with a page's markup (standard input has no name to tell an HTML page by)
_HTML_START_RE = re.compile(rb"^\s*(?:<!--.*?-->\s*|<\?xml[^>]*>\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)


def opens_with_markup(raw: bytes) -> bool:
    """Whether the bytes (after a UTF-8 mark) open with a page's markup, looked for in their first 4 KB."""
    return bool(_HTML_START_RE.match((raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw)[:4096]))


# (session 52) a letter's head: header lines ("Name: value", a value folded onto lines that start with a space or a tab)
# from the first line on, among them From, Subject or Date, before the blank line that ends the head
_LETTER_HEAD_RE = re.compile(rb"(?:[A-Za-z][A-Za-z0-9-]*:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*)*?"
                             rb"(?:From|Subject|Date):[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*"
                             rb"(?:[A-Za-z][A-Za-z0-9-]*:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*)*\r?\n", re.I)


def read_stdin(raw: bytes, *, source: str = "cli", published: dt.date | None = None) -> Article:
    """(session 47) Standard input read as a file of its kind: a PDF, a Word document, an OpenDocument or RTF text or a
    page saved as one file (told by their bytes), an HTML page (it opens with its markup), else a text whose first line
    is the headline — UTF-8, UTF-16 with its mark or Windows-1251, as a .txt file is read; (session 52) a letter (its
    head of header lines, From, Subject or Date among them) is read as an .eml file. Its URL is "stdin:" unless the
    page names one."""
    name = "standard input"
    if not raw.strip():
        raise ParseError(f"{name} is empty: give the headline on the first line, then the text")
    kind = saved_files.sniff(raw)
    if kind in SNIFFED_KINDS:
        return saved_article(name, kind, raw, source=source, published=published, fallback_url="stdin:",
                             key="stdin:" + hashlib.sha1(raw).hexdigest())
    if kind in saved_files.NOT_READ:
        raise ParseError(f"{name}: {saved_files.NOT_READ[kind]}")
    if _LETTER_HEAD_RE.match(raw):  # (session 52) a letter piped in (a mail filter's `| monitor extract -`)
        return saved_article(name, "eml", raw, source=source, published=published, fallback_url="stdin:",
                             key="stdin:" + hashlib.sha1(raw).hexdigest())
    html_page = opens_with_markup(raw)
    text, enc = decode(raw, "text/html" if html_page else None)
    if not text.strip():
        raise ParseError(f"{name} is empty: give the headline on the first line, then the text")
    if _looks_binary(raw, text, enc):
        raise ParseError(f"{name}: not a text (binary content): give the headline on the first line, then the text")
    if html_page:
        return saved_page(text, "stdin:", source=source, published=published)
    return article_from_text(text, url="stdin:", source=source, published=published, key="stdin:" + text)


def saved_article(path: Path | str, kind: str, raw: bytes, *, source: str = "file", published: dt.date | None = None,
                  fallback_url: str | None = None, key: str | None = None) -> Article:
    """(session 47) An article from a saved page (MHTML), a page printed to PDF, a Word document or a letter
    (saved_files.py): the page's HTML read as a saved page is; a text with its headline read as a text file is. Its URL
    is the address the file names, else `fallback_url` (default: the file's own); `published` is the one given, else
    the letter's date. `key` (default: the URL) names it for its id."""
    try:
        saved = saved_files.READERS[kind](raw)
    except saved_files.SavedFileError as exc:
        raise ParseError(f"{path}: {exc}") from None
    except Exception as exc:  # noqa: BLE001 - a hostile file's fault in the library that reads it: named, never a crash
        raise ParseError(f"{path}: not readable as {saved_files.KIND_NAMES[kind]} ({type(exc).__name__}: {exc})") \
            from None
    url = saved.url or fallback_url or Path(path).resolve().as_uri()
    pub = None
    if saved.html is not None:
        text, _ = decode(saved.html, f"text/html; charset={saved.html_charset}" if saved.html_charset else "text/html")
        title, body, pub = extract_html(text, url)
        title = saved.title or title
    else:
        title, body = saved_title_and_text(saved)
    if not (title + body).strip():
        raise ParseError(f"{path}: no text found in it")
    return Article(article_id=article_id(key if key and not saved.url else url), source=source,
                   kind="saved" if kind in ("mhtml", "pdf") else "file",
                   url=url, title=title, text=body, published=published or saved.published or pub,
                   fetched_at=saved.saved_at, lang=detect_lang(title + " " + body))


def saved_title_and_text(saved: saved_files.Saved) -> tuple[str, str]:
    """(session 47) A saved text's headline and lead: the headline the file names, else its first line (as a text
    file's, headline_and_lead)."""
    return (saved.title, saved.text.strip()) if saved.title else headline_and_lead(saved.text)


class _ArticleLoader(yaml.SafeLoader):
    """YAML's safe loader with dates left as text, so that a bad one is named by its field."""


_ArticleLoader.yaml_implicit_resolvers = {
    ch: [(tag, rx) for tag, rx in rs if tag != "tag:yaml.org,2002:timestamp"]
    for ch, rs in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def _looks_binary(raw: bytes, text: str, encoding: str = "utf-8") -> bool:
    """A NUL byte (in the decoded text when it was UTF-16, whose bytes hold NULs), or more than 2% control
    characters (other than tab and line ends) in the decoded text."""
    nul = "\x00" in text[:65536] if encoding.startswith("utf-16") else b"\x00" in raw[:65536]
    if nul:
        return True
    sample = text[:65536]
    ctrl = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\r\f") or 0x7F <= ord(ch) < 0xA0)
    return ctrl > 0.02 * max(len(sample), 1)


def headline_and_lead(text: str) -> tuple[str, str]:
    """A text whose first line is the headline: (headline, the rest), each stripped; Windows line ends read as
    line ends (a .txt file, standard input and an article record's `text` are all split here)."""
    title, _, body = text.strip().replace("\r\n", "\n").replace("\r", "\n").partition("\n")
    if DATELINE_ONLY_RE.fullmatch(title.strip()) and body.strip():
        # (session 31) a first line that is only the page's date and time ("19 ноября 2009 | 07:06", "13.11.2025, 14:22"):
        # the headline is the next line; the date line stays at the head of the lead, where it dates the page
        head, _, rest = body.strip().partition("\n")
        return _MD_HEADING_RE.sub("", head.strip()), (title.strip() + "\n" + rest.strip()).strip()
    return _MD_HEADING_RE.sub("", title.strip()), body.strip()


# (session 51) a Markdown heading's marks before a saved text's headline ("# Митинг в Уральске"); not a hashtag ("#Уральск")
_MD_HEADING_RE = re.compile(r"^#{1,6}\s+")


# (session 31) a line that holds only a date, maybe a time: a page's date line, never a headline
DATELINE_ONLY_RE = re.compile(r"\W*(?:\d{1,2}\s+" + dates.RU_MONTH_RE + r"(?:\s+\d{4})?|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2})(?:\s*(?:г\.|года))?"
                              r"(?:\s*[|,–—-]?\s*\d{1,2}:\d{2})?\W*", re.I)


# (session 51) a line of a saved text that is only the article's address, maybe after a label ("https://…",
# "Источник: https://…", "Дереккөз: …", "Source: …"): kept as the article's URL, not read as its headline or text. The
# last line counts only with a label: a post's last line is often a channel's or a site's link ("https://t.me/news_kz")
SOURCE_LINE_RE = re.compile(r"(?P<label>(?:источник|ссылка|адрес|url|source|link|дереккөз|сілтеме)\s*[:：-]?\s*)?"
                            r"(?P<url>https?://[^\s<>\"«»]+)\s*", re.I)


def source_url_line(text: str) -> tuple[str | None, str]:
    """(the address, the text without its line) where the first non-empty line of `text` is only an address
    (SOURCE_LINE_RE), or the last one is a labelled address; else (None, text)."""
    lines = text.strip().replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for i, labelled in ((0, False), (len(lines) - 1, True)):
        if len(lines) > 1 and (m := SOURCE_LINE_RE.fullmatch(lines[i].strip())) and (m["label"] or not labelled):
            return m["url"].rstrip(".,;)"), "\n".join(lines[:i] + lines[i + 1:])
    return None, text


def article_from_text(text: str, *, url: str, source: str, published: dt.date | None = None,
                      key: str | None = None) -> Article:
    """An article from a plain text whose first line is the headline (a .txt file, standard input); `key` (default:
    the URL) names it for its id. (session 51) A first or last line that is only the article's address gives its URL
    (`source_url_line`) and its id (and, where the address holds a full date, its publication date: `Article`)."""
    named, text = source_url_line(text)
    if named:
        url, key = named, None
    title, body = headline_and_lead(text)
    return Article(article_id=article_id(key or url), source=source, kind="file", url=url, title=title, text=body,
                   published=published, lang=detect_lang(title + " " + body))


def _record_date(value, path: Path, where: str) -> dt.date | None:
    """An article record's `published`: ISO (a time and a zone after it dropped), or (session 51) any form a card's date
    may take (core/dates.py, the one place they are written: "12.03.2022", "12.03.2022 10:15", "5 января 2022 г.",
    "2022 жылғы 5 қаңтар", "Jan 5, 2022", "2022/01/05"); anything else names the file, the record and the field."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return card_dates.parse_date(text)
    except ValueError:
        pass
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        raise ParseError(f"{path}: {where}field 'published': {value!r} is not a date YYYY-MM-DD (or DD.MM.YYYY, "
                         "5 января 2022)") from None


def read_article_yaml(raw: bytes, path: Path, *, source: str = "file", published: dt.date | None = None,
                      problems: list[str] | None = None) -> list[Article]:
    """One article (a mapping) or several (a list of mappings) in the real-article sets' format: `text`
    (the headline on its first line, then the lead; or `title` and `text`), `url`, `published`, `lang`.
    Anything else in the file (the annotations) is not read."""
    try:
        doc = yaml.load(_file_text(raw, path), Loader=_ArticleLoader)  # noqa: S506 (a SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise ParseError(f"{path}: not a YAML article file{where}: {getattr(exc, 'problem', None) or exc}") from None
    except RecursionError:
        raise ParseError(f"{path}: not a YAML article file: {NESTED}") from None
    return _article_records(doc, path, source, published, problems)


def read_article_json(raw: bytes, path: Path, *, source: str = "file", published: dt.date | None = None,
                      problems: list[str] | None = None) -> list[Article]:
    """A .json file: a Telegram Desktop export (`messages`, or `chats.list`), a VK or Facebook export (posts; each
    post without words is named in `problems`: social_exports), or articles as in the YAML article files (one object,
    or a list of them, with `text`)."""
    try:
        data = json.loads(_file_text(raw, path))
    except json.JSONDecodeError as exc:
        raise ParseError(f"{path}: not JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    except (RecursionError, ValueError) as exc:  # (session 47) nested past any article, a number of 5,000 digits
        raise ParseError(f"{path}: not an article file ({NESTED if isinstance(exc, RecursionError) else exc})") \
            from None
    if isinstance(data, dict) and ("messages" in data or isinstance(data.get("chats"), dict)):
        return parse_telegram_export(raw, source=source, origin=str(path))
    if social_exports.export_kind(data) is not None:  # (session 47) VK's API answers, Facebook's "your information"
        try:
            posts, skipped = social_exports.read_export(data, str(path))
        except social_exports.ExportError as exc:
            raise ParseError(str(exc)) from None
        if problems is not None:
            problems.extend(skipped)
        return [Article(article_id=article_id(p.url), source=source, kind=p.kind, url=p.url, title=p.title,
                        text=p.text, published=published or p.published, lang=detect_lang(p.text)) for p in posts]
    if isinstance(data, list) or (isinstance(data, dict) and "text" in data):
        return _article_records(data, path, source, published, problems)
    raise ParseError(f"{path}: neither a Telegram, VK or Facebook export nor an article (no field 'text')")


def read_article_lines(raw: bytes, path: Path, *, source: str = "file", published: dt.date | None = None,
                       problems: list[str] | None = None) -> list[Article]:
    """A .jsonl/.ndjson file: one article object a line (`text`, `url`, `published`, `lang`, or `title`). With
    `problems`, a bad line is named there ("skipped: <file>: line N: …") and the others read; without, it raises."""
    out: list[Article] = []
    for n, line in enumerate(_file_text(raw, path).splitlines(), 1):
        if not line.strip():
            continue
        try:
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ParseError(f"{path}: line {n}: not JSON (column {exc.colno}: {exc.msg})") from None
            except (RecursionError, ValueError) as exc:
                raise ParseError(f"{path}: line {n}: not an article "
                                 f"({NESTED if isinstance(exc, RecursionError) else exc})") from None
            out.extend(_article_record(item, path, f"line {n}: ", f"#L{n}", source, published))
        except ParseError as exc:
            if problems is None:
                raise
            problems.append(f"skipped: {exc}")
    if not out and not problems:
        raise ParseError(f"{path}: no article (an object with a field 'text' a line)")
    return out


def _file_text(raw: bytes, path: Path) -> str:
    """An article file's text: UTF-8 or UTF-16, with their marks or without, or (session 52) Russian or Kazakh text in a
    Cyrillic code page (core/cyrillic.py `read_text`: a scraper run on a Russian Windows writes its JSON or table in
    Windows-1251, a Mac's Excel its CSV in Mac Cyrillic); anything else is refused, naming the file and the byte."""
    try:
        return cyrillic.read_text(raw)[0]
    except UnicodeDecodeError as exc:
        raise ParseError(f"{path}: not UTF-8 text, nor Russian or Kazakh in another encoding ({exc.reason} at byte "
                         f"{exc.start})") from None


def _article_records(doc, path: Path, source: str, published: dt.date | None,
                     problems: list[str] | None = None) -> list[Article]:
    """One article (a mapping) or several (a list of them, each named by its place in messages). With `problems`,
    a bad article of a list is named there ("skipped: <file>: article N: …") and the others read; without, it raises."""
    if not isinstance(doc, list):
        return _article_record(doc, path, "", "", source, published)
    out: list[Article] = []
    for i, item in enumerate(doc, 1):
        try:
            out.extend(_article_record(item, path, f"article {i}: ", f"#{i}", source, published))
        except ParseError as exc:
            if problems is None:
                raise
            problems.append(f"skipped: {exc}")
    return out


# (session 43) an article record whose text is markup (a CMS's or a scraper's export: "<p>Около 30 жителей …</p><p>Читайте
# также: <a …>В Алматы задержали 40 …</a></p>"): read as a page's text, one paragraph a line, what points to other
# stories dropped; entities ("&mdash;", "&laquo;") read as their letters
MARKUP_RE = re.compile(r"<(?:p|br|div|a|span|strong|b|em|i|u|ul|ol|li|h[1-6]|blockquote|figure|figcaption|img|table|tr|td|"
                       r"section|article)\b[^<>]*>|</(?:p|div|a|span|strong|b|em|li|h[1-6]|blockquote|td)>", re.I)
ENTITY_RE = re.compile(r"&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,8});", re.I)
_LINE_BLOCKS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figure", "figcaption", "tr", "section",
                "article", "ul", "ol", "table")


def markup_to_text(text: str) -> str:
    """A record's text as the extractor reads it: markup to lines of text (`drop_read_also` first), entities to letters;
    a text without either unchanged."""
    if MARKUP_RE.search(text):
        try:
            doc = lxml.html.fragment_fromstring(text, create_parent="div")
        except (lxml.etree.ParserError, ValueError):
            return html.unescape(re.sub(r"<[^>]+>", " ", text))
        drop_read_also(doc)
        for el in doc.iter(*_LINE_BLOCKS, "br"):
            el.tail = "\n" + (el.tail or "")
            if el.tag != "br":
                el.text = "\n" + (el.text or "")
        lines = (" ".join(ln.split()) for ln in doc.text_content().splitlines())
        return "\n".join(ln for ln in lines if ln)
    return html.unescape(text) if ENTITY_RE.search(text) else text


def _article_record(item, path: Path, where: str, anchor: str, source: str,
                    published: dt.date | None) -> list[Article]:
    if not isinstance(item, dict):
        raise ParseError(f"{path}: {where}expected a mapping with a 'text' field, found {type(item).__name__}")
    item = _known_keys(item)
    text = item.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ParseError(f"{path}: {where}field 'text' is missing or empty (the headline on its first line, "
                         "then the lead)")
    text = markup_to_text(text)
    if item.get("title"):
        title, body = markup_to_text(str(item["title"])).strip(), text.strip()
    else:
        title, body = headline_and_lead(text)
    url = str(item.get("url") or "").strip() or path.resolve().as_uri() + anchor
    pub = published or _record_date(item.get("published"), path, where)
    lang = item.get("lang") if item.get("lang") in ("ru", "kk") else detect_lang(title + " " + body)
    return [Article(article_id=article_id(url), source=source, kind="file", url=url, title=title,
                    text=body, published=pub, lang=lang)]


# the files read_local reads as articles by their suffix (a folder given to `monitor extract` is read for these)
MAX_ARTICLE_BYTES = FetchSettings.max_bytes  # a saved page or a text file: as large as the fetcher takes a page
HOLDS_NONE = "an empty list, or a Telegram export without a text message"
NESTED = "lists or objects nested deeper than Python reads"
TABLE_SUFFIXES = (".csv", ".tsv", ".xlsx", ".xlsm", ".ods")
# (session 47) the files monitors save articles in besides text and HTML (assets/media/saved_files.py), by suffix
SAVED_SUFFIXES = {".mhtml": "mhtml", ".mht": "mhtml", ".pdf": "pdf", ".docx": "docx", ".eml": "eml", ".odt": "odt",
                  ".rtf": "rtf", ".doc": "ole",
                  # (session 49) a picture, read by OCR where Tesseract is installed
                  **{suffix: "image" for suffix in saved_files.IMAGE_SUFFIXES}}
# the kinds read as what their bytes are, whatever the file's name: every kind read but the letter, told by its name (a
# letter's head is plain text); "ole" is Word 97–2003 (an .xls under a .doc name is named)
SNIFFED_KINDS = tuple(k for k in saved_files.READERS if k != "eml")
ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".json", ".jsonl", ".ndjson", ".yaml", ".yml", *TABLE_SUFFIXES,
                    *SAVED_SUFFIXES)
# (session 47) never articles, never named when a folder is read: hidden files and folders (".git", ".DS_Store", an
# editor's ".swp"), macOS's copies of a zip's resource forks, Windows' thumbnails and folder settings, Office's lock
# files ("~$статья.docx", written while a document is open), an editor's backup ("статья.txt~")
SYSTEM_NAMES = ("__MACOSX", "Thumbs.db", "desktop.ini", "ehthumbs.db")


# (session 46) a table of articles, one a row: its columns by any of these names (any case; other columns, such as
# annotations, are never read). `text` alone holds the headline on its first line, as the article files do.
TABLE_COLUMNS = {
    "url": ("url", "link", "href", "address", "ссылка", "адрес", "источник", "сілтеме"),
    "title": ("title", "headline", "heading", "заголовок", "тақырып"),
    "text": ("text", "lead", "body", "content", "текст", "лид", "мәтін"),
    "published": ("published", "date", "pubdate", "published_at", "дата", "дата публикации", "күні"),
    "lang": ("lang", "language", "язык", "тіл"),
}


def _known_keys(item: dict) -> dict:
    """(session 51) An article record with its fields under another name a table's column may have (TABLE_COLUMNS:
    `link`, `headline`, `body`, `date`, `ссылка`, `текст`, `дата`, …; any case) read as the format's own; a field under
    its own name wins; an address only where it is one ("источник": "Азаттык" names an outlet). Nested fields (the
    annotations) are never read."""
    out = dict(item)
    lower = {str(k).strip().lower(): k for k in item}
    for key, aliases in TABLE_COLUMNS.items():
        if out.get(key) in (None, ""):
            found = next((lower[a] for a in aliases if a in lower and item[lower[a]] not in (None, "")
                          and (key != "url" or re.match(r"https?://", str(item[lower[a]]).strip()))), None)
            if found is not None:
                out[key] = item[found]
    return out


def _table_rows(path: Path) -> list[list]:
    """The rows of a table file: a .csv/.tsv (UTF-8, UTF-16, or a Cyrillic code page such as Windows-1251 as Excel
    saves it in Russian; the delimiter a comma, a semicolon or a tab, whichever the header uses), or the first sheet of a
    workbook (.xlsx, .xlsm, .ods; read by python-calamine, each cell by its saved value)."""
    import csv

    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm", ".ods"):
        from python_calamine import CalamineWorkbook

        try:
            saved_files.check_unpacked(path)  # (session 47) a compressed bomb under a workbook's name
        except saved_files.SavedFileError as exc:
            raise ParseError(f"{path}: {exc}") from None
        try:
            wb = CalamineWorkbook.from_path(str(path))
        except Exception as exc:  # noqa: BLE001 - calamine raises its own errors for a file that is no workbook
            raise ParseError(f"{path}: not a readable workbook ({type(exc).__name__}: {exc})") from None
        try:
            if not wb.sheet_names:
                return []
            return wb.get_sheet_by_index(0).to_python(skip_empty_area=False)
        finally:
            wb.close()
    raw = path.read_bytes()
    try:
        text, enc = cyrillic.read_text(raw)  # a Russian Excel's "CSV" is Windows-1251, a Mac's Mac Cyrillic: read as such
    except UnicodeDecodeError:
        text, enc = raw.decode("cp1251", errors="replace"), "cp1251"
    if _looks_binary(raw, text, enc):
        raise ParseError(f"{path}: not a text table (binary content, such as a workbook or an archive saved under a "
                         f"{suffix} name)")
    head, _, rest = text.partition("\n")
    if m := re.fullmatch(r"sep=(.)\r?", head):  # Excel's own first line naming the delimiter
        delim, text = m.group(1), rest
    else:
        delim = "\t" if suffix == ".tsv" else max((",", ";", "\t"), key=head.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)  # a quoted cell may hold line ends
    limit = csv.field_size_limit()
    csv.field_size_limit(MAX_ARTICLE_BYTES)  # (session 47) a cell may hold a whole article (not only csv's 128 KB), no more
    # (the module's limit is one for the process, which the card reader raises for its own files: set and given back)
    try:
        return list(reader)
    except csv.Error as exc:
        raise ParseError(f"{path}: line {reader.line_num}: not a readable table ({exc})") from None
    finally:
        csv.field_size_limit(limit)


def read_article_table(path: Path, *, source: str = "file",
                       published: dt.date | None = None) -> tuple[list[Article], list[str]]:
    """Articles of a table, one a row, under a header row naming its columns (TABLE_COLUMNS): `text` (or `title` and
    `text`), `url`, `published`, `lang`. A row without a text is named and skipped; an empty row is not a row.
    Raises ParseError when the table has no column of text."""
    rows = _table_rows(path)
    header_at = next((i for i, r in enumerate(rows) if any(str(c).strip() for c in r)), None)
    if header_at is None:
        raise ParseError(f"{path}: the table is empty (a header row, then one article a row)")
    names = [str(c).strip().lower() for c in rows[header_at]]
    cols = {key: next((i for i, n in enumerate(names) if n in aliases), None) for key, aliases in TABLE_COLUMNS.items()}
    if cols["text"] is None:
        found = [n[:40] for n in names if n]
        raise ParseError(f"{path}: row {header_at + 1}: no column of text (a header naming one of "
                         f"{', '.join(TABLE_COLUMNS['text'])}; found {', '.join(found[:8]) or 'none'}"
                         f"{f' and {len(found) - 8} more' if len(found) > 8 else ''})")
    out: list[Article] = []
    problems: list[str] = []
    for n, row in enumerate(rows[header_at + 1:], header_at + 2):
        cells = {key: row[i] if i is not None and i < len(row) else None for key, i in cols.items()}
        if not any(str(c).strip() for c in row if c is not None):
            continue
        item = {key: (v.strip() if isinstance(v, str) else v) for key, v in cells.items() if v not in (None, "")}
        if isinstance(item.get("published"), float):  # a date Excel saved as a number of days
            item["published"] = dt.date(1899, 12, 30) + dt.timedelta(days=int(item["published"]))
        try:
            out.extend(_article_record(item, path, f"row {n}: ", f"#row{n}", source, published))
        except ParseError as exc:
            problems.append(f"skipped: {exc}")
    return out, problems


def read_folder(folder: Path, *, source: str = "folder",
                published: dt.date | None = None) -> tuple[list[Article], list[str]]:
    """Every article file under `folder` (ARTICLE_SUFFIXES, in path order), and one message per file that could not
    be read ("skipped: <file>: <why>", with its line or field where read_local names them), or is of a kind not read
    (an image, an old .xls, any other suffix: named with what to do). A bad file never stops the others. Hidden and system
    files (SYSTEM_NAMES) are no one's articles and are passed over. A missing folder gives no article and no message
    (the caller names it)."""
    out: list[Article] = []
    problems: list[str] = []
    if not folder.exists():
        return out, problems
    for p in _folder_files(folder):
        if p.suffix.lower() not in ARTICLE_SUFFIXES:  # (session 47) named, never passed over in silence
            kind = saved_files.SUFFIX_KINDS.get(p.suffix.lower())
            problems.append(f"skipped: {p}: " + (saved_files.NOT_READ[kind] if kind else
                            f"not an article file ({p.suffix or 'a name without a suffix'}); read are "
                            f"{', '.join(ARTICLE_SUFFIXES)}"))
            continue
        try:
            arts, rows = read_local_all(p, source=source, published=published)
            out.extend(arts)
            problems.extend(rows)
        except ParseError as exc:
            problems.append(f"skipped: {exc}")
        except (OSError, ValueError) as exc:
            problems.append(f"skipped: {p}: {type(exc).__name__}: {exc}")
    return out, problems


def holds_article_files(folder: Path) -> bool:
    """Whether a folder holds a file read_folder reads as articles (ARTICLE_SUFFIXES, not a system file)."""
    return any(p.suffix.lower() in ARTICLE_SUFFIXES for p in _folder_files(folder))


def _folder_files(folder: Path):
    """The files under a folder, in path order, but hidden and system ones (SYSTEM_NAMES: hidden, a zip's resource
    fork, a lock file, an editor's backup), which are no one's articles."""
    for p in sorted(folder.rglob("*")):
        if p.is_file() and not any(part.startswith((".", "~$")) or part.endswith("~") or part in SYSTEM_NAMES
                                   for part in p.relative_to(folder).parts):
            yield p


def _tg_text(value) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        # a piece is a string or an entity {"type": "bold", "text": …}; anything else (a hostile export's number) is
        # no text
        return "".join(v if isinstance(v, str) else str(v.get("text", "")) if isinstance(v, dict) else ""
                       for v in value)
    return ""


def parse_telegram_export(raw: bytes | str, *, source: str = "telegram", channel: str | None = None,
                          origin: str = "result.json") -> list[Article]:
    """Messages of a Telegram Desktop JSON export (one chat/channel, or a full export with
    `chats.list`). Each text message becomes an article; service messages and media without
    text are skipped."""
    try:
        data = json.loads(raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ParseError(f"{origin}: not a Telegram JSON export ({exc})") from exc
    except (RecursionError, ValueError) as exc:
        raise ParseError(f"{origin}: not a Telegram JSON export "
                         f"({NESTED if isinstance(exc, RecursionError) else exc})") from None
    chats = []
    if isinstance(data, dict) and "messages" in data:
        chats = [data]
    elif isinstance(data, dict) and isinstance(data.get("chats"), dict):
        chats = data["chats"].get("list") or []
    if not chats:
        raise ParseError(f"{origin}: not a Telegram JSON export (no `messages`)")
    out: list[Article] = []
    for chat in chats:
        name = str(chat.get("name") or chat.get("id") or "chat")
        for msg in chat.get("messages") or []:
            if msg.get("type") != "message":
                continue
            text = _tg_text(msg.get("text")).strip()
            if not text:
                continue
            mid = msg.get("id")
            if channel:
                url = f"https://t.me/{channel.lstrip('@')}/{mid}"
            else:
                url = f"tg://{chat.get('id') or name}/{mid}"
            published = None
            try:  # (session 47) the day in Almaty of the unix time newer exports give ("date" is the exporter's clock)
                published = social_exports.unix_day(int(str(msg.get("date_unixtime") or "").strip() or "x"))
            except (ValueError, OverflowError, OSError):
                published = None
            if published is None and msg.get("date"):
                try:
                    published = dt.datetime.fromisoformat(str(msg["date"])).date()
                except ValueError:
                    published = None
            lines = text.splitlines()
            title = lines[0][:social_exports.TITLE_CHARS]
            out.append(Article(article_id=article_id(url), source=source, kind="telegram", url=url,
                               title=title, text=text, published=published, lang=detect_lang(text)))
    return out
