"""The inbox: card files for a period live in <inbox>/cards/<period>/ (any depth).

The inbox is a jail. Nothing outside it is ever read: symbolic links (to files or folders) are
not followed, files with a hard link outside the inbox, devices, pipes and sockets are not opened, and a file
is opened without following links (O_NOFOLLOW) and only if it is a regular file inside the inbox.
Every entry that is not read is reported - a row in raw_files with the reason (it becomes a
quarantine row), never silently skipped: hidden (`.`-prefixed) files and folders, links, folders
of cards/ that name no period of config/periods.yaml, files lying in cards/ itself (these belong to no
period: `strays`, recorded once at the inbox level, quarantine period 'inbox'). Only the lock
and housekeeping files that editors and file managers leave (`~$book.xlsx`, `.~lock.book.xlsx#`,
`.DS_Store`, `Thumbs.db`, ...) are passed over, and even those are listed (severity warning).

`ingest_period` reads them all and returns two frames for the raw layer: the files (bytes and
hash kept) and their records (values as received, a JSON array per record, with their header beside
them: the warehouse keeps each header once, in raw_headers; assets/core/raw.py)."""
from __future__ import annotations

import datetime as dt
import fnmatch
import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from assets.core import periods
from assets.core import raw
from assets.core.raw import NOT_READ, RAW_FILES_SCHEMA, RAW_RECORDS_FRAME, RAW_RECORDS_SCHEMA  # noqa: F401 - also reached as inbox.<name>
from core import settings
from assets.core.limits import limits, mb
from assets.ingest.jail import _inside, read_inside, too_large  # noqa: F401 - also reached as inbox.<name>
from assets.ingest.readers import FileProblem, FileRead, read_file

# Housekeeping files of editors and file managers: passed over (and listed as skipped).
KNOWN_HOUSEKEEPING = {
    "~$*": "the lock file Excel/Word keep while a document is open",
    ".~lock.*#": "the lock file LibreOffice keeps while a document is open",
    ".#*": "an Emacs lock file",
    ".*.sw?": "a Vim swap file",
    "*~": "an editor's backup copy",
    ".DS_Store": "macOS Finder's folder settings",
    "._*": "macOS resource-fork data",
    "Thumbs.db": "Windows' thumbnail cache",
    "desktop.ini": "Windows' folder settings",
    ".gitkeep": "a placeholder that keeps an empty folder in git",
    ".keep": "a placeholder that keeps an empty folder",
}


@dataclass
class Entry:
    """One thing found in the inbox: a file to read (`path`), or why it is not read."""
    rel: str
    path: Path | None = None
    kind: str = "file"           # file | link | hidden | folder | special | hardlink | stray | skipped
    problem: str | None = None   # set when the entry is refused (an error row in quarantine)
    note: str | None = None      # set when it is passed over (a warning row)
    size: int = 0


def housekeeping(name: str) -> str | None:
    for pattern, what in KNOWN_HOUSEKEEPING.items():
        if fnmatch.fnmatchcase(name, pattern):
            return what
    return None


def _link_reason(root: Path, path: Path, rel: str, is_dir: bool) -> str:
    where = "inside the inbox" if _inside(root, str(path)) else "outside the inbox"
    what = "folder" if is_dir else "file"
    return (f"{rel} is a symbolic link to a {what} {where}; links are not followed (nothing outside the "
            f"inbox is read): put the {what} itself into the inbox")


