"""A fork server for the tests that need processes of their own (a run killed, two writers at once,
processes sharing one Dagster instance or one DuckLake): a process that has imported Dagster, the
project's Definitions, DuckDB and Polars once, and forks a child per request.

A child is a real, separate process (its own pid, memory, DuckDB file lock, signals: a SIGKILL kills
it) that runs `python -m MODULE ARGS` as the command line would (runpy, `__name__ == "__main__"`),
with the environment, working directory and output file it is given -- without paying the ~3-5 CPU s
of imports every new interpreter pays before it reaches the run (measured: docs/testing.md, "Suite
time"). What a child cannot have is its own command line: /proc/PID/cmdline is the server's. A test
that reads a process's command line (tests/ops/test_waiting.py names the writer by it), and one test
per entry point, start a real interpreter (subprocess.Popen).

    server = ForkServer()                      # tests/conftest.py: the `forkserver` fixture, one per test process
    p = server.spawn("tests.ops.runner", ["2017"], env=..., cwd=..., log=path)
    p.poll(); p.wait(timeout); p.send_signal(signal.SIGKILL); p.returncode    # as subprocess.Popen's

The server is single-threaded and forks only between requests, when none of its own work is under
way; the children are its children, so it reaps them (poll / wait ask it). Its CPU and its children's
are counted where the test process waits for it (at the end of the session), so `/usr/bin/time` around
pytest still sees every second of it.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

# imported once by the server, before any request (each costs seconds in a new interpreter). Not Great
# Expectations (~2.6 CPU s, imported only by a run with the figures' GX check): of the children the suite
# forks only a few run that check (tests/ops/test_waiting.py's backfill; since the sixteenth pass also the
# DuckLake's two period runners), each importing GX itself, which costs no more than preloading it in both
# workers' servers; each xdist worker starts a server of its own (docs/testing.md, "Suite time", tenth pass)
PRELOAD = ("duckdb", "polars", "dagster", "pipelines.definitions", "pipelines.cli",
           "pipelines.commands.runs", "pipelines.commands.report", "pipelines.commands.backfill",
           "pipelines.commands.cards", "pipelines.commands.privacy", "pipelines.automation", "assets.resources", "tests.ops.runner", "benchmarks.period_runner")


# CPU seconds (user + sys) of the children reaped so far, and the part of it already counted in this
# process's RUSAGE_CHILDREN (a server's children's CPU reaches it when the server itself is waited for).
# scripts/pytest_cputime.py adds the difference to the test that reaped the child, so a forked run's CPU
# is put on its test, not on the worker's last test where the session's fork server ends.
CHILDREN_CPU = {"reaped": 0.0, "absorbed": 0.0}


class ForkedProcess:
    """A child of the fork server, with the part of subprocess.Popen's interface the tests use."""

    def __init__(self, server: "ForkServer", pid: int, args: list[str]):
        self._server, self.pid, self.args, self.returncode = server, pid, args, None

    def _reaped(self, answer: dict) -> int | None:
        if answer["returncode"] is not None and self.returncode is None:
            self._server._children_cpu += answer.get("cpu", 0.0)
            CHILDREN_CPU["reaped"] += answer.get("cpu", 0.0)
        self.returncode = answer["returncode"]
        return self.returncode

    def poll(self) -> int | None:
        if self.returncode is None:
            return self._reaped(self._server._ask({"op": "poll", "pid": self.pid}))
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        if self.returncode is not None:
            return self.returncode
        if timeout is None:
            return self._reaped(self._server._ask({"op": "wait", "pid": self.pid}))
        deadline = time.monotonic() + timeout
        while self.poll() is None:
            if time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(self.args, timeout)
            time.sleep(0.05)  # polling for the child's end, with a deadline
        return self.returncode

    def send_signal(self, sig: int) -> None:
        if self.returncode is None:
            os.kill(self.pid, sig)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)


