"""The personal data's commands: `monitor pseudonym-key`, `monitor warehouse-encrypt`, `monitor gc` (the raw
store's unreferenced files) and `monitor erase-person` (a person erased on request), with the check that the
configured warehouse exists."""
from __future__ import annotations

import sys
from pathlib import Path

from core import plural, settings
from pipelines.commands.runs import materialize


def cmd_pseudonym_key(args) -> int:
    from assets.core import ducklake, warehouse
    from assets.validate import pseudonym

    path = pseudonym.key_path()
    if not (args.rotate or args.rekey) and not path.exists():  # showing the key never makes one (a secret made unasked)
        print(f"monitor: no pseudonym key at {path} (MONITOR_PSEUDONYM_KEY_FILE): put the backed-up key there, or create a "
              "new one with `monitor pseudonym-key --rotate` (it gives every stored person a new pseudonym; `monitor run` "
              "also makes one for a warehouse without persons)", file=sys.stderr)
        return 1
    if args.rotate or args.rekey:
        existing_warehouse()  # a wrong MONITOR_WAREHOUSE: refused before the key changes (the real one keeps the old key's)
        if args.rotate:
            path, backup = pseudonym.rotate()
            print(f"new key {path}" + (f"; the old one is kept as {backup}" if backup else ""))
        elif not path.exists():  # --rekey after a lost key: the explicit choice of a new key for everyone, said
            print(f"no key at {path}: a new one is made")
        key = pseudonym.load_key()
        try:
            with warehouse.connect(create=False) as con:
                n = pseudonym.rekey(con, key)
        except Exception as exc:  # noqa: BLE001 - the key is in place: say how to finish
            print(f"monitor: the warehouse's pseudonyms were not changed ({type(exc).__name__}: {exc}); "
                  "run `monitor pseudonym-key --rekey` once the warehouse can be written", file=sys.stderr)
            return 1
        print(f"every period re-pseudonymised under the key of fingerprint {pseudonym.fingerprint(key)} "
              f"({plural.en_count(n, 'identity', 'identities')}, with the persons' revisions, in one transaction); re-render the reports and exports "
              "(monitor run) so that they show the new pseudonyms")
    print(f"{path} (fingerprint {pseudonym.fingerprint(pseudonym.load_key(path, create=False))}); back it up apart from "
          "the warehouse")
    return 0


def existing_warehouse() -> Path:
    """The warehouse's DuckDB file, which the commands that only maintain a warehouse (gc, erase-person,
    pseudonym-key --rotate/--rekey, warehouse-encrypt) need to exist: a missing one (a wrong MONITOR_WAREHOUSE, no
    run yet) is refused before anything changes, never created empty (exit 2, naming the path). A DuckLake: its
    path is not a file (its catalog is checked when it is opened)."""
    from core import warehouse_config

    cfg = warehouse_config.load()
    if not cfg.is_lake and not cfg.path.is_file():
        from assets.core.warehouse import missing_message

        if cfg.path.is_dir():
            raise IsADirectoryError(f"the warehouse {cfg.path} (MONITOR_WAREHOUSE) is a folder: point it at the "
                                    "warehouse's file (e.g. build/warehouse.duckdb)")
        raise FileNotFoundError(missing_message(cfg.path))
    return cfg.path


def cmd_warehouse_encrypt(args) -> int:
    from assets.core import encryption

    secret = encryption.key()
    if not secret:
        print("monitor: set MONITOR_WAREHOUSE_KEY or MONITOR_WAREHOUSE_KEY_FILE first", file=sys.stderr)
        return 2
    from core import warehouse_config

    if warehouse_config.load().is_lake:
        print("monitor: warehouse-encrypt copies the DuckDB file; this warehouse is a DuckLake (encrypt its data "
              "path with the storage's encryption, and its Postgres catalog's disk)", file=sys.stderr)
        return 2
    dst = Path(args.dest)
    if dst.exists():  # what was typed first: the destination must be new
        raise FileExistsError(f"{dst} exists: choose a new file")
    src = existing_warehouse()
    encryption.encrypt_copy(src, dst, secret)
    print(f"wrote the encrypted copy {dst} of {src}; check it (MONITOR_WAREHOUSE={dst} monitor quarantine), "
          f"then replace {src} by it and shred the plain file")
    return 0


