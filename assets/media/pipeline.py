"""The media steps as plain functions over a DuckDB connection (the Dagster assets and the CLI
both call these): fetch -> articles (+ triage) -> candidates (extract, deduplicate, match) ->
review decisions -> review queue."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from contextlib import nullcontext
from dataclasses import dataclass, field
from typing import Callable, ContextManager
from pathlib import Path

import duckdb
import polars as pl

from assets.core import warehouse, writes
from assets.core.sqlfiles import sql
from assets.core.transactions import transaction
from core import settings
from assets.media import (archive, claims, dedup, extract, match, parse, places, review, review_export, review_sheets,
                          triage)
from assets.media import review_changes
from assets.media.dates import parse_date
from assets.media.fetch import Fetcher
from assets.media.sources import Source, SourcesConfig

log = logging.getLogger(__name__)


@dataclass
class FetchStats:
    outcomes: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)  # a source or an item failed or was skipped (exit status 1)
    notes: list[str] = field(default_factory=list)  # limits applied by design (max_items, a capped Crawl-delay)

    def add(self, outcome: str) -> None:
        self.outcomes[outcome] = self.outcomes.get(outcome, 0) + 1


# -- 1. fetch ------------------------------------------------------------------------------------
Session = Callable[[], ContextManager[duckdb.DuckDBPyConnection]]


def fetch_sources(con: duckdb.DuckDBPyConnection | None, config: SourcesConfig, fetcher: Fetcher | None = None,
                  *, progress: bool = False, session: Session | None = None) -> FetchStats:
    """Fetch every enabled network source and the articles it links to, into the archive.

    `session` (e.g. warehouse.connect): opens the warehouse for a moment; given, no connection (and so no
    write lock of the DuckDB file) is held while the network is used: the archive is read before a request
    and written after it, each time for milliseconds. Not given: `con` is used throughout."""
    if session is None:
        if con is None:
            raise ValueError("fetch_sources needs a connection or a session")
        held = con

        def session():
            return nullcontext(held)

    stats = FetchStats()
    net = [s for s in config.enabled() if s.uses_network]
    with session() as c:
        archive.ensure_tables(c)
    if not net:
        return stats
    own = fetcher is None
    fetcher = fetcher or Fetcher(config.fetch)
    try:
        for src in net:
            try:
                _fetch_source(session, src, config, fetcher, stats, progress)
            except (duckdb.Error, KeyboardInterrupt):
                raise  # the warehouse itself, or the user: not one source's fault
            except Exception as exc:  # noqa: BLE001 - one hostile source must not stop the others
                stats.add("error")
                stats.errors.append(f"{src.name}: {src.url}: {type(exc).__name__}: {exc}")
        stats.notes.extend(getattr(fetcher, "notes", []))
    finally:
        if own:
            fetcher.close()
    return stats


def _fetch_source(session: Session, src: Source, config: SourcesConfig, fetcher: Fetcher, stats: FetchStats,
                  progress: bool) -> None:
    role = {"rss": "feed", "listing": "listing", "html": "article"}[src.kind]
    with session() as con:
        etag, lm = archive.validators(con, [src.url]).get(src.url, (None, None))
    res = fetcher.get(src.url, etag=etag, last_modified=lm)  # the network: no connection held
    with session() as con:
        todo = _store_and_plan(con, src, role, res, config, stats)
    if not todo:
        return
    urls, validators = todo
    for r in fetcher.get_many(urls, validators=validators, progress=progress, desc=src.name):
        with session() as con:
            outcome = archive.store(con, r, source=src.name, role="article")
        stats.add(outcome)
        if r.error:
            stats.errors.append(f"{src.name}: {r.url}: {r.error}")


def _store_and_plan(con, src: Source, role: str, res, config: SourcesConfig,
                    stats: FetchStats) -> tuple[list[str], dict] | None:
    """Archive the answer of a source; for a feed or listing, the article URLs to fetch (new ones, and
    archived ones due for a conditional request) with their validators."""
    outcome = archive.store(con, res, source=src.name, role=role)
    stats.add(outcome)
    if res.error:
        stats.errors.append(f"{src.name}: {src.url}: {res.error}")
    if role == "article":
        return None
    # the newest complete copy of the feed/listing (this one, or the archived one on 304)
    latest = [r for r in archive.latest_responses(con, role) if r["url"] == src.url]
    if not latest:
        return None
    body = latest[0]
    limit = src.max_items or config.fetch.max_items_per_source
    try:
        if role == "feed":
            read = parse.parse_feed_read(body["body"], src.url, body["headers"].get("content-type"))
            found = [i.url for i in read.items]
            stats.errors.extend(f"{src.name}: {p}" for p in read.problems())
        else:
            text, _ = parse.decode(body["body"], body["headers"].get("content-type"), src.encoding)
            bad: list[tuple[str, str]] = []
            found = parse.parse_listing(text, body.get("final_url") or src.url, src.link_pattern or ".", None, bad)
            stats.errors.extend(f"{src.name}: {link}: bad link skipped ({why})" for link, why in bad)
    except parse.ParseError as exc:
        stats.add("parse_error")
        stats.errors.append(f"{src.name}: {src.url}: {exc}")
        con.execute(sql("media/fetch_log_mark_parse_error"), [str(exc), src.url])
        return None
    links = found[:limit]
    if len(found) > limit:
        stats.notes.append(f"{src.name}: {limit:,} of {len(found):,} items taken (max_items)")
    done = archive.archived_ok(con)
    todo = [u for u in links if u not in done]
    # an archived article is asked for again, conditionally, once it is older than refetch_after_hours:
    # a changed page is archived as a new response and read again; an unchanged one costs a 304
    refresh: list[str] = []
    hours = config.fetch.refetch_after_hours
    if hours > 0:
        last = archive.last_fetched(con, [u for u in links if u in done])
        now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        refresh = [u for u in links if u in done and (u not in last or now - last[u] >= dt.timedelta(hours=hours))]
    for u in links:
        if u in done and u not in refresh:
            stats.add("already_archived")
    validators = archive.validators(con, refresh) if refresh else {}
    return todo + refresh, validators


# -- 2. articles ---------------------------------------------------------------------------------
ARTICLE_COLUMNS = ["article_id", "source", "kind", "url", "title", "published", "fetched_at", "lang", "text",
                   "response_id", "triage_pass", "triage_label", "triage_score", "triage_reasons"]


def collect_articles(con: duckdb.DuckDBPyConnection, config: SourcesConfig) -> tuple[list[parse.Article], list[str]]:
    """Articles from the archive (web sources) and from local sources (Telegram exports, folders)."""
    archive.ensure_tables(con)
    problems: list[str] = []
    by_name = {s.name: s for s in config.sources}
    feed_items: dict[str, parse.FeedItem] = {}
    for r in archive.latest_responses(con, "feed"):
        try:
            read = parse.parse_feed_read(r["body"], r["url"], r["headers"].get("content-type"))
        except parse.ParseError as exc:
            problems.append(f"{r['url']}: {exc}")
            continue
        except Exception as exc:  # noqa: BLE001 - one hostile feed must not stop the others
            problems.append(f"{r['url']}: cannot be read as a feed ({type(exc).__name__}: {exc})")
            continue
        problems.extend(f"{r['url']}: {p}" for p in read.problems())
        for item in read.items:
            feed_items.setdefault(item.url, item)
    arts: dict[str, parse.Article] = {}
    for r in archive.latest_responses(con, "article"):
        src = by_name.get(r["source"])
        try:
            a = parse.article_from_response(r, feed_item=feed_items.get(r["url"]),
                                            forced_encoding=src.encoding if src else None)
        except Exception as exc:  # noqa: BLE001 - one hostile page must not stop the others
            problems.append(f"{r['url']}: cannot be read as an article ({type(exc).__name__}: {exc})")
            continue
        arts[a.article_id] = a
    for src in config.enabled():
        if src.kind not in ("telegram", "folder") or src.path is None:
            continue
        try:
            if src.kind == "telegram":
                p = src.path / "result.json" if src.path.is_dir() else src.path
                if not p.exists():
                    problems.append(f"{src.name}: no Telegram export at {p}")
                    continue
                items = parse.parse_telegram_export(p.read_bytes(), source=src.name, channel=src.channel, origin=str(p))
            else:
                if not src.path.exists():
                    problems.append(f"{src.name}: no folder {src.path}")
                    continue
                items, skipped = parse.read_folder(src.path, source=src.name)
                problems.extend(f"{src.name}: {msg}" for msg in skipped)
        except parse.ParseError as exc:
            problems.append(f"{src.name}: {exc}")
            continue
        for a in items:
            arts.setdefault(a.article_id, a)
    return sorted(arts.values(), key=lambda a: a.article_id), problems


def triage_articles(articles: list[parse.Article], learned: str = "off", features: str = "hash",
                    config=None) -> tuple[pl.DataFrame, dict[str, triage.TriageResult]]:
    """The rules' verdicts, changed where the learned step (`learned`: off | override | rescue; its model's
    `features`: hash | lite; or `config`, the file's `triage` settings, round 21) disagrees."""
    rows, results = [], {}
    batch = [(a.title, a.text, a.published) for a in articles]
    verdicts = triage.classify_batch(batch)
    if learned != "off":
        from assets.media import learned_triage

        verdicts = learned_triage.apply(batch, verdicts, learned, features=features, config=config)
    verdicts = [triage.with_site(v, a.url, a.title, a.text) for v, a in zip(verdicts, articles)]  # (session 20) last
    for a, res in zip(articles, verdicts):
        quick = res.passed_quick
        results[a.article_id] = res
        row = a.to_row()
        row.update(triage_pass=quick, triage_label=res.label, triage_score=res.score,
                   triage_reasons="; ".join(res.reasons))
        rows.append({k: row.get(k) for k in ARTICLE_COLUMNS})
    schema = {"article_id": pl.Utf8, "source": pl.Utf8, "kind": pl.Utf8, "url": pl.Utf8, "title": pl.Utf8,
              "published": pl.Date, "fetched_at": pl.Datetime, "lang": pl.Utf8, "text": pl.Utf8,
              "response_id": pl.Utf8, "triage_pass": pl.Boolean, "triage_label": pl.Utf8,
              "triage_score": pl.Float64, "triage_reasons": pl.Utf8}
    return pl.DataFrame(rows, schema=schema), results