def _walk(root: Path, top: Path, out: list[Entry]) -> None:
    """Every entry under `top` (sorted, depth first), links never followed."""
    lim = limits()
    stack = [top]
    n_files = 0
    inodes: dict = {}

    def _inodes(root: Path) -> dict[tuple[int, int], int]:  # every hard link inside the inbox, counted once per scan
        if "counts" not in inodes:
            inodes["counts"] = _inode_counts(root)
        return inodes["counts"]

    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as it:
                items = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            out.append(Entry(_rel(root, folder), kind="folder", problem=f"{_rel(root, folder)}: the folder cannot be listed ({exc.strerror})"))
            continue
        subfolders = []
        for e in items:
            p = Path(e.path)
            rel = _rel(root, p)
            try:
                st = os.lstat(p)
            except OSError as exc:
                out.append(Entry(rel, kind="special", problem=f"{rel} cannot be examined ({exc.strerror})"))
                continue
            is_dir = stat.S_ISDIR(st.st_mode)
            hk = housekeeping(e.name)
            if stat.S_ISLNK(st.st_mode):
                out.append(Entry(rel, kind="link", problem=_link_reason(root, p, rel, os.path.isdir(p))))
            elif hk and not is_dir:
                out.append(Entry(rel, kind="skipped", note=f"skipped {rel}: {hk}, not a card file"))
            elif e.name.startswith("."):
                what = "folder" if is_dir else "file"
                out.append(Entry(rel, kind="hidden", problem=(
                    f"{rel} is a hidden {what} (its name starts with '.') and is not read; "
                    f"rename it without the dot if it holds cards, or move it out of the inbox")))
            elif is_dir:
                subfolders.append(p)
            elif not stat.S_ISREG(st.st_mode):
                out.append(Entry(rel, kind="special", problem=f"{rel} is not a regular file (a device, pipe or socket) and is not read"))
            elif lim.refuse_hardlinks and st.st_nlink > 1 and _inodes(root).get((st.st_dev, st.st_ino), 0) < st.st_nlink:
                out.append(Entry(rel, kind="hardlink", size=st.st_size, problem=(
                    f"{rel} has {st.st_nlink} hard links, not all of them inside the inbox: it is the same file as "
                    "one outside the inbox, so it is not read; copy the file into the inbox instead of linking it")))
            elif n_files >= lim.inbox_max_files:
                out.append(Entry(rel, kind="skipped", problem=(
                    f"{rel} is not read: the period's folder holds more than {lim.inbox_max_files} files "
                    "(config/limits.yaml inbox.max_files)")))
            else:
                n_files += 1
                out.append(Entry(rel, path=p, size=st.st_size))
        stack.extend(reversed(subfolders))


def _inode_counts(root: Path) -> dict[tuple[int, int], int]:
    """How many names each file has inside the inbox (links never followed)."""
    counts: dict[tuple[int, int], int] = {}
    for folder, _, files in os.walk(root):
        for name in files:
            try:
                o = os.lstat(os.path.join(folder, name))
            except OSError:
                continue
            if o.st_nlink > 1:
                counts[(o.st_dev, o.st_ino)] = counts.get((o.st_dev, o.st_ino), 0) + 1
    return counts


def _rel(root: Path, p: Path) -> str:
    """The path as quarantine names it (bytes that are no UTF-8 in a file name shown as \\xff)."""
    return p.relative_to(root).as_posix().encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


# The quarantine's `period` of what lies in cards/ outside every period's folder (a loose file, a folder that
# names no period, a link or hidden entry beside the periods' folders): it belongs to no period, so it is
# recorded once, in rows of this inbox level that every period's ingest replaces (never once per period).
INBOX_LEVEL = "inbox"


class InboxUnusable(ValueError):
    """MONITOR_INBOX names a file, or an inbox without cards/ while the warehouse holds the period's files: read as
    it is, it would be an empty inbox - every card of the period removed from the warehouse, its report withdrawn."""


def inbox_problem(period: str | None, held_files: int, inbox: Path | None = None) -> str | None:
    """Why the inbox cannot be read for `period` (None: it can). A file is never an inbox. A missing inbox, or one
    without cards/, is an empty one on a first run; but when the warehouse holds `held_files` files of the period,
    it is far more likely a wrong MONITOR_INBOX or a disk not mounted than the removal of every card (which an
    empty cards/<period>/ folder still says)."""
    root = Path(inbox or settings.inbox_dir())
    if root.exists() and not root.is_dir():
        return (f"the inbox {root} (MONITOR_INBOX) is a file, not a folder: point MONITOR_INBOX at the inbox folder "
                f"(the one holding cards/<period>/); nothing {'of ' + period + ' ' if period else ''}was changed in the "
                "warehouse")
    if held_files and not (root / "cards").is_dir():
        what = "does not exist" if not root.exists() else ("has cards as a file, not a folder" if (root / "cards").exists()
                                                           else "has no cards/ folder")
        return (f"the inbox {root} (MONITOR_INBOX) {what}, but the warehouse holds {held_files} card "
                f"{'file' if held_files == 1 else 'files'} of {period} loaded from an inbox: read as it is, every card "
                f"of {period} would be removed. Point MONITOR_INBOX at the inbox (or mount its disk); to remove the "
                f"period's cards, leave an empty folder {root / 'cards' / period}. Nothing of {period} was changed")
    return None


