"""``newslint server start|stop|status``: a warm process the command line uses when it runs.

Why: a one-file ``newslint FILE`` spends most of its time importing modules and loading word
data, not linting (see docs/benchmarks.md, "Server mode"). Pre-commit hooks and editors run it
once per file, over and over. The server pays that once: it imports newslint, builds and warms
the default linter, then listens on a Unix socket.

How a command runs through it (the client side is :mod:`newslint.client`): the client sends its
argv, working directory, environment and its descriptors 0, 1 and 2 (``SCM_RIGHTS``); the server
forks a worker that takes them over (``chdir``, ``os.environ``, ``dup2``), runs the unchanged
:func:`newslint.cli.main` and reports the exit status, which the client exits with. Output, exit
codes, configuration discovery, ``--fix``, standard input: all the normal command's, only warm.
Each command gets a fresh fork of the warm state, so nothing one command does (a linter's
furniture memory, a changed setting) is seen by the next.

Security: the socket lives in a private per-user folder (mode 0700, owned by the user; the
server refuses to start otherwise, the client will not connect), the server answers only
connections from its own uid (``SO_PEERCRED``), exits after ``--idle-minutes`` without a
command, and its socket name carries a stamp of the install (:func:`newslint.client.stamp`), so
a server started from an older install or another interpreter is never used.
"""

from __future__ import annotations

import argparse
import os
import select
import signal
import socket
import struct
import sys
import time
from typing import Any

from . import __version__
from .client import (
    connect,
    decode,
    encode,
    private_dir_problem,
    read_replies,
    runtime_dir,
    send_message,
    socket_path,
    supported,
)

#: Default idle time before the server exits, minutes.
IDLE_MINUTES = 30.0
#: Seconds a connected client has to send its command before it is dropped.
REQUEST_TIMEOUT = 10.0
#: Largest command message accepted (argv + environment), bytes.
MAX_MESSAGE = 4 << 20


def error(message: str) -> None:
    sys.stderr.write(f"newslint: server: {message}\n")


# -- the checks of a connection -----------------------------------------------------------------


def peer_uid(conn: socket.socket) -> int:
    """The uid of the process at the other end of a Unix socket (``SO_PEERCRED``: pid, uid, gid)."""
    creds = conn.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    return struct.unpack("3i", creds)[1]


def peer_allowed(uid: int, own: int | None = None) -> bool:
    """Only the server's own user may run commands: a command reads and writes that user's files
    with that user's rights. (The folder is private too; this holds even if it were not.)"""
    return uid == (os.getuid() if own is None else own)


def recv_message(conn: socket.socket) -> tuple[dict[str, Any], list[int]]:
    """One message (:func:`newslint.client.encode`) and the descriptors sent with its length."""
    header, fds, _, _ = socket.recv_fds(conn, 4, 3)
    try:
        message = decode(conn, header, MAX_MESSAGE) if header else None
    except BaseException:
        for fd in fds:
            os.close(fd)
        raise
    if message is None:
        for fd in fds:
            os.close(fd)
        raise ValueError("connection closed before the whole command")
    return message, fds


def reply(conn: socket.socket, message: dict[str, Any]) -> None:
    conn.sendall(encode(message))


# -- the worker: one command ------------------------------------------------------------------


def _stream(fd: int, mode: str, spec: Any, line_buffering: bool) -> Any:
    """A text stream on ``fd`` as the interpreter builds ``sys.std*`` (POSIX: no newline
    translation), with the client's encoding and error handler."""
    encoding, errors = (spec or [None, None]) + [None, None][len(spec or []):]
    return open(fd, mode, buffering=1 if line_buffering else -1, encoding=encoding or "utf-8",
                errors=errors or "strict", newline="\n", closefd=False)