def build_articles(con: duckdb.DuckDBPyConnection, config: SourcesConfig) -> tuple[pl.DataFrame, list[str]]:
    arts, problems = collect_articles(con, config)
    df, _ = triage_articles(arts, config.triage.learned, config.triage.features, config.triage)
    writes.replace_table(con, "media_articles", df)
    return df, problems


# -- 3. candidates -------------------------------------------------------------------------------
CANDIDATE_INT = {"participants_low", "participants", "participants_high", "duration_min", "police_count",
                 "preventive_detentions", "detained"}
CANDIDATE_BOOL = {"permission_requested", "police_present", "police_warned", "prosecutor_present", "prosecutor_warned",
                  "akimat_present", "akimat_warned", "obstruction", "dispersal", "state_organised"}


def events_of(articles: pl.DataFrame, sent_back: set[str] | None = None) -> list[dict]:
    """Events of the articles triage took, and of those a monitor sent back from the "not an event"
    list (`sent_back`: their URLs)."""
    sent_back = sent_back or set()
    out = []
    for a in articles.filter((pl.col("triage_label") == "assembly") | pl.col("url").is_in(list(sent_back))).iter_rows(named=True):
        forced = a["triage_label"] != "assembly"
        # force: an article triage took is extracted even where the rules alone would not take it (the learned step)
        try:
            evs = extract.extract(a["title"] or "", a["text"] or "", published=a["published"], url=a["url"], lang=a["lang"],
                                  force=True)
        except Exception as exc:  # noqa: BLE001 - one article the rules cannot read must not stop the others
            log.warning("%s: the extractor failed on this article (%s: %s); it is left out of the candidates, the "
                         "others are read", a["url"], type(exc).__name__, exc)
            continue
        for ev in evs:
            d = ev.to_dict()
            d["article_id"], d["kind"] = a["article_id"], a["kind"]
            d["why_found"] = ("a monitor sent it back from the not-an-event list" if forced else a.get("triage_reasons"))
            d["response_id"], d["fetched_at"] = a.get("response_id"), a.get("fetched_at")
            out.append(d)
    return out


