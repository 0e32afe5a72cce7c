"""Posts of VK and Facebook exports, read as parse reads a Telegram Desktop export: each post with words becomes one
article (parse.read_article_json makes the Article; this module imports nothing of the project, so parse can import it).

The formats, as looked up in public material (session 47), each with what is read of it:

**VK** — the API's own JSON as people save it (`wall.get`, `wall.getById`, `newsfeed.search`; vk.com/dev, and the
post objects of the vkR, rvkstat, vk-io and rvk_objects client libraries):
``{"response": {"count": N, "items": [post, …]}}`` (with `profiles` and `groups` beside them when extended=1; `count`
is the wall's total, not what the file holds, and is never read), ``{"response": [post, …]}`` (wall.getById before
API 5.131), or ``{"items": [post, …]}`` (the `response` alone). A post: `id`, `owner_id` (negative for a community;
`to_id` in API versions before 5.86, `source_id`/`post_id` in newsfeed.get's items), `from_id`, `date` (unix
seconds, UTC), `text`, `post_type` (post, copy, reply, postpone, suggest: all read), `attachments` (`{"type": "link",
"link": {"url", "title", "description"}}`, photos and others), `copy_history` (a repost: the reposted posts, the
same objects). Its address is ``https://vk.com/wall{owner_id}_{id}``. A mention in VK's markup ("[id1|Имя]",
"[club1|Название]") reads as its words. An answer of the API that is an error (``{"error": {"error_code": 15,
"error_msg": …}}``) is named as one. A bare list of posts (no `response` or `items` around it) is read as article
records, as before: save the whole answer.

**Facebook** — "Download your information" in JSON (the export's `your_posts_1.json`, newer
`your_posts__check_ins__photos_and_videos_1.json`, a Page's `profile_posts_1.json`: a list of posts; groups'
`your_posts_in_groups.json` / `group_posts_and_comments.json`: ``{"group_posts_v2": [post, …]}``; older exports:
``{"<key>": {"activity_log_data": [post, …]}}``): a post is ``{"timestamp": unix, "data": [{"post": "…"},
{"update_timestamp": …}], "title": "<the account holder> updated his status.", "attachments": [{"data":
[{"external_context": {"url", "name", "source"}}, {"media": {…}}, {"place": {…}}]}]}``. Its `title` names the
account holder, a private person, and is never read. Facebook writes UTF-8 text as mojibake: each byte of a letter
escaped as its own code point (\\u00d0\\u009f for «П»), so Cyrillic arrives as "Ð\\x9fÐ¾…" (Chatistics#43,
facebook-scraper#45, osd2f#43): `repair_mojibake` undoes it where the text round-trips through Latin-1 and UTF-8,
and leaves text already right untouched, string by string (a file partly repaired by another tool reads whole).
A post has no public address in the export: its address here is ``facebook://<file name>/<timestamp>`` (the second
post of one second in one file gets "-2" after it), stable across downloads of the same export; a shared link is
not the post's address (it is the shared article's).

What a post's text is: its own words; a repost's words after them (or alone, when the post has none of its own);
then each shared link's title, description and address, one a line (the shared article's headline tells what the
post is about; the address lets a monitor open it). A post whose only words would be a shared link's (a link, a
photo, a deleted post) is skipped. Its day is the day in Almaty (Asia/Almaty: UTC+6 until 1 March 2024, UTC+5
since; the project's clock, pipelines/jobs.py): a post at 20:00 UTC on 12 March 2022 is a post of 13 March. A pure
repost (no words of its own) takes the reposted post's day, as "сегодня" in its words is that day.

Nothing is dropped unnamed: a post without words and a malformed one (a date that is no number, a text that is no
text, no id) are each named ("skipped: <file>: post N (wall-1_2): no text (only photo)"), the others read; a file
that holds no post with words raises ExportError naming it and why.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from core import dates as core_dates

ALMATY = ZoneInfo(core_dates.TIMEZONE)
# the kinds of article that are social-media posts (dedup's source_type "social"): parse's Telegram export and these
SOCIAL_KINDS = ("telegram", "vk", "facebook")
TITLE_CHARS = 150  # a post's title: its first line, up to this long (a Telegram message's too: parse.parse_telegram_export)
# a unix time in seconds from 2000 to 2100: a date in milliseconds, or 0, is named, never read as year 54000 or 1970
FIRST_TIME, LAST_TIME = 946_684_800, 4_102_444_800
VK_MENTION_RE = re.compile(r"\[(?:id|club|public|event)\d+\|([^\[\]|]*)\]")
FB_POSTS_KEY_RE = re.compile(r"posts(?:_v\d+)?$|activity_log_data$")


class ExportError(ValueError):
    """A VK or Facebook export that gives no post (parse.read_article_json raises it as a ParseError)."""


@dataclass(frozen=True)
class Post:
    kind: str  # vk | facebook
    url: str
    title: str
    text: str
    published: dt.date


class _Skip(Exception):
    """One post not read: why."""


# -- recognising a file ------------------------------------------------------------------------------------------
def export_kind(data) -> str | None:
    """"vk" or "facebook" when a parsed .json file is one of those exports (or a VK API error), else None. Never a
    Telegram export (`messages`) nor an article (an object with `text`, a list of objects of which one has `text`)."""
    if isinstance(data, dict) and ("text" in data or "messages" in data):
        return None
    if isinstance(data, dict) and (_vk_items(data) is not None or isinstance(data.get("error"), dict)
                                   and "error_code" in data["error"]):
        return "vk"
    return "facebook" if _fb_posts(data) is not None else None


def _vk_items(data: dict) -> list | None:
    """The posts of a VK answer: `response.items`, a `response` list, or `items` alone (then empty, or with a post
    that has a `date` and an owner: another file's `items` is not taken for VK's)."""
    resp = data.get("response", data)
    if isinstance(resp, list) and "response" in data:
        return resp
    items = resp.get("items") if isinstance(resp, dict) else None
    if not isinstance(items, list):
        return None
    if "response" in data or not items or any(isinstance(x, dict) and "date" in x and _vk_owner(x) is not None
                                              for x in items):
        return items
    return None


def _fb_like(item) -> bool:
    return isinstance(item, dict) and "timestamp" in item and ("data" in item or "attachments" in item)


def _fb_list(value) -> bool:
    return isinstance(value, list) and any(_fb_like(x) for x in value) \
        and not any(isinstance(x, dict) and "text" in x for x in value)


def _fb_posts(data) -> list | None:
    """The posts of a Facebook export: the file's list, or the list under a key of the file (`group_posts_v2`, an old
    export's `activity_log_data`); an empty list under a key named for posts too."""
    if _fb_list(data):
        return data
    if not isinstance(data, dict):
        return None
    for key, value in data.items():
        if isinstance(value, dict) and isinstance(value.get("activity_log_data"), list):
            key, value = "activity_log_data", value["activity_log_data"]
        if _fb_list(value) or (value == [] and FB_POSTS_KEY_RE.search(str(key))):
            return value
    return None