def run_worker(conn: socket.socket, message: dict[str, Any], fds: list[int]) -> int:
    """In the forked worker: become the client's process (descriptors, folder, environment),
    run the command line's ``main`` and return its status."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    received = iter(fds)
    for target, present in enumerate(message.get("fds", [True, True, True])):
        fd = next(received) if present else os.open(os.devnull, os.O_RDWR)
        os.dup2(fd, target)
        if fd > 2:
            os.close(fd)
    os.chdir(message["cwd"])
    os.umask(int(message.get("umask", 0o022)))  # files --fix creates get the client's modes
    os.environ.clear()
    os.environ.update(message["env"])
    streams = message.get("streams") or [None, None, None]
    sys.stdin = sys.__stdin__ = _stream(0, "r", streams[0], False)  # type: ignore[misc]
    sys.stdout = sys.__stdout__ = _stream(1, "w", streams[1], os.isatty(1))  # type: ignore[misc]
    sys.stderr = sys.__stderr__ = _stream(2, "w", streams[2], True)  # type: ignore[misc]
    argv = [str(a) for a in message["argv"]]
    sys.argv = ["newslint", *argv]
    from . import cli, regex_cache

    try:
        status = cli.main(argv)
        regex_cache.save()
    except SystemExit as exc:  # argparse --help/--version
        status = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    return status


def worker(conn: socket.socket, listener: socket.socket, message: dict[str, Any], fds: list[int]) -> None:
    """The forked child's whole life: never returns into the server loop."""
    status = 2
    try:
        listener.close()
        reply(conn, {"pid": os.getpid()})
        status = run_worker(conn, message, fds)
    except BaseException:  # noqa: BLE001 - reported to the client, then the worker exits
        import traceback

        try:
            traceback.print_exc()
        except Exception:  # noqa: BLE001
            pass
    finally:
        for s in (sys.stdout, sys.stderr):
            try:
                s.flush()
            except Exception:  # noqa: BLE001 - a reader that went away: nothing left to say
                pass
        try:
            reply(conn, {"status": status})
        finally:
            os._exit(status & 0xFF)


# -- the server loop ----------------------------------------------------------------------------


def warm(folder: str) -> None:
    """Import everything a default run imports and load the word data: one whole command-line run
    on a short article (its output goes to the server's /dev/null)."""
    from . import cli, regex_cache
    from .runner import WARM_UP

    sample = os.path.join(folder, f"warm-up-{os.getpid()}.txt")
    with open(sample, "w", encoding="utf-8") as fh:
        fh.write(WARM_UP)
    try:
        for argv in (["--isolated", sample], ["--isolated", "--format", "json", sample]):
            cli.main(argv)
    finally:
        os.unlink(sample)
    regex_cache.save()


def serve(path: str, idle_seconds: float, ready: int | None = None) -> None:
    """Warm up, listen on ``path`` and run commands until stopped or idle for ``idle_seconds``."""
    import gc

    folder = os.path.dirname(path)
    warm(folder)
    import threading

    if threading.active_count() > 1:  # forking a process with threads may copy a held lock
        error(f"warning: {threading.active_count() - 1} threads after the warm-up")
    gc.collect()
    gc.freeze()  # the warm objects stay in the permanent generation: forks do not copy them
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    temp = f"{path}.{os.getpid()}"
    listener.bind(temp)
    listener.listen(64)
    os.rename(temp, path)  # clients see the socket only once it accepts
    ident = os.stat(path).st_ino
    started = last = time.monotonic()
    served = 0
    children: set[int] = set()

    def stop(signum: int, frame: Any) -> None:
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if ready is not None:
        os.write(ready, f"ok {os.getpid()}\n".encode())
        os.close(ready)
    try:
        while True:
            while children:
                try:
                    pid, _ = os.waitpid(-1, os.WNOHANG)
                except ChildProcessError:
                    children.clear()
                    break
                if pid == 0:
                    break
                children.discard(pid)
            now = time.monotonic()
            if not children and now - last >= idle_seconds:
                break
            timeout = max(0.05, min(1.0 if children else 60.0, idle_seconds - (now - last)))
            if not select.select([listener], [], [], timeout)[0]:
                continue
            conn, _ = listener.accept()
            fds: list[int] = []
            try:
                if not peer_allowed(peer_uid(conn)):
                    continue
                conn.settimeout(REQUEST_TIMEOUT)
                message, fds = recv_message(conn)
                conn.settimeout(None)
                last = time.monotonic()
                op = message.get("op")
                if op == "status":
                    reply(conn, {"pid": os.getpid(), "version": __version__, "socket": path,
                                 "uptime": round(last - started, 1), "served": served,
                                 "running": len(children), "idle_minutes": idle_seconds / 60})
                elif op == "stop":
                    reply(conn, {"stopped": os.getpid()})
                    break
                elif op == "run":
                    served += 1
                    pid = os.fork()
                    if pid == 0:
                        worker(conn, listener, message, fds)
                    children.add(pid)
                else:
                    reply(conn, {"error": f"unknown request {op!r}"})
            except Exception as exc:  # noqa: BLE001 - a client that went away or spoke nonsense:
                error(f"request dropped: {exc!r}")  # that request fails, the server goes on
            finally:
                for fd in fds:
                    os.close(fd)
                conn.close()
    finally:
        listener.close()
        try:
            if os.stat(path).st_ino == ident:  # not a newer server's socket
                os.unlink(path)
        except OSError:
            pass