def _each_single_event(articles: pl.DataFrame, events: list[dict], step) -> list[dict]:
    """The events with `step(article, event)` applied where an article has one event only; the others unchanged."""
    by_article: dict[str, list[int]] = {}
    for i, e in enumerate(events):
        by_article.setdefault(e.get("article_id"), []).append(i)
    arts = {a["article_id"]: a for a in articles.iter_rows(named=True)}
    out = list(events)
    for aid, idx in by_article.items():
        a = arts.get(aid)
        if a is None or len(idx) != 1:
            continue
        out[idx[0]] = step(a, events[idx[0]])
    return out


def rerank_counts(articles: pl.DataFrame, events: list[dict], counts: dict[str, str]) -> list[dict]:
    """The events with the learned re-ranker applied to their counts (assets/media/learned_rerank.py): an article
    with one event only; the event keeps every other field."""
    from assets.media import learned_rerank

    return _each_single_event(articles, events, lambda a, ev: learned_rerank.apply_events(
        a["title"] or "", a["text"] or "", a["published"], None, [ev], counts)[0])


def syntax_counts(articles: pl.DataFrame, events: list[dict], mode: str) -> list[dict]:
    """The events with the dependency parse's reading of their counts (assets/media/count_roles.py): an article
    with one event only (triage kept it: the parse never runs on a dropped article)."""
    from assets.media import count_roles

    return _each_single_event(articles, events, lambda a, ev: count_roles.apply_events(
        a["title"] or "", a["text"] or "", a["published"], None, [ev], mode)[0])