# -- reading ------------------------------------------------------------------------------------------------------
def read_export(data, origin: str) -> tuple[list[Post], list[str]]:
    """The posts with words of a VK or Facebook export (`data`: the parsed file; `origin`: its path, for messages),
    and one message per post not read ("skipped: <origin>: post N: …"). Raises ExportError when none is read."""
    kind = export_kind(data)
    if kind is None:
        raise ExportError(f"{origin}: neither a VK nor a Facebook export")
    if kind == "vk" and isinstance(err := data.get("error"), dict):
        raise ExportError(f"{origin}: a VK API error, not posts (error {err.get('error_code')}: "
                          f"{err.get('error_msg') or 'no message'})")
    items = _vk_items(data) if kind == "vk" else _fb_posts(data)
    read = _vk_post if kind == "vk" else _fb_post
    name = origin.replace("\\", "/").rsplit("/", 1)[-1]
    posts: list[Post] = []
    problems: list[str] = []
    first: dict[tuple[str, str], int] = {}  # (address, text) -> the post's number
    taken: set[str] = set()
    for n, item in enumerate(items, 1):
        try:
            post = read(item, name)
            if (same := first.get((post.url, post.text))) is not None:
                raise _Skip(f"the same post as post {same} (saved twice)")
        except _Skip as why:
            problems.append(f"skipped: {origin}: post {n}{_label(kind, item)}: {why}")
            continue
        first[(post.url, post.text)] = n
        url, k = post.url, 1
        while url in taken:  # two Facebook posts of one second: the second is <address>-2
            k += 1
            url = f"{post.url}-{k}"
        taken.add(url)
        posts.append(Post(post.kind, url, post.title, post.text, post.published))
    if not posts:
        what = "VK export (wall.get, wall.getById or newsfeed.search)" if kind == "vk" else "Facebook export"
        why = "; ".join(p.removeprefix(f"skipped: {origin}: ") for p in problems[:3])
        more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
        held = "it holds no post" if not items else "its one post is not read" if len(items) == 1 else \
            f"none of its {len(items)} posts is read"
        raise ExportError(f"{origin}: a {what} with no post to read: {held}" + (f" ({why}{more})" if why else ""))
    return posts, problems