# -- the command --------------------------------------------------------------------------------


def _request(op: str, path: str | None = None) -> dict[str, Any] | None:
    sock = connect(path)
    if sock is None:
        return None
    with sock:
        send_message(sock, {"op": op})
        for answer in read_replies(sock):
            return answer
    return None


def start(idle_minutes: float, foreground: bool) -> int:
    if not supported() or not hasattr(socket, "SO_PEERCRED"):
        error("not available on this platform (Unix sockets with SO_PEERCRED are needed)")
        return 2
    folder = runtime_dir()
    try:
        os.makedirs(os.path.dirname(folder), exist_ok=True)
        os.mkdir(folder, 0o700)
    except FileExistsError:
        pass
    except OSError as exc:
        error(f"{folder}: {exc.strerror}")
        return 2
    problem = private_dir_problem(folder)
    if problem:
        error(f"refusing to start: {problem}")
        return 2
    path = socket_path()
    running = _request("status")
    if running:
        print(f"newslint server already running (pid {running.get('pid')}, socket {path})")
        return 0
    if os.path.lexists(path):
        os.unlink(path)  # stale: nobody accepts on it
    idle = max(1.0, idle_minutes * 60)
    if foreground:
        print(f"newslint server (pid {os.getpid()}, socket {path})", flush=True)
        serve(path, idle)
        return 0
    read_end, write_end = os.pipe()
    log = os.path.join(folder, os.path.basename(path)[:-5] + ".log")
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # daemon: a new session, no terminal, the log on standard error
        status = 1
        try:
            os.close(read_end)
            os.setsid()
            if os.fork():
                os._exit(0)
            os.chdir("/")  # hold no folder busy; each worker goes to its client's folder
            null = os.open(os.devnull, os.O_RDWR)
            os.dup2(null, 0)
            os.dup2(null, 1)
            os.dup2(os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), 2)
            serve(path, idle, ready=write_end)
            status = 0
        except SystemExit:  # SIGTERM: a normal stop
            status = 0
        except BaseException:  # noqa: BLE001 - said in the log and through the pipe
            import traceback

            traceback.print_exc()
            try:
                os.write(write_end, b"failed\n")
            except OSError:
                pass
        finally:
            try:
                if status == 0 and os.fstat(2).st_size == 0:  # nothing to read: no log left
                    os.unlink(log)
            finally:
                os._exit(status)
    os.close(write_end)
    os.waitpid(pid, 0)
    answer = b""
    while chunk := os.read(read_end, 256):
        answer += chunk
    os.close(read_end)
    if not answer.startswith(b"ok "):
        error(f"did not start (see {log})")
        return 2
    print(f"newslint server started (pid {answer.split()[1].decode()}, socket {path}, "
          f"idle exit after {idle_minutes:g} min)")
    return 0


def command(argv: list[str]) -> int:
    """``newslint server start [--idle-minutes N] [--foreground] | stop | status``."""
    p = argparse.ArgumentParser(prog="newslint server",
                                description="A warm newslint the command line uses while it runs.")
    p.add_argument("action", choices=("start", "stop", "status"))
    p.add_argument("--idle-minutes", type=float, default=IDLE_MINUTES,
                   help=f"exit after this long without a command (default {IDLE_MINUTES:g})")
    p.add_argument("--foreground", action="store_true", help="start: serve in this process")
    p.add_argument("--all", action="store_true",
                   help="stop: also the servers of other installs (older versions, other interpreters)")
    args = p.parse_args(argv)
    if args.action == "start":
        return start(args.idle_minutes, args.foreground)
    if args.action == "stop" and args.all:
        folder = runtime_dir()
        names = sorted(os.listdir(folder)) if os.path.isdir(folder) else []
        for name in names:
            if name.startswith("server-") and name.endswith(".sock"):
                answer = _request("stop", os.path.join(folder, name))
                if answer is not None:
                    print(f"newslint server stopped (pid {answer.get('stopped')}, socket {name})")
        return 0
    answer = _request(args.action)
    if answer is None:
        print(f"newslint server not running (socket {socket_path()})")
        return 0 if args.action == "stop" else 1
    if args.action == "stop":
        print(f"newslint server stopped (pid {answer.get('stopped')})")
    else:
        print("newslint server running: " + ", ".join(f"{k} {v}" for k, v in answer.items()))
    return 0