def decided(con: duckdb.DuckDBPyConnection) -> tuple[dict[str, dict], set[str]]:
    """Done decisions by candidate id, and every event key they covered."""
    archive.ensure_tables(con)
    cur = con.execute(sql("media/review_decisions_done"))
    cols = [d[0] for d in cur.description]
    by_id = {r[0]: dict(zip(cols, r)) for r in cur.fetchall()}
    keys = {k for d in by_id.values() for k in (d.get("event_keys") or "").split(";") if k}
    return by_id, keys


def _fields(decision: dict) -> dict:
    """A stored decision's `fields` (the row as the monitor left it, and `_extracted`), {} when unreadable."""
    try:
        return json.loads(decision.get("fields") or "{}")
    except (json.JSONDecodeError, TypeError):
        return {}


def build_candidates(con: duckdb.DuckDBPyConnection, articles: pl.DataFrame,
                     counts: dict[str, str] | None = None, syntax: str = "off") -> pl.DataFrame:
    """Extract, deduplicate, match to cards; status queued | matched | decided. `counts`: the learned re-ranker's
    mode per field (`{"participants": "rescue"}`; config/sources.yaml `extraction:`), off where not given;
    `syntax`: the dependency parse's mode (`extraction: syntax`, count_roles.py), after the re-ranker."""
    archive.ensure_tables(con)
    overrides = {r[0] for r in con.execute(sql("media/triage_overrides_events")).fetchall()}
    events = events_of(articles, overrides)
    if counts and any(m != "off" for m in counts.values()):
        events = rerank_counts(articles, events, counts)
    if syntax != "off":
        events = syntax_counts(articles, events, syntax)
    done, done_keys = decided(con)
    cands = [dedup.merge(g) for g in split_from_rejected(dedup.cluster(events), done)]
    _keep_ids(con, cands)
    # the claim ledger: every figure of every article, with its source, kept side by side
    owner = {k: c["candidate_id"] for c in cands for k in c["event_keys"].split(";") if k}
    ledger = []
    for e in events:
        for cl in claims.claims_of(e):
            cl["candidate_id"] = owner.get(e.get("event_key"))
            ledger.append(cl)
    by_cand: dict[str, list[dict]] = {}
    for cl in ledger:
        by_cand.setdefault(cl["candidate_id"], []).append(cl)
    for c in cands:
        c["claims"] = claims.to_json(by_cand.get(c["candidate_id"], []))
    cards = match.load_cards(con)
    rejected = {cid: d for cid, d in done.items() if d.get("decision") == "reject"}
    links = []
    for c in cands:
        c["status"], c["matched_card_id"], c["match_score"] = "queued", None, None
        keys = set(c["event_keys"].split(";"))
        if c["candidate_id"] in done or keys & done_keys:
            c["status"] = "decided"
            d = done.get(c["candidate_id"])
            if d is not None and d.get("decision") in ("accept", "merge"):
                diff = review_changes.changes(_fields(d).get(review_changes.KEY), c)
                if diff:  # its articles say something else now: asked again, saying what changed
                    c["status"] = "changed"
                    c["why_found"] = review_changes.why(diff) + "\n" + (c.get("why_found") or "")
        elif not (set(c["source_links"].split(";")) & overrides):
            copy_of = _rejected_copy_of(c, rejected)
            if copy_of:
                c["status"] = "rejected_copy"  # not asked again; listed on the "not_events" sheet
                c["why_found"] = f"the same event as rejected candidate {copy_of}\n" + (c.get("why_found") or "")
        m = match.best_match(c, cards)
        if m is not None:
            c["matched_card_id"], c["match_score"] = m.card_id, m.score
            if c["status"] not in ("decided", "changed"):
                c["status"] = "matched"
            for u in c["source_links"].split(";"):
                if u:
                    links.append({"card_id": m.card_id, "period": m.period, "candidate_id": c["candidate_id"],
                                  "url": u, "score": m.score, "how": "automatic match"})
        c["evidence"] = json.dumps(c.get("evidence") or {}, ensure_ascii=False)
    cols = [r[0] for r in con.execute(
        sql("media/candidates_columns")).fetchall()]
    schema = {}
    for c in cols:
        if c in CANDIDATE_INT:
            schema[c] = pl.Int64
        elif c in CANDIDATE_BOOL:
            schema[c] = pl.Boolean
        elif c in ("date", "first_seen"):
            schema[c] = pl.Date
        elif c == "match_score":
            schema[c] = pl.Float64
        else:
            schema[c] = pl.Utf8
    rows = []
    for c in cands:
        row = {}
        for k in cols:
            v = c.get(k)
            if k in ("date", "first_seen") and v is not None and not isinstance(v, dt.date):
                v = dt.date.fromisoformat(str(v))
            row[k] = v
        rows.append(row)
    df = pl.DataFrame(rows, schema=schema)
    with transaction(con):
        con.execute(sql("media/candidates_delete_all"))
        con.execute(sql("media/claims_delete_all"))
        con.execute(sql("media/card_sources_delete_automatic"))
        if ledger:
            lf = pl.DataFrame([{k: cl.get(k) for k in claims.COLUMNS} for cl in ledger], schema={
                "claim_id": pl.Utf8, "candidate_id": pl.Utf8, "event_key": pl.Utf8, "article_id": pl.Utf8,
                "url": pl.Utf8, "response_id": pl.Utf8, "fetched_at": pl.Datetime, "published": pl.Utf8,
                "field": pl.Utf8, "value": pl.Utf8, "low": pl.Int64, "best": pl.Int64, "high": pl.Int64,
                "sentence": pl.Utf8})
            con.register("_incoming_claims", lf.to_arrow())
            con.execute(sql("media/insert_claims"))  # columns matched by name
            con.unregister("_incoming_claims")
        if df.height:
            con.register("_incoming_cands", df.to_arrow())
            con.execute(sql("media/insert_candidates"))  # columns matched by name
            con.unregister("_incoming_cands")
        if links:
            con.register("_incoming_links", pl.DataFrame(links).to_arrow())
            con.execute(sql("media/card_sources_insert_incoming"))
            con.unregister("_incoming_links")
    return df


