"""Erasure of a person on request (`monitor erase-person`).

A person is chosen by name (matched as pseudonyms match: case, ё/е, spaces and word order do not
matter), by pseudonym, or by card and person id. A name no stored person bears (clean, raw, organiser,
refused file) is refused, a part of one too ("Роза" for "Роза Кенжебаева"), unless the caller says it is
not in the warehouse (then only the whole name is redacted). Then, in every period:

- every form of the person's name found in the data (the one given and those the persons table
  holds), in every spelling the report's redaction cuts (Latin ones, Latin look-alike letters, a Kazakh
  name's Russian spellings; a two-letter surname alone only capitalised; initials beside a name word, «Ли Ж.», "Zh. Li"),
  and, on the person's own cards (the cards whose persons name them), every word of the name alone too, a first
  name or a patronymic included, written capitalised (card_words_pattern: in those cards' rows of every table with
  card_id and period, their raw records, their part of each file), is replaced by the marker `REDACTED-<erasure id>` in every text column of every warehouse
  table (persons, raw_records' values and raw_headers, quarantine, cards' notes, media...), in the archived bytes of
  raw_files (CSV, YAML, JSON in their encoding; XLSX inside its XML) and in the inbox files
  themselves, so that a re-run does not bring the name back (the inbox files are replaced after the
  commit; a file that cannot be read is named and skipped); in the archived media responses' bytes
  (media_responses.body), so that `monitor media articles` does not bring it back either;
- the person's rows in `persons` lose their identifying fields (name = the marker, public = false)
  and get the pseudonym of the marker: every record of the person keeps ONE pseudonym, so distinct
  and repeat counts stay as they were;
- nothing is deleted: records stay records, so `nothing_lost` (raw = cards + persons +
  quarantined) balances as before and reports how many records carry a redaction marker;
- the erasure is recorded in `erasures` (when, by whom, which periods, persons, records and files —
  never the name);
- the warehouse file is rewritten (COPY FROM DATABASE into a new file while the write lock is held,
  then put in place), so no old page holding the name survives in free blocks; then the caller
  re-renders the period's outputs.

Beside it: `erasure_names.py` (the forms and spellings of a name, as patterns) and `erasure_files.py` (the name cut
from a file's bytes, whatever its format).
"""
from __future__ import annotations

import datetime as dt
import getpass
import hashlib
import json
import os
import re
import secrets
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from assets.core import ducklake, encryption, raw, rawstore, warehouse as wh
from assets.core.sqlfiles import for_table
from assets.core.transactions import transaction
from assets.validate import pseudonym as ps, redaction
from assets.validate.erasure_files import CardWords, NCR, ncr_char, redact_bytes
from assets.validate.erasure_resume import SUFFIX, finish_interrupted
from assets.validate.erasure_names import any_word_pattern, card_words_pattern, name_pattern, python_rx, sql_pattern
from core import settings


MARKER = "REDACTED-{}"


@dataclass
class Erasure:
    erasure_id: str
    marker: str
    periods: list[str] = field(default_factory=list)
    persons: list[str] = field(default_factory=list)  # period/card_id/person_id
    records: int = 0
    files: list[str] = field(default_factory=list)
    inbox_files: list[str] = field(default_factory=list)
    cells: int = 0
    responses: list[str] = field(default_factory=list)  # media_responses' ids whose bytes were redacted
    unreadable: list[str] = field(default_factory=list)  # "<file>: <error>" of files that could not be read


class Refused(ValueError):
    """The erasure was refused before anything changed (the CLI exits 2 with the message)."""


