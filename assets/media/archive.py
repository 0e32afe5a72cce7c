"""The raw response archive and the media tables in DuckDB.

`media_responses` keeps every response as received (URL, final URL, fetch time, status, headers,
bytes, SHA-256 of the bytes). A response whose bytes are already archived for that URL is not
stored again (the same content never lands twice), and the last ETag / Last-Modified per URL feed
the next conditional request. `media_fetch_log` has one row per URL: the last attempt, its outcome
and error, so network errors are recorded per URL and a run goes on.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json

import duckdb

from assets.core.sqlfiles import sql

from assets.media.fetch import FetchResult

_DDL = ("media/010_tables", "media/020_claims", "media/030_card_views")


def ensure_tables(con: duckdb.DuckDBPyConnection) -> None:
    """The media tables (sql/media/010_tables.sql; on a DuckLake, which has no primary keys, the same
    DDL without them: layout.ddl), then the claim ledger and its views.

    On a DuckDB file, once per state, by the warehouse's fast path for DDL (`layout.ensure_once`): the
    digest of the media tables and views and of `cards` (which decides whether the card views are made)
    that this process left after applying the DDL is found again: nothing more to do."""
    from assets.core import ducklake, layout

    def apply() -> None:
        con.execute(layout.ddl(con, "media/010_tables"))
        from assets.media import claims  # the claim ledger and the views over media_card_sources

        claims.ensure(con)

    if ducklake.is_lake(con):
        apply()
    else:
        layout.ensure_once(con, _DDL, apply, also=("cards",))


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