def split_from_rejected(groups: list[list[dict]], done: dict[str, dict]) -> list[list[dict]]:
    """The groups of events, with the articles that joined a rejected candidate after its reject split off into a
    group of their own: the rejected-copy check then lists them on the not_events sheet (reversible there), or queues
    them. Inside the rejected candidate they were neither asked nor listed, so a monitor could not send one back (a
    second hunger strike of the same people, a day later, reported under a new headline)."""
    rejected = {k for d in done.values() if d.get("decision") == "reject"
                for k in (d.get("event_keys") or "").split(";") if k}
    decided_keys = {k for d in done.values() for k in (d.get("event_keys") or "").split(";") if k}
    out = []
    for g in groups:
        keys = {e.get("event_key") for e in g}
        new = [e for e in g if e.get("event_key") not in decided_keys]
        if keys & rejected and new and len(new) < len(g):
            out += [[e for e in g if e.get("event_key") in decided_keys], new]
        else:
            out.append(g)
    return out


def _keep_ids(con: duckdb.DuckDBPyConnection, cands: list[dict]) -> None:
    """A candidate keeps the id it had (or was decided under) even when an article published earlier
    joins it later: the id follows the articles it already had."""
    known: dict[str, str] = {}
    for cid, keys in con.execute(sql("media/review_decisions_event_keys")).fetchall() + \
            con.execute(sql("media/candidates_event_keys")).fetchall():
        for k in (keys or "").split(";"):
            if k:
                known.setdefault(k, cid)  # decisions first: a decided id wins
    decision_keys = {k for _, keys in con.execute(sql("media/review_decisions_event_keys")).fetchall()
                     for k in (keys or "").split(";") if k}
    taken: set[str] = set()
    # the candidates holding a decided article first: a group split off a decided one never takes its id
    for c in sorted(cands, key=lambda c: not set(c["event_keys"].split(";")) & decision_keys):
        olds = [known[k] for k in c["event_keys"].split(";") if k in known]
        if olds:
            best = max(dict.fromkeys(olds), key=olds.count)
            if best not in taken:
                c["candidate_id"] = best
        if c["candidate_id"] in taken:  # its own id is another's (the one it was split from): one of its articles'
            c["candidate_id"] = "m" + hashlib.sha1(c["event_keys"].encode()).hexdigest()[:11]
        taken.add(c["candidate_id"])