def _label(kind: str, item) -> str:
    if kind == "vk" and isinstance(item, dict):
        owner, pid = _vk_owner(item), item.get("id", item.get("post_id"))
        if _whole(owner) and _whole(pid):
            return f" (wall{owner}_{pid})"
    return ""


def _list(v) -> list:
    """A field that should be a list: itself, or empty (an attachment field of another shape names no kind)."""
    return v if isinstance(v, list) else []


def _whole(v) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _vk_owner(item: dict):
    return next((item[k] for k in ("owner_id", "to_id", "source_id") if item.get(k) is not None), None)


def almaty_day(value, field: str) -> dt.date:
    """The day in Almaty of a unix time in seconds; a value that is none is named by its field."""
    if value is None:
        raise _Skip(f"field '{field}' is missing (a unix time in seconds)")
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise _Skip(f"field '{field}': {value!r} is not a unix time (a number of seconds)")
    if not FIRST_TIME <= value < LAST_TIME:
        ms = FIRST_TIME * 1000 <= value < LAST_TIME * 1000
        raise _Skip(f"field '{field}': {value!r} is not a unix time in seconds between 2000 and 2100"
                    + (" (it reads as milliseconds)" if ms else ""))
    return unix_day(value)


def unix_day(seconds: float) -> dt.date:
    """The day in Almaty of a unix time in seconds (a VK or Facebook post's, a Telegram message's `date_unixtime`)."""
    return dt.datetime.fromtimestamp(seconds, ALMATY).date()


def _post(kind: str, url: str, parts: list[str], day: dt.date) -> Post:
    text = "\n\n".join(p for p in parts if p)
    return Post(kind, url, text.splitlines()[0].strip()[:TITLE_CHARS], text, day)


