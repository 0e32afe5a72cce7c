"""Which failures can recover, and what a failure says to the person who must act on it.

Dagster's RetryPolicy retries every exception alike. Here an asset's body runs inside `guard()`
(the warehouse resource's connection does it for every asset that opens the warehouse):

- transient  the warehouse locked by another process beyond MONITOR_LOCK_WAIT_S (on a DuckLake: commit
             conflicts with concurrent writers beyond it, its Postgres catalog unreachable), I/O and network
             errors -> dg.RetryRequested with exponential backoff (MONITOR_RETRY_DELAY_S, default 5 s:
             5, 10 s), at most RETRIES more tries;
- anything else (a broken SQL model, impossible figures, a pandera schema, a failed check, a bug)
             -> dg.Failure(allow_retries=False): fails at once, never retried.

The Failure carries what an alert must say (`Explained`): the asset or check, the file to look at
(an SQL model, a card file), the first failure cases and one line of what to do. Its description is
one line; the traceback stays in the Dagster event log (and `monitor --debug`).
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Iterator

from core import plural

RETRIES = 2


@dataclass
class Explained:
    what: str                      # one line: what went wrong
    action: str                    # one line: what to do
    files: list[str] = field(default_factory=list)
    cases: list[str] = field(default_factory=list)
    transient: bool = False

    def metadata(self) -> dict[str, str]:
        md = {"what_to_do": self.action, "kind": "transient" if self.transient else "permanent"}
        if self.files:
            md["file"] = ", ".join(self.files)
        if self.cases:
            md["first_cases"] = "; ".join(self.cases)
        return md


class ModelError(RuntimeError):
    """A figure model (sql/figures/*.sql) that does not run, or produces what cannot be a figure."""

    def __init__(self, model: str, message: str, cases: list[str] | None = None):
        self.model, self.cases = model, list(cases or [])
        super().__init__(f"figure model {model} failed: {message}")


def _first_line(text: str, limit: int = 400) -> str:
    text = (str(text) or "").strip()
    return text.splitlines()[0][:limit] if text else ""


def is_transient(exc: BaseException) -> bool:
    """Can trying again help? The lock, I/O and network: yes. Data, SQL, schemas, checks: no."""
    import duckdb

    from assets.core.warehouse import WarehouseBusy

    if isinstance(exc, WarehouseBusy):
        return True
    if isinstance(exc, duckdb.IOException):
        msg = str(exc).lower()
        return "lock" in msg or "no space" in msg or "resource temporarily" in msg \
            or "unable to connect to postgres" in msg  # a DuckLake's catalog server down or restarting
    if isinstance(exc, duckdb.TransactionException) and "conflict" in str(exc).lower():
        return True  # a DuckLake commit that kept losing to concurrent writers beyond MONITOR_LOCK_WAIT_S
    if isinstance(exc, duckdb.Error):
        return False  # parser, binder, catalog, constraint, conversion: the SQL or the data
    if isinstance(exc, (FileNotFoundError, FileExistsError, IsADirectoryError, NotADirectoryError, PermissionError,
                        BrokenPipeError)):
        return False  # a missing file stays missing, an existing one exists, a folder stays a folder
    if isinstance(exc, (TimeoutError, ConnectionError, OSError)):
        return True
    try:
        import httpx

        if isinstance(exc, httpx.TransportError):
            return True
    except ImportError:  # pragma: no cover
        pass
    return False


def explain(exc: BaseException, asset: str = "", period: str | None = None, retried: bool = True) -> Explained:
    """What went wrong, where, and what to do, in words for the person on call. retried=False: said outside a
    run (a `monitor` command's own step), where nothing retries a passing problem by itself."""
    from assets.core.layout import LayoutDiffers
    from assets.core.warehouse import WarehouseBusy

    if isinstance(exc, LayoutDiffers):
        return Explained(str(exc), exc.action)
    again = f"monitor run --period {period}" if period else "monitor run"
    if isinstance(exc, WarehouseBusy):
        h = exc.holder
        stop = f" (kill {h.pid})" if h is not None and h.pid else ""
        then = f"run again ({again})" if retried else "give the same command again"  # a `monitor gc` is no `monitor run`
        return Explained(str(exc), f"let the other process finish or stop it{stop}, then {then}; "
                                   f"MONITOR_LOCK_WAIT_S sets how long a run waits", transient=True)
    if isinstance(exc, ModelError):
        files = [exc.model]
        return Explained(_first_line(exc), f"fix {exc.model} (try it in `duckdb {os.environ.get('MONITOR_WAREHOUSE') or 'build/warehouse.duckdb'}` after sql/staging/ and sql/intermediate/), "
                                           f"then run again: {again}", files, exc.cases)
    cases, files = [], []
    try:
        import pandera.errors

        if isinstance(exc, pandera.errors.SchemaErrors):
            fc = exc.failure_cases
            for r in fc.head(5).to_dicts():
                col = r.get("column") or "row"
                cases.append(f"{col}: {r.get('check')} failed for {r.get('failure_case')!r}")
            return Explained(f"{asset or 'the asset'} produced data that breaks its schema ({plural.en_count(fc.height, 'failure case')})",
                             f"fix what produces {asset or 'it'} and run again: {again}", files, cases)
        if isinstance(exc, pandera.errors.SchemaError):
            return Explained(_first_line(exc), f"fix what produces {asset or 'it'} and run again: {again}")
    except ImportError:  # pragma: no cover
        pass
    notes = getattr(exc, "__notes__", None) or []
    for n in notes:
        if n.startswith("file: "):
            files.append(n[6:])
    if is_transient(exc):
        if not retried:
            return Explained(f"{type(exc).__name__}: {_first_line(exc)}", "a passing problem (disk, network): check the disk "
                             "and the network, then give the same command again", files, transient=True)
        return Explained(f"{type(exc).__name__}: {_first_line(exc)}", f"a passing problem (disk, network): it is retried; "
                         f"if it persists, check the disk and the network, then run again: {again}", files, transient=True)
    if not retried:
        return Explained(f"{type(exc).__name__}: {_first_line(exc)}", "this will not pass by retrying: fix the cause "
                         "named here, then give the same command again; `monitor --debug` shows the traceback", files)
    return Explained(f"{type(exc).__name__}: {_first_line(exc)}",
                     f"this will not pass by retrying: fix the cause named here, then run again ({again}); "
                     f"`monitor --debug` shows the traceback", files)


def _retry_number() -> int:
    import dagster as dg

    try:
        return int(dg.OpExecutionContext.get().retry_number)
    except Exception:  # noqa: BLE001 - not inside an op (a plain function call): first try
        return 0


def _where() -> tuple[str, str | None]:
    import dagster as dg

    try:
        ctx = dg.OpExecutionContext.get()
    except Exception:  # noqa: BLE001
        return "", None
    if ctx is None:
        return "", None
    try:
        name = ", ".join(k.to_user_string() for k in ctx.selected_asset_keys) or ctx.op.name
    except Exception:  # noqa: BLE001
        name = ""
    return name, (ctx.partition_key if ctx.has_partition_key else None)


def to_dagster(exc: BaseException, explained: Explained | None = None) -> BaseException:
    """The Dagster exception to raise for `exc`: RetryRequested (transient) or a final Failure."""
    import dagster as dg

    asset, period = _where()
    e = explained or explain(exc, asset, period)
    n = _retry_number()
    if e.transient and n < RETRIES:
        delay = float(os.environ.get("MONITOR_RETRY_DELAY_S", "5")) * (2 ** n)
        return dg.RetryRequested(max_retries=RETRIES, seconds_to_wait=delay)
    desc = e.what + (f" (after {n + 1} tries)" if e.transient else "")
    return dg.Failure(description=desc, metadata=e.metadata(), allow_retries=False)


@contextmanager
def guard() -> Iterator[None]:
    """Run an asset's body: transient errors are retried with backoff, others fail at once, with
    the explanation. Dagster's own control-flow exceptions pass untouched (so guards can nest)."""
    import dagster as dg

    try:
        yield
    except (dg.Failure, dg.RetryRequested, KeyboardInterrupt, SystemExit, GeneratorExit):
        raise
    except Exception as exc:  # noqa: BLE001 - classified, never swallowed
        if type(exc).__module__.startswith("dagster"):
            raise  # Dagster's own errors (interrupts, check failures...) keep their meaning
        raise to_dagster(exc) from exc