def _normalised(fields: dict) -> dict:
    """A reviewed row's fields as codes: city key, form code, date."""
    form = fields.get("form")
    form = (review.code_of("form", form) or form) if form else None
    return {"city": places.lookup(str(fields.get("city") or "")), "date": parse_date(fields.get("date")),
            "form": form, "topic": fields.get("topic"), "title": fields.get("titles")}


def _rejected_copy_of(cand: dict, rejected: dict[str, dict]) -> str | None:
    """The rejected candidate this one repeats under another headline (same city, a day apart at
    most, a compatible form, a similar topic or headline), if any."""
    me = {"city": cand.get("city"), "date": cand.get("date"), "form": cand.get("form"), "topic": cand.get("topic"),
          "title": cand.get("titles")}
    for cid, d in rejected.items():
        try:
            fields = json.loads(d.get("fields") or "{}")
        except json.JSONDecodeError:
            continue
        if dedup.same_event(me, _normalised(fields)):
            return cid
    return None


# -- 4. review -----------------------------------------------------------------------------------
def import_decisions(con: duckdb.DuckDBPyConnection, inbox: Path | None = None) -> list[review.Decision]:
    """Read <inbox>/reviews/*.xlsx, write cards of accepted rows, keep every decision."""
    archive.ensure_tables(con)
    inbox = inbox or settings.inbox_dir()
    files = review.review_files(inbox)
    if not files:
        con.execute(sql("media/review_decisions_delete_file_problems"))  # a removed file's problems go with it
        return []
    known, _ = decided(con)
    known_cards = {c["card_id"] for c in match.load_cards(con)}
    cand_keys = dict(con.execute(sql("media/candidates_event_keys")).fetchall())
    cur = con.execute(sql("media/candidates_extracted"))
    cols = [x[0] for x in cur.description]
    extracted = {r[0]: review_changes.snapshot(dict(zip(cols, r))) for r in cur.fetchall()}
    decisions = review.import_reviews(files, known_decisions=known, known_cards=known_cards, inbox=inbox,
                                      candidates=set(cand_keys))
    sent_back = review_sheets.read_not_events(files)
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    with transaction(con):
        con.execute(sql("media/review_decisions_delete_file_problems"))  # found again below if still there
        for d in decisions:
            if not d.event_keys:
                d.event_keys = cand_keys.get(d.candidate_id) or ""
            prev = known.get(d.candidate_id)
            if d.status == "note":  # said by the command, nothing to keep
                continue
            if d.status == "error" and prev is not None:
                continue  # a later broken row does not undo a decision already made
            if d.status == "done":  # what the articles said when it was decided: a row read again keeps its own
                before = _fields(prev) if prev is not None else {}
                kept = before.pop(review_changes.KEY, None)
                same = prev is not None and prev.get("decision") == d.decision and before == json.loads(
                    json.dumps(d.fields, ensure_ascii=False, default=str))
                snap = kept if same and kept is not None else extracted.get(d.candidate_id)
                if snap is not None:
                    d.fields[review_changes.KEY] = snap
            r = d.row()
            con.execute(sql("media/review_decisions_delete_candidate"), [d.candidate_id])
            con.execute(sql("media/review_decisions_insert"),
                        [r["candidate_id"], r["decision"], r["merge_into"], r["status"], r["message"], r["card_id"],
                         r["period"], r["card_path"], r["fields"], r["event_keys"], r["review_file"], r["review_row"], now])
            if d.decision == "merge" and d.status == "done" and d.card_id:
                con.execute(sql("media/card_sources_delete_review_merge"), [d.candidate_id])
                for u in str(d.fields.get("source_links") or "").split(";"):
                    if u.strip():
                        con.execute(sql("media/card_sources_insert"),
                                    [d.card_id, d.period, d.candidate_id, u.strip(), None, "review merge"])
        for url, (is_event, fname) in sent_back.items():
            con.execute(sql("media/triage_overrides_delete_url"), [url])
            con.execute(sql("media/triage_overrides_insert"),
                        [url, is_event, "sent back by a monitor" if is_event else "confirmed not an event", fname, now])
    return decisions