class ForkServer:
    def __init__(self):
        env = dict(os.environ)
        env.setdefault("PYTHONPATH", "")
        root = str(Path(__file__).resolve().parents[1])
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env["PYTHONPATH"]) if p)
        self._proc = subprocess.Popen([sys.executable, "-m", "tests.forkserver"], cwd=root, env=env,
                                      stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
        self._children_cpu = 0.0
        ready = self._proc.stdout.readline()
        if json.loads(ready or "{}").get("ready") is not True:
            raise RuntimeError(f"the fork server did not start: {ready!r}")

    def _ask(self, req: dict) -> dict:
        self._proc.stdin.write(json.dumps(req) + "\n")
        self._proc.stdin.flush()
        answer = json.loads(self._proc.stdout.readline())
        if "error" in answer:
            raise RuntimeError(f"fork server: {answer['error']}")
        return answer

    def spawn(self, module: str, args: list[str], *, env: dict[str, str], cwd: Path | str, log: Path | str) -> ForkedProcess:
        """`python -m module *args` in a child: stdout and stderr to `log`, stdin from /dev/null."""
        open(log, "w").close()  # there (and empty) when spawn returns, as with Popen(stdout=open(log, "w"))
        pid = self._ask({"op": "spawn", "module": module, "args": list(args), "env": dict(env), "cwd": str(cwd),
                         "log": str(log)})["pid"]
        return ForkedProcess(self, pid, [sys.executable, "-m", module, *args])

    def close(self) -> None:
        if self._proc.poll() is None:
            self._proc.stdin.close()
            self._proc.wait(timeout=120)
            CHILDREN_CPU["absorbed"] += self._children_cpu  # now inside RUSAGE_CHILDREN, through the server


# ------------------------------------------------------------------------------------- the server


def _die_with_parent() -> None:
    """Linux: SIGKILL this process when its parent ends (PR_SET_PDEATHSIG), so that neither the server
    nor a child is left running after the test process that started it is gone."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)
    except (OSError, AttributeError):
        pass


def _child(req: dict) -> None:
    """In the forked child: become `python -m module args` and exit with its code (never returns)."""
    code = 1
    try:
        _die_with_parent()
        os.chdir(req["cwd"])
        os.environ.clear()
        os.environ.update(req["env"])
        out = os.open(req["log"], os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.dup2(out, 1)
        os.dup2(out, 2)
        os.close(out)
        os.close(null)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        import runpy

        sys.argv = [req["module"], *req["args"]]
        try:
            runpy.run_module(req["module"], run_name="__main__", alter_sys=True)
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
            if not isinstance(exc.code, (int, type(None))):
                print(exc.code, file=sys.stderr)
    except BaseException:  # as an interpreter would: the traceback, exit code 1
        import traceback

        traceback.print_exc()
        code = 1
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)


def _serve() -> None:
    import importlib
    import warnings

    _die_with_parent()

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name in PRELOAD:
            importlib.import_module(name)
    proto_in, proto_out = sys.stdin, sys.stdout
    children: set[int] = set()

    def reply(obj: dict) -> None:
        proto_out.write(json.dumps(obj) + "\n")
        proto_out.flush()

    reply({"ready": True})
    for line in proto_in:
        req = json.loads(line)
        try:
            if req["op"] == "spawn":
                proto_out.flush()
                sys.stderr.flush()
                pid = os.fork()
                if pid == 0:
                    _child(req)
                children.add(pid)
                reply({"pid": pid})
            elif req["op"] in ("poll", "wait"):
                pid, status, usage = os.wait4(req["pid"], os.WNOHANG if req["op"] == "poll" else 0)
                if pid == 0:
                    reply({"returncode": None})
                else:
                    children.discard(pid)
                    reply({"returncode": os.waitstatus_to_exitcode(status), "cpu": usage.ru_utime + usage.ru_stime})
            else:
                reply({"error": f"unknown op {req['op']!r}"})
        except Exception as exc:  # noqa: BLE001 - said to the test, which fails on it
            reply({"error": repr(exc)})
    for pid in children:  # the session ends: no child outlives the server
        try:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass


if __name__ == "__main__":
    _serve()