def scan(period: str, inbox: Path | None = None) -> list[Entry]:
    """What the inbox holds for `period` (its folder cards/<period>/, any depth). What lies in cards/
    outside every period's folder is `strays`' (recorded once, at the inbox level, not per period)."""
    root = Path(os.path.realpath(inbox or settings.inbox_dir()))
    cards = root / "cards"
    out: list[Entry] = []
    if not cards.is_dir():
        return out
    p = cards / period
    rel = _rel(root, p)
    if p.is_symlink():
        out.append(Entry(rel, kind="link", problem=_link_reason(root, p, rel, os.path.isdir(p))))
    elif p.is_dir():
        _walk(root, p, out)
    return out


def strays(inbox: Path | None = None) -> list[Entry]:
    """What lies in cards/ that no period reads: loose files, folders that name no period of
    config/periods.yaml, hidden entries and links beside the periods' folders (a link named as a period
    is that period's: `scan` reports it). Each with what to do; housekeeping files as notes."""
    root = Path(os.path.realpath(inbox or settings.inbox_dir()))
    cards = root / "cards"
    out: list[Entry] = []
    if not cards.is_dir():
        return out
    known = set(periods.period_ids())
    for e in sorted(os.scandir(cards), key=lambda e: e.name):
        p = Path(e.path)
        rel = _rel(root, p)
        if e.name in known and (e.is_symlink() or e.is_dir(follow_symlinks=False)):
            continue  # a period's folder (or a link in its place): that period's scan reads or reports it
        hk = housekeeping(e.name)
        if hk and not e.is_dir(follow_symlinks=False):
            out.append(Entry(rel, kind="skipped", note=f"skipped {rel}: {hk}, not a card file"))
        elif e.is_symlink():
            out.append(Entry(rel, kind="link", problem=_link_reason(root, p, rel, os.path.isdir(p))))
        elif e.name.startswith("."):
            out.append(Entry(rel, kind="hidden", problem=(
                f"{rel} is hidden (its name starts with '.') and is read by no period; "
                "rename it or move it out of the inbox")))
        elif e.is_dir(follow_symlinks=False):
            out.append(Entry(rel, kind="stray", problem=(
                f"the folder {rel} names no period of config/periods.yaml ({', '.join(sorted(known))}), "
                "so no period reads its files: move them into the folder of their period (cards/<period>/)")))
        elif e.name in known:  # a file where the period's folder belongs: that period has no folder to read
            out.append(Entry(rel, kind="stray", problem=(
                f"{rel} is a file, not the folder of period {e.name}, so that period reads no cards: rename the file, "
                f"make a folder cards/{e.name}/ and put the card files into it")))
        else:
            out.append(Entry(rel, kind="stray", problem=(
                f"{rel} lies directly in cards/, not in the folder of a period, so no period reads it: "
                f"move it into the folder of its period, cards/<period>/ (e.g. cards/{_guess(e.name, known)}/)")))
    return out


def _guess(name: str, known: set[str]) -> str:
    """The period a loose file's name starts with (2017-ALA-04.yaml: 2017), else the latest period."""
    for pid in sorted(known, key=len, reverse=True):
        if name.startswith(pid):
            return pid
    return max(known) if known else "<period>"


def stray_rows(inbox: Path | None = None) -> list[dict]:
    """`strays` as raw_files-like rows (source_file, format, problem, warnings): what validate turns into the
    inbox-level quarantine rows (validate.inbox_quarantine)."""
    return [{"source_file": e.rel, "format": e.kind, "problem": e.problem,
             "warnings": raw.notes_json([raw.Note(e.note, "inbox_skipped")] if e.note else [])} for e in strays(inbox)]


def holds_card_files(period: str, inbox: Path | None = None) -> bool:
    """Whether the period's folder holds a file that will be read as cards (`card_files`: not hidden like
    `.gitkeep`, not an editor's housekeeping file like `~$x.xlsx` or `Thumbs.db`, not behind a link)."""
    return bool(card_files(period, inbox))


def card_files(period: str, inbox: Path | None = None) -> list[Path]:
    """The files of the period that will be read (every other entry is reported by `scan`)."""
    return [e.path for e in scan(period, inbox) if e.path is not None]


