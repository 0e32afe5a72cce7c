"""`monitor`: the pipeline from the command line (what `make run`, `make report`, `make backfill` call).

    monitor run [--example] [--period P ...]   published history; then per period ingest -> validate ->
                                               figures -> reconciliation (-> report where cards exist)
    monitor report --period P                  re-render only the report of P (no recomputation)
           [--as-of DATE] [--changes-since DATE]  the report as it was at DATE (own folder); list what changed since
    monitor backfill --from A --to B [--submit [--webserver URL]]  every period of a range, each its own run
                                               (--submit: a Dagster backfill the daemon runs)
    monitor ops current-period | reap          the nightly's period; mark runs killed mid-way failed
    monitor quarantine [--period P]            what was rejected, and why
    monitor codebook                           regenerate schemas/codebook.md from schemas/card.yaml
    monitor gc [--grace SECONDS]               delete the raw store's files no committed write references
    monitor template [PATH]                    the spreadsheet template monitors fill
    monitor form [PATH] [--period P]           the XLSForm (ODK Collect / KoboToolbox) of the card
    monitor warehouse-encrypt DEST             copy the plain warehouse into an encrypted one (key: MONITOR_WAREHOUSE_KEY(_FILE))
    monitor erase-person (--name N|- | --pseudonym P | --person CARD:PERSON) [--by WHO] [--not-in-warehouse]
                                               erase a person on request (name redacted everywhere)
    monitor pseudonym-key [--rotate|--rekey]   where the pseudonym key is, its fingerprint (exit 1 if there is none;
                                               --rotate makes one)
    monitor extract PATH_OR_URL                media extraction on one article (JSON lines)
    monitor media fetch | articles | review export|import   the media sources, their candidates, the review

`--debug` (anywhere): Dagster's run log and the traceback of a failure. Without it a failed run
prints the asset or check that failed, the file, the first failure cases and what to do.

Runs are recorded in the Dagster instance of DAGSTER_HOME (the Makefile sets dagster_home/), so
they show in the UI (`make dev`).
"""
from __future__ import annotations

import argparse
import os
import sys

from pipelines.commands.backfill import _url_problem, cmd_backfill, cmd_ops
from pipelines.commands.cards import cmd_codebook, cmd_form, cmd_quarantine, cmd_template
from pipelines.commands.privacy import cmd_erase_person, cmd_gc, cmd_pseudonym_key, cmd_warehouse_encrypt
from pipelines.commands.report import cmd_report
from pipelines.commands.runs import cmd_run, set_debug


def cmd_extract(argv: list[str], prog: str = "monitor") -> int:
    try:
        from assets.media.cli import main as media_main
    except ImportError:
        print("media extraction is not installed in this checkout", file=sys.stderr)
        return 2
    return media_main(argv, prog=prog)


def _say_waits() -> None:
    """The warehouse's waits for another process's lock (assets/core/warehouse.py) go to stderr."""
    import logging

    log = logging.getLogger("monitor.wait")
    if not any(getattr(h, "_monitor_cli", False) for h in log.handlers):
        h = logging.StreamHandler(sys.stderr)
        h.setFormatter(logging.Formatter("monitor: %(message)s"))
        h._monitor_cli = True  # type: ignore[attr-defined]
        log.addHandler(h)
        log.setLevel(logging.INFO)


def _webserver(text: str) -> str:
    bad = _url_problem(text)
    if bad:
        raise argparse.ArgumentTypeError(bad)
    return text