def queue(con: duckdb.DuckDBPyConnection) -> tuple[list[dict], dict[str, str]]:
    """Candidates still waiting for a monitor, and the import problems to show next to them."""
    archive.ensure_tables(con)
    done, done_keys = decided(con)
    cur = con.execute(sql("media/candidates_queued"))
    cols = [d[0] for d in cur.description]
    out = []
    for r in cur.fetchall():
        c = dict(zip(cols, r))
        if c.get("status") == "changed":  # asked again unless decided anew since (this run's import)
            d = done.get(c["candidate_id"])
            if d is not None and not review_changes.changes(_fields(d).get(review_changes.KEY), c):
                continue
        elif c["candidate_id"] in done or set((c.get("event_keys") or "").split(";")) & done_keys:
            continue
        out.append(c)
    notes = dict(con.execute(sql("media/review_errors_messages")).fetchall())
    # what the monitor typed in a row that failed to import comes back in the next sheet
    typed = dict(con.execute(sql("media/review_errors_typed")).fetchall())
    for c in out:
        raw = typed.get(c["candidate_id"])
        if not raw:
            continue
        try:
            fields = json.loads(raw)
        except json.JSONDecodeError:
            continue
        for k in ("decision", "merge_into", *review.EDITABLE):
            if fields.get(k) not in (None, ""):
                c[k] = fields[k]
    return out, notes


def not_events(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """Articles triage judged not to report an assembly (mentions only), and candidates held back as
    copies of a rejected one, each with its reason: the monitor's reversible "not an event" list."""
    archive.ensure_tables(con)
    back = {r[0] for r in con.execute(sql("media/triage_overrides_events")).fetchall()}
    rows = []
    if con.execute(sql("common/table_exists"), {"name": "media_articles"}).fetchone()[0]:
        for url, title, pub, reasons in con.execute(
                sql("media/articles_not_events")).fetchall():
            if url not in back:
                rows.append({"url": url, "title": title, "published": pub, "reason": reasons})
    for links, titles, why in con.execute(
            sql("media/candidates_rejected_copies")).fetchall():
        for u in (links or "").split(";"):
            if u and u not in back:
                rows.append({"url": u, "title": titles, "published": None, "reason": (why or "").split("\n")[0]})
    return rows


def export_queue(con: duckdb.DuckDBPyConnection, path: Path | None = None) -> tuple[Path, int]:
    path = path or settings.build_dir() / "media" / "review_queue.xlsx"
    cands, notes = queue(con)
    n = review_export.export_queue(cands, path, notes=notes, not_events=not_events(con))
    return path, n