@dataclass
class Ingested:
    """The raw layer of a period: files and records (as written to raw_files / raw_records), and the
    plain CSVs' records as frames (source_file -> fastcsv.Table list), so that validation can type
    them column by column without reading the records' JSON back."""
    files: pl.DataFrame
    records: pl.DataFrame
    tables: dict[str, list]


def ingest_period(period: str, inbox: Path | None = None) -> tuple[pl.DataFrame, pl.DataFrame]:
    got = ingest(period, inbox)
    return got.files, got.records


def ingest(period: str, inbox: Path | None = None) -> Ingested:
    files, contents, parts = [], [], []
    tables: dict[str, list] = {}
    for part in ingest_files(period, inbox):
        files.append(part.row)
        contents.append(part.content)
        if part.tables:
            tables[part.row["source_file"]] = part.tables
        if part.records is not None:
            parts.append(part.records)
    recs = pl.concat(parts, rechunk=False) if parts else pl.DataFrame(schema=RAW_RECORDS_FRAME)
    return Ingested(files_frame(files, contents), recs, tables)


@dataclass
class FilePart:
    """One inbox entry as ingest reads it: its raw_files row (without the bytes), its bytes as a
    one-value Binary column (None when not read), its raw_records rows (None when it has none) and,
    for a plain CSV, its records as frames (fastcsv.Table list)."""
    row: dict
    content: pl.Series | bytes | None  # bytes with ingest_files(..., as_bytes=True)
    records: pl.DataFrame | None
    tables: list | None


def ingest_files(period: str, inbox: Path | None = None, order=None, cells: bool = True, as_bytes: bool = False,
                 digest: bool = True):
    """The entries of the period's inbox one by one (FilePart), in scan order, or in `order(entries)`'s:
    what `ingest` gathers, so that a caller can use a file's frames and let them go before the next
    file is read (assets/ingest/streamed.py). cells=False: the records of a file read as ONE plain table
    come without their `cells` column, for the caller to add (`table_cells`: the same values) where it
    suits it (the streamed ingest does it in its storing thread). as_bytes: a file's bytes as read (a
    `bytes`, not copied into a one-value column), for a caller that writes them out at once. digest=False:
    a read file's row has sha256 None, for the caller to fill with the sha256 of its bytes (the streamed
    ingest hashes them in its storing thread, beside the next file's reading)."""
    inbox = inbox or settings.inbox_dir()
    root = Path(os.path.realpath(inbox))
    now = dt.datetime.now().replace(microsecond=0)
    lim = limits()
    ids: dict[tuple, tuple[str, str]] = {}  # a record's keys -> (header_id, header text)
    entries = scan(period, inbox)
    for entry in (order(entries) if order else entries):
        if entry.path is None:
            yield FilePart({
                "period": period, "source_file": entry.rel, "sha256": "", "size_bytes": entry.size,
                "format": entry.kind, "encoding": None, "records": 0, "problem": entry.problem,
                "warnings": raw.notes_json([raw.Note(entry.note, "inbox_skipped")] if entry.note else []), "loaded_at": now,
            }, None, None, None)
            continue
        content: bytes | None = None
        try:
            content = read_inside(root, entry.path, lim.max_bytes)
            fr = read_file(entry.path, content)
        except FileProblem as exc:
            fr = FileRead(path=entry.path, format=entry.path.suffix.lower().lstrip("."), problem=str(exc))
        except Exception as exc:  # noqa: BLE001 - one file never fails a period
            fr = FileRead(path=entry.path, format=entry.path.suffix.lower().lstrip("."),
                          problem=f"the file could not be read ({type(exc).__name__}: {str(exc)[:200]})")
        n = sum(t.frame.height for t in fr.tables) if fr.tables else len(fr.records)
        row = {
            "period": period, "source_file": entry.rel, "sha256": "" if content is None else (hashlib.sha256(content).hexdigest() if digest else None),
            "size_bytes": entry.size if content is None else len(content),
            "format": fr.format, "encoding": fr.encoding,
            "records": 0 if fr.problem else n, "problem": fr.problem,
            "warnings": raw.notes_json(fr.warnings), "loaded_at": now,
        }
        # the bytes, as a column of their own at once: not held twice (Python bytes and the frame's)
        col = content if as_bytes or content is None else pl.Series("content", [content], dtype=pl.Binary)
        del content
        if fr.problem:
            yield FilePart(row, col, None, None)
            continue
        if fr.tables:
            with_cells = cells or len(fr.tables) > 1
            recs = [_table_records(period, entry.rel, t, now, _header_of(t.headers, ids), with_cells) for t in fr.tables]
            if with_cells:
                for t in fr.tables:
                    t.lines = None  # the cells are built: the lines (and a re-encoded file's text) are not needed
            yield FilePart(row, col, pl.concat(recs, rechunk=False) if len(recs) > 1 else recs[0], fr.tables)
            continue
        records = []
        for r in fr.records:
            hid, header = _header_of(r.data, ids)
            records.append({
                "period": period, "record_id": f"{entry.rel}#{r.sheet}:{r.row_no}", "source_file": entry.rel,
                "sheet": r.sheet, "row_no": r.row_no, "kind": r.kind, "header_id": hid,
                "cells": raw.cells_json(r.data.values()), "loaded_at": now, "header": header,
            })
        yield FilePart(row, col, pl.DataFrame(records, schema=RAW_RECORDS_FRAME) if records else None, None)