def _seconds(text: str) -> float:
    """A duration in seconds, 0 or more (argparse names the option and the value when this raises)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds, 0 or more") from None
    if not value >= 0:  # (NaN too)
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds, 0 or more")
    return value


def build_parser() -> argparse.ArgumentParser:
    """`monitor`'s parser (`extract` and `media` are only named here: main hands them to assets/media/cli.py's
    parser before this one reads anything). tests/test_readme_commands.py checks the README's commands against it."""
    ap = argparse.ArgumentParser(prog="monitor", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run", help="ingest, validate, derive and render")
    r.add_argument("--example", action="store_true", help="first copy the bundled example cards into the inbox")
    r.add_argument("--period", action="append", help="a period id (repeatable); default: every period folder in the inbox")
    r.set_defaults(fn=cmd_run)
    rep = sub.add_parser("report", help="re-render only the report")
    rep.add_argument("--period", required=True)
    rep.add_argument("--as-of", dest="as_of", metavar="DATE",
                     help="the report exactly as it was at DATE (YYYY-MM-DD: end of that day, UTC; or YYYY-MM-DDTHH:MM:SS), "
                          "into build/report/<period>-as-of-DATE/")
    rep.add_argument("--changes-since", dest="changes_since", metavar="DATE",
                     help="the appendix lists the cards added, corrected or removed since DATE (the last edition)")
    rep.set_defaults(fn=cmd_report)
    b = sub.add_parser("backfill", help="materialize a range of periods")
    b.add_argument("--from", dest="first", required=True)
    b.add_argument("--to", dest="last", required=True)
    b.add_argument("--submit", action="store_true", help="create a Dagster backfill for the daemon instead of running here")
    b.add_argument("--webserver", metavar="URL", type=_webserver, help="with --submit: the running Dagster webserver to send it to "
                   "(default: $MONITOR_DAGSTER_WEBSERVER, else the dagster-graphql command on this project's workspace)")
    b.set_defaults(fn=cmd_backfill)
    o = sub.add_parser("ops", help="operations: current-period | reap (mark runs killed mid-way as failed)")
    o.add_argument("what", choices=["current-period", "reap"])
    o.set_defaults(fn=cmd_ops)
    q = sub.add_parser("quarantine", help="list quarantined records")
    q.add_argument("--period")
    q.set_defaults(fn=cmd_quarantine)
    # read before argparse (main): here only so that `monitor --help` lists them
    sub.add_parser("extract", help="media: the assemblies one article reports, as JSON lines (monitor extract --help)")
    sub.add_parser("media", help="media: fetch | articles | review export|import (monitor media --help)")
    sub.add_parser("codebook", help="regenerate schemas/codebook.md").set_defaults(fn=cmd_codebook)
    t = sub.add_parser("template", help="write the XLSX card template")
    t.add_argument("path", nargs="?")
    t.set_defaults(fn=cmd_template)
    fm = sub.add_parser("form", help="write the XLSForm of the card (ODK Collect / KoboToolbox)")
    fm.add_argument("path", nargs="?")
    fm.add_argument("--period", help="constrain the date to this period")
    fm.set_defaults(fn=cmd_form)
    we = sub.add_parser("warehouse-encrypt", help="copy the plain warehouse into an encrypted one")
    we.add_argument("dest")
    we.set_defaults(fn=cmd_warehouse_encrypt)
    gcp = sub.add_parser("gc", help="delete raw-store files no committed write references (left by a failed write)")
    gcp.add_argument("--grace", type=_seconds, default=0.0, metavar="SECONDS",
                     help="keep unreferenced files younger than this (default 0)")
    gcp.set_defaults(fn=cmd_gc)
    er = sub.add_parser("erase-person", help="erase a person on request (name redacted everywhere, counts kept)")
    who = er.add_mutually_exclusive_group(required=True)
    who.add_argument("--name", help="the person's name ('-': read it from stdin)")
    who.add_argument("--pseudonym", help="the person's pseudonym (P-...)")
    who.add_argument("--person", help="CARD_ID:PERSON_ID")
    er.add_argument("--by", help="who erases (recorded; default: the login name)")
    er.add_argument("--not-in-warehouse", action="store_true",
                    help="erase --name even though no stored person bears it (e.g. a name only in a workbook the pipeline could not open); "
                         "only the whole name is redacted")
    er.set_defaults(fn=cmd_erase_person)
    pk = sub.add_parser("pseudonym-key", help="the secret key of the pseudonyms: where it is; --rotate makes a new one")
    pk.add_argument("--rotate", action="store_true",
                    help="a new key (the old one kept as a .bak beside it), then every period re-pseudonymised under it")
    pk.add_argument("--rekey", action="store_true",
                    help="re-pseudonymise every period under the key in use (after a lost key, or a key restored)")
    pk.set_defaults(fn=cmd_pseudonym_key)
    return ap


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv
    set_debug(debug)
    argv = [a for a in argv if a != "--debug"]
    _say_waits()
    if argv[:1] in (["extract"], ["media"]):
        return cmd_extract(argv if argv[0] == "extract" else argv[1:], "monitor" if argv[0] == "extract" else
                           "monitor media")
    args = build_parser().parse_args(argv)
    try:
        code = args.fn(args)
        sys.stdout.flush()  # a closed pipe shows here, not at the interpreter's exit
        return code
    except BrokenPipeError:
        return _pipe_closed()
    except KeyboardInterrupt:  # Ctrl-C: stop the whole command (before, only the running step stopped)
        print(INTERRUPTED, file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - said in one line; the traceback with --debug
        if debug:
            raise
        code, lines = classify(exc)
        print("\n".join(lines), file=sys.stderr)
        return code


INTERRUPTED = ("monitor: interrupted (Ctrl-C): stopped; the step that was running left what it writes as it was "
               "(the warehouse's periods, the report and exports are replaced whole or not at all), the steps after it "
               "did not run; give the same command again to finish")


def _pipe_closed() -> int:
    """The reader of our output went away (`monitor quarantine | head -1`): normal, as for any Unix tool -
    stop quietly (stdout pointed at /dev/null, so that the interpreter's last flush says nothing)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # pragma: no cover - no file descriptor behind stdout
        pass
    return 0


# The errors that name what the user gave (a path, a file of settings): exit 2, what to give instead, no
# "run again" - retrying the same command cannot help.
_ARGUMENT_OS_ERRORS = {
    FileExistsError: "it exists already: choose a new file name",
    IsADirectoryError: "it is a folder: give a file name",
    NotADirectoryError: "a part of the path is a file, not a folder: give a path through folders",
    FileNotFoundError: "no such file or folder: check the path",
}


def classify(exc: BaseException) -> tuple[int, list[str]]:
    """The one place a command's error becomes an exit code and words (no traceback): 2 for what the user gave
    (a bad argument, path, setting or configuration file), 1 for a failure (assets/failures.explain: a passing
    one - disk, network - or one that needs its cause fixed)."""
    import yaml

    if isinstance(exc, KeyError):
        return 2, [f"monitor: {exc.args[0] if exc.args else exc}"]
    if isinstance(exc, (ValueError, yaml.YAMLError)):
        return 2, [f"monitor: {exc}"]
    for kind, what in _ARGUMENT_OS_ERRORS.items():
        if isinstance(exc, kind):
            where = getattr(exc, "filename", None)
            return 2, [f"monitor: {where}: {what}" if where else f"monitor: {str(exc).strip() or what}"]
    from assets.failures import explain

    e = explain(exc, retried=False)
    return 1, [f"monitor: {e.what}", f"  what to do: {e.action}"]


if __name__ == "__main__":
    sys.exit(main())