def _text_columns(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    return con.execute(wh.read_sql("erasure/text_columns")).fetchall()


def _normalised(name: str | None) -> str:
    """The name as pseudonyms compare it (case, ё/е, spaces, word order), Latin look-alikes read as Cyrillic
    letters: «Eрбол Кaсымов» typed with a Latin E and a is «Ербол Касымов»."""
    return redaction.fold(ps.normalise_name(name))


def find_persons(con: duckdb.DuckDBPyConnection, *, name: str | None = None, pseudonym: str | None = None,
                 person: tuple[str, str] | None = None) -> list[dict]:
    rows = con.execute(wh.read_sql("erasure/persons")).fetchall()
    keys = ("period", "card_id", "person_id", "name", "pseudonym", "record_id")
    out = []
    target = _normalised(name) if name else None
    for r in rows:
        d = dict(zip(keys, r))
        if (target and _normalised(d["name"]) == target) or (pseudonym and d["pseudonym"] == pseudonym) \
                or (person and (d["card_id"], d["person_id"]) == person):
            out.append(d)
    return out


def stored_names(con: duckdb.DuckDBPyConnection) -> set[str]:
    """Every name the warehouse holds for a person, beyond the clean persons' (find_persons): the raw
    person records of every period, public or not (a person whose row was quarantined), and what the
    redaction collects for a period (assets/validate/redaction.py: individual organisers, names in
    refused files)."""
    from assets.validate import redaction
    from schemas.card import header_aliases

    aliases, cache = header_aliases("person"), {}
    out: set[str] = set()
    for _period, header, cells in con.execute(wh.read_sql("erasure/raw_person_records")).fetchall():
        try:
            d = raw.record_data(header, cells)
        except ValueError:
            continue
        v = redaction._field(d, aliases, "name", cache) if isinstance(d, dict) else None
        if v is not None:
            out.add(str(v).strip())
    for (period,) in con.execute(wh.read_sql("erasure/raw_periods")).fetchall():
        out.update(redaction.private_names(con, period))
    return {n for n in out if n and not n.startswith("REDACTED-")}


def _check_name(con: duckdb.DuckDBPyConnection, name: str, matched: list[dict]) -> set[str]:
    """The forms the warehouse holds of `name` (it normalises as they do: case, ё/е, word order and
    punctuation do not matter); refused (Refused) if no stored person bears that whole name. Never
    names the persons it compared with."""
    target = _normalised(name)
    if not target:
        raise Refused(f"the name {name!r} has no letters: nothing erased")
    if matched:
        return {m["name"] for m in matched if m["name"]}
    names = stored_names(con)
    same = {n for n in names if _normalised(n) == target}
    if same:
        return same
    words = set(target.split())
    if any(words < set(_normalised(n).split()) for n in names):
        raise Refused(f"{name!r} is only part of a name recorded in the warehouse: give the person's full name as "
                      "recorded (nothing erased; --not-in-warehouse erases these words as given)")
    raise Refused(f"no person named {name!r} in the warehouse: nothing erased (no clean or raw person record bears "
                  "that name, in any case, ё/е or word order; --not-in-warehouse erases it all the same, e.g. a name "
                  "only in a workbook the pipeline could not open)")


def erase(con: duckdb.DuckDBPyConnection, *, name: str | None = None, pseudonym: str | None = None,
          person: tuple[str, str] | None = None, by: str | None = None, inbox: Path | None = None,
          not_in_warehouse: bool = False) -> Erasure:
    """Redact the person everywhere in the warehouse (and the inbox files); record the erasure.

    A name must be a stored person's whole name (Refused otherwise), unless `not_in_warehouse`: then
    only the whole name as given is redacted (no word of it alone). The inbox files are rewritten
    only after the warehouse's commit (their redacted copies are written first, beside them, and
    removed if anything fails). A file that cannot be read (a broken workbook) is skipped and named
    in `unreadable`."""
    if not (name or pseudonym or person):
        raise ValueError("say whom to erase: --name, --pseudonym or --person CARD_ID:PERSON_ID")
    finish_interrupted(con, inbox or settings.inbox_dir())  # an earlier erasure's copies settled first (not mixed in)
    matched = find_persons(con, name=name, pseudonym=pseudonym, person=person)
    whole = False
    if name and not not_in_warehouse:
        stored = _check_name(con, name, matched)
    else:
        stored = {m["name"] for m in matched if m["name"]}
        whole = bool(name) and not matched
    forms = stored | ({name} if name else set())
    forms = {f for f in forms if ps.normalise_name(f) and not f.startswith("REDACTED-")}
    if not matched and not forms:
        raise Refused("no such person in the warehouse (nothing was changed)")
    e = Erasure(erasure_id=secrets.token_hex(4), marker="")
    e.marker = MARKER.format(e.erasure_id)
    core = name_pattern(forms, whole=whole)
    rx = python_rx(core) if core else None
    pattern = sql_pattern(core) if core else ""
    # the person's own cards, which name them in full: there the name's words alone go too (a first name: «Позже
    # Жанну оштрафовали», "Later Zhanna was fined"), never elsewhere (another Zhanna, «розы» for Роза)
    own_cards: dict[str, set[str]] = {}
    for m in matched:
        own_cards.setdefault(m["period"], set()).add(m["card_id"])
    lone = card_words_pattern(forms) if own_cards and not whole else ""
    card_words = {p: CardWords(python_rx(lone), frozenset(ids)) for p, ids in own_cards.items()} if lone else {}
    key = ps.warehouse_key(con)  # the key of the warehouse's pseudonyms, or refused
    lost_before = con.execute(wh.read_sql("checks/nothing_lost")).fetchall()
    store = rawstore.views_store(con)  # the raw store's files: redacted copies written, the old ones deleted after
    superseded = rawstore.referenced(con) if store is not None else set()
    pending: list[tuple[Path, Path]] = []  # (inbox file, its redacted copy): put in place after the commit
    try:
        with transaction(con):
            if rx is not None:
                text_columns = _text_columns(con)
                catalog = {t for t, _ in text_columns}  # the allow-list here: the warehouse's own base tables
                # a table's columns are asked only if one of its rows holds a word of the name at all (one query a
                # table: on a DuckLake every query reads the catalog, ~20-30 ms, and there are ~200 text columns)
                words = any_word_pattern(forms)
                may_match = {t for t in sorted(catalog)
                             if con.execute(for_table("erasure/table_may_match", t, None, catalog), {"words": words}).fetchone()[0]}
                for table, col in text_columns:
                    if table not in may_match:
                        continue
                    count = for_table("erasure/count_matches", table, col, catalog)
                    n = left = con.execute(count, {"pattern": pattern}).fetchone()[0]
                    if n:
                        e.cells += n
                        if table in ("raw_records", "raw_record_rows") and col == "cells":
                            e.records += n
                    for _ in range(4):  # a match takes the character before the next one: repeat until none is left
                        if not left:
                            break
                        con.execute(for_table("erasure/redact_column", table, col, catalog),
                                    {"pattern": pattern, "replacement": "\\1" + e.marker + "\\2"})
                        left = con.execute(count, {"pattern": pattern}).fetchone()[0]
                if card_words:  # a word alone is one of any_word_pattern's words too: only the tables it may match
                    _redact_own_cards(con, catalog, may_match, text_columns, lone, own_cards, e)
                if store is not None:
                    _redact_stored_records(con, store, pattern, e, sql_pattern(lone) if card_words else "", own_cards)
                if "media_responses" in catalog:
                    _redact_media_bodies(con, rx, e)
                files = con.execute(wh.read_sql("erasure/raw_files")).fetchall()
                for period, source_file, content, fmt, enc in files:
                    if content is None:
                        continue
                    try:
                        new = redact_bytes(bytes(content), fmt, enc, rx, e.marker, card_words.get(period))
                    except Exception as exc:  # noqa: BLE001 - a broken workbook must not stop the erasure: named
                        e.unreadable.append(f"{source_file} (archived): {type(exc).__name__}: {exc}")
                        continue
                    if new != bytes(content):
                        args = {"content": new, "sha256": hashlib.sha256(new).hexdigest(), "size_bytes": len(new),
                                "period": period, "source_file": source_file}
                        con.execute(for_table("erasure/update_raw_file", "raw_files" if ducklake.is_lake(con) else "raw_file_rows"), args)
                        if store is not None:  # (a file is in one of the two places; the other UPDATE changes nothing)
                            rawstore.put_bytes(store, new)
                            con.execute(wh.read_sql("erasure/update_stored_raw_file"),
                                        {k: v for k, v in args.items() if k != "content"})
                        e.files.append(f"{period}/{source_file}")
                        src = (inbox or settings.inbox_dir()) / source_file
                        if src.is_file():
                            _prepare_inbox_file(src, fmt, enc, rx, e, pending, card_words.get(period))
            for m in matched:
                con.execute(wh.read_sql("erasure/update_person"),
                            {"marker": e.marker, "pseudonym": ps.pseudonym(key, e.marker, m["card_id"], m["person_id"]),
                             "period": m["period"], "card_id": m["card_id"], "person_id": m["person_id"]})
                e.persons.append(f"{m['period']}/{m['card_id']}/{m['person_id']}")
            e.periods = sorted({m["period"] for m in matched} | {f.split("/", 1)[0] for f in e.files})
            con.execute(
                wh.read_sql("erasure/insert_erasure"),
                [e.erasure_id, dt.datetime.now(dt.timezone.utc).replace(tzinfo=None), by or getpass.getuser(),
                 "name" if name else "pseudonym" if pseudonym else "person", ",".join(e.periods),
                 json.dumps(e.persons), e.records, json.dumps(e.files + [f"media_responses/{r}" for r in e.responses]), e.cells])
            if store is not None:
                rawstore.define_views(con, store)  # the views read the redacted files
            lost_after = con.execute(wh.read_sql("checks/nothing_lost")).fetchall()
            if [r[:5] for r in lost_after] != [r[:5] for r in lost_before]:
                raise RuntimeError(f"the erasure would change the record counts ({lost_before} -> {lost_after}); nothing was changed")
    except BaseException:
        for _src, tmp in pending:  # the warehouse was rolled back: the inbox stays as it was too
            tmp.unlink(missing_ok=True)
        raise
    left = []
    for src, tmp in pending:  # committed: now the inbox (a rename each)
        try:
            os.replace(tmp, src)
            e.inbox_files.append(str(src))
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            left.append(f"{src}: {exc}")
    rawstore.collect(store, con, superseded)  # the store's files that held the name, now referenced by nothing
    if left:
        raise RuntimeError(f"the warehouse was redacted (erasure {e.erasure_id}) but these inbox files could not be "
                           f"replaced and still hold the name: {'; '.join(left)} — redact them by hand before the next run")
    return e


def _prepare_inbox_file(src: Path, fmt: str | None, enc: str | None, rx: re.Pattern, e: Erasure,
                        pending: list[tuple[Path, Path]], card: CardWords | None = None) -> None:
    """Write the redacted copy of one inbox file beside it (put in place after the commit)."""
    try:
        old = src.read_bytes()
        red = redact_bytes(old, fmt, enc, rx, e.marker, card)
    except Exception as exc:  # noqa: BLE001 - named, not fatal (the archived copy was redacted)
        e.unreadable.append(f"{src}: {type(exc).__name__}: {exc}")
        return
    if red != old:
        tmp = src.with_name(src.name + SUFFIX)
        pending.append((src, tmp))
        tmp.write_bytes(red)


def _redact_media_bodies(con: duckdb.DuckDBPyConnection, rx: re.Pattern, e: Erasure) -> None:
    """The archived media responses' bytes (media_responses.body, which `monitor media articles` parses
    again): each decoded as the media parser decodes it (assets/media/parse.py `decode`, with its
    source's forced encoding), redacted, and encoded again in the same encoding (the marker is ASCII;
    UTF-8 where a character does not fit: decode and feedparser read valid UTF-8 whatever the page or
    feed declares, unless the source forces an encoding). response_id and content_sha256 stay those of
    the bytes received: a re-fetch of the same page is recognised as unchanged and not archived again.
    200 responses' bytes are read at a time, not the whole archive's."""
    from assets.media import sources

    try:
        forced = {s.name: s.encoding for s in sources.load().sources}
    except Exception:  # noqa: BLE001 - a broken sources file: the parser's own guess
        forced = {}
    ids = [i for (i,) in con.execute(wh.read_sql("erasure/media_response_ids")).fetchall()]
    for at in range(0, len(ids), 200):
        for response_id, source, headers, body in con.execute(wh.read_sql("erasure/media_bodies"),
                                                              {"ids": ids[at:at + 200]}).fetchall():
            _redact_media_body(con, rx, e, forced, response_id, source, headers, body)


def _redact_media_body(con: duckdb.DuckDBPyConnection, rx: re.Pattern, e: Erasure, forced: dict,
                       response_id: str, source: str | None, headers: str | None, body) -> None:
    """One archived response (see _redact_media_bodies)."""
    from assets.media import parse

    body = bytes(body)
    try:
        ctype = (json.loads(headers or "{}") or {}).get("content-type")
    except (ValueError, AttributeError):
        ctype = None
    try:
        text, enc = parse.decode(body, ctype, forced.get(source))
    except Exception as exc:  # noqa: BLE001
        e.unreadable.append(f"media response {response_id}: {type(exc).__name__}: {exc}")
        return
    plain = NCR.sub(ncr_char, text) if "&#" in text else text  # a page may spell the name &#1057;...
    if not rx.search(plain):
        return
    new_text = rx.sub(e.marker, plain)
    try:
        new = new_text.encode(enc)
        if enc.startswith("utf-8") and body.startswith(b"\xef\xbb\xbf"):
            new = b"\xef\xbb\xbf" + new
        if parse.decode(new, ctype, forced.get(source))[0] != new_text:
            raise UnicodeError("decoded otherwise")
    except (UnicodeError, LookupError):  # both parsers read valid UTF-8 whatever a page declares (not a forced encoding)
        new = new_text.encode("utf-8")
    con.execute(wh.read_sql("erasure/update_media_body"), {"body": new, "response_id": response_id})
    e.responses.append(response_id)


def _redact_own_cards(con: duckdb.DuckDBPyConnection, catalog: set[str], may_match: set[str],
                      text_columns: list[tuple[str, str]], words: str, own_cards: dict[str, set[str]],
                      e: "Erasure") -> None:
    """The name's words alone (card_words_pattern) in the rows of the person's own cards: every text
    column of the tables whose rows belong to a card (sql/erasure/card_tables.sql: cards, persons, quarantine,
    revisions...) and the raw records of those cards (raw_records, raw_record_rows: their cells hold the card id).
    `words`: card_words_pattern's core. A table's columns are asked for a card only if a row of that card, cast to
    text whole, holds one of its words (sql/erasure/card_table_may_match.sql; one query a card and table instead of
    one a column: the cards' tables have ~110 text columns), and only in the tables of `may_match` (whose rows hold
    a word of any_word_pattern, which every word alone is too); tests/backends/test_erasure_prefilter.py."""
    tables = {t for (t,) in con.execute(wh.read_sql("erasure/card_tables")).fetchall()} & catalog & may_match
    pattern = sql_pattern(words)
    marker = {"replacement": "\\1" + e.marker + "\\2", "pattern": pattern}
    for period, ids in sorted(own_cards.items()):
        for card_id in sorted(ids):
            where = {"period": period, "card_id": card_id}
            holding = {t for t in tables if con.execute(for_table("erasure/card_table_may_match", t, None, catalog),
                                                                {**where, "words": words}).fetchone()[0]}
            for table, col in text_columns:
                if table in holding:
                    _repeat(con, for_table("erasure/count_card_matches", table, col, catalog),
                            for_table("erasure/redact_card_column", table, col, catalog), {**where, **marker}, e)
            for table in ("raw_records", "raw_record_rows"):
                if table in catalog and table in may_match:
                    n = _repeat(con, for_table("erasure/count_card_records", table, None, catalog),
                                for_table("erasure/redact_card_records", table, None, catalog),
                                {"period": period, "card_json": json.dumps(card_id, ensure_ascii=False), **marker}, e)
                    e.records += n


def _repeat(con: duckdb.DuckDBPyConnection, count: str, redact: str, params: dict, e: "Erasure") -> int:
    """Run `redact` until `count` finds nothing (a match takes the character before the next one: at most 4
    times); the cells it found first, added to e.cells."""
    n = left = con.execute(count, {k: v for k, v in params.items() if k != "replacement"}).fetchone()[0]
    e.cells += n
    for _ in range(4):
        if not left:
            break
        con.execute(redact, params)
        left = con.execute(count, {k: v for k, v in params.items() if k != "replacement"}).fetchone()[0]
    return n


def _redact_stored_records(con: duckdb.DuckDBPyConnection, store: Path, pattern: str, e: "Erasure",
                           card_pattern: str = "", own_cards: dict[str, set[str]] | None = None) -> None:
    """The raw store's record parts holding the name (or, with card_pattern, a word of it alone in a record of the
    person's own cards, own_cards): each redacted by the statements every table gets (in a TEMP copy) and written
    as a new part, which the manifest then names (the old file is deleted after the commit)."""
    allowed = {"_erasing_part"}
    count = for_table("erasure/count_matches", "_erasing_part", "cells", allowed)
    for period, sha in con.execute(wh.read_sql("raw/parts")).fetchall():
        part = rawstore.parts_source([rawstore.quoted(rawstore.part_path(store, sha))])
        con.execute(wh.read_sql("erasure/part_to_temp").replace(
            "__part_records__", rawstore.part_records_sql().replace("__parts__", part)))
        n = con.execute(count, {"pattern": pattern}).fetchone()[0]
        if n:
            e.cells += n
            e.records += n
            for _ in range(4):  # as for the tables: a match takes the character before the next one
                if not con.execute(count, {"pattern": pattern}).fetchone()[0]:
                    break
                con.execute(for_table("erasure/redact_column", "_erasing_part", "cells", allowed),
                            {"pattern": pattern, "replacement": "\\1" + e.marker + "\\2"})
        for card_id in sorted((own_cards or {}).get(period, ())) if card_pattern else ():
            k = _repeat(con, for_table("erasure/count_card_records", "_erasing_part", None, allowed),
                        for_table("erasure/redact_card_records", "_erasing_part", None, allowed),
                        {"period": period, "card_json": json.dumps(card_id, ensure_ascii=False), "pattern": card_pattern,
                         "replacement": "\\1" + e.marker + "\\2"}, e)
            e.records += k
            n += k
        if n:
            new_sha, size = rawstore.put_records(store, wh.query(con, wh.read_sql("erasure/erasing_part_rows")))
            con.execute(wh.read_sql("raw/update_part"), {"new_sha": new_sha, "size_bytes": size, "period": period, "old_sha": sha})
        con.execute(wh.read_sql("erasure/drop_erasing_part"))


def copy_to_fresh_file(con: duckdb.DuckDBPyConnection, path: Path) -> Path:
    """Copy the open warehouse into a new file next to it (encrypted like it), while this connection
    still holds the write lock; `replace_file` then puts it in place. Freed pages (old row versions
    that held the name) are not copied."""
    path = Path(path)
    tmp = path.with_name(path.name + ".rewrite")
    for p in (tmp, Path(str(tmp) + ".wal")):
        p.unlink(missing_ok=True)
    db = con.execute(wh.read_sql("erasure/current_database")).fetchone()[0]
    secret = encryption.key()
    opts = f" (ENCRYPTION_KEY {encryption._q(secret)})" if secret else ""
    con.execute(f"ATTACH {encryption._q(str(tmp))} AS _fresh{opts}")
    try:
        con.execute(f'COPY FROM DATABASE "{db}" TO _fresh')
        con.execute(wh.read_sql("erasure/checkpoint_fresh"))
    finally:
        con.execute(wh.read_sql("erasure/detach_fresh"))
    return tmp


def replace_file(fresh: Path, path: Path) -> None:
    os.replace(fresh, path)
    Path(str(path) + ".wal").unlink(missing_ok=True)