def _header_of(keys, ids: dict[tuple, tuple[str, str]]) -> tuple[str, str]:
    """(header_id, header text) of a record's keys or a table's headers."""
    shape = tuple(keys)
    got = ids.get(shape)
    if got is None:
        text = raw.header_json(shape)
        got = ids[shape] = (raw.header_id(text), text)
    return got


def files_frame(files: list[dict], contents: list[pl.Series | None]) -> pl.DataFrame:
    """raw_files rows as a frame; the bytes go in as one column, made of each file's own (row dicts
    would copy them slowly)."""
    content = pl.concat([c if c is not None else pl.Series("content", [None], dtype=pl.Binary) for c in contents],
                        rechunk=False) if contents else pl.Series("content", [], dtype=pl.Binary)
    schema = {k: v for k, v in RAW_FILES_SCHEMA.items() if k != "content"}
    return pl.DataFrame(files, schema=schema).with_columns(content).select(list(RAW_FILES_SCHEMA))



def _table_records(period: str, rel: str, t, now: dt.datetime, header: tuple[str, str],
                   cells: bool = True) -> pl.DataFrame:
    """raw_records rows of a fastcsv.Table: the same ids and values as record by record, built per column
    (cells=False: without the `cells` column, which `table_cells` gives)."""
    cols = [
        pl.lit(period).alias("period"),
        (pl.lit(f"{rel}#{t.sheet}:") + pl.col("row_no").cast(pl.Utf8)).alias("record_id"),
        pl.lit(rel).alias("source_file"), pl.lit(t.sheet).alias("sheet"), pl.col("row_no"),
        pl.lit(t.kind).alias("kind"), pl.lit(header[0]).alias("header_id"),
        *([t.cells_json().alias("cells")] if cells else []),
        pl.lit(now, dtype=pl.Datetime("us")).alias("loaded_at"), pl.lit(header[1]).alias("header"),
    ]
    return t.frame.select(cols).cast({k: v for k, v in RAW_RECORDS_FRAME.items() if cells or k != "cells"})


def table_lines(records: pl.DataFrame, t, content: bytes | None) -> pl.DataFrame:
    """The records of one plain table built without their cells (`_table_records(..., cells=False)`, in the
    table's row order) as the raw store keeps them: each record's line (`line`, views into the file's bytes:
    `content`, or the re-encoded text the table holds) and the file's separator (`sep`) where the record's
    cells are that line split at the separator, its cells' JSON (`cells`) where not (a line with a quote or
    fewer cells than the header). raw.cells_of_lines gives back `table_cells`' frame."""
    lines = t.lines.of(t.frame, len(t.headers), content)
    need = lines.is_null()
    cells = pl.Series("cells", [], dtype=pl.Utf8).extend_constant(None, records.height)
    if need.any():
        cells = cells.scatter(need.arg_true(), t.frame.filter(need).select(t.cells_json())[:, 0])
    return records.with_columns(cells, lines, pl.lit(t.lines.sep, dtype=pl.Utf8).alias("sep")).select(
        *RAW_RECORDS_FRAME, "line", "sep")


def table_cells(records: pl.DataFrame, t) -> pl.DataFrame:
    """The records of one plain table built without their cells (`_table_records(..., cells=False)`, in
    the table's row order) with them: the same frame as `_table_records(...)` gives."""
    return records.with_columns(t.frame.select(t.cells_json().alias("cells"))["cells"]).select(list(RAW_RECORDS_FRAME))