def cmd_gc(args) -> int:
    """Delete the raw store's files that no committed write references (a write that failed or was
    rolled back after writing them; assets/core/rawstore.py)."""
    from assets.core import ducklake, rawstore, warehouse

    existing_warehouse()
    with warehouse.connect(create=False) as con:  # writable: holds the single-writer lock while it deletes
        out = rawstore.gc(con, grace_s=args.grace)
    if out["store"] is None:
        print("monitor gc: this warehouse keeps its raw layer inside (no raw store): nothing to do")
    else:
        print(f"monitor gc: deleted {plural.en_count(out['files'], 'unreferenced file')}, {out['bytes']:,} bytes, from {out['store']}")
    return 0


def cmd_erase_person(args) -> int:
    """Redact a person in the warehouse, the archived files and the inbox; rewrite the warehouse
    file; re-render the exports and report of the periods concerned."""
    from assets.core import ducklake, warehouse
    from assets.validate import erasure

    existing_warehouse()  # before the name is read or anything is redacted
    name = sys.stdin.readline().strip() if args.name == "-" else args.name  # "-": not in the shell's history
    person = tuple(args.person.split(":", 1)) if args.person else None
    if person is not None and len(person) != 2:
        print("monitor: --person takes CARD_ID:PERSON_ID", file=sys.stderr)
        return 2
    from assets.core import ducklake

    with warehouse.connect(create=False) as con:  # a wrong MONITOR_WAREHOUSE: refused, no empty warehouse made
        e = erasure.erase(con, name=name, pseudonym=args.pseudonym, person=person, by=args.by,
                          not_in_warehouse=args.not_in_warehouse)
        lake = ducklake.is_lake(con)
        if lake:  # earlier snapshots still hold the name: keep only the present state
            purged = ducklake.purge_history(con)
        else:
            con.checkpoint()
            fresh = erasure.copy_to_fresh_file(con, settings.warehouse_path())  # still under the write lock
    if not lake:
        erasure.replace_file(fresh, settings.warehouse_path())
    done = (f"the DuckLake's history was purged ({plural.en_count(purged, 'old data file')} deleted; no time travel to before now)"
            if lake else "the warehouse file was rewritten")
    print(erasure_summary(e, done))
    for bad in e.unreadable:
        print(f"monitor: could not read {bad}; if it holds the name, fix or remove it", file=sys.stderr)
    ok = True
    for p in e.periods:
        outputs = [a for a, d in (("exports", "exports"), ("report", "report")) if (settings.build_dir() / d / p).exists()]
        if outputs:
            good = materialize(outputs, p)
            ok &= good
            print(("re-rendered " if good else "FAILED to re-render ") + f"{', '.join(outputs)} of {p}")
    print("backups made before this erasure still hold the name: replace or destroy them")
    return 0 if ok else 1


def erasure_summary(e, done: str) -> str:
    """The line `monitor erase-person` prints: what was redacted, each count with its noun ('1 raw record', '2 text
    cells')."""
    return (f"erasure {e.erasure_id}: {plural.en_count(len(e.persons), 'person record')} "
            f"({', '.join(e.persons) or 'none'}), {plural.en_count(e.records, 'raw record')}, "
            f"{plural.en_count(e.cells, 'text cell')}, {plural.en_count(len(e.files), 'archived file')}, "
            f"{plural.en_count(len(e.inbox_files), 'inbox file')}, "
            f"{plural.en_count(len(e.responses), 'archived media response')} redacted as {e.marker}; {done}")