def _words(value, field: str, repair: bool = False) -> str:
    """A field's text, stripped (Facebook's repaired first: its mojibake of "их" ends in U+0085, of "Р" in U+00A0,
    which strip() takes for spaces)."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise _Skip(f"field '{field}': {type(value).__name__} {str(value)[:40]!r} is not a text")
    return (repair_mojibake(value) if repair else value).strip()


# -- VK ------------------------------------------------------------------------------------------------------------
def _vk_post(item, _name: str) -> Post:
    if not isinstance(item, dict):
        raise _Skip(f"not a post (a mapping with 'id', 'owner_id', 'date', 'text'): found {type(item).__name__}")
    owner, pid = _vk_owner(item), item.get("id", item.get("post_id"))
    for field, v in (("owner_id", owner), ("id", pid)):
        if not _whole(v):
            raise _Skip(f"field '{field}' is missing or not a whole number ({v!r})")
    day = almaty_day(item.get("date"), "date")
    own = _vk_text(item, "text")
    if not isinstance(item.get("copy_history") or [], list):
        raise _Skip(f"field 'copy_history': {type(item['copy_history']).__name__} is not a list")
    copies = [c for c in _list(item.get("copy_history")) if isinstance(c, dict)]
    reposted = [_vk_text(c, f"copy_history.{i}.text") for i, c in enumerate(copies)]
    if not own and not any(reposted):
        raise _Skip(_vk_no_text(item, copies))
    if not own:  # a pure repost: the day of the reposted words ("сегодня" in them is theirs)
        i = next(i for i, words in enumerate(reposted) if words)
        day = almaty_day(copies[i].get("date"), f"copy_history.{i}.date")
    links = [_vk_links(x, f) for x, f in ((item, "attachments"), *((c, f"copy_history.{i}.attachments")
                                                                  for i, c in enumerate(copies)))]
    return _post("vk", f"https://vk.com/wall{owner}_{pid}", [own, *reposted, *(s for ls in links for s in ls)], day)


def _vk_text(item: dict, field: str) -> str:
    return VK_MENTION_RE.sub(r"\1", _words(item.get("text"), field))


def _vk_links(item: dict, field: str) -> list[str]:
    """Each link attachment's title, description and address, one block a link."""
    out = []
    for a in _list(item.get("attachments")):
        link = a.get("link") if isinstance(a, dict) and a.get("type") == "link" else None
        if isinstance(link, dict):
            lines = [_words(link.get(k), f"{field}.link.{k}") for k in ("title", "description", "url")]
            out.append("\n".join(x for x in lines if x))
    return out


def _vk_no_text(item: dict, copies: list[dict]) -> str:
    atts = [a.get("type") for p in (item, *copies) for a in _list(p.get("attachments")) if isinstance(a, dict)]
    if item.get("is_deleted") or item.get("deleted_reason"):
        return "no text (a deleted post)"
    kinds = ", ".join(dict.fromkeys(str(t) for t in atts if t))
    return f"no text (only {kinds})" if kinds else "no text (an empty post)"


# -- Facebook -------------------------------------------------------------------------------------------------------
def repair_mojibake(s: str) -> str:
    """Facebook's export's text as written: UTF-8 bytes each read as a Latin-1 letter ("Ð\\x9fÐ¸ÐºÐµÑ\\x82") become
    the letters again ("Пикет"). Text that is not such mojibake — any letter beyond Latin-1, such as Cyrillic, or
    bytes that are no UTF-8 — is returned as it is."""
    try:
        return s.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return s


def _fb_words(value, field: str) -> str:
    return _words(value, field, repair=True)


def _fb_post(item, name: str) -> Post:
    if not isinstance(item, dict):
        raise _Skip(f"not a post (a mapping with 'timestamp' and 'data'): found {type(item).__name__}")
    ts = item.get("timestamp")
    day = almaty_day(ts, "timestamp")
    data = item.get("data", [])
    if not isinstance(data, list):
        raise _Skip(f"field 'data': {type(data).__name__} is not a list")
    own = [_fb_words(d.get("post"), f"data.{i}.post") for i, d in enumerate(data) if isinstance(d, dict)]
    attached = [d for a in _list(item.get("attachments")) if isinstance(a, dict)
                for d in _list(a.get("data")) if isinstance(d, dict)]  # {"external_context": …}, {"media": …}, …
    if not any(own):
        kinds = ", ".join(dict.fromkeys({"external_context": "link"}.get(k, k) for d in attached for k in d))
        raise _Skip(f"no text (only {kinds})" if kinds else "no text (an empty post)")
    links = []
    for ctx in (d.get("external_context") for d in attached):
        if isinstance(ctx, dict) and ctx.get("url"):
            lines = [_fb_words(ctx.get(k), f"attachments.external_context.{k}") for k in ("name", "url")]
            links.append("\n".join(dict.fromkeys(x for x in lines if x)))
    return _post("facebook", f"facebook://{name}/{int(ts)}", [*own, *links], day)
