"""The raw response archive and the media tables in DuckDB.

`media_responses` keeps every response as received (URL, final URL, fetch time, status, headers,
bytes, SHA-256 of the bytes). A response whose bytes are already archived for that URL is not
stored again (the same content never lands twice), and the last ETag / Last-Modified per URL feed
the next conditional request. `media_fetch_log` has one row per URL: the last attempt, its outcome
and error, so network errors are recorded per URL and a run goes on.
"""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import re

import duckdb

from assets.core.sqlfiles import sql

from assets.media.fetch import FetchResult

_DDL = ("media/010_tables", "media/020_claims", "media/030_card_views")
_CREATED = re.compile(r"CREATE\s+(?:OR\s+REPLACE\s+)?(?:TABLE|VIEW)\s+(?:IF\s+NOT\s+EXISTS\s+)?\"?(\w+)\"?", re.I)
_APPLIED: set[tuple[str, str]] = set()  # (the DDL's fingerprint, the catalog's digest) this process left


@functools.cache
def _layout() -> tuple[str, tuple[str, ...]]:
    """The media DDL's fingerprint and the names its tables and views (and `cards`, which decides whether
    the card views are made) have: the same for the whole process, so worked out once."""
    texts = [sql(name) for name in _DDL]
    names = tuple(sorted({m.group(1) for t in texts for m in _CREATED.finditer(t)} | {"cards"}))
    return hashlib.sha256("\n".join(texts).encode()).hexdigest(), names


def _catalog(con: duckdb.DuckDBPyConnection, names: tuple[str, ...]) -> str:
    return con.execute(sql("media/layout_catalog"), {"names": list(names)}).fetchone()[0]


def ensure_tables(con: duckdb.DuckDBPyConnection) -> None:
    """The media tables (sql/media/010_tables.sql; on a DuckLake, which has no primary keys, the same
    DDL without them: warehouse.ddl), then the claim ledger and its views.

    On a DuckDB file, once per state: after applying the DDL the catalog's digest of the media tables and
    views and of `cards` (sql/media/layout_catalog.sql: their CREATE texts as DuckDB keeps them) is
    remembered for this process; a later call that finds the same digest (the same definitions: the DDL,
    all of it IF NOT EXISTS or OR REPLACE, would change nothing) does nothing more. A table dropped or
    altered, another `cards`, another file at another layout: another digest, the DDL runs again."""
    from assets.core import warehouse

    lake = warehouse.is_lake(con)
    if not lake:
        sha, names = _layout()
        if (sha, _catalog(con, names)) in _APPLIED:
            return
    con.execute(warehouse.ddl(con, "media/010_tables"))
    from assets.media import claims  # the claim ledger and the views over media_card_sources

    claims.ensure(con)
    if not lake:
        _APPLIED.add((sha, _catalog(con, names)))


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def validators(con: duckdb.DuckDBPyConnection, urls: list[str] | None = None) -> dict[str, tuple[str | None, str | None]]:
    """The last ETag and Last-Modified per URL (of its newest successful response)."""
    rows = con.execute(
        sql("media/responses_latest_headers")
    ).fetchall()
    out: dict[str, tuple[str | None, str | None]] = {}
    wanted = set(urls) if urls is not None else None
    for url, headers in rows:
        if wanted is not None and url not in wanted:
            continue
        h = json.loads(headers or "{}")
        out[url] = (h.get("etag"), h.get("last-modified"))
    return out


def last_fetched(con: duckdb.DuckDBPyConnection, urls: list[str]) -> dict:
    """When each URL was last asked for (fetch log), for deciding to ask again."""
    if not urls:
        return {}
    rows = con.execute(sql("media/fetch_log_last_attempts"), [urls]).fetchall()
    return {u: t for u, t in rows if t is not None}


def archived_ok(con: duckdb.DuckDBPyConnection) -> set[str]:
    """URLs that already have a complete successful response (article pages are not fetched again)."""
    return {
        r[0]
        for r in con.execute(
            sql("media/responses_archived_urls")
        ).fetchall()
    }


def store(con: duckdb.DuckDBPyConnection, res: FetchResult, *, source: str, role: str) -> str:
    """Archive one fetch result; returns its outcome (new, unchanged, not_modified, error, ...).

    The bytes are stored when the server answered (any status) and this URL does not already have
    exactly these bytes with this status; a network error with no answer is only logged."""
    outcome = res.outcome
    response_id = None
    if res.status is not None and not res.not_modified:
        digest = sha256(res.body)
        response_id = hashlib.sha1(f"{res.url}\n{res.status}\n{digest}".encode()).hexdigest()[:20]
        exists = con.execute(sql("media/response_exists"), [response_id]).fetchone()
        if exists:
            if outcome == "ok":
                outcome = "unchanged"
        else:
            con.execute(
                sql("media/responses_insert"),
                [response_id, source, role, res.url, res.final_url, res.fetched_at, res.status,
                 json.dumps(res.headers, ensure_ascii=False), res.body, digest, res.truncated, res.error],
            )
            if outcome == "ok":
                outcome = "new"
    con.execute(sql("media/fetch_log_delete_url"), [res.url])
    con.execute(
        sql("media/fetch_log_insert"),
        [res.url, source, role, res.fetched_at, outcome, res.status, res.error, res.attempts, response_id],
    )
    return outcome


def latest_responses(con: duckdb.DuckDBPyConnection, role: str | None = None) -> list[dict]:
    """The newest complete successful response of every URL (optionally of one role)."""
    cur = con.execute(sql("media/latest_responses"), {"role": role or None})
    cols = [d[0] for d in cur.description]
    out = []
    for row in cur.fetchall():
        d = dict(zip(cols, row))
        d["headers"] = json.loads(d["headers"] or "{}")
        d["body"] = bytes(d["body"] or b"")
        out.append(d)
    return out
